// The script-tag build: sets window.ConsentGate, then starts itself from
// <script type="application/json" id="consent-gate-config"> when the page has one.
import * as api from './index';
import { error, warn } from './log';
import { startWaitingAddons } from './addons/attach';

const page = window as unknown as { ConsentGate?: typeof api; ConsentGatePresets?: object };

/** Whether the start already waited for the presets file. */
let waited = false;

/**
 * A config that names presets (`"preset": "googleAnalytics"`) needs consent-gate.presets.min.js,
 * whose tag may come after this one: until it has run, or the page has loaded (then the config
 * error says what is missing), `then` waits. Whether it waits.
 */
function waitForPresets(text: string, then: () => void): boolean {
  if (waited || page.ConsentGatePresets || !/"preset"\s*:/.test(text) || document.readyState == 'complete')
    return false;
  waited = true;
  const stop = new AbortController();
  const go = () => {
    stop.abort();
    then();
  };
  addEventListener('consent-gate:presets', go, { signal: stop.signal });
  addEventListener('load', go, { signal: stop.signal });
  return true;
}

/** Starts from the page's config block, when it has one; returns the block. */
function startFromPage() {
  const el = document.getElementById('consent-gate-config');
  try {
    if (el && !waitForPresets(el.textContent!, startFromPage)) api.init(JSON.parse(el.textContent!));
  } catch (e) {
    // Bad JSON (a SyntaxError) or a config error: either names itself. Nothing was shown or unblocked.
    error('#consent-gate-config:', e);
  }
  return el;
}

// Loaded twice: a second copy would have its own state and run gated scripts again.
if (page.ConsentGate) warn('the library is loaded twice: this copy does nothing');
else {
  // Global first, so that callbacks and gated scripts run by init can already use it.
  page.ConsentGate = api;
  // Add-on files that ran first (the library's tag deferred, async or further down) join before init.
  startWaitingAddons(api.use);
  // Loaded in <head> without defer, the config may sit further down the page (DOMContentLoaded fires once).
  if (!startFromPage() && document.readyState == 'loading')
    document.addEventListener('DOMContentLoaded', startFromPage);
}
