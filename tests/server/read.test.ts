// Server rendering: the decision a request carries, read by the browser's rules; what it grants;
// GPC; and the Set-Cookie that stores a decision from the server. (The fast-check properties of
// tests/unit/hostile-cookies.test.ts hold the server's readConsent to the reference reading too.)
import Cookies from 'js-cookie';
import { describe, expect, it } from 'vitest';
import { consentCookie, hasGpc, isAccepted, readConsent } from '../../src/server';
import type { Config } from '../../src/types';
import { CONFIG, decision } from './support/receipts';

const cookieOf = (value: string, name = 'cg_consent') => `other=1; ${name}=${value}; theme=dark`;
const written = (c: object) => Cookies.converter.write(JSON.stringify(c), 'cg_consent');

describe('readConsent', () => {
  it('reads the decision from a Request, a Cookie header or Node request headers, as js-cookie wrote it', () => {
    const c = decision();
    const header = cookieOf(written(c));
    expect(readConsent(header, CONFIG)).toEqual(c);
    expect(
      readConsent(new Request('https://shop.example/', { headers: { cookie: header } }), CONFIG),
    ).toEqual(c);
    expect(readConsent({ headers: { cookie: header } }, CONFIG)).toEqual(c);
    expect(readConsent(new Headers({ cookie: header }), CONFIG)).toEqual(c);
  });

  it('gives null for no cookie, another name, a tampered, expired or other-revision value, never throwing', () => {
    const c = decision();
    expect(readConsent(undefined, CONFIG)).toBeNull();
    expect(readConsent('', CONFIG)).toBeNull();
    expect(readConsent(new Request('https://shop.example/'), CONFIG)).toBeNull();
    expect(readConsent(cookieOf(written(c), 'other_name'), CONFIG)).toBeNull();
    expect(readConsent(cookieOf(written(c).slice(0, -4)), CONFIG)).toBeNull();
    expect(readConsent(cookieOf(written({ ...c, revision: 1 })), CONFIG)).toBeNull();
    const old = new Date(Date.now() - 201 * 864e5).toISOString();
    expect(readConsent(cookieOf(written({ ...c, givenAt: old, updatedAt: old })), CONFIG)).toBeNull();
    expect(readConsent(cookieOf('%E0%A4%A'), CONFIG)).toBeNull();
    expect(
      readConsent(cookieOf(written({ ...c, __proto__x: 1 }).replace('__proto__x', '__proto__')), CONFIG),
    ).toBeNull();
  });

  it('takes the newest valid copy when a host and a parent-domain cookie both arrive', () => {
    const older = decision({
      updatedAt: new Date(Date.now() - 60_000).toISOString(),
      givenAt: new Date(Date.now() - 60_000).toISOString(),
    });
    const newer = {
      ...older,
      updatedAt: new Date().toISOString(),
      categories: { ...older.categories, analytics: false },
    };
    expect(
      readConsent(`cg_consent=${written(newer)}; cg_consent=${written(older)}`, CONFIG)!.categories.analytics,
    ).toBe(false);
    expect(
      readConsent(`cg_consent=${written(older)}; cg_consent=${written(newer)}`, CONFIG)!.categories.analytics,
    ).toBe(false);
  });

  it('names a bad config, as init does', () => {
    expect(() => readConsent('', { categories: { a: { label: 1 } } } as unknown as Config)).toThrow(
      'categories.a.label must be a string (got number)',
    );
  });
});

