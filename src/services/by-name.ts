// The presets as a JSON config names them (`{ "preset": "googleAnalytics" }`): by their export name,
// with what a service of the config takes (the id and category are the config's to choose). One
// list, src/services/*, for the script-tag presets file (src/presets-iife.ts) and the server.
import type { ServiceDef } from '../types';
import type { ServicePreset } from './preset';

/** The presets among a module's exports, by export name: label, description, cookies and URL patterns. */
export function presetsByName(exports: Record<string, unknown>): Record<string, ServiceDef> {
  const out: Record<string, ServiceDef> = {};
  for (const [name, value] of Object.entries(exports)) {
    const preset = value as ServicePreset;
    if (typeof preset != 'object' || !preset || typeof preset.id != 'string') continue;
    const { label, description, cookies, blocks } = preset;
    out[name] = { label, description, cookies, blocks };
  }
  return out;
}
