// A receipt: what the browser posts after each decision (src/addons/consent-log.ts), checked against
// the config, with what the server adds (when it came, the texts it stands for). Input from the
// visitor's side: nothing here throws, anything wrong is a one-line reason.
import type { Settings } from '../config/validate';
import { hasOwn, isObject } from '../util';
import { parse } from '../consent/parse';
import type { Consent } from '../types';
import { languagesOf } from './texts';

/** One stored receipt: the answer to "what was asked, and what was answered". */
export interface Receipt {
  /** Random id of this receipt (a decision id has one receipt per decision made with it). */
  receiptId: string;
  /** When the server stored it (ISO time). */
  receivedAt: string;
  /** The decision, as the browser stored it: id, revision, categories, services, givenAt, updatedAt, gpc. */
  consent: Consent;
  /** The page the decision was made on. */
  pageUrl: string;
  /** The language the texts were shown in. */
  language: string;
  /** Whether the browser sent a Global Privacy Control signal (navigator.globalPrivacyControl or Sec-GPC). */
  gpc: boolean;
  /** The browser's user agent string. */
  userAgent: string;
  texts: {
    /** SHA-256 of the texts version the server holds for that language and config (see TextsVersion). */
    hash: string;
    /** Whether the fingerprint the browser sent is that version's: false means the page showed other texts. */
    match: boolean;
    /** What the browser sent: `SHA-256` or `FNV-1a-32`, and the hex digest. */
    claimedAlgorithm: string;
    claimedHash: string;
  };
  /** The client's address, truncated (IPv4 /24, IPv6 /48); only when the site turned it on. */
  ip?: string;
}

/** What a posted body holds once checked; the server adds the rest of a Receipt. */
export type PostedReceipt = Pick<Receipt, 'consent' | 'pageUrl' | 'language' | 'gpc' | 'userAgent'> & {
  claimedAlgorithm: string;
  claimedHash: string;
};

const HASHES: Record<string, RegExp> = { 'SHA-256': /^[0-9a-f]{64}$/, 'FNV-1a-32': /^[0-9a-f]{8}$/ };
const MAX_TEXT = 2048;

const text = (v: unknown) => typeof v == 'string' && v.length <= MAX_TEXT;

/**
 * Checks a posted body (the JSON text) against the config at time `now`: the checked receipt, or the
 * one-line reason it is refused.
 */
export function readPosted(body: string, s: Settings, now: number): PostedReceipt | string {
  let v: unknown;
  try {
    v = JSON.parse(body);
  } catch {
    return 'the body is not JSON';
  }
  if (!isObject(v) || hasOwn(v, '__proto__')) return 'the body must be a JSON object';
  // The decision by the browser's own rules (src/consent/parse.ts).
  const consent = isObject(v.consent) ? parse(JSON.stringify(v.consent), s, now) : null;
  if (!consent) return 'consent is not a valid decision for this config';
  if (v.revision !== consent.revision) return 'revision does not match the decision';
  if (typeof v.language != 'string' || !languagesOf(s).includes(v.language))
    return 'language is not one of the config';
  if (!text(v.url) || !/^https?:\/\/[^/]/i.test(v.url as string)) return 'url must be the page address';
  if (!text(v.userAgent)) return 'userAgent must be a string';
  if (typeof v.gpc != 'boolean') return 'gpc must be true or false';
  const algorithm = v.hashAlgorithm as string;
  if (!hasOwn(HASHES, algorithm) || !HASHES[algorithm].test(v.textsHash as string))
    return 'textsHash must be a SHA-256 or FNV-1a-32 digest';
  return {
    consent,
    pageUrl: v.url as string,
    language: v.language,
    gpc: v.gpc,
    userAgent: v.userAgent as string,
    claimedAlgorithm: algorithm,
    claimedHash: v.textsHash as string,
  };
}
