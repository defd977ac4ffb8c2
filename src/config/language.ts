// Which language to show, and the texts for it: English built in, others inline or fetched (translations.ts).
import { EN } from './texts';
import { matchLanguage } from './match-language';
import { warn } from '../log';
import type { Settings } from './validate';
import { isObject } from '../util';
import type { Texts, TextsInput } from '../types';

/**
 * For `'auto'`: the page's <html lang>, then the browser's languages; the first one the config
 * has texts for wins, by matchLanguage's rule (pt-BR exact, de-AT → de, zh-TW → zh-Hant).
 * English otherwise.
 */
export function pickLanguage(settings: Settings, code = settings.language): string {
  const available = ['en', ...Object.keys(settings.translations || {})];
  const wanted =
    code && code != 'auto' ? [code] : [document.documentElement.lang, ...(navigator.languages || [])];
  for (const candidate of wanted) {
    const found = matchLanguage(candidate, available);
    if (found) return found;
  }
  return 'en';
}

/** Whether the config has texts for `code` (English always; 'auto' or none finds its own). */
export const hasLanguage = (settings: Settings, code: string | undefined): boolean =>
  !code || code == 'auto' || /^en\b/i.test(code) || pickLanguage(settings, code) != 'en';

export { dir } from './dir';

/**
 * English defaults, then the config's own texts, then the language's translation: the config's (an
 * object), or the one fetched from its URL (translations.ts passes it); a URL alone counts as none.
 * The keys a translation lacks fall back to English, with one warning.
 */
export function textsFor(
  settings: Settings,
  lang: string,
  translation: unknown = settings.translations?.[lang],
): Texts {
  const given = isObject(translation) ? (translation as TextsInput) : undefined;
  const texts: Record<string, Record<string, string>> = {};
  const missing: string[] = [];
  for (const part of Object.keys(EN) as (keyof Texts)[]) {
    const translated: Record<string, string | undefined> = { ...given?.[part] };
    texts[part] = { ...EN[part], ...settings.texts?.[part], ...translated };
    if (!given) continue;
    for (const key of Object.keys(texts[part])) if (translated[key] == null) missing.push(part + '.' + key);
  }
  if (missing.length) warn(`translations.${lang} lacks ${missing.join(', ')}; English is shown`);
  return texts as unknown as Texts;
}
