// What the preview runs: the validator sees the site's config with nothing able to run; the
// preview shows it without trackers or a consent log.
import { describe, expect, it } from 'vitest';
import { previewConfigs } from '../../../configurator/src/model/preview-config';
import { toConfig } from '../../../configurator/src/model/config';
import { newDraft } from '../../../configurator/src/model/draft';
import { matches, PRESETS, presetById } from '../../../configurator/src/model/presets';
import { SHIPPED, verdict } from './support';

describe('previewConfigs', () => {
  it('checks every value but runs nothing, and shows without scripts, log or remote texts', () => {
    const draft = newDraft();
    draft.mode = 'opt-out';
    draft.categories[1].optOutDefault = true;
    draft.categories[0].services.push({
      id: 'session',
      label: 'Session',
      description: '',
      cookies: [],
      blocks: [],
      scriptUrl: '/s.js',
    });
    draft.addons.consentLogUrl = 'https://example.com/log';
    draft.languages = ['fr', 'xx'];
    draft.translationUrls = { fr: '/i18n/fr.json', xx: '/i18n/xx.json' };
    const site = toConfig(draft, SHIPPED);
    const { check, config } = previewConfigs(site, SHIPPED);
    expect(check.mode).toBeUndefined();
    expect(check.categories.necessary.required).toBeUndefined();
    expect(check.categories.analytics.default).toBeUndefined();
    expect(check.categories.necessary.services.session.scripts).toEqual([{ src: '/s.js', async: true }]);
    expect(config.categories.necessary.services.session.scripts).toBeUndefined();
    expect(config.consentLog).toBeUndefined();
    expect(config.mode).toBe('opt-out');
    expect(config.translations).toEqual({ fr: SHIPPED.fr });
    expect(site.categories.necessary.services.session.scripts).toBeDefined();
    expect(verdict(check).error).toBeNull();
  });
});

describe('presets', () => {
  it('are the services package’s, searchable by name, cookie or pattern', () => {
    expect(PRESETS.length).toBeGreaterThanOrEqual(23);
    expect(PRESETS.filter((p) => matches(p, 'google analytics')).map((p) => p.id)).toEqual([
      'google-analytics',
    ]);
    expect(PRESETS.filter((p) => matches(p, '_fbp')).map((p) => p.id)).toEqual(['meta-pixel']);
    expect(PRESETS.filter((p) => matches(p, 'hotjar.com')).map((p) => p.id)).toEqual(['hotjar']);
    expect(PRESETS.filter((p) => matches(p, '  '))).toHaveLength(PRESETS.length);
    expect(presetById('nope')).toBeUndefined();
  });
});
