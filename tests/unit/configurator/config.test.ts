// Draft → config: what the snippet holds. Every config made here is handed to the real library
// (init, its public API), which must take it, and the values it reads are checked.
import { describe, expect, it } from 'vitest';
import { toConfig, mergeTexts } from '../../../configurator/src/model/config';
import {
  newDraft,
  renameCategory,
  moveCategory,
  usualMap,
  type Draft,
} from '../../../configurator/src/model/draft';
import { presetById, patternText, PRESETS } from '../../../configurator/src/model/presets';
import { EN } from '../../../src/config/texts';
import { SHIPPED, verdict } from './support';

function withPreset(draft: Draft, category: string, id: string) {
  const preset = presetById(id)!;
  draft.categories
    .find((c) => c.id === category)!
    .services.push({
      preset: id,
      id,
      label: preset.label,
      description: preset.description ?? '',
      cookies: [],
      blocks: [],
      scriptUrl: '',
    });
  return draft;
}

describe('toConfig', () => {
  it('gives a new draft the contract’s defaults: opt-in, 182 days, one required category, nothing else said', () => {
    const config = toConfig(newDraft(), SHIPPED);
    expect(config.mode).toBeUndefined();
    expect(config.cookie).toBeUndefined();
    expect(Object.keys(config.categories)).toEqual(['necessary', 'analytics', 'marketing']);
    expect(config.categories.necessary.required).toBe(true);
    expect(config.categories.analytics.required).toBeUndefined();
    expect(config.categories.analytics.default).toBeUndefined();
    expect(config.categories.marketing.gpc).toBe(true);
    expect(config.policyUrl).toBe('/privacy');
    expect(verdict(config)).toEqual({ error: null, warnings: [] });
  });

  it('writes a preset out whole, patterns as "/re/" strings, so the snippet works with the library alone', () => {
    const config = toConfig(withPreset(newDraft(), 'analytics', 'google-analytics'), SHIPPED);
    const ga = config.categories.analytics.services['google-analytics'];
    const preset = presetById('google-analytics')!;
    expect(ga.label).toBe('Google Analytics');
    expect(ga.description).toBe(preset.description);
    expect(ga.cookies).toEqual(['_ga', '/^_ga_/', '_gid', '/^_gat/', '/^_dc_gtm_/']);
    expect(ga.blocks).toEqual(preset.blocks.map(patternText));
    // Strings only: the JSON of the snippet is the config.
    expect(JSON.parse(JSON.stringify(ga))).toEqual(ga);
    expect(verdict(config).error).toBeNull();
  });

  it('writes every preset so that the library takes it, and its patterns read back as the preset’s RegExps', () => {
    const draft = newDraft();
    for (const p of PRESETS) withPreset(draft, 'analytics', p.id);
    const config = toConfig(draft, SHIPPED);
    expect(verdict(config).error).toBeNull();
    for (const p of PRESETS) {
      const written = config.categories.analytics.services[p.id];
      const back = (written.cookies ?? []).map((c: string) => {
        const m = /^\/(.+)\/([a-z]*)$/.exec(c);
        return m ? new RegExp(m[1], m[2]) : c;
      });
      expect(back.map(String)).toEqual(p.cookies.map(String));
    }
  });

  it('puts a language’s texts inline, whole: the shipped wording with the owner’s edits', () => {
    const draft = newDraft();
    draft.languages = ['de'];
    draft.language = 'de';
    draft.texts.de = { banner: { title: 'Cookies auf unserer Seite' } };
    const config = toConfig(draft, SHIPPED);
    const de = config.translations!.de as any;
    expect(de.banner.title).toBe('Cookies auf unserer Seite');
    expect(de.banner.acceptAll).toBe('Alle akzeptieren');
    expect(Object.keys(de)).toEqual(Object.keys(SHIPPED.de));
    for (const section of Object.keys(SHIPPED.de))
      expect(Object.keys(de[section])).toEqual(Object.keys((SHIPPED.de as any)[section]));
    expect(config.language).toBe('de');
    expect(verdict(config).error).toBeNull();
  });

  it('gives English edits as texts, and only what was changed', () => {
    const draft = newDraft();
    draft.texts.en = { banner: { title: 'Cookies here' } };
    expect(toConfig(draft, SHIPPED).texts).toEqual({ banner: { title: 'Cookies here' } });
    expect(toConfig(newDraft(), SHIPPED).texts).toBeUndefined();
  });

  it('keeps a translation given by URL as that URL', () => {
    const draft = newDraft();
    draft.languages = ['fr'];
    draft.translationUrls.fr = '/i18n/fr.json';
    expect(toConfig(draft, SHIPPED).translations).toEqual({ fr: '/i18n/fr.json' });
  });

  it('writes opt-out defaults only in opt-out mode', () => {
    const draft = newDraft();
    draft.categories[1].optOutDefault = true;
    expect(toConfig(draft, SHIPPED).categories.analytics.default).toBeUndefined();
    draft.mode = 'opt-out';
    const config = toConfig(draft, SHIPPED);
    expect(config.mode).toBe('opt-out');
    expect(config.categories.analytics.default).toBe(true);
    expect(verdict(config)).toEqual({ error: null, warnings: [] });
  });

  it('writes Google Consent Mode as true, as options, or as a whole map without the denied types', () => {
    const draft = newDraft();
    draft.gcm.on = true;
    expect(toConfig(draft, SHIPPED).googleConsentMode).toBe(true);
    draft.gcm.urlPassthrough = true;
    expect(toConfig(draft, SHIPPED).googleConsentMode).toEqual({ urlPassthrough: true });
    draft.gcm.map = {
      analytics_storage: 'analytics',
      ad_storage: 'marketing',
      ad_user_data: 'marketing',
      ad_personalization: '',
      functionality_storage: '',
      personalization_storage: '',
      security_storage: 'granted',
    };
    const gcm = toConfig(draft, SHIPPED).googleConsentMode;
    expect(gcm).toEqual({
      analytics_storage: 'analytics',
      ad_storage: 'marketing',
      ad_user_data: 'marketing',
      security_storage: 'granted',
      urlPassthrough: true,
    });
    expect(verdict(toConfig(draft, SHIPPED)).error).toBeNull();
  });

  it('writes the usual Consent Mode map out for editing so that the library takes it, categories it lacks denied', () => {
    const draft = newDraft();
    draft.gcm.on = true;
    draft.gcm.map = usualMap(draft.categories.map((c) => c.id));
    expect(draft.gcm.map.functionality_storage).toBe('');
    expect(draft.gcm.map.security_storage).toBe('granted');
    expect(verdict(toConfig(draft, SHIPPED)).error).toBeNull();
  });

  it('renames a category in the Consent Mode map too, so the config stays valid', () => {
    const draft = newDraft();
    draft.gcm.on = true;
    draft.gcm.map = {
      analytics_storage: 'analytics',
      ad_storage: 'marketing',
      ad_user_data: 'marketing',
      ad_personalization: 'marketing',
      functionality_storage: '',
      personalization_storage: '',
      security_storage: 'granted',
    };
    renameCategory(draft, 1, 'stats');
    expect(draft.gcm.map.analytics_storage).toBe('stats');
    expect(verdict(toConfig(draft, SHIPPED)).error).toBeNull();
  });

  it('keeps the order of the categories as moved', () => {
    const draft = newDraft();
    moveCategory(draft, 2, -1);
    expect(Object.keys(toConfig(draft, SHIPPED).categories)).toEqual(['necessary', 'marketing', 'analytics']);
    moveCategory(draft, 0, -1);
    expect(draft.categories.map((c) => c.id)).toEqual(['necessary', 'marketing', 'analytics']);
  });

  it('writes lifetime, revision, domain, ui, consent log; an empty lifetime is left for the library to refuse', () => {
    const draft = newDraft();
    draft.days = 30;
    draft.revision = 2;
    draft.cookieDomain = 'example.com';
    draft.ui = { layout: 'bar', position: 'top', theme: 'dark', blocking: true };
    draft.addons.consentLogUrl = ' https://example.com/consent ';
    const config = toConfig(draft, SHIPPED);
    expect(config.cookie).toEqual({ expiresAfterDays: 30, domain: 'example.com' });
    expect(config.revision).toBe(2);
    expect(config.ui).toEqual({ layout: 'bar', position: 'top', theme: 'dark', blocking: true });
    expect(config.consentLog).toEqual({ url: 'https://example.com/consent' });
    draft.days = null;
    expect(verdict(toConfig(draft, SHIPPED)).error?.message).toMatch(/^cookie\.expiresAfterDays must be/);
  });

  it('writes an own service with its cookies, block patterns and script, blank lines dropped', () => {
    const draft = newDraft();
    draft.categories[1].services.push({
      id: 'chat',
      label: 'Chat',
      description: 'Talk to us.',
      cookies: ['chat_id', '', '/^chat_/'],
      blocks: ['chat.example.com/'],
      scriptUrl: ' https://chat.example.com/widget.js ',
    });
    const chat = toConfig(draft, SHIPPED).categories.analytics.services.chat;
    expect(chat).toEqual({
      label: 'Chat',
      description: 'Talk to us.',
      scripts: [{ src: 'https://chat.example.com/widget.js', async: true }],
      cookies: ['chat_id', '/^chat_/'],
      blocks: ['chat.example.com/'],
    });
  });

  it('merges texts section by section', () => {
    expect(mergeTexts(EN, { banner: { title: 'T' } }).banner).toEqual({ ...EN.banner, title: 'T' });
  });
});
