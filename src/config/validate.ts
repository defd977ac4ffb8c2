// Validating the config. The schema (CONFIG, at the end) says what each option must be, built from a
// few checks: required, optional, oneOf, list, record, object. A check returns the value it passed,
// defaults filled in, or throws a ConsentGateConfigError that names the path of the bad value.
import { ConsentGateConfigError } from './error';
import { EN } from './texts';
import { guard } from '../guard';
import { hasOwn, isObject } from '../util';
import type {
  CategoryDef,
  Config,
  ConsentModeMap,
  ConsentModeOptions,
  CookieOptions,
  ServiceDef,
  TextsInput,
  Translation,
  UIOptions,
} from '../types';
import { DEFAULT_CONSENT_MODE_MAP } from '../integrations/consent-mode-map';

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

/**
 * Checks the value found at `path` (under `key` in its object) and returns it, defaults filled in.
 * `checked` holds the options of the same object checked before this one (see `object`).
 */
type Check<T = any> = (value: unknown, path: string, key: string, checked: Record<string, any>) => T;
type TypeName = 'string' | 'boolean' | 'number' | 'function';

/** Whether `id` can be a category or service id. Ids become cookie keys and DOM ids; a leading letter also keeps out `__proto__` and friends. */
export const isId = (id: string): boolean => /^[a-z][\w-]*$/i.test(id);
/** What an id must be (register() checks its service id by the same rule). */
export const ID_RULE = 'letters, digits, - and _, starting with a letter';

/** A value as an error message shows it: strings and null as JSON, anything else by its type. */
function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value == 'string' || value === null) return JSON.stringify(value);
  return typeof value;
}

function fail(path: string, expected: string, got: unknown): never {
  throw new ConsentGateConfigError(`${path} must be ${expected} (got ${describe(got)})`);
}

const say = (message: string) => console.warn('consent-gate: ' + message);

const join = (path: string, key: string) => (path ? path + '.' + key : key);

// The checks.

/** A value of that `typeof`, which must be there. */
const required =
  (type: TypeName): Check =>
  (value, path) =>
    typeof value == type ? value : fail(path, 'a ' + type, value);

/**
 * May be absent (undefined): then `fallback`, checked like a given value so that its own defaults are
 * filled in too (none: absent stays absent). A type name stands for required(type).
 */
function optional(check: Check | TypeName, fallback?: unknown): Check {
  const given = typeof check == 'string' ? required(check) : check;
  return (value, path, key, checked) => {
    if (value !== undefined) return given(value, path, key, checked);
    return fallback === undefined ? undefined : given(fallback, path, key, checked);
  };
}

/** As optional, with null standing for absent too: for the options where it always has. */
const optionalOrNull = (check: Check, fallback: unknown): Check => {
  const absent = optional(check, fallback);
  return (value, path, key, checked) => absent(value ?? undefined, path, key, checked);
};

/** One of `values`. */
const oneOf =
  (...values: unknown[]): Check =>
  (value, path) =>
    values.includes(value) ? value : fail(path, 'one of: ' + values.join(', '), value);

/** An array, its items checked by `each`. */
const list =
  (each: Check): Check =>
  (value, path) =>
    Array.isArray(value)
      ? value.map((item, i) => each(item, `${path}[${i}]`, String(i), {}))
      : fail(path, 'an array', value);

/**
 * A plain object, copied: its `fields` checked in the order given here (absent ones too, so that
 * defaults are filled in), each seeing the fields checked before it; then its other keys, each by
 * `rest` where given, as they are otherwise. Only own keys are read.
 */
function object(fields: Record<string, Check>, rest?: Check): Check {
  return (value, path) => {
    if (!isObject(value)) fail(path || 'the config', 'an object', value);
    const out: Record<string, any> = {};
    for (const key of Object.keys(fields))
      out[key] = fields[key](hasOwn(value, key) ? value[key] : undefined, join(path, key), key, out);
    for (const key of Object.keys(value)) {
      if (hasOwn(fields, key)) continue;
      out[key] = rest ? rest(value[key], join(path, key), key, out) : value[key];
    }
    return out;
  };
}

/** An object of ids (see isId) to values that `each` checks. */
const record =
  (each: Check): Check =>
  (value, path) =>
    object({}, (item, itemPath, id, checked) =>
      isId(id) ? each(item, itemPath, id, checked) : fail(`${path}["${id}"]`, ID_RULE, id),
    )(value, path, '', {});

