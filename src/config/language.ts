// Which language to show, and the texts for it: English built in, others inline or fetched.
import { EN } from './texts';
import { error, warn } from '../log';
import { checkTexts, type Settings } from './validate';
import type { Texts } from '../types';

/**
 * For `'auto'`: the page's <html lang>, then the browser's languages; the first one the config
 * has texts for wins, a region falling back to its base language (de-AT → de). English otherwise.
 */
export function pickLanguage(s: Settings, code = s.language): string {
  const have = ['en', ...Object.keys(s.translations || {})];
  for (const w of code && code != 'auto'
    ? [code]
    : [document.documentElement.lang, ...(navigator.languages || [])])
    for (const c of [w, w.split('-')[0]])
      for (const h of have) if (h.toLowerCase() == c.toLowerCase()) return h;
  return 'en';
}

/** Whether the config has texts for `code` (English always; 'auto' or none finds its own). */
export const hasLanguage = (s: Settings, code: string | undefined): boolean =>
  !code || code == 'auto' || /^en\b/i.test(code) || pickLanguage(s, code) != 'en';

export { dir } from './dir';

/** Translation files being fetched or fetched, by URL; one that failed is taken out, to be tried again. */
const fetched: Record<string, Promise<Texts | null>> = {};

/**
 * The texts of a language whose translation the config gives as a URL: its file fetched (once per
 * page: callers that come while it loads share the request) and checked; missing keys fall back to
 * English with one warning. Null, with a console.error, when it cannot be had: the next call tries again.
 */
export async function loadTexts(s: Settings, lang: string): Promise<Texts | null> {
  const url = s.translations![lang] as string;
  fetched[url] ||= fetch(url)
    .then((r) => r.json())
    .then((j) => textsFor(s, lang, checkTexts(j, 'translations.' + lang)))
    .catch((e) => {
      delete fetched[url];
      error(`translations.${lang}: ${url} could not be loaded; English is shown`, e);
      return null;
    });
  return fetched[url];
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
