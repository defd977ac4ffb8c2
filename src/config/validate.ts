import { ConsentGateConfigError } from './error';
import { EN } from './texts';
import type { CategoryDef, Config, ConsentModeMap, CookieOptions, ServiceDef, TextsInput } from '../types';

/** A service after validation: cookie patterns are RegExps, scripts always a list. */
export interface Service extends ServiceDef {
  scripts: NonNullable<ServiceDef['scripts']>;
  cookies: (string | RegExp)[];
}

/** A category after validation. */
export interface Category extends CategoryDef {
  services: Record<string, Service>;
}

/** The validated configuration the rest of the library works from. */
export interface Settings extends Omit<Config, 'categories' | 'cookie' | 'googleConsentMode'> {
  revision: number;
  cookie: Required<Omit<CookieOptions, 'domain'>> & Pick<CookieOptions, 'domain'>;
  categories: Record<string, Category>;
  /** Category ids in display order. */
  ids: string[];
  /** Google Consent Mode type → category id, when enabled. */
  gcm?: ConsentModeMap;
}

type Obj = Record<string, unknown>;

const KNOWN = 'revision policyUrl cookie categories language texts translations html nonce googleConsentMode onConsent onChange';
const GCM_DEFAULT: ConsentModeMap = {
  analytics_storage: 'analytics',
  ad_storage: 'marketing',
  ad_user_data: 'marketing',
  ad_personalization: 'marketing',
  functionality_storage: 'preferences',
  personalization_storage: 'preferences',
  security_storage: 'granted',
};

export const isObj = (v: unknown): v is Obj => !!v && typeof v == 'object' && !Array.isArray(v);

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

function fail(path: string, expected: string, got?: unknown): never {
  throw new ConsentGateConfigError(
    `ConsentGate config: ${path} must be ${expected}` + (arguments.length > 2 ? ` (got ${kind(got)})` : ''),
  );
}

/** Checks an optional value's type; returns it. */
function opt<T>(o: Obj, key: string, type: string, path: string): T | undefined {
  const v = o[key];
  if (v !== undefined && typeof v != type) fail(path + key, type == 'function' ? 'a function' : 'a ' + type, v);
  return v as T | undefined;
}

function obj(v: unknown, path: string): Obj {
  return isObj(v) ? v : fail(path, 'an object', v);
}

// Ids become cookie keys and DOM ids; a leading letter also keeps out `__proto__` and friends.
const ID = /^[a-z][\w-]*$/i;

function ids(o: Obj, path: string): string[] {
  const keys = Object.keys(o);
  for (const k of keys) if (!ID.test(k)) fail(`${path}["${k}"]`, 'named by an id of letters, digits, - and _, starting with a letter');
  return keys;
}

/** "/^_ga/i" (as JSON configs write patterns) → RegExp; other strings stay exact names. */
function matcher(v: unknown, path: string): string | RegExp {
  if (v instanceof RegExp) return v;
  if (typeof v != 'string') fail(path, 'a cookie name or a RegExp', v);
  const m = /^\/(.+)\/([a-z]*)$/.exec(v);
  if (!m) return v;
  try {
    return new RegExp(m[1], m[2]);
  } catch {
    return fail(path, 'a valid regular expression like "/^_ga/"');
  }
}

/** Validates one service; used by `init` and by `register`. */
export function toService(v: unknown, path: string): Service {
  const s = obj(v, path);
  const p = path + '.';
  if (typeof s.label != 'string') fail(p + 'label', 'a string', s.label);
  opt(s, 'description', 'string', p);
  opt(s, 'onAccept', 'function', p);
  opt(s, 'onReject', 'function', p);
  const scripts = s.scripts ?? [];
  const cookies = s.cookies ?? [];
  if (!Array.isArray(scripts)) fail(p + 'scripts', 'an array', scripts);
  if (!Array.isArray(cookies)) fail(p + 'cookies', 'an array', cookies);
  scripts.forEach((d: unknown, i) => {
    const q = `${p}scripts[${i}]`;
    const sd = obj(d, q);
    if (sd.src !== undefined && sd.inline !== undefined) fail(q, 'either { src } or { inline }, not both');
    if (sd.inline === undefined) {
      if (typeof sd.src != 'string') fail(q + '.src', 'a string', sd.src);
    } else opt(sd, 'inline', 'string', q + '.');
    opt(sd, 'async', 'boolean', q + '.');
    opt(sd, 'type', 'string', q + '.');
    if (sd.attrs !== undefined) for (const [k, a] of Object.entries(obj(sd.attrs, q + '.attrs'))) if (typeof a != 'string') fail(`${q}.attrs.${k}`, 'a string', a);
  });
  return { ...(s as unknown as ServiceDef), scripts, cookies: cookies.map((c: unknown, i) => matcher(c, `${p}cookies[${i}]`)) };
}

