// The server reads many requests with one config: it is validated once per config object. A service
// of the config may name a preset (`{ "preset": "googleAnalytics" }`), as a script-tag page with the
// presets file may: the server knows them all, from the same source (src/services).
import { validate, type Settings } from '../config/validate';
import * as services from '../services/index';
import { presetsByName } from '../services/by-name';
import type { Config } from '../types';

const validated = new WeakMap<object, Settings>();
const PRESETS = presetsByName(services);

/** The validated config (defaults filled in); throws ConsentGateConfigError naming a bad value. */
export function settingsOf(config: Config): Settings {
  let s = validated.get(config);
  if (!s) validated.set(config, (s = validate(config, PRESETS)));
  return s;
}
