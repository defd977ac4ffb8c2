// Per-language names of the config's own categories and services (translations.<code>.categories):
// written as the library takes them, inline and beside a file's URL, and read back on import. The
// first test holds the switch to what the library's validator accepts.
import { describe, expect, it } from 'vitest';
import {
  LABEL_TRANSLATIONS,
  withLabelTranslations,
} from '../../../configurator/src/model/label-translations';
import { toConfig } from '../../../configurator/src/model/config';
import { newDraft } from '../../../configurator/src/model/draft';
import { importConfig } from '../../../configurator/src/model/import';
import { EN } from '../../../src/config/texts';
import { SHIPPED, verdict } from './support';

function germanDraft() {
  const draft = newDraft();
  draft.languages = ['de'];
  draft.categories[1].services.push({
    preset: 'google-analytics',
    id: 'google-analytics',
    label: 'Google Analytics',
    description: 'x',
    cookies: [],
    blocks: [],
    scriptUrl: '',
  });
  draft.labels.de = {
    analytics: {
      label: 'Statistik',
      description: 'Misst, wie die Seite genutzt wird.',
      services: { 'google-analytics': { description: 'Webanalyse von Google.' } },
    },
    marketing: {},
  };
  return draft;
}

describe('category and service names per language', () => {
  it('matches what the library accepts', () => {
    const config = toConfig(germanDraft(), SHIPPED, { labelTranslations: true });
    const accepted = verdict(config).error === null;
    expect(LABEL_TRANSLATIONS).toBe(accepted);
  });

  it('are left out of the config while switched off', () => {
    const config = toConfig(germanDraft(), SHIPPED, { labelTranslations: false });
    expect((config.translations!.de as any).categories).toBeUndefined();
    expect(verdict(config).error).toBeNull();
  });

  it('go into the translation in the shape the library is to take', () => {
    const config = toConfig(germanDraft(), SHIPPED, { labelTranslations: true });
    expect((config.translations!.de as any).categories).toEqual({
      analytics: {
        label: 'Statistik',
        description: 'Misst, wie die Seite genutzt wird.',
        services: { 'google-analytics': { description: 'Webanalyse von Google.' } },
      },
    });
    expect(withLabelTranslations({}, newDraft(), 'de')).toEqual({});
  });
});

describe('category and service names beside a translation file’s URL, and on import', () => {
  it('go beside the URL of a language the config loads from a file, which the library takes', () => {
    const draft = germanDraft();
    draft.translationUrls.de = '/i18n/de.json';
    const config = toConfig(draft, SHIPPED, { labelTranslations: true });
    expect(config.translations!.de).toEqual({
      url: '/i18n/de.json',
      categories: (toConfig(germanDraft(), SHIPPED, { labelTranslations: true }).translations!.de as any)
        .categories,
    });
    expect(verdict(config).error).toBeNull();
    // No names: the URL alone, as before.
    draft.labels = {};
    expect(toConfig(draft, SHIPPED, { labelTranslations: true }).translations!.de).toBe('/i18n/de.json');
  });

  it('an imported config keeps them, inline and beside a URL, and writes them out again', () => {
    const written = toConfig(germanDraft(), SHIPPED, { labelTranslations: true });
    written.translations!.fr = { url: '/i18n/fr.json', categories: { analytics: { label: 'Statistiques' } } };
    const { draft, notes } = importConfig(written, SHIPPED, EN);
    expect(notes).toEqual([]);
    expect(draft.translationUrls).toEqual({ fr: '/i18n/fr.json' });
    expect(draft.labels.fr).toEqual({ analytics: { label: 'Statistiques' } });
    const again = toConfig(draft, SHIPPED, { labelTranslations: true });
    expect(again.translations).toEqual(written.translations);
  });
});
