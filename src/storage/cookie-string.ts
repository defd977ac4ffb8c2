// Reading the decision out of a cookie string: `document.cookie` in the browser, a request's Cookie
// header on the server. Pure, so that both sides read a cookie by one rule.
import Cookies from 'js-cookie';
import { parse } from '../consent/parse';
import { guard } from '../guard';
import type { Consent } from '../types';
import type { Settings } from '../config/validate';

/**
 * js-cookie unquotes any value that starts with '"', dropping its last character whatever it is: only a
 * pair of quotes quotes (RFC 6265), so `"{…}x` must not read as `{…}`.
 */
const LONE_QUOTE = /^"(?![^]*"$)/;

/**
 * The stored decision in a `name=value; name=value` string: of several valid copies, the newest; null
 * when none is valid. A host cookie and parent-domain cookies of one name all show up in such a string
 * (js-cookie's get() would return only the first). `cookies` is a function because reading
 * document.cookie throws in a sandboxed frame.
 */
export function consentIn(cookies: () => string, settings: Settings): Consent | null {
  let newest: Consent | null = null;
  for (const pair of guard(() => cookies().split('; ')) || []) {
    const [name, value] = pair.split(/=([^]*)/);
    // A pair without "=" has no value.
    if (name != settings.cookie.name || value == null || LONE_QUOTE.test(value)) continue;
    const consent = guard(() => parse(Cookies.converter.read(value, name), settings, Date.now()));
    if (consent && (!newest || consent.updatedAt > newest.updatedAt)) newest = consent;
  }
  return newest;
}
