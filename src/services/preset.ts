import type { CookieMatcher, ServiceDef } from '../types';

/**
 * The category a preset usually belongs to. The same four ids the default Google Consent Mode
 * mapping uses: `preferences` covers what other tools call "functional" (chat, maps, remembered
 * settings), `necessary` what the site cannot work without.
 */
export type PresetCategory = 'necessary' | 'preferences' | 'analytics' | 'marketing';

/** A ready-made service: the vendor's cookie names and the URLs of its scripts and iframes. */
export interface ServicePreset extends ServiceDef {
  /** Kebab-case id: the key under `categories.<category>.services`, and `data-service` in markup. */
  id: string;
  /** The category this service usually belongs to; the config decides where it really goes. */
  category: PresetCategory;
  /**
   * First-party cookies the vendor documents: set on the site's own domain, deleted when the
   * service is declined. Empty when it sets none there (see `thirdPartyCookies`).
   */
  cookies: CookieMatcher[];
  /** URL patterns of the vendor's scripts and iframes: substrings of the URL, or RegExps. */
  blocks: (string | RegExp)[];
  /**
   * Cookies the vendor sets on its own domains (youtube.com, google.com, clarity.ms…), listed
   * for the site's cookie policy. The site can neither read nor delete them, and deleting a
   * cookie of the same name on the site's own domain would hit the site's cookie, so they are
   * kept apart from `cookies`.
   */
  thirdPartyCookies?: string[];
}

/**
 * Presets (or presets spread with your own `scripts`, `onAccept`…) as a category's `services`
 * map, keyed by their ids: `services: servicesFrom(googleAnalytics, { ...hotjar, scripts })`.
 * A later preset with the same id replaces an earlier one.
 */
export function servicesFrom<T extends ServicePreset>(...presets: T[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const p of presets) out[p.id] = p;
  return out;
}
