// What a visitor was shown, rebuilt on the server from its copy of the config, to check the hash a
// receipt carries and to keep one copy of each version of the texts.
import { checkTexts, type Settings } from '../config/validate';
import { textsFor, urlOf } from '../config/language';
import { fnv1a, hashTexts, shownText } from '../integrations/consent-log';
import type { Config, TextsInput } from '../types';
import { settingsOf } from './settings';

/** One version of what visitors were shown in one language, stored once and named by its hash. */
export interface TextsVersion {
  /** SHA-256 (hex) of `shown`: anyone can recompute it from the stored copy. */
  hash: string;
  /** The language code the texts are in. */
  language: string;
  /**
   * Exactly the string the browser hashes: the JSON of `[texts, policyUrl, categories]` (category and
   * service labels, descriptions and flags; scripts, cookies and URL patterns written as 0).
   */
  shown: string;
  /** The 32-bit FNV-1a of `shown` (hex), which browsers without crypto.subtle send instead. */
  fnv: string;
}

/**
 * The texts shown in a language: English defaults, the config's texts, then the translation (for a
 * translation the config gives as a URL, the file in `translations`, under the config's own texts
 * beside the URL) with its category and service texts, and the config's categories, as the browser computes them (src/config/language.ts,
 * src/integrations/consent-log.ts). The one place that says what "shown" means on the server.
 */
export async function textsVersion(
  s: Settings,
  language: string,
  translations: Record<string, TextsInput> = {},
): Promise<TextsVersion> {
  // The file of a translation given by URL, under what the config gives inline beside it.
  const file = urlOf(s.translations?.[language])
    ? checkTexts(translations[language], 'translations.' + language)
    : undefined;
  const texts = textsFor(s, language, file);
  const [algorithm, hash] = await hashTexts(s, texts);
  if (algorithm != 'SHA-256')
    throw new Error('consent-gate/server needs crypto.subtle (SHA-256); this runtime does not offer it');
  const shown = shownText(s, texts);
  return { hash, language, shown, fnv: fnv1a(new TextEncoder().encode(shown)) };
}

/** The languages a config shows: English and each translation. */
export const languagesOf = (s: Settings): string[] => ['en', ...Object.keys(s.translations || {})];

/**
 * The languages whose translation the config gives as a URL but `translations` lacks: the server
 * cannot rebuild what those visitors saw.
 */
export const missingTranslations = (s: Settings, translations: Record<string, unknown> = {}): string[] =>
  Object.entries(s.translations || {})
    .filter(([code, t]) => urlOf(t) && translations[code] === undefined)
    .map(([code]) => code);

/**
 * The version of the texts a page of this config shows in `language` (English, or a translation of
 * the config; one given as a URL needs its texts in `translations`): what the consent endpoint
 * stores, with the hashes the browser sends for it.
 */
export const textsShown = (
  config: Config,
  language: string,
  translations?: Record<string, TextsInput>,
): Promise<TextsVersion> => textsVersion(settingsOf(config), language, translations);
