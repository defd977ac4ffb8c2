// The cookie jar, through js-cookie. The only module that touches document.cookie, always inside
// guard(): it throws in a sandboxed frame without allow-same-origin (nothing to read, remove or write
// there), and a value may not decode.
import Cookies from 'js-cookie';
import { consentIn } from './cookie-string';
import { cookieDomains, cookiePaths } from './cookie-scopes';
import { guard } from '../guard';
import type { Consent } from '../types';
import type { Settings } from '../config/validate';

/** The stored decision: of several valid copies, the newest; null when none is valid. */
export const readConsent = (settings: Settings): Consent | null => consentIn(() => document.cookie, settings);

/**
 * Stores a decision with a fresh expiry. True only when this very decision reads back as the one in
 * force: a browser that refuses the cookie (cookies off, a full jar, a domain or SameSite it rejects)
 * may still hold an older valid copy, which the next page load would read.
 */
export function writeConsent(settings: Settings, consent: Consent): boolean {
  const { name, path, domain, sameSite, expiresAfterDays } = settings.cookie;
  const value = JSON.stringify(consent);
  return !!guard(() => {
    Cookies.set(name, value, {
      path,
      domain,
      sameSite,
      // Browsers refuse SameSite=None without Secure.
      secure: location.protocol == 'https:' || sameSite == 'None',
      expires: expiresAfterDays,
    });
    // What reads back is parsed from what was written, so it serializes the same, key for key.
    return JSON.stringify(readConsent(settings)) == value;
  });
}

/**
 * Deletes the cookies this page can see whose names match (those of a declined service): host-only and
 * on this host and each parent domain, at every path a cookie of this page can have (cookie-scopes.ts).
 */
export function deleteCookies(matchers: (string | RegExp)[]): void {
  const paths = cookiePaths(location.pathname);
  const domains = cookieDomains(location.hostname);
  const matches = (name: string) =>
    matchers.some((m) => (typeof m == 'string' ? m == name : name.search(m) >= 0));
  guard(() => {
    for (const name of Object.keys(Cookies.get())) {
      if (!matches(name)) continue;
      for (const path of paths) for (const domain of domains) Cookies.remove(name, { path, domain });
    }
  });
}

/**
 * Forgets the decision: every copy this page can read, host-only or on a parent domain (left by an
 * older `cookie.domain`), at `cookie.path` or any other path up to here.
 */
export const removeConsent = (settings: Settings): void => deleteCookies([settings.cookie.name]);
