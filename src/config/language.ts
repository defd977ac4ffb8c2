// Which language to show, and the texts for it: English built in, others inline or fetched (translations.ts).
import { EN } from './texts';
import { matchLanguage } from './match-language';
import { warn } from '../log';
import type { Settings } from './validate';
import { isObject } from '../util';
import type { CategoryTexts, Texts, TextsInput, Translation } from '../types';

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

/** The URL of a language's translation file, when the config gives one (alone, or as `url` beside texts). */
export function urlOf(translation: unknown): string | undefined {
  if (typeof translation == 'string') return translation;
  if (isObject(translation)) return translation.url as string | undefined;
}

/**
 * English defaults, then the config's own texts, then the language's translation: the file fetched
 * from its URL (translations.ts, or the server, passes it), with the texts the config gives inline
 * over it. The keys a translation lacks fall back to English, and its category and service texts to
 * the config's own, with one warning for all of them. Category texts are looked for only when the
 * translation gives some (a translation of the UI alone, a shipped file, leaves them as written),
 * and a service's label is not: it is mostly a name, the same in every language.
 */
export function textsFor(settings: Settings, lang: string, file?: Translation): Texts {
  const inline = settings.translations?.[lang];
  const layers = [file, isObject(inline) ? (inline as Translation) : undefined];
  const given = layers[0] || layers[1];
  const texts: Record<string, Record<string, any>> = {};
  const missing: string[] = [];
  /** A part of the translation: the file's, the config's inline texts over it. */
  const part = (name: keyof Translation) => Object.assign({}, ...layers.map((layer) => layer?.[name]));
  for (const name of Object.keys(EN) as (keyof TextsInput)[]) {
    const translated = part(name);
    texts[name] = { ...EN[name], ...settings.texts?.[name], ...translated };
    if (!given) continue;
    for (const key of Object.keys(texts[name])) if (translated[key] == null) missing.push(name + '.' + key);
  }
  const categories: Record<string, CategoryTexts> = part('categories');
  if (Object.keys(categories).length) {
    texts.categories = categories;
    /** Each text the config writes for `path` (label, description) that the translation lacks. */
    const lacks = (path: string, keys: string[], own: Record<string, any>, t: Record<string, any> = {}) => {
      for (const key of keys) if (own[key] && !t[key]) missing.push(`categories.${path}.${key}`);
    };
    for (const id of settings.ids) {
      const category = settings.categories[id];
      lacks(id, ['label', 'description'], category, categories[id]);
      for (const [serviceId, service] of Object.entries(category.services))
        lacks(`${id}.services.${serviceId}`, ['description'], service, categories[id]?.services?.[serviceId]);
    }
  }
  if (missing.length)
    warn(`translations.${lang} lacks ${missing.join(', ')}; English, or the config's own text, is shown`);
  return texts as unknown as Texts;
}
