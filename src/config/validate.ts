import { ConsentGateConfigError } from './error';
import { EN } from './texts';
import type { CategoryDef, Config, ConsentModeMap, ConsentModeOptions, CookieOptions, ServiceDef, TextsInput, UIOptions } from '../types';

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

const KNOWN = 'revision policyUrl cookie categories language texts translations html nonce mode googleConsentMode consentLog ui onConsent onChange';
const GCM_OPTIONS = ['adsDataRedaction', 'urlPassthrough', 'waitForUpdate'];
const GCM_DEFAULT: ConsentModeMap = {
  analytics_storage: 'analytics',
  ad_storage: 'marketing',
  ad_user_data: 'marketing',
  ad_personalization: 'marketing',
  functionality_storage: 'preferences',
  personalization_storage: 'preferences',
  security_storage: 'granted',
};
/** The values of the `ui` options. */
const UI = {
  layout: 'box bar cloud',
  position: 'bottom top bottom-left bottom-right top-left top-right',
  theme: 'light dark auto',
};
const S = 'string';
const B = 'boolean';
const F = 'function';

export const isObj = (v: unknown): v is Obj => !!v && typeof v == 'object' && !Array.isArray(v);

function fail(path: string, expected: string, got?: unknown): never {
  throw new ConsentGateConfigError(
    `ConsentGate config: ${path} must be ${expected}` +
      (arguments.length > 2 ? ` (got ${got === null ? 'null' : Array.isArray(got) ? 'an array' : typeof got})` : ''),
  );
}

/** An object, whose listed keys, where present, have the listed types. `label` and `url` are never optional. */
function shape(v: unknown, path: string, types: Record<string, string>): Obj {
  if (!isObj(v)) fail(path.slice(0, -1) || 'the config', 'an object', v);
  for (const k in types) {
    const x = v[k];
    if ((x !== undefined || k == 'label' || k == 'url') && typeof x != types[k]) fail(path + k, 'a ' + types[k], x);
  }
  return v;
}

// Ids become cookie keys and DOM ids; a leading letter also keeps out `__proto__` and friends.
const ID = /^[a-z][\w-]*$/i;

function ids(o: Obj, path: string): string[] {
  const keys = Object.keys(o);
  for (const k of keys) if (!ID.test(k)) fail(`${path}["${k}"]`, 'named by an id of letters, digits, - and _, starting with a letter');
  return keys;
}

function list(v: unknown, path: string): unknown[] {
  return v === undefined ? [] : Array.isArray(v) ? v : fail(path, 'an array', v);
}

/** Exact strings, RegExps, and `"/re/flags"` strings (as JSON configs write patterns) made RegExps. */
function patterns(v: unknown, path: string, what: string): (string | RegExp)[] {
  return list(v, path).map((c, i) => {
    const m = typeof c == S && /^\/(.+)\/([a-z]*)$/.exec(c as string);
    try {
      if (c instanceof RegExp || (typeof c == S && !m)) return c as string | RegExp;
      if (m) return new RegExp(m[1], m[2]);
    } catch {}
    return fail(`${path}[${i}]`, what + ', a RegExp or a valid pattern like "/^_ga/"', c);
  });
}

/** Validates one service; used by `init` and by `register`. */
export function toService(v: unknown, path: string): Service {
  const s = shape(v, path + '.', { label: S, description: S, onAccept: F, onReject: F });
  const scripts = list(s.scripts, path + '.scripts').map((d, i) => {
    const q = `${path}.scripts[${i}]`;
    const sd = shape(d, q + '.', { src: S, inline: S, async: B, type: S });
    if ((sd.src === undefined) == (sd.inline === undefined)) fail(q, 'either { src } or { inline }');
    for (const [k, a] of Object.entries(sd.attrs === undefined ? {} : shape(sd.attrs, q + '.attrs.', {}))) if (typeof a != S) fail(`${q}.attrs.${k}`, 'a string', a);
    return sd;
  });
  return {
    ...(s as unknown as ServiceDef),
    scripts: scripts as Service['scripts'],
    cookies: patterns(s.cookies, path + '.cookies', 'a cookie name'),
    blocks: patterns(s.blocks, path + '.blocks', 'a piece of a URL'),
  };
}

/** Checks texts: known sections and keys, string values. Also used on fetched translations. */
export function texts(v: unknown, path: string): TextsInput | undefined {
  if (v === undefined) return;
  const t = shape(v, path + '.', {});
  for (const part of Object.keys(t)) {
    const known = (EN as unknown as Record<string, Obj>)[part];
    if (!known) fail(`${path}.${part}`, 'one of: ' + Object.keys(EN).join(', '));
    const section = shape(t[part], `${path}.${part}.`, {});
    for (const k of Object.keys(section)) {
      if (!(k in known)) fail(`${path}.${part}.${k}`, 'a known text: ' + Object.keys(known).join(', '));
      if (typeof section[k] != S) fail(`${path}.${part}.${k}`, 'a string', section[k]);
    }
  }
  return t as TextsInput;
}

