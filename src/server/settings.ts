// The server reads many requests with one config: it is validated once per config object.
import { validate, type Settings } from '../config/validate';
import type { Config } from '../types';

const validated = new WeakMap<object, Settings>();

/** The validated config (defaults filled in); throws ConsentGateConfigError naming a bad value. */
export function settingsOf(config: Config): Settings {
  let s = validated.get(config);
  if (!s) validated.set(config, (s = validate(config)));
  return s;
}
