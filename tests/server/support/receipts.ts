// A site config and the bodies its pages post, built the way the browser builds them
// (src/addons/consent-log.ts: the decision, the page, and the hash of the texts shown).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validate } from '../../../src/config/validate';
import { textsFor } from '../../../src/config/language';
import { hashTexts } from '../../../src/integrations/consent-log';
import { fnv1a, shownText } from '../../../src/integrations/consent-log';
import type { Config, Consent, TextsInput } from '../../../src/types';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The package's translations, as the pages fetch them. */
export const shipped = (code: string): TextsInput =>
  JSON.parse(readFileSync(`${ROOT}i18n/${code}.json`, 'utf8'));

/** German inline, French by URL (the package's file), a cookie lifetime that is not the default. */
export const CONFIG: Config = {
  revision: 2,
  policyUrl: '/privacy',
  cookie: { expiresAfterDays: 200 },
  categories: {
    necessary: { label: 'Strictly necessary', required: true },
    analytics: {
      label: 'Analytics',
      description: 'Tools that measure how the site is used.',
      gpc: true,
      services: {
        'google-analytics': {
          label: 'Google Analytics',
          scripts: [{ src: 'https://www.googletagmanager.com/gtag/js?id=G-TEST', async: true }],
          cookies: ['_gid', /^_ga/],
        },
        hotjar: { label: 'Hotjar' },
      },
    },
    marketing: { label: 'Marketing' },
  },
  translations: { de: shipped('de'), fr: '/dist/i18n/fr.json' },
};

export const TRANSLATIONS = { fr: shipped('fr') };

export const ORIGIN = 'https://shop.example';

/** A decision the browser could have written now. */
export function decision(overrides: Partial<Consent> = {}, config = CONFIG): Consent {
  const t = new Date().toISOString();
  return {
    id: crypto.randomUUID(),
    revision: config.revision ?? 0,
    givenAt: t,
    updatedAt: t,
    categories: { necessary: true, analytics: true, marketing: false },
    services: { analytics: { 'google-analytics': true, hotjar: false } },
    ...overrides,
  };
}

/** The texts hash a page in `language` sends, with either algorithm. */
export async function pageHash(
  language: string,
  algorithm: 'SHA-256' | 'FNV-1a-32' = 'SHA-256',
  config = CONFIG,
) {
  const s = validate(config);
  // The file of the language given by URL; textsFor takes an inline one from the config itself.
  const texts = textsFor(s, language, language == 'fr' ? TRANSLATIONS.fr : undefined);
  if (algorithm == 'FNV-1a-32') return fnv1a(new TextEncoder().encode(shownText(s, texts)));
  return (await hashTexts(s, texts))[1];
}

/** A body as the consent-log add-on posts it. */
export async function postedBody(
  consent: Consent = decision(),
  extra: Record<string, unknown> = {},
  language = 'en',
): Promise<Record<string, unknown>> {
  return {
    consent,
    revision: consent.revision,
    language,
    url: `${ORIGIN}/products?item=7`,
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) TestBrowser/1.0',
    gpc: false,
    textsHash: await pageHash(language),
    hashAlgorithm: 'SHA-256',
    ...extra,
  };
}

/** The request sendBeacon makes. */
export function post(
  body: unknown,
  headers: Record<string, string> = {},
  url = `${ORIGIN}/consent`,
): Request {
  return new Request(url, {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': 'text/plain;charset=UTF-8', ...headers },
    body: typeof body == 'string' ? body : JSON.stringify(body),
  });
}
