import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as services from '../../src/services/index';
import { servicesFrom, type PresetCategory, type ServicePreset } from '../../src/services/index';
import { toService, validate } from '../../src/config/validate';
import * as cg from '../../src/index';
import { presetsTable } from '../../scripts/presets-table.mjs';
import { freshPage } from './helpers';

freshPage();

const CATEGORIES: readonly PresetCategory[] = ['necessary', 'preferences', 'analytics', 'marketing'];
const presets = Object.values(services).filter(
  (v): v is ServicePreset => typeof v == 'object' && v !== null && 'id' in v,
);

/** The documented matching: a string is a substring of the URL, a RegExp is searched in it. */
const blocks = (p: ServicePreset, url: string) =>
  p.blocks.some((b) => (typeof b == 'string' ? url.includes(b) : b.test(url)));
/** As deleteCookies matches: a string is the exact name, a RegExp is searched in it. */
const deletes = (p: ServicePreset, name: string) =>
  p.cookies.some((c) => (typeof c == 'string' ? c == name : name.search(c) >= 0));

// Real URLs each vendor's snippet loads: each must be held back by its own preset and no other.
const URLS: Record<string, string[]> = {
  'google-analytics': [
    'https://www.googletagmanager.com/gtag/js?id=G-ABC123XYZ',
    'https://www.googletagmanager.com/gtag/js?l=dataLayer&id=G-ABC123',
    'https://www.google-analytics.com/analytics.js',
  ],
  'google-tag-manager': [
    'https://www.googletagmanager.com/gtm.js?id=GTM-ABC1234',
    'https://www.googletagmanager.com/ns.html?id=GTM-ABC1234',
  ],
  'google-ads': [
    'https://www.googletagmanager.com/gtag/js?id=AW-123456789',
    'https://www.googleadservices.com/pagead/conversion.js',
    'https://googleads.g.doubleclick.net/pagead/viewthroughconversion/123456789/',
  ],
  'meta-pixel': [
    'https://connect.facebook.net/en_US/fbevents.js',
    'https://connect.facebook.net/signals/config/123456789?v=2.9.1&r=stable',
  ],
  'microsoft-clarity': [
    'https://www.clarity.ms/tag/abcdef1234',
    'https://scripts.clarity.ms/0.7.49/clarity.js',
  ],
  hotjar: ['https://static.hotjar.com/c/hotjar-1234567.js?sv=6', 'https://script.hotjar.com/modules.abc.js'],
  matomo: [
    'https://stats.example.org/matomo.js',
    'https://stats.example.org/piwik.js?v=4',
    'https://cdn.matomo.cloud/example.matomo.cloud/container_AbC123.js',
  ],
  plausible: ['https://plausible.io/js/script.js', 'https://plausible.io/js/pa-AbC123.js'],
  'linkedin-insight': ['https://snap.licdn.com/li.lms-analytics/insight.min.js'],
  'tiktok-pixel': ['https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=ABC&lib=ttq'],
  'pinterest-tag': ['https://s.pinimg.com/ct/core.js', 'https://s.pinimg.com/ct/lib/main.abc.js'],
  'x-pixel': ['https://static.ads-twitter.com/uwt.js'],
  'microsoft-advertising': ['https://bat.bing.com/bat.js', 'https://bat.bing.com/p/action/123456.js'],
  hubspot: [
    'https://js.hs-scripts.com/1234567.js',
    'https://js-eu1.hs-analytics.net/analytics/1700000000000/1234567.js',
    'https://js.usemessages.com/conversations-embed.js',
  ],
  intercom: ['https://widget.intercom.io/widget/abc123de', 'https://js.intercomcdn.com/frame-modern.abc.js'],
  mixpanel: ['https://cdn.mxpnl.com/libs/mixpanel-2-latest.min.js'],
  segment: ['https://cdn.segment.com/analytics.js/v1/WRITEKEY/analytics.min.js'],
  amplitude: ['https://cdn.amplitude.com/script/0123456789abcdef0123456789abcdef.js'],
  posthog: [
    'https://us-assets.i.posthog.com/static/array.js',
    'https://eu-assets.i.posthog.com/static/recorder.js',
  ],
  youtube: [
    'https://www.youtube.com/embed/dQw4w9WgXcQ',
    'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0',
    'https://www.youtube.com/iframe_api',
  ],
  vimeo: ['https://player.vimeo.com/video/76979871?dnt=1', 'https://player.vimeo.com/api/player.js'],
  'google-maps': [
    'https://www.google.com/maps/embed?pb=!1m18!1m12',
    'https://maps.googleapis.com/maps/api/js?key=KEY&callback=initMap',
  ],
  recaptcha: [
    'https://www.google.com/recaptcha/api.js',
    'https://www.recaptcha.net/recaptcha/enterprise.js?render=KEY',
    'https://www.gstatic.com/recaptcha/releases/abc/recaptcha__en.js',
  ],
};

