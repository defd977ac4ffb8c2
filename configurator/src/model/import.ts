// An existing config back into a draft: pasted JSON, a downloaded config file, or a whole snippet
// with its #consent-gate-config. Pure. What the form does not edit is kept as it came and written
// out again (and listed, so the owner sees it); nothing of the config is dropped without saying so.
import {
  CONSENT_TYPES,
  newDraft,
  type Draft,
  type DraftCategory,
  type DraftService,
  type LabelTexts,
  type TextEdits,
} from './draft';
import { patternText, presetById } from './presets';
import type { Shipped } from './config';

export interface Imported {
  draft: Draft;
  /** What was kept as it came, or left out, in words. */
  notes: string[];
}

export class ImportError extends Error {}

const isObj = (v: unknown): v is Record<string, any> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The JSON text of a config: the text itself, or the #consent-gate-config block of a pasted snippet. */
export function configText(input: string): string {
  const block = /<script\b[^>]*\bid=["']?consent-gate-config["']?[^>]*>([\s\S]*?)<\/script>/i.exec(input);
  return (block ? block[1] : input).trim();
}

/** Parses what the owner pasted or chose; an ImportError says what is wrong and where. */
export function parseConfig(input: string): unknown {
  const text = configText(input);
  if (!text) throw new ImportError('There is nothing to import: paste a config, or choose its file.');
  try {
    return JSON.parse(text);
  } catch (e) {
    const where = /position (\d+)/.exec(String(e));
    let place = '';
    if (where) {
      const before = text.slice(0, Number(where[1]));
      const line = before.split('\n').length;
      place = ` at line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
    }
    throw new ImportError(
      `This is not JSON${place}: ${(e as Error).message}. A config written in JavaScript (with functions, RegExps or unquoted keys) has to be turned into JSON first.`,
    );
  }
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.map((x) => (x instanceof RegExp ? patternText(x) : String(x))) : [];
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function service(id: string, v: Record<string, any>, at: string, notes: string[]): DraftService {
  const { label, description, cookies, blocks, scripts, ...rest } = v;
  const preset = presetById(id);
  const own: DraftService = {
    id,
    label: typeof label === 'string' ? label : (preset?.label ?? id),
    description: typeof description === 'string' ? description : '',
    cookies: strings(cookies),
    blocks: strings(blocks),
    scriptUrl: '',
  };
  const extra: Record<string, unknown> = { ...rest };
  // The form edits one external script; any other is kept as it came.
  const list = Array.isArray(scripts) ? [...scripts] : [];
  const first = list[0];
  if (
    isObj(first) &&
    typeof first.src === 'string' &&
    Object.keys(first).every((k) => k === 'src' || k === 'async')
  ) {
    own.scriptUrl = first.src;
    list.shift();
  }
  if (list.length) {
    extra.scripts = list;
    notes.push(`${at}.scripts: ${list.length} script(s) kept as imported (the form edits one script URL).`);
  }
  for (const k of Object.keys(rest)) notes.push(`${at}.${k}: kept as imported.`);
  if (Object.keys(extra).length) own.extra = extra;
  // A preset, when its names and patterns are the preset's (or not given): it then stays up to date.
  if (preset) {
    const presetCookies = preset.cookies.map(patternText);
    const presetBlocks = preset.blocks.map(patternText);
    const cookiesMatch = cookies === undefined || sameList(own.cookies, presetCookies);
    const blocksMatch = blocks === undefined || sameList(own.blocks, presetBlocks);
    if (cookiesMatch && blocksMatch) return { ...own, preset: preset.id, cookies: [], blocks: [] };
    notes.push(
      `${at}: the id of a preset, with cookies or patterns of its own: imported as your own service.`,
    );
  }
  return own;
}

/** A translation's `categories`: per category id its label and description, and its services'; strings only. */
function labelTexts(value: unknown, at: string, notes: string[]): Record<string, LabelTexts> {
  const out: Record<string, LabelTexts> = {};
  if (!isObj(value)) {
    notes.push(`${at}: not an object, left out.`);
    return out;
  }
  const pick = (from: unknown, where: string) => {
    const texts: { label?: string; description?: string } = {};
    if (!isObj(from)) return texts;
    for (const key of ['label', 'description'] as const) {
      if (typeof from[key] === 'string') texts[key] = from[key];
      else if (from[key] !== undefined) notes.push(`${where}.${key}: not a text, left out.`);
    }
    return texts;
  };
  for (const [id, c] of Object.entries(value)) {
    const texts: LabelTexts = pick(c, `${at}.${id}`);
    if (isObj(c) && isObj(c.services)) {
      texts.services = {};
      for (const [sid, s] of Object.entries(c.services))
        texts.services[sid] = pick(s, `${at}.${id}.services.${sid}`);
    }
    out[id] = texts;
  }
  return out;
}

/** Texts as edits: only what differs from `base`, every value a string. */
function edits(
  texts: unknown,
  base: Record<string, any> | undefined,
  at: string,
  notes: string[],
): TextEdits {
  const out: TextEdits = {};
  if (!isObj(texts)) return out;
  for (const [section, keys] of Object.entries(texts)) {
    if (!isObj(keys)) {
      notes.push(`${at}.${section}: not an object, left out.`);
      continue;
    }
    for (const [key, value] of Object.entries(keys)) {
      if (typeof value !== 'string') {
        notes.push(`${at}.${section}.${key}: not a text, left out.`);
        continue;
      }
      if (base?.[section]?.[key] === value) continue;
      (out[section] ??= {})[key] = value;
    }
  }
  return out;
}

/**
 * A draft from a config. Throws ImportError when it is not a config at all (no categories);
 * anything the form does not edit is kept in `extra` and named in `notes`.
 */
export function importConfig(config: unknown, shipped: Shipped, english: Record<string, any>): Imported {
  if (!isObj(config)) throw new ImportError('A config is a JSON object, { "categories": { … } }.');
  if (!isObj(config.categories) || !Object.keys(config.categories).length)
    throw new ImportError('This config has no "categories": a config needs at least one.');
  const notes: string[] = [];
  const d = newDraft();
  const {
    categories,
    policyUrl,
    language,
    texts,
    translations,
    ui,
    mode,
    cookie,
    revision,
    googleConsentMode,
    consentLog,
    ...rest
  } = config;

  d.categories = Object.entries(categories).map(([id, c]): DraftCategory => {
    const v = isObj(c) ? c : {};
    const services = isObj(v.services) ? v.services : {};
    const { label, description, required, gpc, default: on, services: _s, ...other } = v;
    for (const k of Object.keys(other)) notes.push(`categories.${id}.${k}: not a category option, left out.`);
    return {
      id,
      label: typeof label === 'string' ? label : id,
      description: typeof description === 'string' ? description : '',
      required: required === true,
      gpc: gpc === true,
      optOutDefault: on === true,
      services: Object.entries(services).map(([sid, s]) =>
        service(sid, isObj(s) ? s : {}, `categories.${id}.services.${sid}`, notes),
      ),
    };
  });

  d.policyUrl = typeof policyUrl === 'string' ? policyUrl : '';
  if (typeof language === 'string') d.language = language;
  const en = edits(texts, english, 'texts', notes);
  if (Object.keys(en).length) d.texts.en = en;
  if (isObj(translations)) {
    for (const [code, t] of Object.entries(translations)) {
      if (code === 'en') continue;
      d.languages.push(code);
      if (typeof t === 'string') d.translationUrls[code] = t;
      else if (isObj(t)) {
        // The config's own category and service names in that language; a file's URL beside texts.
        const { categories: names, url, ...texts } = t;
        if (names !== undefined) d.labels[code] = labelTexts(names, `translations.${code}.categories`, notes);
        if (typeof url === 'string') {
          d.translationUrls[code] = url;
          if (Object.keys(texts).length)
            notes.push(
              `translations.${code}: the texts beside its URL are left out (the form edits them without a URL).`,
            );
        } else {
          // A language the package does not ship starts from English.
          const e = edits(texts, shipped[code] ?? english, `translations.${code}`, notes);
          if (Object.keys(e).length) d.texts[code] = e;
        }
      }
    }
  }
  if (isObj(ui)) {
    if (['box', 'bar', 'cloud'].includes(ui.layout)) d.ui.layout = ui.layout;
    if (['bottom', 'top', 'bottom-left', 'bottom-right', 'top-left', 'top-right'].includes(ui.position))
      d.ui.position = ui.position;
    if (['light', 'dark', 'auto'].includes(ui.theme)) d.ui.theme = ui.theme;
    d.ui.blocking = ui.blocking === true;
  }
  if (mode === 'opt-out') d.mode = 'opt-out';
  if (isObj(cookie)) {
    const { expiresAfterDays, domain, ...other } = cookie;
    if (expiresAfterDays !== undefined)
      d.days = typeof expiresAfterDays === 'number' ? expiresAfterDays : null;
    if (typeof domain === 'string') d.cookieDomain = domain;
    if (Object.keys(other).length) {
      d.extra.cookie = other;
      notes.push(`cookie.${Object.keys(other).join(', cookie.')}: kept as imported.`);
    }
  }
  if (typeof revision === 'number') d.revision = revision;
  if (googleConsentMode === true) d.gcm.on = true;
  else if (isObj(googleConsentMode)) {
    const g = googleConsentMode;
    d.gcm.on = true;
    d.gcm.adsDataRedaction = g.adsDataRedaction === true;
    d.gcm.urlPassthrough = g.urlPassthrough === true;
    if (typeof g.waitForUpdate === 'number') d.gcm.waitForUpdate = g.waitForUpdate;
    if (CONSENT_TYPES.some((t) => t in g)) {
      d.gcm.map = Object.fromEntries(
        CONSENT_TYPES.map((t) => [t, typeof g[t] === 'string' ? g[t] : '']),
      ) as any;
    }
  }
  if (isObj(consentLog) && typeof consentLog.url === 'string') d.addons.consentLogUrl = consentLog.url;
  for (const k of Object.keys(rest)) notes.push(`${k}: kept as imported.`);
  d.extra = { ...d.extra, ...rest };
  // Add-ons a config needs, from what it uses: embeds and auto-blocking leave no trace in a config
  // but a service's blocks, so auto-blocking is turned on when an own service lists some.
  d.addons.autoblock = d.categories.some((c) => c.services.some((s) => !s.preset && s.blocks.length));
  return { draft: d, notes };
}