/** Only these keys, each value checked by `each(key)`: a typo is an error that names the keys there are. */
const keysOf =
  (keys: string[], each: (key: string) => Check): Check =>
  (value, path, key, checked) =>
    keys.includes(key) ? each(key)(value, path, key, checked) : fail(path, 'one of: ' + keys.join(', '), key);

// The schema.

/** An exact cookie name or URL part, a RegExp, or `"/re/flags"` (as JSON configs write patterns) made a RegExp. */
const pattern: Check = (value, path) => {
  if (value instanceof RegExp) return value;
  if (typeof value == 'string') {
    const parts = /^\/(.+)\/([a-z]*)$/.exec(value);
    if (!parts) return value;
    const regExp = guard(() => new RegExp(parts[1], parts[2]));
    if (regExp) return regExp;
  }
  return fail(path, 'a string, a RegExp or "/regex/"', value);
};

const SCRIPT_FIELDS = object({
  src: optional('string'),
  inline: optional('string'),
  async: optional('boolean'),
  type: optional('string'),
  attrs: optional(object({}, required('string'))),
});

/** A script of a service: either a URL or source text. */
const script: Check = (value, path, key, checked) => {
  const fields = SCRIPT_FIELDS(value, path, key, checked);
  if ((fields.src === undefined) == (fields.inline === undefined))
    fail(path, 'either { src } or { inline }', fields);
  return fields;
};

const SERVICE_FIELDS = object({
  label: required('string'),
  description: optional('string'),
  scripts: optional(list(script), []),
  cookies: optional(list(pattern), []),
  blocks: optional(list(pattern), []),
  onAccept: optional('function'),
  onReject: optional('function'),
});

/** The presets a config may name, by name: given to validate(), or the presets file's (src/presets-iife.ts). */
type Presets = Record<string, ServiceDef>;
let presets: Presets | undefined;

/**
 * A service, or a preset by name with fields of its own over it (`{ preset: 'googleAnalytics',
 * description: '…' }`): an unknown name is an error that lists the known ones.
 */
const SERVICE: Check = (value, path, key, checked) => {
  if (!isObject(value) || !hasOwn(value, 'preset')) return SERVICE_FIELDS(value, path, key, checked);
  const { preset: name, ...own } = value;
  const known = presets || (globalThis as { ConsentGatePresets?: Presets }).ConsentGatePresets;
  if (!known) fail(path + '.preset', 'a preset of consent-gate.presets.min.js, which is not loaded', name);
  if (typeof name != 'string' || !hasOwn(known, name))
    fail(path + '.preset', 'one of: ' + Object.keys(known).join(', '), name);
  return SERVICE_FIELDS({ ...known[name], ...own }, path, key, checked);
};

/** A category: `mode` (checked before the categories) decides whether its `default` means anything. */
const category = (mode: Settings['mode']) =>
  object({
    label: required('string'),
    description: optional('string'),
    required: optional('boolean'),
    default: (value, path) => {
      const on = optional('boolean')(value, path, '', {});
      if (on && mode != 'opt-out') say(`${path} needs mode: "opt-out"`);
      return on;
    },
    gpc: optional('boolean'),
    // null too stands for no services, as it always has.
    services: optionalOrNull(record(SERVICE), {}),
  });

const categories: Check = (value, path, _key, checked) => {
  // null too stands for none, as it always has: the error then says what is missing.
  const all = record(category(checked.mode))(value ?? {}, path, '', {});
  return Object.keys(all).length ? all : fail(path, 'an object with at least one category', value);
};

/** A section of the texts (banner, preferences, embed): its known keys, string values. */
const section = (name: string) =>
  optional(
    object(
      {},
      keysOf(Object.keys(EN[name as keyof TextsInput]), () => required('string')),
    ),
  );

/** Texts: known sections and keys, string values. */
const TEXTS = object({}, keysOf(Object.keys(EN), section));

/** Only these keys, each a string: a label and a description, a typo an error that names them. */
const strings = (...keys: string[]) =>
  object(
    {},
    keysOf(keys, () => required('string')),
  );
const SERVICE_TEXTS = strings('label', 'description');
/** A category's own texts in one language, and its services' by id. */
const CATEGORY_TEXTS = object(
  {},
  keysOf(['label', 'description', 'services'], (key) =>
    key == 'services' ? record(SERVICE_TEXTS) : required('string'),
  ),
);

/**
 * One language of `translations`: the texts, the config's category and service texts in that
 * language, and (inline) the URL of a file to start from. Also used on fetched translation files.
 */
const TRANSLATION_PARTS: Record<string, Check> = {
  categories: record(CATEGORY_TEXTS),
  url: required('string'),
};
const TRANSLATION = object(
  {},
  keysOf(
    [...Object.keys(EN), ...Object.keys(TRANSLATION_PARTS)],
    (key) => TRANSLATION_PARTS[key] || section(key),
  ),
);

