// Google Consent Mode v2: tells Google tags what they may store, through the dataLayer.
import { accepted, type Choices } from '../consent/model';
import type { Settings } from '../config/validate';

/**
 * gtag.js reads only `arguments` objects from the dataLayer (arrays are silently ignored), so each
 * command is pushed as one, as Google's own snippet does.
 */
function gtag(_a: string, _b: string, _c: unknown) {
  // An arguments object, not an array (see above).
  // eslint-disable-next-line prefer-rest-params
  ((window as unknown as { dataLayer?: unknown[] }).dataLayer ||= []).push(arguments);
}

/**
 * When the config enables Consent Mode: pushes `gtag('consent', kind, state)` for what the decision
 * (before one: the defaults) allows, and with the default the `set` commands the options ask for.
 */
export function consentMode(settings: Settings, choices: Choices | null, kind: 'default' | 'update'): void {
  const options = settings.gcm;
  if (!options) return;
  const isDefault = kind == 'default';
  const state: Record<string, string | number> = {};
  for (const [type, category] of Object.entries(options.map))
    state[type] = category == 'granted' || accepted(settings, choices, category!) ? 'granted' : 'denied';
  if (isDefault && options.waitForUpdate) state.wait_for_update = options.waitForUpdate;
  gtag('consent', kind, state);
  if (isDefault && options.adsDataRedaction) gtag('set', 'ads_data_redaction', true);
  if (isDefault && options.urlPassthrough) gtag('set', 'url_passthrough', true);
}
