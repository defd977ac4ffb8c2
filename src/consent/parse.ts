// Reading a stored decision. Input comes from the visitor's side (a cookie anyone can edit): nothing
// here throws, and anything short of a well-formed, current decision for this config is no decision.
import type { Consent } from '../types';
import type { Settings } from '../config/validate';
import { isObj } from '../config/validate';
import { guard } from '../guard';
import { own } from './model';

/** A map as we write them: no `__proto__` key (we never write one), every value passing `ok` (a boolean). */
const map = (v: unknown, ok = (x: unknown) => x === !!x): v is Record<string, any> =>
  isObj(v) && !own(v, '__proto__') && Object.values(v).every(ok);

/** Parses and validates a stored decision against the config; a clean copy, or null. */
export function parse(raw: unknown, s: Settings, now: number): Consent | null {
  return (
    guard(() => {
      // Longer values are not ours: browsers cap a cookie at 4 KB. (A value is always a string: only
      // readConsent calls this, with what it decoded.) Whatever is malformed and not caught below throws
      // on the way (JSON, an invalid date, null categories) and counts as no decision.
      if ((raw as string).length <= 4096) {
        const v = JSON.parse(raw as string);
        // An absent gpc reads as false; a null one stays null and fails.
        const { id, revision, givenAt, updatedAt, categories, services, gpc = false } = v;
        const t = Date.parse(updatedAt);
        // The config's categories, in its order: a missing one reads as undefined or, for a name like
        // `constructor`, as an inherited function, and fails the boolean check.
        const cats = Object.fromEntries(s.ids.map((k) => [k, categories[k]]));
        if (
          map(v, Object) && // (any value passes `Object`)
          typeof id == 'string' &&
          /^[\w-]{8,64}$/.test(id) &&
          revision === s.revision &&
          [givenAt, updatedAt].every((d) => new Date(d).toISOString() === d) &&
          Date.parse(givenAt) <= t &&
          // A minute of clock drift for a decision dated in the future.
          t <= now + 6e4 &&
          now - t < s.cookie.expiresAfterDays * 864e5 &&
          map(categories) &&
          map(cats) &&
          map(services, (m) => map(m)) &&
          map({ gpc })
        ) {
          // Services of categories the config no longer has are dropped.
          for (const k in services) s.ids.includes(k) || delete services[k];
          return { id, revision, givenAt, updatedAt, categories: cats, services, ...(gpc && { gpc }) };
        }
      }
    }) || null
  );
}
