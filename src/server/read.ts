// Server rendering: the decision a request carries, read by the browser's own rules.
import { accepted } from '../consent/model';
import { consentIn } from '../storage/cookie-string';
import type { Config, Consent } from '../types';
import { header, type HeaderSource } from './headers';
import { settingsOf } from './settings';

/**
 * The valid stored decision a request carries, or null: exactly the browser's reading (src/storage),
 * so that both sides agree on what a cookie grants. `input` is a Request (or anything with request
 * headers, such as Node's IncomingMessage) or a Cookie header string. Never throws on what the
 * visitor sent; a bad config throws ConsentGateConfigError.
 */
export function readConsent(input: HeaderSource | string | null | undefined, config: Config): Consent | null {
  const s = settingsOf(config);
  const cookies = typeof input == 'string' || input == null ? input || '' : header(input, 'cookie') || '';
  return consentIn(() => cookies, s);
}

/** Whether a request carries a Global Privacy Control signal (`Sec-GPC: 1`). */
export function hasGpc(request: HeaderSource): boolean {
  return header(request, 'sec-gpc')?.trim() === '1';
}

/**
 * Whether a category (or one of its services) is accepted by a decision read on the server, as in
 * the browser: a required category always is; before a decision nothing else is, except, in opt-out
 * mode, a `default` category that GPC does not keep off. Give the request to honour its `Sec-GPC`
 * header (a category with `gpc: true` is then not on by default; a visitor's own decision still wins).
 */
export function isAccepted(
  consent: Consent | null,
  config: Config,
  category: string,
  service?: string,
  request?: HeaderSource,
): boolean {
  const s = settingsOf(config);
  return accepted(request && hasGpc(request) ? { ...s, gpc: true } : s, consent, category, service);
}
