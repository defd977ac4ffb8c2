// Translations the config gives as the URL of a JSON file (`translations: { de: '/i18n/de.json' }`,
// or `{ de: { url: '/i18n/de.json', categories: { … } } }`), fetched when that language is first shown.
import { textsFor, urlOf } from './language';
import { checkTexts, type Settings } from './validate';
import { error } from '../log';
import type { Texts } from '../types';

/** Files being fetched or fetched, by URL. One that failed is taken out, to be tried again. */
const fetched: Record<string, Promise<Texts | null>> = {};

/**
 * The texts of a language whose translation is a URL: its file fetched (once per page: callers that
 * come while it loads share the request) and checked, the config's texts beside the URL over it;
 * missing keys fall back to English with one warning. Null, with a console.error, when it cannot be had: the next call tries again.
 */
export function loadTexts(settings: Settings, lang: string): Promise<Texts | null> {
  const url = urlOf(settings.translations![lang])!;
  fetched[url] ||= fetch(url)
    .then((response) => response.json())
    .then((json) => textsFor(settings, lang, checkTexts(json, 'translations.' + lang)))
    .catch((e) => {
      delete fetched[url];
      error(`translations.${lang}: ${url} could not be loaded; English is shown`, e);
      return null;
    });
  return fetched[url];
}
