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

/** Stores a decision with a fresh expiry. False when the browser refused it (cookies off). */
export function writeConsent(s: Settings, c: Consent): boolean {
  const { name, path, domain, sameSite, expiresAfterDays } = s.cookie;
  try {
    // Browsers refuse SameSite=None without Secure.
    Cookies.set(name, JSON.stringify(c), { path, domain, sameSite, secure: location.protocol == 'https:' || sameSite == 'None', expires: expiresAfterDays });
    return values(name).length > 0;
  } catch {
    return false;
  }
}

/** Forgets the decision: every copy, host-only or on a parent domain (left by an older `cookie.domain`). */
export function removeConsent(s: Settings): void {
  // Where cookies cannot be read there is nothing to remove, and writing would throw.
  if (jar()) remove(s.cookie.name, [s.cookie.path]);
}

/** Deletes a cookie host-only and on this host and each parent domain short of the top level, at each path. */
function remove(name: string, paths: string[]) {
  const parts = location.hostname.split('.');
  for (const path of paths) for (let i = 0; i < parts.length; i++) Cookies.remove(name, { path, domain: i ? parts.slice(i - 1).join('.') : undefined });
}

/** "/", "/shop", "/shop/", "/shop/cart", …: a cookie is deleted only at the path it was set on. */
function paths(): string[] {
  const out = ['/'];
  let p = '';
  for (const part of location.pathname.split('/')) if (part) out.push((p += '/' + part), p + '/');
  return out;
}

/** Deletes the cookies a declined service set: host-only and on every parent domain, at every path up to here. */
export function deleteCookies(matchers: (string | RegExp)[]): void {
  // Cookies.get() reads document.cookie unguarded; with no readable jar there is nothing to delete.
  if (!matchers.length || !jar()) return;
  for (const name in Cookies.get()) {
    if (matchers.some((m) => (typeof m == 'string' ? m == name : name.search(m) >= 0))) remove(name, paths());
  }
}
