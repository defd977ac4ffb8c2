import { ConsentGateConfigError } from './error';
import { EN } from './texts';
import { isObject } from '../util';
import type {
  CategoryDef,
  Config,
  ConsentModeMap,
  ConsentModeOptions,
  CookieOptions,
  ServiceDef,
  TextsInput,
  UIOptions,
} from '../types';

/** A service after validation: `"/re/"` patterns are RegExps, scripts, cookies and blocks always lists. */
export interface Service extends ServiceDef {
  scripts: NonNullable<ServiceDef['scripts']>;
  cookies: (string | RegExp)[];
  blocks: (string | RegExp)[];
}

/** Google Consent Mode after validation: the map apart from the options. */
export interface Gcm extends ConsentModeOptions {
  map: ConsentModeMap;
}

/** A category after validation. */
export interface Category extends CategoryDef {
  services: Record<string, Service>;
}

/** The validated configuration the rest of the library works from. */
export interface Settings extends Omit<Config, 'categories' | 'cookie' | 'googleConsentMode' | 'ui'> {
  revision: number;
  cookie: Required<Omit<CookieOptions, 'domain'>> & Pick<CookieOptions, 'domain'>;
  categories: Record<string, Category>;
  /** Category ids in display order. */
  ids: string[];
  /** Google Consent Mode, when enabled. */
  gcm?: Gcm;
  /** Whether the browser sends a Global Privacy Control signal; set by `init`, not by the config. */
  gpc?: boolean;
  ui: Required<Omit<UIOptions, 'blocking'>> & Pick<UIOptions, 'blocking'>;
}

type Obj = Record<string, unknown>;
/* eslint-disable @typescript-eslint/no-explicit-any */
// The config is checked against a schema written as data (below: CONFIG), which `check` reads.
// Every check returns the value it passed, defaults filled in, or throws naming its path.

/** Checks the value at `path` (under `key` in its object) and returns it, defaults filled in. */
type Check = (v: any, path: string, key?: any) => any;
/**
 * What a value must be: a `typeof` name ('string', 'boolean', 'function', 'number'; capitalised:
 * it must be there), allowed values separated by spaces (the first is the default), the specs of
 * an object's keys (absent: {}), or a Check.
 */
type Spec = string | Check | { [key: string]: Spec };

const S = 'string';
const GCM_OPTIONS: Record<string, Spec> = {
  adsDataRedaction: 'boolean',
  urlPassthrough: 'boolean',
  waitForUpdate: (v = 500, p) => check(v, p, 'number'),
};
const GCM_DEFAULT: ConsentModeMap = {
  analytics_storage: 'analytics',
  ad_storage: 'marketing',
  ad_user_data: 'marketing',
  ad_personalization: 'marketing',
  functionality_storage: 'preferences',
  personalization_storage: 'preferences',
  security_storage: 'granted',
};

function fail(path: string, expected: string, got: unknown): never {
  throw new ConsentGateConfigError(
    `${path} must be ${expected}` +
      ` (got ${Array.isArray(got) ? 'an array' : typeof got == S || got === null ? JSON.stringify(got) : typeof got})`,
  );
}

/** `x`, when `list` holds it. */
const among = (x: any, list: string[], path: string) =>
  list.includes(x) ? x : fail(path, 'one of: ' + list.join(', '), x);

function check(v: unknown, path: string, spec: any, key?: string): any {
  // Specs told apart by what they can do: only functions can be called, only strings split.
  if (spec.call) return spec(v, path, key);
  if (!spec.split) return shape(v ?? {}, path, spec);
  const values = spec.split(' ');
  const type = spec.toLowerCase();
  if (values[1]) return v === undefined ? values[0] : among(v, values, path);
  // Lower case (> 'Z'): may be absent.
  return (v === undefined && spec > 'Z') || typeof v == type ? v : fail(path, 'a ' + type, v);
}

/** An array (absent: []) whose items `each` checks. */
const list =
  (each: Check): Check =>
  (v = [], path) =>
    Array.isArray(v) ? v.map((x, i) => each(x, `${path}[${i}]`)) : fail(path, 'an array', v);

/**
 * A copy of an object: the listed keys checked by their specs (in their order, absent ones too),
 * every other key by `each` where given.
 */
function shape(v: unknown, path: string, specs: Record<string, Spec>, each?: Spec): any {
  // Absent: absent (the config itself must be there).
  if (v === undefined && path) return v;
  const o: Obj = { ...(isObject(v) ? v : fail(path || 'the config', 'an object', v)) };
  for (const k of Object.keys({ ...specs, ...o })) {
    const spec = specs.hasOwnProperty(k) ? specs[k] : each;
    if (spec) o[k] = check(o[k], (path && path + '.') + k, spec, k);
  }
  return o;
}

/**
 * An object of ids to values that `each` checks; null or absent: {}. Ids become cookie keys and DOM
 * ids; a leading letter also keeps out `__proto__` and friends.
 */
const ids =
  (each: Spec): Check =>
  (v, path) =>
    shape(v ?? {}, path, {}, (x, p, k) =>
      /^[a-z][\w-]*$/i.test(k)
        ? check(x, p, each)
        : fail(`${path}["${k}"]`, 'letters, digits, - and _, starting with a letter', k),
    );

