// Reading a stored decision. Input comes from the visitor's side (a cookie anyone can edit): nothing
// here throws, and anything short of a well-formed, current decision for this config is no decision.
import { guard } from '../guard';
import { hasOwn, isBoolean, isObject } from '../util';
import type { Consent } from '../types';
import type { Settings } from '../config/validate';

/** Browsers cap a cookie at 4 KB: a longer value is not one we wrote. */
const MAX_LENGTH = 4096;
/** A decision may be dated up to a minute ahead of this clock: another device's clock may drift. */
const CLOCK_DRIFT = 60_000;
const DAY = 86_400_000;

/** A map as we write them: a plain object without a `__proto__` key (we never write one), every value passing `ok`. */
function isMap(value: unknown, ok: (v: unknown) => boolean): value is Record<string, any> {
  return isObject(value) && !hasOwn(value, '__proto__') && Object.values(value).every(ok);
}

const anything = () => true;
const isBooleanMap = (value: unknown) => isMap(value, isBoolean);
/** A date as toISOString() writes it, and only that: `2026-02-30T…` parses, but is no such date. */
const isIsoDate = (value: unknown): value is string =>
  typeof value == 'string' && !isNaN(Date.parse(value)) && new Date(value).toISOString() === value;

/** Parses and validates a stored decision against the settings; a clean copy, or null. */
export function parse(raw: unknown, settings: Settings, now: number): Consent | null {
  if (typeof raw != 'string' || raw.length > MAX_LENGTH) return null;
  // Invalid JSON throws: no decision.
  const value: unknown = guard(() => JSON.parse(raw));
  if (!isMap(value, anything)) return null;
  // An absent gpc reads as false; a null one stays null and fails.
  const { id, revision, givenAt, updatedAt, categories, services, gpc = false } = value;
  if (
    !(typeof id == 'string' && /^[\w-]{8,64}$/.test(id)) ||
    revision !== settings.revision ||
    !isIsoDate(givenAt) ||
    !isIsoDate(updatedAt) ||
    !isBooleanMap(categories) ||
    !isMap(services, isBooleanMap) ||
    !isBoolean(gpc)
  )
    return null;
  const updated = Date.parse(updatedAt);
  if (Date.parse(givenAt) > updated || updated > now + CLOCK_DRIFT) return null;
  if (now - updated >= settings.cookie.expiresAfterDays * DAY) return null;
  // Every category of the config, in its order. A missing one reads as undefined or, for a name like
  // `constructor`, as an inherited function: either fails.
  if (!settings.ids.every((category) => isBoolean(categories[category]))) return null;
  const decision: Consent = {
    id,
    revision,
    givenAt,
    updatedAt,
    categories: Object.fromEntries(settings.ids.map((category) => [category, categories[category]])),
    // Services of categories the config no longer has are dropped.
    services: Object.fromEntries(
      Object.entries(services).filter(([category]) => settings.ids.includes(category)),
    ),
  };
  if (gpc) decision.gpc = true;
  return decision;
}
