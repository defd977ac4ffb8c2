// The consent model: pure functions from a config and a decision to what is accepted.
import type { Changes, Consent, ConsentPatch } from '../types';
import type { Settings } from '../config/validate';

/** The part of a decision the visitor chooses. */
export type Choices = Pick<Consent, 'categories' | 'services'>;

export const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** Categories a Global Privacy Control signal keeps off unless the visitor switches them on. */
export const gpcOff = (s: Settings, cat: string) => !!(s.gpc && s.categories[cat].gpc);

/**
 * Whether a category (or one of its services) is accepted. A required category always is. Before a
 * decision, nothing else is, but in opt-out mode a category marked `default` (and not kept off by GPC);
 * after one, a service follows its category unless declined on its own.
 */
export function accepted(s: Settings, c: Choices | null, cat: string, svc?: string): boolean {
  const def = own(s.categories, cat) && s.categories[cat];
  if (!def) return false;
  if (def.required) return true;
  if (!c) return s.mode == 'opt-out' && !!def.default && !gpcOff(s, cat);
  if (c.categories[cat] !== true) return false;
  const m = svc != null && own(c.services, cat) ? c.services[cat] : null;
  return !(m && own(m, svc!) && m[svc!] === false);
}

/** The effective state of every category and known service, keeping decisions on services this page doesn't list. */
export function current(s: Settings, c: Choices | null): Choices {
  const out: Choices = { categories: {}, services: {} };
  for (const id of s.ids) {
    out.categories[id] = accepted(s, c, id);
    const m: Record<string, boolean> = { ...(c && own(c.services, id) ? c.services[id] : null) };
    for (const sid in s.categories[id].services) m[sid] = accepted(s, c, id, sid);
    out.services[id] = m;
  }
  return out;
}

/**
 * Applies a patch: `true`/`false` sets a category and all its services; a map sets single services,
 * and accepting one turns its category on. A category whose services are all declined turns off.
 * Required categories stay on; unknown ids are ignored.
 */
export function patch(s: Settings, base: Choices | null, p: ConsentPatch): Choices {
  const next = current(s, base);
  for (const cat of Object.keys(p)) {
    if (!own(s.categories, cat) || s.categories[cat].required) continue;
    const v = p[cat];
    const m = next.services[cat];
    if (typeof v == 'boolean') {
      next.categories[cat] = v;
      for (const sid in m) m[sid] = v;
    } else if (v && typeof v == 'object') {
      // Only true and false decide; anything else (a string, null) is ignored, never read as consent.
      const set = Object.keys(v).filter((sid) => typeof v[sid] == 'boolean' && sid != '__proto__');
      for (const sid of set) m[sid] = v[sid];
      const known = Object.keys(s.categories[cat].services);
      next.categories[cat] = set.some((sid) => v[sid]) || (next.categories[cat] && !(known.length && known.every((k) => !m[k])));
    }
  }
  return next;
}

/** Everything on (but what a Global Privacy Control signal keeps off), or everything off but required categories. */
export function all(s: Settings, on: boolean): Choices {
  const p: ConsentPatch = {};
  for (const id of s.ids) p[id] = on && !gpcOff(s, id);
  return patch(s, null, p);
}

/** What differs between two decisions; before the first one, everything counts as changed. */
export function diff(s: Settings, prev: Choices | null, next: Choices): Changes {
  const ch: Changes = { categories: [], services: {} };
  const a = current(s, prev);
  const b = current(s, next);
  const differ = (id: string, sid?: string) => !prev || accepted(s, prev, id, sid) != accepted(s, next, id, sid);
  for (const id of s.ids) {
    if (differ(id)) ch.categories.push(id);
    // Services the config lists, and any a decision names (markup-only services included).
    const svcs = Object.keys({ ...a.services[id], ...b.services[id] }).filter((sid) => differ(id, sid));
    if (svcs.length) ch.services[id] = svcs;
  }
  return ch;
}

/** True when a change list is empty. */
export const unchanged = (ch: Changes) => !ch.categories.length && !Object.keys(ch.services).length;

/** A random UUID v4; crypto.randomUUID needs a secure context, getRandomValues doesn't. */
export function uuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 15) | 64;
  b[8] = (b[8] & 63) | 128;
  let h = '';
  b.forEach((x, i) => (h += (i > 3 && i < 11 && !(i & 1) ? '-' : '') + (x | 256).toString(16).slice(1)));
  return h;
}

/** The record stored for a decision: the choices with who and when, and whether a GPC signal was honoured. */
export function record(s: Settings, prev: Consent | null, choices: Choices, now: Date): Consent {
  const t = now.toISOString();
  // Categories without services keep no empty map: the cookie stays small.
  const services: Consent['services'] = {};
  for (const id in choices.services) if (Object.keys(choices.services[id]).length) services[id] = choices.services[id];
  const c: Consent = { id: prev ? prev.id : uuid(), revision: s.revision, givenAt: prev ? prev.givenAt : t, updatedAt: t, categories: choices.categories, services };
  if (s.ids.some((id) => gpcOff(s, id))) c.gpc = true;
  return c;
}
