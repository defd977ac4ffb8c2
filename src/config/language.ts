// Which language to show, and the texts for it: English built in, others inline or fetched.
import { EN } from './texts';
import { error, warn } from '../log';
import { texts as checkTexts, type Settings } from './validate';
import type { Texts, TextsInput } from '../types';

/**
 * For `'auto'`: the page's <html lang>, then the browser's languages; the first one the config
 * has texts for wins, a region falling back to its base language (de-AT → de). English otherwise.
 */
export function pickLanguage(s: Settings, code = s.language): string {
  const have = ['en', ...Object.keys(s.translations || {})];
  const wanted = code && code != 'auto' ? [code] : [document.documentElement.lang, ...(navigator.languages || [])];
  for (const w of wanted) for (const c of [w, w.split('-')[0]]) for (const h of have) if (h.toLowerCase() == c.toLowerCase()) return h;
  return 'en';
}

/** Right-to-left scripts: Arabic, Hebrew, Persian, Urdu and a few more. */
export const dir = (lang: string) => (/^(ar|he|fa|ur|ps|sd|ug|yi|dv|ckb)\b/i.test(lang) ? 'rtl' : 'ltr');

const fetched: Record<string, TextsInput> = {};

/**
 * The texts of a language, fetching its file first when the config gives a URL. A translation
 * that cannot be had falls back to English with one console.error; missing keys fall back to
 * English with one warning.
 */
export async function loadTexts(s: Settings, lang: string): Promise<Texts> {
  let t = s.translations?.[lang];
  if (typeof t == 'string') {
    const url = t;
    try {
      t = fetched[url] ||= checkTexts(await (await fetch(url)).json(), 'translations.' + lang)!;
    } catch (e) {
      error(`translations.${lang}: ${url} could not be loaded; English is shown`, e);
      t = undefined;
    }
  }
  return textsFor(s, lang, t);
}

/** English defaults, then the config's own texts, then the language's translation. */
export function textsFor(s: Settings, lang: string, given = s.translations?.[lang]): Texts {
  const t = typeof given == 'object' ? given : undefined;
  const out = {} as Record<string, Record<string, string>>;
  const missing: string[] = [];
  for (const part in EN) {
    const base = { ...EN[part as keyof Texts], ...s.texts?.[part as keyof Texts] } as Record<string, string>;
    const over = (t?.[part as keyof Texts] || {}) as Record<string, string>;
    if (t) for (const k in base) if (!(k in over)) missing.push(part + '.' + k);
    out[part] = { ...base, ...over };
  }
  if (missing.length) warn(`translations.${lang} lacks ${missing.join(', ')}; English is shown there.`);
  return out as unknown as Texts;
}
