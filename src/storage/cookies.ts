// The cookie jar, through js-cookie. The only module that touches document.cookie, always inside
// guard(): it throws in a sandboxed frame without allow-same-origin (nothing to read, remove or write
// there), and a value may not decode.
import Cookies from 'js-cookie';
import type { Consent } from '../types';
import type { Settings } from '../config/validate';
import { consentIn } from './cookie-string';
import { guard } from '../guard';

/** The stored decision: of several valid copies, the newest; null when none is valid. */
export const readConsent = (s: Settings): Consent | null => consentIn(() => document.cookie, s);

/** Stores a decision with a fresh expiry. False when no valid decision reads back (cookies off, or refused). */
export function writeConsent(s: Settings, c: Consent): boolean {
  const { name, path, domain, sameSite, expiresAfterDays } = s.cookie;
  // Browsers refuse SameSite=None without Secure.
  return !!guard(
    () => (
      Cookies.set(name, JSON.stringify(c), {
        path,
        domain,
        sameSite,
        secure: location.protocol == 'https:' || sameSite == 'None',
        expires: expiresAfterDays,
      }),
      readConsent(s)
    ),
  );
}

/**
 * Deletes the cookies this page can see whose names match (those of a declined service): host-only and
 * on this host and each parent domain short of the top level, at every path from "/" to here ("/",
 * "/shop", "/shop/", "/shop/cart", …: a cookie is deleted only at the path it was set on).
 */
export function deleteCookies(matchers: (string | RegExp)[]): void {
  const paths = ['/'];
  let p = '';
  for (const part of location.pathname.split('/')) if (part) paths.push((p += '/' + part), p + '/');
  const parts = location.hostname.split('.');
  guard(() => {
    for (const name in Cookies.get())
      if (matchers.some((m) => (typeof m == 'string' ? m == name : name.search(m) >= 0)))
        for (const path of paths)
          parts.map((_, i) =>
            Cookies.remove(name, { path, domain: i ? parts.slice(i - 1).join('.') : undefined }),
          );
  });
}

/**
 * Forgets the decision: every copy this page can read, host-only or on a parent domain (left by an
 * older `cookie.domain`), at `cookie.path` or any other path up to here.
 */
export const removeConsent = (s: Settings): void => deleteCookies([s.cookie.name]);
