// The service presets of consent-gate/services, as the configurator shows them and writes them out.
import * as all from '../../../src/services/index';
import type { PresetCategory, ServicePreset } from '../../../src/services/preset';

/** Every preset, in the order the services package lists them. */
export const PRESETS: ServicePreset[] = Object.values(all).filter(
  (v): v is ServicePreset => typeof v === 'object' && v !== null && 'id' in v && 'category' in v,
);

/** The preset categories in the order they are shown, with their headings. */
export const PRESET_GROUPS: { id: PresetCategory; label: string }[] = [
  { id: 'necessary', label: 'Necessary' },
  { id: 'preferences', label: 'Preferences (functional)' },
  { id: 'analytics', label: 'Analytics' },
  { id: 'marketing', label: 'Marketing' },
];

export function presetById(id: string | undefined): ServicePreset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** A cookie name or URL pattern as a JSON config writes it: RegExps as `"/source/flags"`. */
export function patternText(p: string | RegExp): string {
  return typeof p === 'string' ? p : `/${p.source}/${p.flags}`;
}

/** Whether a preset matches a search: its label, id, description, cookies or patterns. */
export function matches(preset: ServicePreset, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const haystack = [
    preset.label,
    preset.id,
    preset.description ?? '',
    ...preset.cookies.map(patternText),
    ...preset.blocks.map(patternText),
    ...(preset.thirdPartyCookies ?? []),
  ]
    .join(' ')
    .toLowerCase();
  return q.split(/\s+/).every((word) => haystack.includes(word));
}
