// The script-tag build: sets window.ConsentGate, then starts itself from
// <script type="application/json" id="consent-gate-config"> when the page has one.
import * as api from './index';
import { warn } from './log';

const w = window as unknown as { ConsentGate?: typeof api };

function auto() {
  const el = document.getElementById('consent-gate-config');
  try {
    if (el) api.init(JSON.parse(el.textContent!));
  } catch (e) {
    // A config error names itself; bad JSON gets a name here. Either way nothing was shown or unblocked.
    console.error(e instanceof SyntaxError ? 'consent-gate: #consent-gate-config is not valid JSON: ' + e.message : e);
  }
  return el;
}

// Loaded twice: a second copy would have its own state and run gated scripts again.
if (w.ConsentGate) warn('the library is loaded twice; the second copy does nothing');
else {
  // Global first, so that callbacks and gated scripts run by init can already use it.
  w.ConsentGate = api;
  // Loaded in <head> without defer, the config may sit further down the page.
  if (!auto() && document.readyState == 'loading') document.addEventListener('DOMContentLoaded', auto, { once: true });
}
