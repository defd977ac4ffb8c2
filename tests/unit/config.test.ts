import { describe, expect, it, vi } from 'vitest';
import { validate } from '../../src/config/validate';
import { ConsentGateConfigError } from '../../src/index';
import { demoConfig } from './helpers';

const bad = (cfg: unknown) => {
  try {
    validate(cfg);
  } catch (e) {
    expect(e).toBeInstanceOf(ConsentGateConfigError);
    expect((e as Error).name).toBe('ConsentGateConfigError');
    return (e as Error).message;
  }
  throw new Error('expected a ConsentGateConfigError');
};

describe('config validation', () => {
  it('fills in the contract defaults', () => {
    const s = validate(demoConfig());
    expect(s.revision).toBe(0);
    expect(s.cookie).toEqual({
      name: 'cg_consent',
      path: '/',
      sameSite: 'Lax',
      expiresAfterDays: 182,
      domain: undefined,
    });
    expect(s.ids).toEqual(['necessary', 'analytics', 'marketing']);
    expect(s.categories.marketing.services).toEqual({});
    expect(s.categories.analytics.services.hotjar.scripts).toEqual([]);
    // null stands for "not given" where it always has; an explicit undefined too.
    expect(validate(demoConfig({ revision: null as never })).revision).toBe(0);
    expect(validate(demoConfig({ cookie: null as never, ui: { layout: undefined } })).ui.layout).toBe('box');
  });

  it('names the path of a bad script source', () => {
    const cfg = demoConfig();
    cfg.categories.analytics.services!['google-analytics'].scripts = [{ src: 42 as unknown as string }];
    expect(bad(cfg)).toContain(
      'categories.analytics.services.google-analytics.scripts[0].src must be a string (got number)',
    );
  });

  it('checks script attributes', () => {
    const cfg = demoConfig();
    cfg.categories.analytics.services!.hotjar.scripts = [
      { src: 'a.js', attrs: { 'data-x': '1', crossorigin: undefined as never } },
    ];
    expect(bad(cfg)).toContain('hotjar.scripts[0].attrs.crossorigin must be a string (got undefined)');
    cfg.categories.analytics.services!.hotjar.scripts = [{ src: 'a.js', attrs: ['x'] as never }];
    expect(bad(cfg)).toContain('hotjar.scripts[0].attrs must be an object (got an array)');
  });

  it('rejects a script with both src and inline, and one with neither', () => {
    const cfg = demoConfig();
    cfg.categories.analytics.services!.hotjar.scripts = [{ inline: 'x' }, { src: 'a.js', inline: 'x' }];
    expect(bad(cfg)).toContain('scripts[1] must be either { src } or { inline }');
    cfg.categories.analytics.services!.hotjar.scripts = [{} as never];
    expect(bad(cfg)).toContain('hotjar.scripts[0] must be either { src } or { inline }');
  });

  it('refuses an expiry over 13 months', () => {
    expect(bad(demoConfig({ cookie: { expiresAfterDays: 396 } }))).toContain(
      'cookie.expiresAfterDays must be a number of days from 1 to 395',
    );
    expect(validate(demoConfig({ cookie: { expiresAfterDays: 395 } })).cookie.expiresAfterDays).toBe(395);
  });

  it('explains missing or empty categories, labels and bad ids', () => {
    expect(bad(undefined)).toBe('the config must be an object (got undefined)');
    expect(bad({})).toContain('categories must be an object with at least one category (got undefined)');
    expect(bad({ categories: {} })).toContain(
      'categories must be an object with at least one category (got object)',
    );
    expect(bad({ categories: { analytics: {} } })).toContain('categories.analytics.label must be a string');
    expect(bad({ categories: { __proto__: { label: 'x' } } })).toBeTruthy();
    expect(bad(JSON.parse('{"categories":{"__proto__":{"label":"x"}}}'))).toContain(
      'categories["__proto__"]',
    );
    expect(bad({ categories: { a: { label: 'A', services: { 'has space': { label: 'x' } } } } })).toContain(
      'categories.a.services["has space"] must be letters, digits, - and _, starting with a letter (got "has space")',
    );
    // As before, null stands for "no services".
    expect(validate({ categories: { a: { label: 'A', services: null } } }).categories.a.services).toEqual({});
    expect(bad({ categories: null })).toContain(
      'categories must be an object with at least one category (got null)',
    );
  });

  it('checks types of callbacks, flags and texts', () => {
    expect(bad(demoConfig({ onConsent: 'nope' as never }))).toContain(
      'onConsent must be a function (got "nope")',
    );
    expect(bad(demoConfig({ revision: -1 }))).toContain('revision must be a whole number');
    expect(bad(demoConfig({ texts: { banner: { titel: 'x' } as never } }))).toContain(
      'texts.banner.titel must be one of: title, description, acceptAll, rejectAll, preferences, readMore (got "titel")',
    );
    expect(bad(demoConfig({ texts: { banner: { title: 3 as never } } }))).toContain(
      'texts.banner.title must be a string (got number)',
    );
    expect(bad(demoConfig({ texts: { banner: { title: undefined } } }))).toContain(
      'texts.banner.title must be a string (got undefined)',
    );
    expect(bad(demoConfig({ translations: { de: { preferences: { save: null as never } } } }))).toContain(
      'translations.de.preferences.save must be a string (got null)',
    );
    expect(bad(demoConfig({ cookie: { sameSite: 'lax' as never } }))).toContain(
      'cookie.sameSite must be one of: Lax, Strict, None (got "lax")',
    );
    expect(bad(demoConfig({ cookie: { name: 'my cookie' } }))).toContain(
      'cookie.name must be letters, digits, - and _ (got "my cookie")',
    );
    expect(bad(demoConfig({ revision: 1.5 }))).toContain('revision must be a whole number >= 0 (got number)');
    // Only the texts' own keys: nothing inherited from Object.prototype passes for a known one.
    expect(bad(demoConfig({ texts: { constructor: {} } as never }))).toContain(
      'texts.constructor must be one of: banner, preferences, embed',
    );
    expect(bad(demoConfig({ texts: { banner: { toString: 'x' } } as never }))).toContain(
      'texts.banner.toString must be one of: title,',
    );
  });

  it('turns "/regex/" cookie patterns from JSON configs into RegExps, other strings stay names', () => {
    const s = validate(
      JSON.parse(
        '{"categories":{"a":{"label":"A","services":{"ga":{"label":"GA","cookies":["_gid","/^_ga/i"]}}}}}',
      ),
    );
    const [name, re] = s.categories.a.services.ga.cookies;
    expect(name).toBe('_gid');
    expect(re).toBeInstanceOf(RegExp);
    expect((re as RegExp).test('_GA_XYZ')).toBe(true);
    expect(
      bad(
        JSON.parse('{"categories":{"a":{"label":"A","services":{"ga":{"label":"GA","cookies":["/(/"]}}}}}'),
      ),
    ).toContain('categories.a.services.ga.cookies[0] must be a string, a RegExp or "/regex/" (got "/(/")');
    // Only a string is read as "/regex/": an array that stringifies to one is no pattern.
    expect(
      bad({
        categories: { a: { label: 'A', services: { ga: { label: 'GA', cookies: [['/^_ga/']] as never } } } },
      }),
    ).toContain('categories.a.services.ga.cookies[0] must be a string, a RegExp or "/regex/" (got an array)');
  });

  it('validates Google Consent Mode maps against the categories', () => {
    // true: the default mapping, which may name categories the config lacks (their types stay denied).
    expect(validate(demoConfig({ googleConsentMode: true })).gcm).toMatchObject({
      map: { analytics_storage: 'analytics', functionality_storage: 'preferences' },
      waitForUpdate: 500,
    });
    expect(validate(demoConfig({ googleConsentMode: false })).gcm).toBeUndefined();
    // A map is the whole map.
    expect(validate(demoConfig({ googleConsentMode: { analytics_storage: 'analytics' } })).gcm).toEqual({
      map: { analytics_storage: 'analytics' },
      analytics_storage: 'analytics',
      waitForUpdate: 500,
    });
    expect(bad(demoConfig({ googleConsentMode: { ad_storage: 'ads' } }))).toContain(
      'googleConsentMode.ad_storage must be one of: necessary, analytics, marketing, granted (got "ads")',
    );
    expect(bad(demoConfig({ googleConsentMode: { foo: 'analytics' } as never }))).toContain(
      'googleConsentMode.foo must be one of: analytics_storage, ad_storage, ad_user_data, ad_personalization, functionality_storage, personalization_storage, security_storage, adsDataRedaction, urlPassthrough, waitForUpdate (got "foo")',
    );
    expect(bad(demoConfig({ googleConsentMode: 'yes' as never }))).toContain(
      'googleConsentMode must be an object (got "yes")',
    );
  });

  it('validates Google Consent Mode options beside the map', () => {
    const g = (googleConsentMode: unknown) =>
      validate(demoConfig({ googleConsentMode: googleConsentMode as never })).gcm;
    // Options alone keep the default map.
    expect(g({ urlPassthrough: true, adsDataRedaction: true, waitForUpdate: 0 })).toMatchObject({
      map: { ad_storage: 'marketing' },
      urlPassthrough: true,
      adsDataRedaction: true,
      waitForUpdate: 0,
    });
    expect(
      g({ analytics_storage: 'analytics', security_storage: 'granted', waitForUpdate: 2000 }),
    ).toMatchObject({
      map: { analytics_storage: 'analytics', security_storage: 'granted' },
      waitForUpdate: 2000,
    });
    expect(bad(demoConfig({ googleConsentMode: { urlPassthrough: 'yes' } as never }))).toContain(
      'googleConsentMode.urlPassthrough must be a boolean (got "yes")',
    );
    expect(bad(demoConfig({ googleConsentMode: { adsDataRedaction: 1 } as never }))).toContain(
      'googleConsentMode.adsDataRedaction must be a boolean (got number)',
    );
    expect(bad(demoConfig({ googleConsentMode: { waitForUpdate: '500' } as never }))).toContain(
      'googleConsentMode.waitForUpdate must be a number (got "500")',
    );
  });

  it('validates mode, default, consentLog and blocks', () => {
    expect(validate(demoConfig({ mode: 'opt-out' })).mode).toBe('opt-out');
    expect(bad(demoConfig({ mode: 'optout' as never }))).toContain(
      'mode must be one of: opt-in, opt-out (got "optout")',
    );
    expect(bad(demoConfig({ categories: { a: { label: 'A', default: 'yes' as never } } }))).toContain(
      'categories.a.default must be a boolean (got "yes")',
    );
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    validate(demoConfig({ categories: { a: { label: 'A', default: true } } }));
    expect(warn).toHaveBeenCalledWith('consent-gate: categories.a.default needs mode: "opt-out"');
    warn.mockClear();
    validate(demoConfig({ mode: 'opt-out', categories: { a: { label: 'A', default: true } } }));
    expect(warn).not.toHaveBeenCalled();

    expect(validate(demoConfig({ consentLog: { url: '/consent-log' } })).consentLog).toEqual({
      url: '/consent-log',
    });
    expect(bad(demoConfig({ consentLog: {} as never }))).toContain(
      'consentLog.url must be a string (got undefined)',
    );
    expect(bad(demoConfig({ consentLog: '/log' as never }))).toContain(
      'consentLog must be an object (got "/log")',
    );

    const svc = (blocks: unknown) =>
      validate({
        categories: { a: { label: 'A', services: { s: { label: 'S', blocks: blocks as never } } } },
      }).categories.a.services.s.blocks;
    expect(svc(undefined)).toEqual([]);
    expect(svc(['googletagmanager.com', /gtag\/js/, '/^https:\\/\\/x\\.test\\//i'])).toEqual([
      'googletagmanager.com',
      /gtag\/js/,
      /^https:\/\/x\.test\//i,
    ]);
    expect(
      bad({ categories: { a: { label: 'A', services: { s: { label: 'S', blocks: 'x.com' as never } } } } }),
    ).toContain('categories.a.services.s.blocks must be an array (got "x.com")');
    expect(
      bad({ categories: { a: { label: 'A', services: { s: { label: 'S', blocks: [1] as never } } } } }),
    ).toContain('categories.a.services.s.blocks[0] must be a string, a RegExp or "/regex/" (got number)');
  });

  it('fills in and checks the ui options', () => {
    expect(validate(demoConfig()).ui).toEqual({ layout: 'box', position: 'bottom', theme: 'light' });
    const ui = { layout: 'bar', position: 'top', theme: 'auto', blocking: true } as const;
    expect(validate(demoConfig({ ui })).ui).toEqual(ui);
    expect(validate(demoConfig({ ui: { position: 'top-left' } })).ui.position).toBe('top-left');
    expect(bad(demoConfig({ ui: { layout: 'sidebar' as never } }))).toBe(
      'ui.layout must be one of: box, bar, cloud (got "sidebar")',
    );
    expect(bad(demoConfig({ ui: { position: 'middle' as never } }))).toContain(
      'ui.position must be one of: bottom, top, bottom-left, bottom-right, top-left, top-right (got "middle")',
    );
    expect(bad(demoConfig({ ui: { theme: 'black' as never } }))).toContain(
      'ui.theme must be one of: light, dark, auto (got "black")',
    );
    expect(bad(demoConfig({ ui: { blocking: 'yes' as never } }))).toContain(
      'ui.blocking must be a boolean (got "yes")',
    );
    expect(bad(demoConfig({ ui: 'dark' as never }))).toContain('ui must be an object (got "dark")');
  });

  it('warns about unknown options instead of failing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    validate({ ...demoConfig(), categoriez: {} });
    expect(warn).toHaveBeenCalledWith('consent-gate: unknown option "categoriez" ignored');
  });

  it('a cookie lifetime given as a string is a config error', () => {
    expect(() => validate(demoConfig({ cookie: { expiresAfterDays: '30' as never } }))).toThrow(
      'cookie.expiresAfterDays must be a number of days from 1 to 395 (got "30")',
    );
    expect(() => validate(demoConfig({ cookie: { sameSite: 1 as never } }))).toThrow(
      'cookie.sameSite must be one of: Lax, Strict, None (got number)',
    );
  });

  it('warns about a misspelt option even when it is part of a known one', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    validate({ ...demoConfig(), text: {}, lang: 'de' });
    expect(warn.mock.calls.map((c) => c[0])).toEqual([
      'consent-gate: unknown option "text" ignored',
      'consent-gate: unknown option "lang" ignored',
    ]);
  });
});