describe('isAccepted and hasGpc', () => {
  const OPT_OUT: Config = {
    mode: 'opt-out',
    categories: {
      necessary: { label: 'Necessary', required: true },
      analytics: { label: 'Analytics', default: true, gpc: true, services: { ga: { label: 'GA' } } },
      marketing: { label: 'Marketing' },
    },
  };
  const gpc = new Request('https://shop.example/', { headers: { 'sec-gpc': '1' } });
  const plain = new Request('https://shop.example/');

  it('grants what the decision grants, required categories always, unknown ones never', () => {
    const c = decision({ services: { analytics: { 'google-analytics': true, hotjar: false } } });
    expect(isAccepted(c, CONFIG, 'analytics')).toBe(true);
    expect(isAccepted(c, CONFIG, 'analytics', 'google-analytics')).toBe(true);
    expect(isAccepted(c, CONFIG, 'analytics', 'hotjar')).toBe(false);
    expect(isAccepted(c, CONFIG, 'marketing')).toBe(false);
    expect(isAccepted(null, CONFIG, 'necessary')).toBe(true);
    expect(isAccepted(null, CONFIG, 'analytics')).toBe(false);
    expect(isAccepted(c, CONFIG, 'toString')).toBe(false);
  });

  it('declines a GPC category by default for a request with Sec-GPC: 1, as the browser does; a decision still wins', () => {
    expect(hasGpc(gpc)).toBe(true);
    expect(hasGpc(plain)).toBe(false);
    expect(hasGpc({ headers: { 'sec-gpc': ' 1 ' } })).toBe(true);
    expect(hasGpc({ headers: { 'sec-gpc': '0' } })).toBe(false);
    expect(isAccepted(null, OPT_OUT, 'analytics', 'ga', plain)).toBe(true);
    expect(isAccepted(null, OPT_OUT, 'analytics', 'ga', gpc)).toBe(false);
    expect(isAccepted(null, OPT_OUT, 'marketing', undefined, plain)).toBe(false);
    const accepted = {
      ...decision(),
      revision: 0,
      categories: { necessary: true, analytics: true, marketing: false },
      services: {},
    };
    expect(isAccepted(accepted, OPT_OUT, 'analytics', 'ga', gpc)).toBe(true);
  });
});

describe('consentCookie', () => {
  it('gives the Set-Cookie the browser library would write, with Max-Age from expiresAfterDays', () => {
    const c = decision();
    const header = consentCookie(c, CONFIG);
    const [pair, ...attributes] = header.split('; ');
    expect(pair).toBe(`cg_consent=${written(c)}`);
    expect(attributes).toEqual([`Max-Age=${200 * 86400}`, 'Path=/', 'SameSite=Lax', 'Secure']);
    expect(readConsent(pair, CONFIG)).toEqual(c);
  });

  it('follows the cookie options of the config, and the scheme of the request', () => {
    const config: Config = {
      ...CONFIG,
      cookie: {
        name: 'site_consent',
        domain: 'shop.example',
        path: '/app',
        sameSite: 'Strict',
        expiresAfterDays: 30,
      },
    };
    const c = decision();
    expect(consentCookie(c, config, new Request('http://shop.example/consent')).split('; ').slice(1)).toEqual(
      ['Max-Age=2592000', 'Path=/app', 'Domain=shop.example', 'SameSite=Strict'],
    );
    expect(consentCookie(c, config, new Request('https://shop.example/consent'))).toMatch(/; Secure$/);
    const proxied = new Request('http://127.0.0.1:8787/consent', {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(consentCookie(c, config, proxied)).toMatch(/; Secure$/);
    expect(consentCookie(c, config, { headers: { origin: 'https://shop.example' } })).toMatch(/; Secure$/);
    // Browsers refuse SameSite=None without Secure.
    const none = { ...config, cookie: { sameSite: 'None' as const } };
    expect(consentCookie(c, none, new Request('http://shop.example/'))).toMatch(/SameSite=None; Secure$/);
  });

  it('with null, deletes the cookie; an invalid decision is refused', () => {
    expect(consentCookie(null, CONFIG)).toBe('cg_consent=; Max-Age=0; Path=/; SameSite=Lax; Secure');
    expect(() => consentCookie({ ...decision(), revision: 9 }, CONFIG)).toThrow(
      'consentCookie(): that is not a valid decision for this config',
    );
  });

  it('writes a clean copy: unknown keys and categories the config lacks are not stored', () => {
    const c = {
      ...decision(),
      note: 'x',
      categories: { necessary: true, analytics: false, marketing: false, old: true },
    };
    const pair = consentCookie(c, CONFIG).split('; ')[0];
    expect(decodeURIComponent(pair)).not.toMatch(/note|old/);
  });
});
