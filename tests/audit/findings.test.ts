// From records to findings, and to a suggested config: the rules, on evidence made by hand.
import { describe, expect, it, vi } from 'vitest';
import { validate } from '../../src/config/validate';
import { findingsFor, type PageEvidence } from '../../src/audit/findings';
import { suggestConfig } from '../../src/audit/suggest';
import type { ButtonInfo, CookieRecord, Phase, RequestRecord } from '../../src/audit/types';

const PAGE = 'https://shop.example/';
const GA = { id: 'google-analytics', label: 'Google Analytics', category: 'analytics' as const };
const META = { id: 'meta-pixel', label: 'Meta Pixel', category: 'marketing' as const };

function cookie(name: string, phase: Phase, over: Partial<CookieRecord> = {}): CookieRecord {
  return {
    page: PAGE,
    name,
    domain: 'shop.example',
    path: '/',
    expires: null,
    httpOnly: false,
    secure: false,
    sameSite: 'Lax',
    firstParty: true,
    setBy: 'script',
    class: 'unknown',
    phase,
    t: 100,
    writes: 1,
    ...over,
  };
}

function request(url: string, phase: Phase, over: Partial<RequestRecord> = {}): RequestRecord {
  return {
    page: PAGE,
    url,
    method: 'GET',
    type: 'script',
    site: 'x',
    thirdParty: true,
    tracker: false,
    phase,
    t: 10,
    ...over,
  };
}

const look = {
  width: 100,
  height: 40,
  fontSize: 15,
  fontWeight: 600,
  color: 'rgb(255, 255, 255)',
  background: 'rgb(0, 0, 0)',
  backdrop: 'rgb(0, 0, 0)',
  surroundings: 'rgb(255, 255, 255)',
  borderWidth: 0,
  borderStyle: 'none',
  borderColor: 'rgb(0, 0, 0)',
  textDecoration: 'none',
  opacity: 1,
  style: {},
};
const accept: ButtonInfo = { text: 'Accept all', look };
const reject: ButtonInfo = { text: 'Decline all', look };
const dialog = { name: 'We use cookies', where: 'div[role=dialog]', shadow: false, accept, reject };

const evidence = (over: Partial<PageEvidence>): PageEvidence => ({
  url: PAGE,
  cookies: [],
  requests: [],
  storage: [],
  dialog,
  decline: { clicks: ['Decline all'], depth: 1, via: 'reject' },
  returning: false,
  gpc: false,
  ...over,
});