/** Checks a translation, inline or a fetched file (absent: absent). */
export const checkTexts = (value: unknown, path: string): Translation | undefined =>
  optional(TRANSLATION)(value, path, '', {});

const GCM_OPTIONS: Record<string, Check> = {
  adsDataRedaction: optional('boolean'),
  urlPassthrough: optional('boolean'),
  waitForUpdate: optional('number', 500),
};

/**
 * Google Consent Mode: true for the default map, or a map of consent types to categories (checked
 * before it) or 'granted', with options beside the types; options alone keep the default map.
 */
const consentMode: Check<Gcm | undefined> = (value, path, _key, checked) => {
  if (value === undefined || value === false) return undefined;
  const map: ConsentModeMap = {};
  const types = Object.keys(DEFAULT_CONSENT_MODE_MAP) as (keyof ConsentModeMap)[];
  const target = oneOf(...Object.keys(checked.categories), 'granted');
  const options = object(
    GCM_OPTIONS,
    keysOf([...types, ...Object.keys(GCM_OPTIONS)], (type) => (category, typePath, key) => {
      map[type as keyof ConsentModeMap] = target(category, typePath, key, {});
      return map[type as keyof ConsentModeMap];
    }),
  )(value === true ? {} : value, path, '', {});
  // The default map may name categories a config lacks: their types stay denied.
  return { ...options, map: Object.keys(map).length ? map : DEFAULT_CONSENT_MODE_MAP };
};

/**
 * The options, in the order they are checked: the first bad value is the error a site owner sees.
 * What is asked first (mode, then the categories, whose `default` depends on it), then how it is
 * stored, then what is shown, then what else runs (Google Consent Mode names the categories).
 */
const CONFIG = object(
  {
    mode: optional(oneOf('opt-in', 'opt-out'), 'opt-in'),
    categories,
    // null too stands for 0, as it always has.
    revision: optionalOrNull(
      (value, path) =>
        Number.isInteger(value) && (value as number) >= 0 ? value : fail(path, 'a whole number >= 0', value),
      0,
    ),
    // null too stands for the defaults, as it always has.
    cookie: optionalOrNull(
      object({
        name: optional((value, path) => {
          const name = required('string')(value, path, '', {});
          return /^[\w-]+$/.test(name) ? name : fail(path, 'letters, digits, - and _', name);
        }, 'cg_consent'),
        domain: optional('string'),
        path: optional('string', '/'),
        sameSite: optional(oneOf('Lax', 'Strict', 'None'), 'Lax'),
        expiresAfterDays: optional(
          (value, path) =>
            typeof value == 'number' && value > 0 && value <= 395
              ? value
              : fail(path, 'a number of days from 1 to 395', value),
          182,
        ),
      }),
      {},
    ),
    policyUrl: optional('string'),
    language: optional('string'),
    texts: optional(TEXTS),
    // A string is the URL of a translation file, checked when fetched.
    translations: optional(
      object({}, (value, path) => (typeof value == 'string' ? value : checkTexts(value, path))),
    ),
    html: optional('boolean'),
    ui: optionalOrNull(
      object({
        layout: optional(oneOf('box', 'bar', 'cloud'), 'box'),
        position: optional(
          oneOf('bottom', 'top', 'bottom-left', 'bottom-right', 'top-left', 'top-right'),
          'bottom',
        ),
        theme: optional(oneOf('light', 'dark', 'auto'), 'light'),
        blocking: optional('boolean'),
      }),
      {},
    ),
    nonce: optional('string'),
    googleConsentMode: consentMode,
    consentLog: optional(object({ url: required('string') })),
    onConsent: optional('function'),
    onChange: optional('function'),
  },
  (value, _path, key) => {
    say(`unknown option "${key}" ignored`);
    return value;
  },
);

/**
 * Validates a config (from code or from JSON) and fills in defaults. Throws
 * ConsentGateConfigError naming the first bad value. Services may name a preset of `known` (by
 * default those of the presets file, when the page loaded it).
 */
export function validate(input: unknown, known?: Presets): Settings {
  presets = known;
  try {
    const config = CONFIG(input, '', '', {});
    return { ...config, ids: Object.keys(config.categories), gcm: config.googleConsentMode };
  } finally {
    presets = undefined;
  }
}

/** Validates one service; used by `init` and by `register`. */
export const toService = (value: unknown, path: string): Service => SERVICE(value, path, '', {});
