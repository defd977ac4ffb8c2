// The hand-off between the script-tag add-on files and the library, whatever order their tags run
// in (plain, defer, async, before or after each other): an add-on that finds the library uses it at
// once; one that comes first leaves itself in window.ConsentGateAddons, which the library empties
// when it loads, before it starts itself from #consent-gate-config.
import type { Addon } from '../types';

interface Page {
  ConsentGate?: { use(addon: Addon): void };
  ConsentGateAddons?: Addon[];
}

/** For an add-on file: start the add-on now, or as soon as the library has loaded. */
export function attach(addon: Addon, file: string): void {
  const page = window as unknown as Page;
  if (page.ConsentGate) {
    page.ConsentGate.use(addon);
    return;
  }
  const waiting = (page.ConsentGateAddons = page.ConsentGateAddons || []);
  waiting.push(addon);
  // Still no library once the page has loaded: most likely its tag is missing.
  addEventListener('load', () => {
    if (!page.ConsentGate)
      console.warn(`consent-gate: ${file} waits for consent-gate.min.js, not loaded yet`);
  });
}

/** For the library's script-tag build: start the add-ons whose files ran before it. */
export function startWaitingAddons(use: (addon: Addon) => void): void {
  const waiting = (window as unknown as Page).ConsentGateAddons || [];
  waiting.forEach((addon) => use(addon));
}