describe('findingsFor', () => {
  it('finds nothing on a page that waits for the choice', () => {
    const page = evidence({
      cookies: [
        cookie('cg_consent', 'after-decline', { class: 'consent' }),
        cookie('_ga', 'after-accept', { class: 'tracker', service: GA }),
      ],
      requests: [
        request('https://fonts.example/css', 'before-consent'),
        request('https://www.googletagmanager.com/gtag/js?id=G-1', 'after-accept', {
          tracker: true,
          service: GA,
        }),
      ],
    });
    expect(findingsFor(page)).toEqual([]);
  });

  it('counts unknown cookies before consent, but not unknown requests to other sites', () => {
    const page = evidence({
      cookies: [cookie('sid', 'before-consent', { setBy: 'header', response: PAGE })],
      requests: [request('https://cdn.example/lib.js', 'before-consent')],
    });
    expect(findingsFor(page)).toEqual([
      expect.objectContaining({
        kind: 'cookie-before-consent',
        detail: `"sid", an unknown cookie on shop.example, was set before any choice, by the Set-Cookie header of ${PAGE}.`,
        cookie: { name: 'sid', domain: 'shop.example', expires: null, setBy: 'header' },
        initiator: PAGE,
      }),
    ]);
  });

  it('groups a tracker’s requests into one finding per phase, with the first as evidence', () => {
    const gtag = 'https://www.googletagmanager.com/gtag/js?id=G-1';
    const page = evidence({
      requests: [
        request(gtag, 'before-consent', { tracker: true, service: GA, initiator: PAGE }),
        request('https://www.google-analytics.com/g/collect', 'before-consent', {
          tracker: true,
          service: GA,
        }),
        request(gtag, 'after-reload', { tracker: true, service: GA }),
      ],
    });
    const found = findingsFor(page);
    expect(found.map((f) => [f.kind, f.phase, f.count, f.url])).toEqual([
      ['tracker-before-consent', 'before-consent', 2, gtag],
      ['reject-not-honoured', 'after-reload', 1, gtag],
    ]);
    expect(found[0].detail).toBe(
      `Google Analytics was called before any choice: ${gtag} (2 requests), from ${PAGE}.`,
    );
  });

  it('asks for a dialog only where something needs one, and not of a returning visitor', () => {
    const tracking = {
      cookies: [cookie('_ga', 'before-consent', { class: 'tracker' as const, service: GA })],
      dialog: undefined,
      decline: undefined,
    };
    expect(findingsFor(evidence(tracking)).map((f) => f.kind)).toEqual([
      'cookie-before-consent',
      'no-consent-dialog',
    ]);
    expect(findingsFor(evidence({ ...tracking, returning: true })).map((f) => f.kind)).toEqual([
      'cookie-before-consent',
    ]);
    expect(findingsFor(evidence({ dialog: undefined, decline: undefined }))).toEqual([]);
  });

  it('finds a dialog without reject, and a reject one layer down', () => {
    const only = findingsFor(
      evidence({
        dialog: { ...dialog, reject: undefined, settings: { text: 'Options', look } },
        decline: undefined,
      }),
    );
    expect(only).toEqual([
      expect.objectContaining({
        kind: 'no-reject-on-first-layer',
        detail: 'The consent dialog has no way to reject, neither on the first layer nor behind "Options".',
      }),
    ]);
    const deeper = findingsFor(
      evidence({
        dialog: { ...dialog, reject: undefined },
        decline: { clicks: ['Settings', 'Reject all'], depth: 2, via: 'reject' },
      }),
    );
    expect(deeper[0].detail).toBe(
      'Rejecting takes 2 clicks ("Settings", then "Reject all"); accepting takes one ("Accept all").',
    );
  });

  it('finds cookies and trackers after Decline all, and the dialog back after the reload', () => {
    const page = evidence({
      cookies: [
        cookie('_fbp', 'after-decline', {
          class: 'tracker',
          service: META,
          api: 'cookieStore',
          script: 'https://connect.facebook.net/en_US/fbevents.js',
        }),
      ],
      dialogAfterReload: dialog,
    });
    expect(findingsFor(page).map((f) => [f.kind, f.phase])).toEqual([
      ['reject-not-honoured', 'after-decline'],
      ['consent-not-remembered', 'after-reload'],
    ]);
  });

  it('with GPC: advertising after Accept all is a finding, analytics is not', () => {
    const page = evidence({
      gpc: true,
      requests: [
        request('https://connect.facebook.net/en_US/fbevents.js', 'after-accept', {
          tracker: true,
          service: META,
        }),
        request('https://www.googletagmanager.com/gtag/js?id=G-1', 'after-accept', {
          tracker: true,
          service: GA,
        }),
      ],
    });
    expect(findingsFor(page).map((f) => [f.kind, f.service?.id])).toEqual([
      ['gpc-not-honoured', 'meta-pixel'],
    ]);
    expect(findingsFor({ ...page, gpc: false })).toEqual([]);
  });
});

describe('suggestConfig', () => {
  it('writes a config the library’s validator takes, with the presets seen and the rest to classify', () => {
    const suggestion = suggestConfig({
      cookies: [
        cookie('_ga', 'after-accept', { class: 'tracker', service: GA }),
        cookie('sid', 'before-consent'),
        cookie('sid', 'after-reload'),
      ],
      requests: [
        request('https://connect.facebook.net/en_US/fbevents.js', 'after-accept', {
          tracker: true,
          service: META,
        }),
        request('https://widgets.example/chat.js?v=2', 'before-consent', { site: 'widgets.example' }),
        request('https://fonts.example/a.woff2', 'before-consent', { type: 'font' }),
      ],
      storage: [],
    });
    expect(Object.keys(suggestion.config.categories)).toEqual(['necessary', 'analytics', 'marketing']);
    const warn = vi.spyOn(console, 'warn');
    const settings = validate(suggestion.config);
    expect(warn).not.toHaveBeenCalled();
    expect(settings.categories.analytics.services['google-analytics'].cookies).toContainEqual(/^_ga_/);
    expect(settings.categories.marketing.services['meta-pixel'].blocks[0]).toBeInstanceOf(RegExp);
    expect(settings.categories.marketing.gpc).toBe(true);
    expect(settings.categories.analytics.gpc).toBeUndefined();
    expect(suggestion.services.map((s) => [s.id, s.category])).toEqual([
      ['meta-pixel', 'marketing'],
      ['google-analytics', 'analytics'],
    ]);
    expect(suggestion.unknownCookies).toEqual([{ name: 'sid', domain: 'shop.example', setBy: 'script' }]);
    expect(suggestion.unknownScripts).toEqual([
      { url: 'https://widgets.example/chat.js', site: 'widgets.example', type: 'script' },
    ]);
  });

  it('is a valid config with nothing seen: the necessary category alone', () => {
    const suggestion = suggestConfig({ cookies: [], requests: [], storage: [] });
    expect(suggestion.config).toEqual({
      categories: { necessary: expect.objectContaining({ required: true }) },
    });
    expect(() => validate(suggestion.config)).not.toThrow();
  });
});
