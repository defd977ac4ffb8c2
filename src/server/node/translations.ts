/// <reference types="node" />
// The texts of translations a config gives as a URL, for the server to rebuild what visitors saw:
// from a folder of the site's own files, or the package's shipped ones (dist/i18n/<code>.json).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConsentGateConfigError } from '../../config/error';
import { urlOf } from '../../config/language';
import type { Config, TextsInput } from '../../types';

/** The package's translations, beside this file in dist/. */
const SHIPPED = fileURLToPath(new URL('./i18n/', import.meta.url));

const readJson = (file: string, what: string) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConsentGateConfigError(`${what}: ${file} could not be read as JSON (${(e as Error).message})`);
  }
};

/**
 * For each language the config gives as a URL: `<dir>/<code>.json` when `dir` is given, otherwise
 * the package's own file when the URL names one (`…/de.json` for a language the package ships).
 * Throws ConsentGateConfigError naming a language it finds no file for.
 */
export function translationFiles(config: Config, dir?: string): Record<string, TextsInput> {
  const out: Record<string, TextsInput> = {};
  for (const [code, translation] of Object.entries(config.translations || {})) {
    const t = urlOf(translation);
    if (!t) continue;
    const what = `translations.${code} (${t})`;
    if (dir) {
      out[code] = readJson(path.join(dir, `${code}.json`), what);
      continue;
    }
    const name = /([^/?#]+)\.json(?:[?#].*)?$/.exec(t)?.[1];
    const shipped = path.join(SHIPPED, `${code}.json`);
    if (name != code || !existsSync(shipped))
      throw new ConsentGateConfigError(
        `${what}: the server needs this file to rebuild what visitors saw; give the folder that holds ` +
          `${code}.json (--translations DIR)`,
      );
    out[code] = readJson(shipped, what);
  }
  return out;
}
