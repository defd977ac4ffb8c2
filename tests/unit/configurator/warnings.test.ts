// Compliant by default; a warning, with its reason, for what regulators flag.
import { describe, expect, it } from 'vitest';
import { findings } from '../../../configurator/src/model/warnings';
import { contrast, contrastProblems, parseHex } from '../../../configurator/src/model/contrast';
import { newDraft, type Draft } from '../../../configurator/src/model/draft';
import { THEMES } from './support';

const at = (draft: Draft, level?: string) =>
  findings(draft, THEMES)
    .filter((f) => !level || f.level === level)
    .map((f) => f.path);

describe('findings', () => {
  it('has nothing but notes for a new draft', () => {
    expect(at(newDraft(), 'warning')).toEqual([]);
    expect(at(newDraft(), 'error')).toEqual([]);
  });

  it('warns, with the reason, about opt-out and its defaults', () => {
    const d = newDraft();
    d.mode = 'opt-out';
    d.categories[1].optOutDefault = true;
    const found = findings(d, THEMES).filter((f) => f.level === 'warning');
    expect(found.map((f) => f.path)).toEqual(['mode', 'categories.analytics.default']);
    expect(found[0].reason).toMatch(/Planet49/);
  });

  it('notes a lifetime over 6 months and warns over 13', () => {
    const d = newDraft();
    d.days = 200;
    expect(findings(d, THEMES).find((f) => f.path === 'cookie.expiresAfterDays')?.level).toBe('note');
    d.days = 400;
    expect(findings(d, THEMES).find((f) => f.path === 'cookie.expiresAfterDays')?.level).toBe('warning');
  });

  it('warns when analytics is made always on, by its name or by the presets in it', () => {
    const d = newDraft();
    d.categories[1].required = true;
    expect(at(d, 'warning')).toEqual(['categories.analytics.required']);
    const e = newDraft();
    e.categories[0].services.push({
      preset: 'hotjar',
      id: 'hotjar',
      label: 'Hotjar',
      description: '',
      cookies: [],
      blocks: [],
      scriptUrl: '',
    });
    expect(findings(e, THEMES).find((f) => f.path === 'categories.necessary.required')?.text).toMatch(
      /holds Hotjar/,
    );
    const f = newDraft();
    f.categories[0].services.push({
      preset: 'recaptcha',
      id: 'recaptcha',
      label: 'reCAPTCHA',
      description: '',
      cookies: [],
      blocks: [],
      scriptUrl: '',
    });
    expect(at(f, 'warning')).toEqual([]);
  });

  it('warns about a missing policy link, an empty Decline all, duplicate ids, plain-http logs', () => {
    const d = newDraft();
    d.policyUrl = '';
    d.texts.de = { banner: { rejectAll: '' } };
    d.categories[2].id = 'analytics';
    d.addons.consentLogUrl = 'http://example.com/log';
    const found = findings(d, THEMES);
    expect(found.filter((f) => f.level !== 'note').map((f) => f.path)).toEqual([
      'policyUrl',
      'categories.analytics',
      'categories.analytics',
      'consentLog.url',
      'translations.de.banner.rejectAll',
    ]);
    expect(found.find((f) => f.path.endsWith('rejectAll'))?.reason).toMatch(/as easy/);
  });

  it('notes Google services without Consent Mode, and advertising without GPC', () => {
    const d = newDraft();
    d.categories[2].gpc = false;
    d.categories[2].services.push({
      preset: 'google-ads',
      id: 'google-ads',
      label: 'Google Ads',
      description: '',
      cookies: [],
      blocks: [],
      scriptUrl: '',
    });
    expect(at(d, 'note')).toEqual(expect.arrayContaining(['googleConsentMode', 'categories.marketing.gpc']));
    d.gcm.on = true;
    d.categories[2].gpc = true;
    expect(at(d, 'note')).not.toEqual(expect.arrayContaining(['googleConsentMode']));
  });

  it('warns under 4.5:1 for text pairs and 3:1 for controls, in the themes shown only', () => {
    const d = newDraft();
    d.style.light.accent = '#ffcc00';
    expect(at(d, 'warning')).toEqual(['style.light.accent', 'style.light.btnFg', 'style.light.accent']);
    d.ui.theme = 'dark';
    expect(at(d, 'warning')).toEqual([]);
    d.style.dark.bg = '#ffffff';
    expect(at(d, 'warning')).toContain('style.dark.fg');
  });
});

describe('contrast', () => {
  it('is WCAG’s ratio', () => {
    expect(contrast('#000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#fff')).toBeCloseTo(4.48, 2);
    expect(contrast('#1d4ed8', '#fff')).toBeGreaterThan(4.5);
    expect(contrast('red', '#fff')).toBeNull();
    expect(parseHex('#0b6e4f')).toEqual([11, 110, 79]);
  });

  it('leaves the library’s own colours alone', () => {
    expect(contrastProblems({ bg: '', fg: '', accent: '', btnFg: '' }, THEMES.light)).toEqual([]);
    expect(contrastProblems({ bg: '', fg: '#1f2328', accent: '', btnFg: '' }, THEMES.light)).toEqual([]);
  });
});

describe('a banner always in another language', () => {
  it('notes the categories and preset descriptions still in English', () => {
    const d = newDraft();
    d.languages = ['de'];
    d.language = 'de';
    d.categories[1].services.push({
      preset: 'hotjar',
      id: 'hotjar',
      label: 'Hotjar',
      description: 'Heatmaps, session recordings and on-page surveys.',
      cookies: [],
      blocks: [],
      scriptUrl: '',
    });
    d.categories[2].label = 'Werbung';
    expect(at(d, 'note')).toEqual(
      expect.arrayContaining([
        'categories.necessary.label',
        'categories.analytics.label',
        'categories.analytics.services.hotjar.description',
      ]),
    );
    expect(at(d, 'note')).not.toContain('categories.marketing.label');
    d.language = 'auto';
    expect(at(d, 'note')).not.toContain('categories.necessary.label');
  });
});
