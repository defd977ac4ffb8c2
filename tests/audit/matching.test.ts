// Who is behind a request or a cookie: sites by the Public Suffix List, presets matched the way
// auto-blocking matches them, cookies classified, cookie lines read.
import { describe, expect, it } from 'vitest';
import { classifyCookie, isConsentRecord } from '../../src/audit/classify';
import { parseCookieLine } from '../../src/audit/cookie-line';
import { PRESETS, serviceForCookie, serviceForUrl } from '../../src/audit/presets';
import { cookieIsFirstParty, isThirdParty, siteOf } from '../../src/audit/site';
import * as services from '../../src/services';

describe('sites', () => {
  it('are registrable domains, private suffixes included', () => {
    expect(siteOf('https://www.bbc.co.uk/news')).toBe('bbc.co.uk');
    expect(siteOf('https://a.b.example.com/')).toBe('example.com');
    // github.io is a public suffix (private section): two sites, as the browser's cookies see them.
    expect(siteOf('https://alice.github.io/')).toBe('alice.github.io');
    expect(siteOf('www.googletagmanager.com')).toBe('googletagmanager.com');
  });

  it('are the address itself for IP addresses and single-label hosts, so 127.0.0.2 is another site', () => {
    expect(siteOf('http://127.0.0.2:4000/x')).toBe('127.0.0.2');
    expect(siteOf('http://[::1]:8080/')).toBe('::1');
    expect(siteOf('http://localhost:3000/')).toBe('localhost');
    expect(isThirdParty('http://127.0.0.2:4000/t.js', 'http://127.0.0.1:4000/')).toBe(true);
    expect(isThirdParty('http://127.0.0.1:5000/t.js', 'http://127.0.0.1:4000/')).toBe(false);
    expect(isThirdParty('https://cdn.shop.example.com/a.js', 'https://www.shop.example.com/')).toBe(false);
    expect(isThirdParty('data:image/png;base64,AAAA', 'https://example.com/')).toBe(false);
  });

  it('tell a first-party cookie domain from a third-party one', () => {
    expect(cookieIsFirstParty('.example.com', 'https://www.example.com/')).toBe(true);
    expect(cookieIsFirstParty('127.0.0.2', 'http://127.0.0.1:4000/')).toBe(false);
    expect(cookieIsFirstParty('.doubleclick.net', 'https://example.com/')).toBe(false);
  });
});

describe('presets', () => {
  it('are every preset consent-gate/services exports', () => {
    const exported = Object.values(services).filter((v) => typeof v === 'object');
    expect(PRESETS).toHaveLength(exported.length);
    expect(PRESETS.map((p) => p.id)).toContain('google-analytics');
  });

  it('match a URL anywhere in it, as auto-blocking does', () => {
    expect(serviceForUrl('https://www.googletagmanager.com/gtag/js?id=G-ABC')?.id).toBe('google-analytics');
    expect(serviceForUrl('https://www.googletagmanager.com/gtag/js?id=AW-123')?.id).toBe('google-ads');
    expect(serviceForUrl('https://connect.facebook.net/en_US/fbevents.js')?.id).toBe('meta-pixel');
    // Where the vendor's host sits in the path (the test trackers), it still matches.
    expect(serviceForUrl('http://127.0.0.2:4000/static.hotjar.com/c/hotjar-1.js')?.id).toBe('hotjar');
    expect(serviceForUrl('https://fonts.googleapis.com/css2?family=Inter')).toBeUndefined();
  });

  it('name cookies: the site’s own by `cookies`, the vendor’s by `thirdPartyCookies`', () => {
    expect(serviceForCookie('_ga', true)?.id).toBe('google-analytics');
    expect(serviceForCookie('_ga_ABC123', true)?.label).toBe('Google Analytics');
    expect(serviceForCookie('_hjSessionUser_1', true)?.id).toBe('hotjar');
    expect(serviceForCookie('fr', false)?.id).toBe('meta-pixel');
    // A first-party cookie that only shares a name with a vendor's own is not that vendor's.
    expect(serviceForCookie('PREF', true)).toBeUndefined();
    expect(serviceForCookie('PREF', false)?.id).toBe('youtube');
  });
});

describe('classifyCookie', () => {
  it('calls preset cookies trackers, consent records consent, the rest unknown', () => {
    expect(classifyCookie('_fbp', true)).toEqual({
      class: 'tracker',
      service: expect.objectContaining({ id: 'meta-pixel' }),
    });
    expect(classifyCookie('cg_consent', true).class).toBe('consent');
    expect(classifyCookie('cc_cookie', true).class).toBe('consent');
    expect(classifyCookie('OptanonAlertBoxClosed', true).class).toBe('consent');
    expect(classifyCookie('euconsent-v2', true).class).toBe('consent');
    expect(classifyCookie('PHPSESSID', true).class).toBe('unknown');
  });

  it('takes what the owner declares necessary, by name or pattern, over everything else', () => {
    expect(classifyCookie('PHPSESSID', true, ['PHPSESSID']).class).toBe('necessary');
    expect(classifyCookie('__Host-csrf', true, [/^__Host-/]).class).toBe('necessary');
    expect(classifyCookie('_ga', true, ['_ga'])).toMatchObject({
      class: 'necessary',
      service: { id: 'google-analytics' },
    });
  });

  it('recognises consent records by name only, not everything with "cookie" in it', () => {
    expect(isConsentRecord('my_cookie_consent')).toBe(true);
    expect(isConsentRecord('cookie_session')).toBe(false);
  });
});

describe('parseCookieLine', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('reads the name, the domain aimed at, the path, and whether the write deletes', () => {
    expect(parseCookieLine('_ga=GA1.1.1.2; Domain=.Example.com; Path=/; Max-Age=63072000', now)).toEqual({
      name: '_ga',
      value: 'GA1.1.1.2',
      domain: 'example.com',
      path: '/',
      deletes: false,
    });
    expect(parseCookieLine('a=; expires=Thu, 01 Jan 1970 00:00:00 GMT', now)?.deletes).toBe(true);
    expect(parseCookieLine('a=1; Max-Age=0', now)?.deletes).toBe(true);
    // Max-Age wins over Expires.
    expect(parseCookieLine('a=1; Max-Age=60; Expires=Thu, 01 Jan 1970 00:00:00 GMT', now)?.deletes).toBe(
      false,
    );
    expect(parseCookieLine('no-equals-sign', now)).toBeNull();
    expect(parseCookieLine('=value', now)).toBeNull();
  });
});
