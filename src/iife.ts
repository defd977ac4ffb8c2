// The script-tag build: sets window.ConsentGate, then starts itself from
// <script type="application/json" id="consent-gate-config"> when the page has one.
import * as api from './index';

const w = window as unknown as { ConsentGate?: typeof api };

function auto() {
  const el = document.getElementById('consent-gate-config');
  if (!el) return false;
  try {
    api.init(JSON.parse(el.textContent || ''));
  } catch (e) {
    console.error(
      e instanceof SyntaxError
        ? 'consent-gate: #consent-gate-config does not hold valid JSON (' + e.message + '); no banner is shown and nothing is unblocked.'
        : e,
    );
  }
  return true;
}

if (w.ConsentGate) {
  // Loaded twice: a second copy would have its own state and run gated scripts again.
  console.warn('consent-gate: the library is loaded twice; the second copy does nothing');
} else {
  // Global first, so that callbacks and gated scripts run by init can already use it.
  w.ConsentGate = api;
  // Loaded in <head> without defer, the config may sit further down the page.
  if (!auto() && document.readyState == 'loading') document.addEventListener('DOMContentLoaded', auto, { once: true });
}
