// The Set-Cookie that stores a decision from the server. Browsers that cap cookies written by script
// (Safari keeps them 7 days) keep a cookie from a same-site response its full life.
import Cookies from 'js-cookie';
import { parse } from '../consent/parse';
import type { Config, Consent } from '../types';
import { header, type HeaderSource } from './headers';
import { settingsOf } from './settings';

/** An attribute value as js-cookie writes it: nothing from a `;` on. */
const attr = (v: string) => v.split(';')[0];

/** Whether the page is on https: the request's own URL, or what a reverse proxy or the browser says. */
function https(request: HeaderSource): boolean {
  const url = 'url' in request && typeof request.url == 'string' ? request.url : '';
  const forwarded = header(request, 'x-forwarded-proto')?.split(',')[0].trim();
  return /^https:/i.test(url) || forwarded == 'https' || /^https:/i.test(header(request, 'origin') || '');
}

/**
 * The `Set-Cookie` header value that stores `consent` as the browser library does: the config's
 * cookie name, path, domain and SameSite, the value encoded as js-cookie encodes it, `Max-Age` of
 * `expiresAfterDays`, and `Secure` on https (from the request: its URL, `X-Forwarded-Proto` or
 * `Origin`; without a request, `Secure` is set) and always with `SameSite=None`.
 * `null` gives the header that deletes the cookie. A consent that is not a valid decision for the
 * config (see readConsent) throws a TypeError: storing it would grant nothing.
 */
export function consentCookie(consent: Consent | null, config: Config, request?: HeaderSource): string {
  const s = settingsOf(config);
  const { name, path, domain, sameSite, expiresAfterDays } = s.cookie;
  let value = '';
  let maxAge = 0;
  if (consent) {
    // The clean copy parse() returns: the config's categories only, no unknown keys.
    const clean = parse(JSON.stringify(consent), s, Date.now());
    if (!clean) throw new TypeError('consentCookie(): that is not a valid decision for this config');
    value = Cookies.converter.write(JSON.stringify(clean), name);
    maxAge = Math.floor(expiresAfterDays * 86400);
  }
  let out = `${name}=${value}; Max-Age=${maxAge}; Path=${attr(path)}`;
  if (domain) out += `; Domain=${attr(domain)}`;
  out += `; SameSite=${sameSite}`;
  if (sameSite == 'None' || !request || https(request)) out += '; Secure';
  return out;
}