// Cookie names the patterns stand for, as they show up in a browser.
const PATTERN_SAMPLES: Record<string, string[]> = {
  'google-analytics': ['_ga_ABC123XYZ', '_gat', '_gat_gtag_UA_123_1', '_dc_gtm_UA-123-1'],
  'google-ads': ['_gcl_au', '_gcl_aw', '_gac_UA-123-1'],
  hotjar: ['_hjSessionUser_1234567', '_hjSession_1234567', '_hjTLDTest'],
  matomo: ['_pk_id.1.1fff', '_pk_ses.1.1fff', '_pk_ref.1.1fff', '_pk_testcookie'],
  'tiktok-pixel': ['ttcsid', 'ttcsid_C1ABCDEFGH'],
  intercom: ['intercom-id-abc123de', 'intercom-session-abc123de', 'intercom-device-id-abc123de'],
  mixpanel: ['mp_0123456789abcdef_mixpanel'],
  amplitude: ['AMP_0123456789', 'AMP_MKTG_0123456789', 'amp_012345'],
  posthog: ['ph_phc_AbC123_posthog'],
};

// Cookies of the site itself or of no preset: declining a preset must leave them alone.
const FOREIGN = [
  'cg_consent',
  'PHPSESSID',
  'session',
  'lang',
  'AMP_TOKEN',
  '_gac',
  'ga',
  'hj',
  'intercom',
  'mp_token',
];