/**
 * Validates a config (from code or from JSON) and fills in defaults. Throws
 * ConsentGateConfigError naming the first bad value.
 */
export function validate(input: unknown): Settings {
  const c = shape(input, '', { policyUrl: S, language: S, nonce: S, html: B, onConsent: F, onChange: F });
  for (const k of Object.keys(c)) if (!KNOWN.split(' ').includes(k)) console.warn(`consent-gate: unknown config option "${k}" is ignored`);

  if (c.mode !== undefined && c.mode != 'opt-in' && c.mode != 'opt-out') fail('mode', '"opt-in" or "opt-out"', c.mode);
  const revision = c.revision ?? 0;
  if (!Number.isInteger(revision) || (revision as number) < 0) fail('revision', 'a whole number ≥ 0', revision);

  const ck = shape(c.cookie ?? {}, 'cookie.', { name: S, domain: S, path: S, sameSite: S, expiresAfterDays: 'number' });
  const { name = 'cg_consent', path = '/', sameSite = 'Lax', expiresAfterDays = 182 } = ck;
  if (!/^[\w-]+$/.test(name as string)) fail('cookie.name', 'a cookie name of letters, digits, - and _');
  if (!['Lax', 'Strict', 'None'].includes(sameSite as string)) fail('cookie.sameSite', '"Lax", "Strict" or "None"', sameSite);
  if (!((expiresAfterDays as number) > 0 && (expiresAfterDays as number) <= 395)) fail('cookie.expiresAfterDays', 'a number of days from 1 to 395 (13 months)', expiresAfterDays);

  const categories: Record<string, Category> = {};
  const cs = shape(c.categories, 'categories.', {});
  const catIds = ids(cs, 'categories');
  if (!catIds.length) fail('categories', 'an object with at least one category');
  for (const id of catIds) {
    const p = 'categories.' + id;
    const d = shape(cs[id], p + '.', { label: S, description: S, required: B, gpc: B, default: B });
    if (d.default && c.mode != 'opt-out') console.warn(`consent-gate: ${p}.default has no effect: it needs mode: "opt-out"`);
    const svcs = shape(d.services ?? {}, p + '.services.', {});
    const services: Record<string, Service> = {};
    for (const sid of ids(svcs, p + '.services')) services[sid] = toService(svcs[sid], `${p}.services.${sid}`);
    categories[id] = { ...(d as unknown as CategoryDef), services };
  }

  // true, or a map of consent types to categories with options beside them; no types: the default map.
  const g = c.googleConsentMode === true ? {} : c.googleConsentMode;
  let gcm: Gcm | undefined;
  if (isObj(g)) {
    const o = shape(g, 'googleConsentMode.', { adsDataRedaction: B, urlPassthrough: B, waitForUpdate: 'number' });
    const map: Obj = {};
    for (const [k, v] of Object.entries(o)) {
      if (GCM_OPTIONS.includes(k)) continue;
      if (!(k in GCM_DEFAULT)) fail('googleConsentMode.' + k, 'a consent type or option: ' + [...Object.keys(GCM_DEFAULT), ...GCM_OPTIONS].join(', '));
      if (v != 'granted' && !(typeof v == S && catIds.includes(v as string))) fail('googleConsentMode.' + k, 'a category id or "granted"', v);
      map[k] = v;
    }
    // The default map may name categories a config lacks: their types stay denied.
    gcm = { ...o, map: Object.keys(map).length ? map : GCM_DEFAULT, waitForUpdate: (o.waitForUpdate ?? 500) as number };
  } else if (g !== undefined && g !== false) fail('googleConsentMode', 'true, false, or a map of consent types to categories', g);

  if (c.consentLog !== undefined) shape(c.consentLog, 'consentLog.', { url: S });

  const ui = shape(c.ui ?? {}, 'ui.', { blocking: B });
  for (const [k, ok] of Object.entries(UI)) {
    const v = ui[k];
    if (v !== undefined && !ok.split(' ').includes(v as string)) fail('ui.' + k, `one of: ${ok.replace(/ /g, ', ')}; not ${JSON.stringify(v)}`);
  }

  const translations = c.translations === undefined ? undefined : shape(c.translations, 'translations.', {});
  // A string is the URL of a translation file, checked when fetched.
  for (const code in translations) if (typeof translations[code] != S) texts(translations[code], 'translations.' + code);

  return {
    ...(c as unknown as Config),
    revision: revision as number,
    texts: texts(c.texts, 'texts'),
    translations: translations as Settings['translations'],
    cookie: { name, path, sameSite, expiresAfterDays, domain: ck.domain } as Settings['cookie'],
    categories,
    ids: catIds,
    gcm,
    ui: { layout: 'box', position: 'bottom', theme: 'light', ...ui } as Settings['ui'],
  };
}
