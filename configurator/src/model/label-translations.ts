// Category and service names per language: a config's own labels (its categories' and services'
// names and descriptions) are written in one language; the library takes them per language inside
// `translations`, in this shape:
//
//   translations: { de: { banner: {…}, preferences: {…},
//     categories: { analytics: { label, description, services: { 'google-analytics': { label, description } } } } } }
//
// (beside a file's URL too: { de: { url: '/i18n/de.json', categories: {…} } }). The texts editor
// offers each category's and service's names in every language, and the config carries those given.
// LABEL_TRANSLATIONS switches it all; tests/unit/configurator/label-translations.test.ts holds it
// to what the library's validator accepts.
import type { Translation } from '../../../src/types';
import type { Draft, LabelTexts } from './draft';

/** Whether the library accepts `translations.<code>.categories`. */
export const LABEL_TRANSLATIONS = true;

/** A translation with the draft's category and service names in that language added. */
export function withLabelTranslations(texts: Translation, draft: Draft, code: string): Translation {
  const given = draft.labels[code] ?? {};
  const categories: Record<string, LabelTexts> = {};
  for (const c of draft.categories) {
    const t = given[c.id];
    if (!t) continue;
    const out: LabelTexts = {};
    if (t.label) out.label = t.label;
    if (t.description) out.description = t.description;
    const services: NonNullable<LabelTexts['services']> = {};
    for (const s of c.services) {
      const st = t.services?.[s.id];
      if (st?.label || st?.description) {
        services[s.id] = {};
        if (st.label) services[s.id].label = st.label;
        if (st.description) services[s.id].description = st.description;
      }
    }
    if (Object.keys(services).length) out.services = services;
    if (Object.keys(out).length) categories[c.id] = out;
  }
  return Object.keys(categories).length ? { ...texts, categories } : texts;
}
