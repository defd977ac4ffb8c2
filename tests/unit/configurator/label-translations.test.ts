// Per-language names of the config's own categories and services: kept apart until the library
// takes them. This file fails as soon as the library accepts `translations.<code>.categories` while
// the configurator still has it switched off, so that it gets switched on.
import { describe, expect, it } from 'vitest';
import {
  LABEL_TRANSLATIONS,
  withLabelTranslations,
} from '../../../configurator/src/model/label-translations';
import { toConfig } from '../../../configurator/src/model/config';
import { newDraft } from '../../../configurator/src/model/draft';
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
