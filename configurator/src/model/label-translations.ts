// Category and service names per language, the one part of the texts that waits for the library.
//
// A config's own labels (its categories' and services' names and descriptions) are written in one
// language. The library is to take them per language inside `translations`, in this shape:
//
//   translations: { de: { banner: {…}, preferences: {…},
//     categories: { analytics: { label, description, services: { 'google-analytics': { label, description } } } } } }
//
// Until it does, its validator refuses the `categories` key there, so the configurator neither
// shows these fields nor writes them. When the library accepts it, set LABEL_TRANSLATIONS to true:
// the texts editor then offers each category's and service's names in every language, and the
// config carries them. (tests/unit/configurator/label-translations.test.ts fails as soon as the
// validator accepts the key while this is still false, as a reminder.)
import type { TextsInput } from '../../../src/types';
import type { Draft, LabelTexts } from './draft';

/** Whether the library accepts `translations.<code>.categories`. */
export const LABEL_TRANSLATIONS = true;

/** A translation with the draft's category and service names in that language added. */
export function withLabelTranslations(texts: TextsInput, draft: Draft, code: string): TextsInput {
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
  return Object.keys(categories).length ? ({ ...texts, categories } as TextsInput) : texts;
}
