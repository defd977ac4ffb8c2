// Which language to show, and the texts for it: English built in, others inline or fetched.
import { EN } from './texts';
import { matchLanguage } from './match-language';
import { error, warn } from '../log';
import { texts as checkTexts, type Settings } from './validate';
import type { Texts } from '../types';

/**
 * For `'auto'`: the page's <html lang>, then the browser's languages; the first one the config
 * has texts for wins, by matchLanguage's rule (pt-BR exact, de-AT → de, zh-TW → zh-Hant).
 * English otherwise.
 */
export function pickLanguage(s: Settings, code = s.language): string {
  const have = ['en', ...Object.keys(s.translations || {})];
  for (const w of code && code != 'auto'
    ? [code]
    : [document.documentElement.lang, ...(navigator.languages || [])]) {
    const found = matchLanguage(w, have);
    if (found) return found;
  }
  return 'en';
}

export { dir } from './dir';

const fetched: Record<string, Promise<Texts | void>> = {};

/**
 * The texts of a language whose translation the config gives as a URL: its file fetched (once per
 * page: callers that come while it loads share the request) and checked. A translation that cannot
 * be had falls back to English with one console.error; missing keys fall back to English with one
 * warning.
 */
export async function loadTexts(s: Settings, lang: string): Promise<Texts> {
  const url = s.translations![lang] as string;
  const got = (fetched[url] ||= fetch(url)
    .then((r) => r.json())
    .then((j) => checkTexts(j, 'translations.' + lang) as Texts)
    .catch((e) => error(`translations.${lang}: ${url} could not be loaded; English is shown`, e)));
  // Nothing got: the URL stands, which textsFor counts as no translation (English).
  return textsFor(s, lang, await got);
}

/** English defaults, then the config's own texts, then the language's translation (an object; a URL counts as none). */
export function textsFor(s: Settings, lang: string, t: unknown = s.translations?.[lang]): Texts {
  const out: any = {};
  const missing: string[] = [];
  for (const part in EN) {
    const over = (t as any)?.[part];
    for (const k in (out[part] = { ...EN[part as keyof Texts], ...s.texts?.[part as keyof Texts], ...over }))
      if (typeof t == 'object' && over?.[k] == null) missing.push(part + '.' + k);
  }
  if (missing[0]) warn(`translations.${lang} lacks ${missing.join(', ')}; English is shown`);
  return out;
}
