// Draft → the library's config, as JSON: what the snippet holds, what the preview runs and what
// Download config saves. Pure. Defaults are left out, so the config says only what the owner chose.
import type { TextsInput, Translation } from '../../../src/types';
import { CONSENT_TYPES, DEFAULT_DAYS, type Draft, type DraftService, type TextEdits } from './draft';
import { patternText, presetById } from './presets';
import { withLabelTranslations } from './label-translations';

/**
 * A config as JSON: what `JSON.stringify` of it gives goes into `#consent-gate-config`. Loosely
 * typed on purpose: the library's validator, not this type, says whether it is right.
 */
export interface JsonConfig {
  categories: Record<string, Record<string, any>>;
  translations?: Record<string, Translation | string>;
  [option: string]: any;
}

/** The shipped translations (i18n/<code>.json), by code; English is built into the library. */
export type Shipped = Record<string, TextsInput>;

export interface ConfigOptions {
  /** Whether the library takes category and service names per language (label-translations.ts). */
  labelTranslations?: boolean;
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Edited texts over a base: every section and key of both, edits winning. */
export function mergeTexts(base: TextsInput | undefined, edits: TextEdits | undefined): TextsInput {
  const out: Record<string, Record<string, string>> = {};
  for (const [section, keys] of Object.entries({ ...(base ?? {}) })) out[section] = { ...keys };
  for (const [section, keys] of Object.entries(edits ?? {})) out[section] = { ...out[section], ...keys };
  return out as TextsInput;
}

const nonEmpty = (o: Record<string, unknown>) => Object.keys(o).length > 0;

function service(s: DraftService): Record<string, unknown> {
  const preset = presetById(s.preset);
  const out: Record<string, unknown> = { ...(s.extra ?? {}), label: s.label };
  if (s.description) out.description = s.description;
  if (s.scriptUrl.trim()) {
    // A script of the form goes first; scripts kept from an import follow it.
    const kept = Array.isArray(s.extra?.scripts) ? s.extra.scripts : [];
    out.scripts = [{ src: s.scriptUrl.trim(), async: true }, ...kept];
  }
  // A preset's names and patterns are written out, so the snippet needs nothing but the library.
  const cookies = preset ? preset.cookies.map(patternText) : s.cookies.filter((c) => c.trim());
  const blocks = preset ? preset.blocks.map(patternText) : s.blocks.filter((b) => b.trim());
  if (cookies.length) out.cookies = cookies;
  if (blocks.length) out.blocks = blocks;
  return out;
}

function consentMode(draft: Draft): Record<string, unknown> | true | undefined {
  const { gcm } = draft;
  if (!gcm.on) return undefined;
  const options: Record<string, unknown> = {};
  if (gcm.adsDataRedaction) options.adsDataRedaction = true;
  if (gcm.urlPassthrough) options.urlPassthrough = true;
  if (gcm.waitForUpdate !== 500) options.waitForUpdate = gcm.waitForUpdate;
  const map: Record<string, string> = {};
  // A type mapped to nothing is left out: the library keeps it denied.
  if (gcm.map) for (const type of CONSENT_TYPES) if (gcm.map[type]) map[type] = gcm.map[type];
  const all = { ...map, ...options };
  return nonEmpty(all) ? all : true;
}

/**
 * The config for a draft. `shipped` gives the starting texts of each language: a language's
 * translation goes in whole (shipped texts with the owner's edits), inline, so that the snippet
 * needs no file besides the library's.
 */
export function toConfig(draft: Draft, shipped: Shipped, options: ConfigOptions = {}): JsonConfig {
  const config: JsonConfig = { ...draft.extra, categories: {} };
  if (draft.revision !== 0 && draft.revision !== null) config.revision = draft.revision;
  if (draft.policyUrl.trim()) config.policyUrl = draft.policyUrl.trim();
  if (draft.mode !== 'opt-in') config.mode = draft.mode;

  const cookie: Record<string, unknown> = isObj(draft.extra.cookie) ? { ...draft.extra.cookie } : {};
  if (draft.days !== DEFAULT_DAYS) cookie.expiresAfterDays = draft.days;
  if (draft.cookieDomain.trim()) cookie.domain = draft.cookieDomain.trim();
  if (nonEmpty(cookie)) config.cookie = cookie;
  else delete config.cookie;

  for (const c of draft.categories) {
    const out: Record<string, unknown> = { label: c.label };
    if (c.description) out.description = c.description;
    if (c.required) out.required = true;
    if (c.gpc) out.gpc = true;
    if (c.optOutDefault && draft.mode === 'opt-out') out.default = true;
    if (c.services.length) {
      const services: Record<string, unknown> = {};
      for (const s of c.services) services[s.id] = service(s);
      out.services = services;
    }
    config.categories[c.id] = out;
  }

  if (draft.language !== 'auto') config.language = draft.language;
  const english = draft.texts.en;
  if (english && nonEmpty(english)) config.texts = mergeTexts(undefined, english);
  const translations: Record<string, Translation | string> = {};
  for (const code of draft.languages) {
    const url = draft.translationUrls[code];
    if (url) {
      // A file by URL, and the owner's names beside it when there are any ({ url, categories }).
      const named = options.labelTranslations ? withLabelTranslations({}, draft, code) : {};
      translations[code] = Object.keys(named).length ? { url, ...named } : url;
    } else {
      const texts = mergeTexts(shipped[code], draft.texts[code]);
      translations[code] = options.labelTranslations ? withLabelTranslations(texts, draft, code) : texts;
    }
  }
  if (nonEmpty(translations)) config.translations = translations;

  const ui: Record<string, unknown> = {};
  if (draft.ui.layout !== 'box') ui.layout = draft.ui.layout;
  if (draft.ui.position !== 'bottom') ui.position = draft.ui.position;
  if (draft.ui.theme !== 'light') ui.theme = draft.ui.theme;
  if (draft.ui.blocking) ui.blocking = true;
  if (nonEmpty(ui)) config.ui = ui;

  const gcm = consentMode(draft);
  if (gcm) config.googleConsentMode = gcm;
  if (draft.addons.consentLogUrl.trim()) config.consentLog = { url: draft.addons.consentLogUrl.trim() };
  return config;
}

/** The config as the JSON of the snippet and of Download config. */
export function configJson(config: JsonConfig): string {
  return JSON.stringify(config, null, 2);
}
