// The consent model: pure functions from a config and a decision to what is accepted.
import type { Changes, Consent, ConsentPatch } from '../types';
import type { Settings } from '../config/validate';

/** The part of a decision the visitor chooses. */
export type Choices = Pick<Consent, 'categories' | 'services'>;

export const own = (o: object, k: string): boolean => ({}).hasOwnProperty.call(o, k);

/** Categories a Global Privacy Control signal keeps off unless the visitor switches them on. */
export const gpcOff = (s: Settings, cat: string) => s.gpc && s.categories[cat].gpc;

/**
 * Whether a category (or one of its services) is accepted. A required category always is. Before a
 * decision, nothing else is, but in opt-out mode a category marked `default` (and not kept off by GPC);
 * after one, a service follows its category unless declined on its own.
 */
export function accepted(s: Settings, c: Choices | null, cat: string, svc?: string): boolean {
  // Own ids only: an inherited one (`toString`, or a key some other script put on Object.prototype)
  // is never a category.
  const d = own(s.categories, cat) && s.categories[cat];
  return (
    !!d &&
    (!!d.required ||
      (c
        ? // Only own keys are read: an inherited map is a function, whose `caller` throws.
          c.categories[cat] === true && !(svc != null && { ...c.services[cat] }[svc] === false)
        : s.mode == 'opt-out' && !!d.default && !gpcOff(s, cat)))
  );
}

/**
 * Applies a patch to a decision (`base`; null before the first) and returns the effective state of every
 * category and listed service, keeping decisions on services this page doesn't list. `true`/`false`
 * sets a category and all its services; a map sets single services, and accepting one turns its
 * category on. A category whose listed services are all declined turns off. Required categories stay
 * on; unknown ids are ignored. A category without services gets no map: the cookie stays small.
 * A boolean for the whole patch is all(): every category on (but what GPC keeps off), or off.
 */
export function patch(s: Settings, base: Choices | null, p: ConsentPatch | boolean): Choices {
  const out: Choices = { categories: {}, services: {} };
  for (const id of s.ids) {
    const known = Object.keys(s.categories[id].services);
    // Spreading copies own keys only; a `__proto__` one stays an ordinary key.
    const m = { ...base?.services[id] };
    const v = typeof p == 'object' ? (own(p, id) ? p[id] : 0) : p && !gpcOff(s, id);
    let on = accepted(s, base, id);
    for (const sid of known) m[sid] = accepted(s, base, id, sid);
    // Own ids only: what Object.prototype may carry is never a choice.
    if (!s.categories[id].required)
      if (v === !!v) {
        on = v;
        for (const sid in m) m[sid] = v;
      } else if (v && typeof v == 'object') {
        // Listed services are on only while their category is; without any, the category stays as it was.
        let any = on && !known[0];
        // Only true and false decide; anything else (a string, null) is ignored, never read as consent.
        for (const [sid, x] of Object.entries(v))
          if (x === !!x && sid != '__proto__') ((m[sid] = x), (any ||= x));
        on = any || known.some((k) => m[k]);
      }
    out.categories[id] = on;
    for (const _ in m) out.services[id] = m;
  }
  return out;
}

/** What differs between two decisions; before the first one, everything counts as changed. */
export function diff(s: Settings, prev: Choices | null, next: Choices): Changes {
  const ch: Changes = { categories: [], services: {} };
  for (const id of s.ids) {
    const l: string[] = [];
    // The category first (as service undefined), then the services the config lists and any a decision
    // names (markup-only services included).
    for (const sid of [
      ,
      ...Object.keys({ ...prev?.services[id], ...s.categories[id].services, ...next.services[id] }),
    ])
      if (!prev || accepted(s, prev, id, sid) != accepted(s, next, id, sid))
        sid == null ? ch.categories.push(id) : l.push(sid);
    for (const _ in l) ch.services[id] = l;
  }
  return ch;
}

/** True when a change list is empty. */
// (Empty, it stringifies to the 31 characters of {"categories":[],"services":{}}; any entry adds some.)
export const unchanged = (ch: Changes) => JSON.stringify(ch).length < 32;

/** A random UUID v4; crypto.randomUUID needs a secure context, getRandomValues doesn't. */
export function uuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(36));
  // A random hex digit for each x, one byte each; the one at 19 is the variant (8 to b).
  b[19] = (b[19] & 3) | 8;
  return 'xxxxxxxx-xxxx-4xxx-xxxx-xxxxxxxxxxxx'.replace(/x/g, (_, i) => (b[i] & 15).toString(16));
}

/** The record stored for a decision: the choices with who and when, and whether a GPC signal was honoured. */
export function record(s: Settings, prev: Consent | null, choices: Choices, now: Date): Consent {
  const t = now.toISOString();
  // An update keeps the id and first date of the decision before.
  return {
    id: uuid(),
    revision: s.revision,
    givenAt: t,
    ...prev,
    updatedAt: t,
    ...choices,
    gpc: s.ids.some((id) => gpcOff(s, id)) || undefined,
  };
}
