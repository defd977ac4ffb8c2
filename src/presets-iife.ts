// consent-gate.presets.min.js: the service presets for a script-tag config, by name
// (`"google-analytics": { "preset": "googleAnalytics" }`). It needs nothing else on the page and may
// come before or after the library's tag: it leaves the presets in window.ConsentGatePresets and
// says so with a `consent-gate:presets` event, which a library that found a config naming presets
// waits for (src/iife.ts).
import * as services from './services/index';
import { presetsByName } from './services/by-name';

(window as unknown as { ConsentGatePresets: unknown }).ConsentGatePresets = presetsByName(services);
dispatchEvent(new Event('consent-gate:presets'));
