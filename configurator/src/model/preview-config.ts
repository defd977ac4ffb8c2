// The two configs the preview runs, made from the one that goes on the site. Pure.
import type { JsonConfig, Shipped } from './config';

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v));

/**
 * `check`: the site's config with nothing that could run at init (no required category, no
 * opt-out defaults), for the library's validator to pass or refuse: every value it checks is
 * still there. `config`: what the preview shows, with no service scripts (no tracker loads in the
 * preview), no consent log (nothing is sent), and languages given by URL replaced by the shipped
 * texts (the preview cannot fetch from the owner's site).
 */
export function previewConfigs(
  site: JsonConfig,
  shipped: Shipped,
): { check: JsonConfig; config: JsonConfig } {
  const check = copy(site);
  delete check.mode;
  for (const c of Object.values(check.categories ?? {}) as Record<string, unknown>[]) {
    if (typeof c !== 'object' || c === null) continue;
    delete c.required;
    delete c.default;
  }
  const config = copy(site);
  delete config.consentLog;
  for (const c of Object.values(config.categories ?? {}) as Record<string, any>[]) {
    for (const s of Object.values(c?.services ?? {}) as Record<string, unknown>[]) {
      if (typeof s === 'object' && s !== null) delete s.scripts;
    }
  }
  if (config.translations) {
    for (const [code, t] of Object.entries(config.translations)) {
      if (typeof t !== 'string') continue;
      if (shipped[code]) config.translations[code] = shipped[code];
      else delete config.translations[code];
    }
  }
  return { check, config };
}