function texts(v: unknown, path: string): TextsInput | undefined {
  if (v === undefined) return;
  const t = obj(v, path);
  for (const part of Object.keys(t)) {
    const known = EN[part as keyof typeof EN];
    if (!known) fail(`${path}.${part}`, 'one of: ' + Object.keys(EN).join(', '));
    const section = obj(t[part], `${path}.${part}`);
    for (const k of Object.keys(section)) {
      if (!(k in known)) fail(`${path}.${part}.${k}`, 'a known text: ' + Object.keys(known).join(', '));
      if (typeof section[k] != 'string') fail(`${path}.${part}.${k}`, 'a string', section[k]);
    }
  }
  return t as TextsInput;
}

/**
 * Validates a config (from code or from JSON) and fills in defaults. Throws
 * ConsentGateConfigError naming the first bad value.
 */
export function validate(input: unknown): Settings {
  const c = obj(input, 'the config');
  for (const k of Object.keys(c)) if (!KNOWN.includes(k)) console.warn(`consent-gate: unknown config option "${k}" is ignored`);

  const revision = c.revision ?? 0;
  if (typeof revision != 'number' || !(revision >= 0) || revision % 1) fail('revision', 'a whole number ≥ 0', revision);

  const ck = obj(c.cookie ?? {}, 'cookie');
  const name = opt<string>(ck, 'name', 'string', 'cookie.') ?? 'cg_consent';
  if (!/^[\w-]+$/.test(name)) fail('cookie.name', 'a cookie name of letters, digits, - and _');
  const path = opt<string>(ck, 'path', 'string', 'cookie.') ?? '/';
  const sameSite = ck.sameSite ?? 'Lax';
  if (!['Lax', 'Strict', 'None'].includes(sameSite as string)) fail('cookie.sameSite', '"Lax", "Strict" or "None"', sameSite);
  const days = ck.expiresAfterDays ?? 182;
  if (typeof days != 'number' || !(days > 0 && days <= 395)) fail('cookie.expiresAfterDays', 'a number of days from 1 to 395 (13 months)', days);

  const cats: Record<string, Category> = {};
  const cs = obj(c.categories, 'categories');
  const catIds = ids(cs, 'categories');
  if (!catIds.length) fail('categories', 'an object with at least one category');
  for (const id of catIds) {
    const p = `categories.${id}`;
    const d = obj(cs[id], p);
    if (typeof d.label != 'string') fail(p + '.label', 'a string', d.label);
    opt(d, 'description', 'string', p + '.');
    opt(d, 'required', 'boolean', p + '.');
    opt(d, 'gpc', 'boolean', p + '.');
    const svcs = obj(d.services ?? {}, p + '.services');
    const services: Record<string, Service> = {};
    for (const sid of ids(svcs, p + '.services')) services[sid] = toService(svcs[sid], `${p}.services.${sid}`);
    cats[id] = { ...(d as unknown as CategoryDef), services };
  }

  let gcm: ConsentModeMap | undefined;
  const g = c.googleConsentMode;
  if (g === true) gcm = GCM_DEFAULT;
  else if (isObj(g)) {
    for (const [k, v] of Object.entries(g)) {
      if (!(k in GCM_DEFAULT)) fail('googleConsentMode.' + k, 'a consent type: ' + Object.keys(GCM_DEFAULT).join(', '));
      if (v !== 'granted' && !(typeof v == 'string' && v in cats)) fail('googleConsentMode.' + k, 'a category id or "granted"', v);
    }
    gcm = g as ConsentModeMap;
  } else if (g !== undefined && g !== false) fail('googleConsentMode', 'true, false or a map of consent types to categories', g);

  const translations = c.translations === undefined ? undefined : obj(c.translations, 'translations');
  if (translations) for (const code of Object.keys(translations)) texts(translations[code], 'translations.' + code);

  return {
    ...(c as unknown as Config),
    revision,
    policyUrl: opt(c, 'policyUrl', 'string', ''),
    language: opt(c, 'language', 'string', ''),
    nonce: opt(c, 'nonce', 'string', ''),
    html: opt(c, 'html', 'boolean', ''),
    onConsent: opt(c, 'onConsent', 'function', ''),
    onChange: opt(c, 'onChange', 'function', ''),
    texts: texts(c.texts, 'texts'),
    translations: translations as Settings['translations'],
    cookie: { name, path, sameSite: sameSite as 'Lax', expiresAfterDays: days, domain: opt(ck, 'domain', 'string', 'cookie.') },
    categories: cats,
    ids: catIds,
    gcm,
  };
}
