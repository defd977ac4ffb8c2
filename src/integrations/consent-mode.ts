// Google Consent Mode v2: tells Google tags what they may store, through the dataLayer.
import { accepted, type Choices } from '../consent/model';
import type { Settings } from '../config/validate';

/**
 * gtag.js reads only `arguments` objects from the dataLayer (arrays are silently ignored), so each
 * command is pushed as one, as Google's own snippet does.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
function gtag(_a: string, _b: string, _c: unknown) {
  // eslint-disable-next-line prefer-rest-params
  ((window as unknown as { dataLayer?: unknown[] }).dataLayer ||= []).push(arguments);
}

/**
 * When the config enables Consent Mode: pushes `gtag('consent', kind, state)` for what the decision
 * `c` (before one: the defaults) allows, and with the default the `set` commands the options ask for.
 */
export function consentMode(s: Settings, c: Choices | null, kind: 'default' | 'update'): void {
  const g = s.gcm;
  if (!g) return;
  const d = kind == 'default';
  const state: Record<string, string | number> = {};
  for (const [type, cat] of Object.entries(g.map))
    state[type] = cat == 'granted' || accepted(s, c, cat!) ? 'granted' : 'denied';
  if (d && g.waitForUpdate) state.wait_for_update = g.waitForUpdate;
  gtag('consent', kind, state);
  if (d && g.adsDataRedaction) gtag('set', 'ads_data_redaction', true);
  if (d && g.urlPassthrough) gtag('set', 'url_passthrough', true);
}
