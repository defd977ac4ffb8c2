// The cookie jar, through js-cookie. The only module that touches document.cookie.
import Cookies from 'js-cookie';
import type { Consent } from '../types';
import type { Settings } from '../config/validate';
import { parse } from '../consent/parse';

/** document.cookie, or '' where reading it throws: a sandboxed frame without allow-same-origin. */
function jar(): string {
  try {
    return document.cookie;
  } catch {
    return '';
  }
}

/**
 * Every value stored under a name. A host cookie and a parent-domain cookie of the same name
 * both show up in document.cookie; js-cookie's get() would return only the first.
 */
function values(name: string): string[] {
  const out: string[] = [];
  for (const pair of jar().split('; ')) {
    const i = pair.indexOf('=');
    const v = pair.slice(i + 1);
    // js-cookie unquotes any value that starts with '"', dropping its last character whatever it is:
    // only a pair of quotes quotes (RFC 6265), so `"{…}x` must not read as `{…}`.
    if (pair.slice(0, i) == name && !/^"(?![^]*"$)/.test(v)) {
      try {
        out.push(Cookies.converter.read(v, name));
      } catch {
        // A value that does not decode is no decision.
      }
    }
  }
  return out;
}

/** The stored decision: of several valid copies, the newest; null when none is valid. */
export function readConsent(s: Settings): Consent | null {
  let best: Consent | null = null;
  for (const raw of values(s.cookie.name)) {
    const c = parse(raw, s, Date.now());
    if (c && (!best || c.updatedAt > best.updatedAt)) best = c;
  }
  return best;
}

// Browsers refuse SameSite=None without Secure.
const attrs = (s: Settings) => ({
  path: s.cookie.path,
  domain: s.cookie.domain,
  sameSite: s.cookie.sameSite,
  secure: location.protocol == 'https:' || s.cookie.sameSite == 'None',
});

/** Stores a decision with a fresh expiry. False when the browser refused it (cookies off). */
export function writeConsent(s: Settings, c: Consent): boolean {
  try {
    Cookies.set(s.cookie.name, JSON.stringify(c), { ...attrs(s), expires: s.cookie.expiresAfterDays });
    return values(s.cookie.name).length > 0;
  } catch {
    return false;
  }
}

/** Forgets the decision: every copy, host-only or on a parent domain (left by an older `cookie.domain`). */
export function removeConsent(s: Settings): void {
  // Where cookies cannot be read there is nothing to remove, and writing would throw.
  if (jar()) remove(s.cookie.name, [s.cookie.path]);
}

/** Deletes a cookie host-only and on each parent domain, at each of the given paths. */
function remove(name: string, paths: string[]) {
  for (const path of paths) {
    Cookies.remove(name, { path });
    for (const domain of domains()) Cookies.remove(name, { path, domain });
  }
}

/** "/", "/shop", "/shop/", "/shop/cart", …: a cookie is deleted only at the path it was set on. */
function paths(): string[] {
  const out = ['/'];
  const parts = location.pathname.split('/');
  for (let i = 2; i <= parts.length; i++) {
    const p = parts.slice(0, i).join('/');
    out.push(p, p + '/');
  }
  return [...new Set(out)].filter((p) => p != '//');
}

/** This host, then each parent domain short of the top level: www.shop.example → shop.example → example. */
function domains(): string[] {
  const parts = location.hostname.split('.');
  const out: string[] = [];
  for (let i = 0; i < parts.length - 1; i++) out.push(parts.slice(i).join('.'));
  return out;
}

/** Deletes the cookies a declined service set: host-only and on every parent domain, at every path up to here. */
export function deleteCookies(matchers: (string | RegExp)[]): void {
  // Cookies.get() reads document.cookie unguarded; with no readable jar there is nothing to delete.
  if (!matchers.length || !jar()) return;
  for (const name of Object.keys(Cookies.get())) {
    if (matchers.some((m) => (typeof m == 'string' ? m == name : name.search(m) >= 0))) remove(name, paths());
  }
}
