// The consent model: pure functions from the settings and a decision to what is accepted.
import { hasOwn, isBoolean, isObject } from '../util';
import type { Changes, Consent, ConsentPatch } from '../types';
import type { Settings } from '../config/validate';

/** The part of a decision the visitor chooses. */
export type Choices = Pick<Consent, 'categories' | 'services'>;

/** Whether a Global Privacy Control signal keeps a category off unless the visitor switches it on. */
export const gpcOff = (settings: Settings, category: string): boolean =>
  !!settings.gpc && !!settings.categories[category].gpc;

/** Whether a decision declines one service on its own (only own keys count). */
function declines(choices: Choices, category: string, service: string): boolean {
  const services = hasOwn(choices.services, category) ? choices.services[category] : {};
  return hasOwn(services, service) && services[service] === false;
}

/**
 * Whether a category (or one of its services) is accepted. A required category always is. Before a
 * decision, nothing else is, but in opt-out mode a category marked `default` (and not kept off by GPC);
 * after one, a service follows its category unless declined on its own.
 */
export function accepted(
  settings: Settings,
  choices: Choices | null,
  category: string,
  service?: string,
): boolean {
  if (!hasOwn(settings.categories, category)) return false;
  const def = settings.categories[category];
  if (def.required) return true;
  if (!choices) return settings.mode == 'opt-out' && !!def.default && !gpcOff(settings, category);
  if (choices.categories[category] !== true) return false;
  return service == null || !declines(choices, category, service);
}

/** What a patch asks of one category: a boolean, a map of its services, or nothing (undefined). */
function asked(settings: Settings, change: ConsentPatch | boolean, category: string): unknown {
  // A boolean for the whole patch is all or nothing: every category on (but what GPC keeps off), or off.
  if (isBoolean(change)) return change && !gpcOff(settings, category);
  return hasOwn(change, category) ? change[category] : undefined;
}

/**
 * Applies a patch to a decision (`base`; null before the first) and returns the effective state of every
 * category and listed service, keeping decisions on services this page doesn't list. `true`/`false`
 * sets a category and all its services; a map sets single services, and accepting one turns its
 * category on. A category whose listed services are all declined turns off. Required categories stay
 * on; unknown ids are ignored. A category without services gets no map: the cookie stays small.
 */
export function patch(settings: Settings, base: Choices | null, change: ConsentPatch | boolean): Choices {
  const out: Choices = { categories: {}, services: {} };
  for (const category of settings.ids) {
    const def = settings.categories[category];
    const listed = Object.keys(def.services);
    // Spreading copies own keys only; a `__proto__` one stays an ordinary key.
    const services: Record<string, boolean> = { ...base?.services[category] };
    for (const service of listed) services[service] = accepted(settings, base, category, service);
    let on = accepted(settings, base, category);
    const value = def.required ? undefined : asked(settings, change, category);
    if (isBoolean(value)) {
      on = value;
      for (const service of Object.keys(services)) services[service] = value;
    } else if (isObject(value)) {
      // Only true and false decide; anything else (a string, null) is ignored, never read as consent.
      let acceptsOne = false;
      for (const [service, choice] of Object.entries(value)) {
        if (isBoolean(choice) && service != '__proto__') {
          services[service] = choice;
          if (choice) acceptsOne = true;
        }
      }
      // Listed services are on only while their category is; without any, the category stays as it was.
      on = acceptsOne || (on && !listed.length) || listed.some((service) => services[service]);
    }
    out.categories[category] = on;
    if (Object.keys(services).length) out.services[category] = services;
  }
  return out;
}

/** What differs between two decisions; before the first one, everything counts as changed. */
export function diff(settings: Settings, prev: Choices | null, next: Choices): Changes {
  const changes: Changes = { categories: [], services: {} };
  const differs = (category: string, service?: string) =>
    !prev || accepted(settings, prev, category, service) != accepted(settings, next, category, service);
  for (const category of settings.ids) {
    if (differs(category)) changes.categories.push(category);
    // The services the config lists and any a decision names (markup-only services included).
    const named = Object.keys({
      ...prev?.services[category],
      ...settings.categories[category].services,
      ...next.services[category],
    });
    const changed = named.filter((service) => differs(category, service));
    if (changed.length) changes.services[category] = changed;
  }
  return changes;
}

/** True when a change list is empty. */
export const unchanged = (changes: Changes): boolean =>
  !changes.categories.length && !Object.keys(changes.services).length;

/** A random UUID v4; crypto.randomUUID needs a secure context, getRandomValues doesn't. */
export function uuid(): string {
  const random = crypto.getRandomValues(new Uint8Array(36));
  // The x or y at position i takes its hex digit from random byte i; y is the variant (8 to b).
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c, i: number) => {
    const digit = random[i] & 15;
    return (c == 'x' ? digit : (digit & 3) | 8).toString(16);
  });
}

/** The record stored for a decision: the choices with who and when, and whether a GPC signal was honoured. */
export function record(settings: Settings, prev: Consent | null, choices: Choices, now: Date): Consent {
  const time = now.toISOString();
  // An update keeps the id and first date of the decision before.
  const consent: Consent = {
    id: prev ? prev.id : uuid(),
    revision: settings.revision,
    givenAt: prev ? prev.givenAt : time,
    updatedAt: time,
    ...choices,
  };
  if (settings.ids.some((category) => gpcOff(settings, category))) consent.gpc = true;
  return consent;
}