describe('service presets', () => {
  it('cover at least 20 trackers and embeds, the ones the issue names included', () => {
    expect(presets.length).toBeGreaterThanOrEqual(20);
    const named = [
      'googleAnalytics',
      'googleTagManager',
      'googleAds',
      'metaPixel',
      'microsoftClarity',
      'hotjar',
      'matomo',
      'plausible',
      'linkedInInsight',
      'tiktokPixel',
      'pinterestTag',
      'xPixel',
      'hubspot',
      'intercom',
      'mixpanel',
      'segment',
      'youtube',
      'vimeo',
      'googleMaps',
      'recaptcha',
    ];
    for (const name of named) expect(services, name).toHaveProperty(name);
  });

  it('each passes the library’s own service validation unchanged', () => {
    for (const p of presets) {
      const s = toService(p, `categories.${p.category}.services.${p.id}`);
      expect(s.cookies, p.id).toEqual(p.cookies);
      expect(s.label).toBe(p.label);
    }
  });

  it('ids are unique and kebab-case, categories from the documented four, labels and descriptions one line', () => {
    const ids = presets.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of presets) {
      expect(p.id, p.id).toMatch(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
      expect(CATEGORIES, p.id).toContain(p.category);
      expect(p.label.trim(), p.id).toBe(p.label);
      expect(p.description, p.id).toMatch(/^[^\n]{10,90}$/);
    }
  });

  it('each lists a cookie, or says why it lists none', () => {
    for (const p of presets) {
      if (p.cookies.length) continue;
      // None on the site's domain: the line the visitor reads says so (none at all, or only on the vendor's domain).
      expect(p.description, p.id).toMatch(/cookie/i);
    }
  });

  it('cookie patterns are anchored and stateless; names are plain cookie names', () => {
    for (const p of presets) {
      for (const c of [...p.cookies, ...(p.thirdPartyCookies ?? [])]) {
        if (typeof c == 'string') expect(c, p.id).toMatch(/^[\w.-]+$/);
        // Unanchored, /ga/ would delete any cookie with "ga" in its name; g and y make search() and test() stateful.
        else expect(c.source.startsWith('^') && !/[gy]/.test(c.flags), `${p.id} ${c}`).toBe(true);
      }
    }
  });

  it('each cookie name is deleted by its own preset only, and no site cookie by any', () => {
    for (const p of presets) {
      const samples = [
        ...p.cookies.filter((c): c is string => typeof c == 'string'),
        ...(PATTERN_SAMPLES[p.id] ?? []),
      ];
      for (const r of p.cookies)
        if (r instanceof RegExp)
          expect(
            samples.some((n) => r.test(n)),
            `${p.id}: a sample for ${r}`,
          ).toBe(true);
      for (const name of samples) {
        expect(
          presets.filter((q) => deletes(q, name)).map((q) => q.id),
          name,
        ).toEqual([p.id]);
      }
    }
    // Third-party names (MUID, PREF, player…) are often the site's own too: no preset may delete them.
    const thirdParty = presets.flatMap((p) => p.thirdPartyCookies ?? []);
    for (const name of [...FOREIGN, ...thirdParty])
      expect(
        presets.filter((q) => deletes(q, name)).map((q) => q.id),
        name,
      ).toEqual([]);
  });

  it('each has block patterns specific enough to hold back its own scripts and nobody else’s', () => {
    expect(Object.keys(URLS).sort()).toEqual(presets.map((p) => p.id).sort());
    for (const p of presets) {
      expect(p.blocks.length, p.id).toBeGreaterThan(0);
      for (const b of p.blocks) {
        if (typeof b == 'string')
          expect(b.length >= 8 && b.includes('.'), `${p.id}: "${b}" is too broad`).toBe(true);
        else expect(/[gy]/.test(b.flags), `${p.id} ${b}`).toBe(false);
      }
      for (const url of URLS[p.id])
        expect(
          presets.filter((q) => blocks(q, url)).map((q) => q.id),
          url,
        ).toEqual([p.id]);
    }
    // The site's own scripts and neighbouring vendor URLs stay untouched.
    for (const url of [
      'https://example.com/app.js',
      'https://connect.facebook.net/en_US/sdk.js',
      'https://www.googletagmanager.com/gtag/js?id=GT-ABC',
      'https://www.google.com/search?q=maps',
    ])
      expect(
        presets.filter((q) => blocks(q, url)).map((q) => q.id),
        url,
      ).toEqual([]);
  });

  it('servicesFrom() keys presets by id, keeps overrides, and the result is a valid category', () => {
    const gaScripts = [{ src: 'https://www.googletagmanager.com/gtag/js?id=G-XXXX', async: true }];
    const map = servicesFrom(
      services.googleAnalytics,
      { ...services.hotjar, description: 'Heatmaps.' },
      { ...services.googleAnalytics, scripts: gaScripts },
    );
    expect(Object.keys(map)).toEqual(['google-analytics', 'hotjar']);
    expect(map['google-analytics'].scripts).toBe(gaScripts);
    expect(map.hotjar.description).toBe('Heatmaps.');
    // Every preset placed in its usual category makes a valid config.
    const categories = Object.fromEntries(
      CATEGORIES.map((c) => [
        c,
        {
          label: c,
          required: c == 'necessary',
          services: servicesFrom(...presets.filter((p) => p.category == c)),
        },
      ]),
    );
    const s = validate({ categories });
    expect(Object.values(s.categories).reduce((n, c) => n + Object.keys(c.services).length, 0)).toBe(
      presets.length,
    );
  });

  it('declining a preset service deletes its cookies and leaves the site’s own and other vendors’ alone', () => {
    const set = [
      '_ga=GA1.1.1.1',
      '_ga_ABC123=GS1.1',
      '_gid=GA1.1.2',
      '_gat_gtag_UA_1_1=1',
      '_hjSessionUser_123=x',
      '_fbp=fb.1.2',
      'SM=site',
      'PREF=site',
      'AMP_TOKEN=x',
    ];
    for (const c of set) document.cookie = c + '; path=/';
    cg.init({
      categories: {
        necessary: { label: 'Necessary', required: true },
        analytics: {
          label: 'Analytics',
          services: servicesFrom(services.googleAnalytics, services.hotjar, services.microsoftClarity),
        },
        marketing: { label: 'Marketing', services: servicesFrom(services.metaPixel, services.youtube) },
      },
    });
    cg.update({ analytics: false, marketing: true });
    const left = document.cookie
      .split('; ')
      .map((c) => c.split('=')[0])
      .filter((n) => n != 'cg_consent')
      .sort();
    expect(left).toEqual(['AMP_TOKEN', 'PREF', 'SM', '_fbp']);
  });

  it('the table of docs/presets.md lists every preset as the code has it', () => {
    const page = readFileSync(resolve(__dirname, '../../docs/presets.md'), 'utf8');
    expect(page).toContain(presetsTable(services));
  });
});
