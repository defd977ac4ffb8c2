// Google Consent Mode v2: tells Google tags what they may store, through the dataLayer.
import type { Gcm } from '../config/validate';

/**
 * Pushes `gtag('consent', kind, state)`, and with the default the `set` commands the options ask for.
 * gtag.js reads only `arguments` objects from the dataLayer (arrays are silently ignored), so this
 * pushes one, as Google's own snippet does.
 */
export function consentMode(kind: 'default' | 'update', g: Gcm, isOn: (category: string) => boolean): void {
  const w = window as unknown as { dataLayer?: unknown[] };
  const dl = (w.dataLayer = w.dataLayer || []);
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  function gtag(_a: string, _b: string, _c: unknown) {
    // eslint-disable-next-line prefer-rest-params
    dl.push(arguments);
  }
  const state: Record<string, string | number> = {};
  for (const [type, cat] of Object.entries(g.map)) state[type] = cat == 'granted' || isOn(cat!) ? 'granted' : 'denied';
  if (kind == 'default' && g.waitForUpdate) state.wait_for_update = g.waitForUpdate;
  gtag('consent', kind, state);
  if (kind == 'default') {
    if (g.adsDataRedaction) gtag('set', 'ads_data_redaction', true);
    if (g.urlPassthrough) gtag('set', 'url_passthrough', true);
  }
}