/** Values checked by `each`, under the own keys of `o` only. */
const known =
  (o: object, each: Spec): Check =>
  (v, path, k) =>
    among(k, Object.keys(o), path) && check(v, path, each, k);

/** Exact strings, RegExps, and `"/re/flags"` strings (as JSON configs write patterns) made RegExps. */
const patterns = list((c, path) => {
  try {
    // Strings only: an array like ['/x/'] stringifies to a pattern, but is none.
    const m = typeof c == S ? /^\/(.+)\/([a-z]*)$/.exec(c) : null;
    // Neither a RegExp nor a plain name: m is null, and the TypeError lands below too.
    return c instanceof RegExp || (typeof c == S && !m) ? c : RegExp(m![1], m![2]);
  } catch {}
  fail(path, 'a string, a RegExp or "/regex/"', c);
});

/** What a service is. */
const SERVICE: Record<string, Spec> = {
  label: 'String',
  description: 'string',
  onAccept: 'function',
  onReject: 'function',
  scripts: list((d, p) =>
    typeof (d = check(d, p, {
      src: 'string',
      inline: 'string',
      async: 'boolean',
      type: 'string',
      attrs: (a: unknown, q: string) => shape(a, q, {}, 'String'),
    })).src == typeof d.inline
      ? fail(p, 'either { src } or { inline }', d)
      : d,
  ),
  cookies: patterns,
  blocks: patterns,
};

/** Validates one service; used by `init` and by `register`. */
export const toService = (v: unknown, path: string): Service => check(v, path, SERVICE);

/** Checks texts: known sections and keys, string values. Also used on fetched translations. */
export const texts = (v: unknown, path: string): TextsInput | undefined =>
  shape(
    v,
    path,
    {},
    known(EN, (t, p, part) => shape(t, p, {}, known(EN[part as keyof typeof EN], 'String'))),
  );

let mode: unknown;
let catIds: string[];
let gcm: Gcm | undefined;

/**
 * The config's options, in the order they are checked: mode before the categories (their
 * `default` warns outside opt-out mode), the categories before what names them. Otherwise (here and
 * in the objects inside) the order is whichever gzips smallest, measured.
 */
const CONFIG: Record<string, Spec> = {
  html: 'boolean',
  language: 'string',
  onConsent: 'function',
  policyUrl: 'string',
  onChange: 'function',
  texts,
  consentLog: (v, p) => shape(v, p, { url: 'String' }),
  cookie: {
    path: (v = '/', p) => check(v, p, S),
    domain: 'string',
    name: (v = 'cg_consent', p) =>
      /^[\w-]+$/.test(check(v, p, S)) ? v : fail(p, 'letters, digits, - and _', v),
    expiresAfterDays: (v = 182, p) =>
      typeof v == 'number' && v > 0 && v <= 395 ? v : fail(p, 'a number of days from 1 to 395', v),
    sameSite: 'Lax Strict None',
  },
  nonce: 'string',
  ui: {
    theme: 'light dark auto',
    position: 'bottom top bottom-left bottom-right top-left top-right',
    blocking: 'boolean',
    layout: 'box bar cloud',
  },
  mode: (v, p) => (mode = check(v, p, 'opt-in opt-out')),
  // null too stands for 0, as it always has.
  revision: (v, p) =>
    check((v ??= 0), p, 'number') >= 0 && v % 1 == 0 ? v : fail(p, 'a whole number >= 0', v),
  // c: the checked categories (the third argument, the key, is not needed here).
  categories: (v, p, c) =>
    (catIds = Object.keys(
      (c = ids({
        // null too stands for none, as it always has.
        services: ids(SERVICE),
        required: 'boolean',
        label: 'String',
        description: 'string',
        gpc: 'boolean',
        // Typed first, so that a bad value throws without a warning.
        default: (x, q) => (
          check(x, q, 'boolean') &&
            mode != 'opt-out' &&
            console.warn(`consent-gate: ${q} needs mode: "opt-out"`),
          x
        ),
      })(v, p)),
    ))[0]
      ? c
      : fail(p, 'an object with at least one category', v),
  // true, or a map of consent types to categories with options beside them; no types: the default map.
  googleConsentMode: (v, p, _, map: Obj = {}) =>
    (gcm =
      v === undefined || v === false
        ? undefined
        : {
            ...shape(
              v === true ? {} : v,
              p,
              GCM_OPTIONS,
              known(
                { ...GCM_DEFAULT, ...GCM_OPTIONS },
                (x, q, k) => (map[k] = among(x, [...catIds, 'granted'], q)),
              ),
            ),
            // The default map may name categories a config lacks: their types stay denied.
            map: Object.keys(map)[0] ? map : GCM_DEFAULT,
          }),
  // A string is the URL of a translation file, checked when fetched.
  translations: (v, p) => shape(v, p, {}, (t, q) => (typeof t == S ? t : texts(t, q))),
};

/**
 * Validates a config (from code or from JSON) and fills in defaults. Throws
 * ConsentGateConfigError naming the first bad value.
 */
export function validate(input: unknown): Settings {
  const s = shape(
    input,
    '',
    CONFIG,
    (v, _, k) => (console.warn(`consent-gate: unknown option "${k}" ignored`), v),
  );
  // The checked googleConsentMode is what the rest calls gcm.
  return { ...s, ids: catIds, gcm };
}
