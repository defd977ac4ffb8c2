// Proof of consent: every decision goes to the site's own endpoint, with a fingerprint of the texts
// the visitor was shown, so that the site can later show what was asked and what was answered.
import type { Config, Texts } from '../types';

/** [algorithm, hex digest] of the texts and labels on screen. */
export type TextsHash = [string, string];

/**
 * What a visitor is shown, as the one string that is hashed: the texts, the policy link, and the
 * labels, descriptions and flags of what the preferences list (not the scripts, cookies or URLs).
 * The server rebuilds it from its copy of the config to check a receipt's hash.
 */
export const shownText = (config: Pick<Config, 'policyUrl' | 'categories'>, texts: Texts): string =>
  // Scripts, cookies and patterns are each written as 0, as the hash has always had them.
  JSON.stringify([texts, config.policyUrl, config.categories], (key, value) =>
    /^(scripts|cookies|blocks)$/.test(key) ? 0 : value,
  );

/** 32-bit FNV-1a of some bytes, as 8 hex digits. */
export function fnv1a(bytes: Uint8Array): string {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * SHA-256 where the browser offers it (crypto.subtle: secure contexts only, which https and
 * localhost are); otherwise 32-bit FNV-1a, enough to tell two versions of the texts apart.
 */
export async function hashTexts(
  config: Pick<Config, 'policyUrl' | 'categories'>,
  texts: Texts,
): Promise<TextsHash> {
  const bytes = new TextEncoder().encode(shownText(config, texts));
  try {
    const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    return ['SHA-256', [...d].map((b) => (b | 256).toString(16).slice(1)).join('')];
  } catch {
    return ['FNV-1a-32', fnv1a(bytes)];
  }
}

/**
 * Posts JSON as text/plain: a CORS-safelisted type, so a log on another origin needs no preflight.
 * sendBeacon survives the page being left right after the click; fetch with keepalive where it is
 * missing or refuses (it returns false over its size quota).
 */
export function sendLog(url: string, data: object): void {
  const body = JSON.stringify(data);
  try {
    if (navigator.sendBeacon(url, body)) return;
  } catch {
    // Missing, or it refused the URL: fetch instead.
  }
  // Nothing to do when the log is unreachable: the decision stands without it. With credentials, as
  // a beacon has them: the endpoint's Set-Cookie (consent-gate/server) is kept.
  fetch(url, { method: 'POST', body, keepalive: true, mode: 'no-cors', credentials: 'include' }).catch(
    () => {},
  );
}
