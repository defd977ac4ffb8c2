// Which language to show, and the texts for it.
import { EN } from './texts';
import type { Settings } from './validate';
import type { Texts, TextsInput } from '../types';

/**
 * For `'auto'`: the page's <html lang>, then the browser's languages; the first one the config
 * has texts for wins, a region falling back to its base language (de-AT → de). English otherwise.
 */
export function pickLanguage(s: Settings): string {
  const have = ['en', ...Object.keys(s.translations || {})];
  const wanted = s.language && s.language != 'auto' ? [s.language] : [document.documentElement.lang, ...(navigator.languages || [])];
  for (const w of wanted) {
    if (!w) continue;
    const code = w.toLowerCase();
    const hit = have.find((h) => h.toLowerCase() == code) || have.find((h) => h.toLowerCase() == code.split('-')[0]);
    if (hit) return hit;
  }
  return 'en';
}

const merge = (base: Texts, over: TextsInput | undefined): Texts => ({
  banner: { ...base.banner, ...over?.banner },
  preferences: { ...base.preferences, ...over?.preferences },
  embed: { ...base.embed, ...over?.embed },
});

/** English defaults, then the config's own texts, then the language's translation. */
export const textsFor = (s: Settings, lang: string): Texts => merge(merge(EN, s.texts), s.translations?.[lang]);
