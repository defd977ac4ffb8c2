// Reading the decision out of a cookie string: `document.cookie` in the browser, a request's Cookie
// header on the server. Pure, so that both sides read a cookie by one rule.
import Cookies from 'js-cookie';
import type { Consent } from '../types';
import type { Settings } from '../config/validate';
import { parse } from '../consent/parse';
import { guard } from '../guard';

/**
 * The stored decision in `name=value; name=value` form: of several valid copies, the newest; null when
 * none is valid. A host cookie and parent-domain cookies of one name all show up in such a string
 * (js-cookie's get() would return only the first).
 */
export function consentIn(cookies: () => string, s: Settings): Consent | null {
  let best: Consent | null = null;
  for (const pair of guard(() => cookies().split('; ')) || []) {
    const [k, v] = pair.split(/=([^]*)/);
    // js-cookie unquotes any value that starts with '"', dropping its last character whatever it is:
    // only a pair of quotes quotes (RFC 6265), so `"{…}x` must not read as `{…}`. (A pair without
    // "=" has no value: reading undefined throws, and guard makes that no decision.)
    const c =
      k == s.cookie.name &&
      !/^"(?![^]*"$)/.test(v) &&
      guard(() => parse(Cookies.converter.read(v, ''), s, Date.now()));
    if (c && (!best || c.updatedAt > best.updatedAt)) best = c;
  }
  return best;
}
