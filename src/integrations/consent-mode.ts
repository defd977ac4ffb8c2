// Google Consent Mode v2: tells Google tags what they may store, through the dataLayer.
import type { ConsentModeMap } from '../types';

/**
 * Pushes `gtag('consent', kind, state)`. gtag.js reads only `arguments` objects from the
 * dataLayer (arrays are silently ignored), so this pushes one, as Google's own snippet does.
 */
export function consentMode(kind: 'default' | 'update', map: ConsentModeMap, isOn: (category: string) => boolean): void {
  const w = window as unknown as { dataLayer?: unknown[] };
  const dl = (w.dataLayer = w.dataLayer || []);
  const state: Record<string, string | number> = {};
  for (const [type, cat] of Object.entries(map)) state[type] = cat == 'granted' || isOn(cat!) ? 'granted' : 'denied';
  if (kind == 'default') state.wait_for_update = 500;
  (function gtag(..._: unknown[]) {
    // eslint-disable-next-line prefer-rest-params
    dl.push(arguments);
  })('consent', kind, state);
}
