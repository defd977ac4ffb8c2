// Who is behind a request, a cookie or a storage key: the service presets of consent-gate/services,
// matched the way the library itself matches them. A URL matches a preset the way auto-blocking
// matches `blocks` (a substring anywhere in the URL, or a RegExp); a cookie by the preset's cookie
// names, on the site's own domain (`cookies`) or on the vendor's (`thirdPartyCookies`).
import * as presetModule from '../services';
import type { CookieMatcher } from '../types';
import type { ServicePreset } from '../services';

/** Every preset the package ships, in the order of consent-gate/services. */
export const PRESETS: ServicePreset[] = Object.values(presetModule).filter(
  (value): value is ServicePreset => typeof value === 'object' && value !== null && 'id' in value,
);

/** What a record says about the service it belongs to. */
export interface ServiceRef {
  id: string;
  label: string;
  /** The category the preset usually belongs to: necessary, preferences, analytics or marketing. */
  category: ServicePreset['category'];
}

function ref(preset: ServicePreset): ServiceRef {
  return { id: preset.id, label: preset.label, category: preset.category };
}

function nameMatches(name: string, matcher: CookieMatcher): boolean {
  return typeof matcher === 'string' ? matcher === name : matcher.test(name);
}

/** The preset whose `blocks` pattern the URL matches, if any. */
export function serviceForUrl(url: string, presets: ServicePreset[] = PRESETS): ServiceRef | undefined {
  const preset = presets.find((p) =>
    p.blocks.some((pattern) => (typeof pattern === 'string' ? url.includes(pattern) : pattern.test(url))),
  );
  return preset && ref(preset);
}

/**
 * The preset a cookie (or a storage key: trackers use the same names there) belongs to. First-party
 * names first: a first-party `_ga` is Google Analytics whatever a vendor calls its own cookies.
 */
export function serviceForCookie(
  name: string,
  firstParty: boolean,
  presets: ServicePreset[] = PRESETS,
): ServiceRef | undefined {
  const own = presets.find((p) => p.cookies.some((m) => nameMatches(name, m)));
  if (own && firstParty) return ref(own);
  const vendor = firstParty ? undefined : presets.find((p) => (p.thirdPartyCookies ?? []).includes(name));
  const found = vendor ?? own;
  return found && ref(found);
}

/** The preset with this id. */
export function presetById(id: string): ServicePreset | undefined {
  return PRESETS.find((p) => p.id === id);
}
