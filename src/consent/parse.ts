// Reading a stored decision. Input comes from the visitor's side (a cookie anyone can edit): nothing
// here throws, and anything short of a well-formed, current decision for this config is no decision.
import type { Consent } from '../types';
import type { Settings } from '../config/validate';
import { isObj } from '../config/validate';

/** Longer values are not ours: browsers cap a cookie at 4 KB. */
const MAX_LENGTH = 4096;
/** Tolerated clock drift for a decision dated in the future. */
const SKEW_MS = 60_000;
const DAY_MS = 864e5;

const isoTime = (v: unknown): number => {
  const t = typeof v == 'string' ? Date.parse(v) : NaN;
  return t === t && new Date(t).toISOString() === v ? t : NaN;
};

const bools = (v: unknown): Record<string, boolean> | null => {
  if (!isObj(v)) return null;
  const out: Record<string, boolean> = {};
  for (const k of Object.keys(v)) {
    if (typeof v[k] != 'boolean' || k == '__proto__') return null;
    out[k] = v[k] as boolean;
  }
  return out;
};

/** Parses and validates a stored decision against the config; a clean copy, or null. */
export function parse(raw: unknown, s: Settings, now: number): Consent | null {
  if (typeof raw != 'string' || raw.length > MAX_LENGTH) return null;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return null;
  }
  // We never write __proto__: a value carrying one was made by someone else.
  if (!isObj(v) || Object.keys(v).includes('__proto__')) return null;
  const { id, revision, givenAt, updatedAt, gpc } = v;
  const given = isoTime(givenAt);
  const updated = isoTime(updatedAt);
  const categories = bools(v.categories);
  if (
    typeof id != 'string' ||
    !/^[\w-]{8,64}$/.test(id) ||
    revision !== s.revision ||
    !(given <= updated) ||
    !(updated <= now + SKEW_MS) ||
    !(now - updated < s.cookie.expiresAfterDays * DAY_MS) ||
    !categories ||
    !isObj(v.services) ||
    (gpc !== undefined && typeof gpc != 'boolean')
  )
    return null;
  const c: Consent = { id, revision, givenAt: givenAt as string, updatedAt: updatedAt as string, categories: {}, services: {} };
  for (const cat of s.ids) {
    if (!Object.prototype.hasOwnProperty.call(categories, cat)) return null;
    c.categories[cat] = categories[cat];
  }
  for (const cat of Object.keys(v.services)) {
    const m = bools(v.services[cat]);
    if (!m || cat == '__proto__') return null;
    if (s.ids.includes(cat)) c.services[cat] = m;
  }
  if (gpc) c.gpc = true;
  return c;
}
