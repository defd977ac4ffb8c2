// A reference reading of a stored decision, written from the contract's rules ("The stored decision")
// and not from src/consent/parse.ts, for the property tests to hold the library against. It answers
// what a cookie validly grants: `null` means nothing at all (no decision).
import type { Config } from '../../src/types';

export const MINUTE = 60_000;
export const DAY = 86_400_000;
/** Browsers keep at most 4 KB per cookie; anything longer is not a value the library wrote. */
export const MAX_CHARS = 4096;
/** A decision dated in the future is accepted within this much clock drift between devices. */
export const DRIFT = MINUTE;

export interface RefDecision {
  id: string;
  updatedAt: number;
  categories: Record<string, boolean>;
  services: Record<string, Record<string, boolean>>;
}

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const allBooleans = (v: unknown): v is Record<string, boolean> =>
  isMap(v) && Object.values(v).every((x) => x === true || x === false);
/** The contract lists `__proto__` among values that count as no decision: the library never writes one. */
const noProto = (v: Record<string, unknown>) => !own(v, '__proto__');

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Milliseconds of an ISO 8601 UTC time exactly as `toISOString` writes it, or NaN. */
export function isoMillis(v: unknown): number {
  if (typeof v !== 'string') return NaN;
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)\.(\d{3})Z$/.exec(v);
  if (!m) return NaN;
  const [y, mo, d, h, mi, s, ms] = m.slice(1).map(Number);
  const days = mo === 2 && leap(y) ? 29 : DAYS_IN_MONTH[mo - 1];
  if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= days && h < 24 && mi < 60 && s < 60)) return NaN;
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  t.setUTCHours(h, mi, s, ms);
  return t.getTime();
}

/** The decision a decoded cookie value holds for `config` at time `now`, or null. */
export function refDecision(raw: unknown, config: Config, now: number): RefDecision | null {
  if (typeof raw !== 'string' || raw.length > MAX_CHARS) return null;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isMap(v) || !noProto(v)) return null;
  const given = isoMillis(v.givenAt);
  const updated = isoMillis(v.updatedAt);
  const days = config.cookie?.expiresAfterDays ?? 182;
  const ok =
    // The contract's id is a UUID v4; tokens of the same alphabet are tolerated (nothing else: the id
    // reaches site code through getConsent(), so it must carry no markup).
    typeof v.id === 'string' &&
    /^[A-Za-z0-9_-]{8,64}$/.test(v.id) &&
    typeof v.revision === 'number' &&
    v.revision === (config.revision ?? 0) &&
    given <= updated &&
    updated <= now + DRIFT &&
    now - updated < days * DAY &&
    (v.gpc === undefined || typeof v.gpc === 'boolean') &&
    allBooleans(v.categories) &&
    noProto(v.categories) &&
    Object.keys(config.categories).every((c) => own(v.categories as object, c)) &&
    isMap(v.services) &&
    noProto(v.services) &&
    Object.values(v.services).every((m) => allBooleans(m) && noProto(m));
  if (!ok) return null;
  return {
    id: v.id as string,
    updatedAt: updated,
    categories: v.categories as RefDecision['categories'],
    services: v.services as RefDecision['services'],
  };
}

/**
 * What the decision grants. A required category, and every service in it, is always on; otherwise a
 * category needs `true`, and a service its category plus no `false` of its own.
 */
export function refGrants(
  config: Config,
  d: RefDecision | null,
  category: string,
  service?: string,
): boolean {
  if (!own(config.categories, category)) return false;
  if (config.categories[category].required) return true;
  if (!d || d.categories[category] !== true) return false;
  if (service === undefined) return true;
  const m = own(d.services, category) ? d.services[category] : {};
  return !(own(m, service) && m[service] === false);
}

/**
 * A cookie value as the browser hands it over: a value wrapped in double quotes (RFC 6265
 * `DQUOTE *cookie-octet DQUOTE`) is unwrapped; `%XX` escapes are UTF-8 bytes, and a value whose bytes
 * are not valid UTF-8 is unreadable (null); a `%` that starts no escape is itself.
 */
export function refDecode(raw: string): string | null {
  const quoted = raw.length > 1 && raw.startsWith('"') && raw.endsWith('"');
  const value = quoted ? raw.slice(1, -1) : raw;
  const bytes: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < value.length;) {
    const esc = /^%[0-9a-f]{2}/i.exec(value.slice(i, i + 3));
    if (esc) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 3;
    } else {
      const ch = String.fromCodePoint(value.codePointAt(i)!);
      bytes.push(...enc.encode(ch));
      i += ch.length;
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}

/**
 * The decision in a `document.cookie` string: every copy of the cookie `name` (a host cookie and
 * parent-domain cookies of one name all show up) is read, and of the valid ones the one updated last
 * counts. Returns every copy tied for last, since any of them may be the one chosen.
 */
export function refFromCookies(header: string, name: string, config: Config, now: number): RefDecision[] {
  const valid: RefDecision[] = [];
  for (const pair of header ? header.split('; ') : []) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq) !== name) continue;
    const decoded = refDecode(pair.slice(eq + 1));
    const d = decoded === null ? null : refDecision(decoded, config, now);
    if (d) valid.push(d);
  }
  const newest = Math.max(...valid.map((d) => d.updatedAt));
  return valid.filter((d) => d.updatedAt === newest);
}
