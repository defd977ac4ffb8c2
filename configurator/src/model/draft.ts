// The configurator's draft: what the site owner decided, as plain data (it travels in the page's
// address). Pure: no DOM here. `toConfig` (config.ts) turns a draft into the library's config.
import { DEFAULT_CONSENT_MODE_MAP } from '../../../src/integrations/consent-mode-map';

/** Texts a language changes, by section and key (`{ banner: { title: '…' } }`): only what was edited. */
export type TextEdits = Record<string, Record<string, string>>;

/** One service inside a category: from the presets (`preset` set) or the owner's own. */
export interface DraftService {
  /** The preset's id when taken from `consent-gate/services`; its cookies and patterns come from it. */
  preset?: string;
  /** The key in the config and the markup's `data-service`. */
  id: string;
  label: string;
  description: string;
  /** Own services only: cookie names, `/regex/` for a pattern, one per entry. */
  cookies: string[];
  /** Own services only: URL patterns for auto-blocking. */
  blocks: string[];
  /** An external script the library loads once the service is accepted; empty: none (markup gates it). */
  scriptUrl: string;
  /** Keys from an imported config that the form does not edit (inline scripts, attrs…), written out as they came. */
  extra?: Record<string, unknown>;
}

export interface DraftCategory {
  /** The key in the config and the markup's `data-category`. */
  id: string;
  label: string;
  description: string;
  required: boolean;
  gpc: boolean;
  /** Accepted before the visitor decides; only in opt-out mode. */
  optOutDefault: boolean;
  services: DraftService[];
}

/** The colours a theme lets the owner change; empty: the library's default. */
export interface Colours {
  bg: string;
  fg: string;
  accent: string;
  btnFg: string;
}

export const CONSENT_TYPES = [
  'analytics_storage',
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
] as const;
export type ConsentType = (typeof CONSENT_TYPES)[number];

/** The library's default Google Consent Mode map (docs/consent-mode.md), as the form edits it. */
export const DEFAULT_GCM_MAP: Readonly<Record<ConsentType, string>> = DEFAULT_CONSENT_MODE_MAP;

/**
 * The usual Consent Mode map written out for editing: a type whose category the draft lacks is
 * denied, as the library does with the default map.
 */
export function usualMap(categoryIds: string[]): Record<ConsentType, string> {
  const map = { ...DEFAULT_GCM_MAP };
  for (const type of CONSENT_TYPES) {
    if (map[type] !== 'granted' && !categoryIds.includes(map[type])) map[type] = '';
  }
  return map;
}

export interface Draft {
  categories: DraftCategory[];
  policyUrl: string;
  /** Languages besides English whose texts go into the config, in the order added. */
  languages: string[];
  /** `'auto'` (the page's `<html lang>`, then the browser's languages) or a code. */
  language: string;
  /** Per language code (`en` included), the texts edited; the rest are the shipped ones. */
  texts: Record<string, TextEdits>;
  /** Per language code, per category id: its own names in that language (see label-translations.ts). */
  labels: Record<string, Record<string, LabelTexts>>;
  /** Languages an imported config loads from a URL: kept as they were. */
  translationUrls: Record<string, string>;
  ui: {
    layout: 'box' | 'bar' | 'cloud';
    position: 'bottom' | 'top' | 'bottom-left' | 'bottom-right' | 'top-left' | 'top-right';
    theme: 'light' | 'dark' | 'auto';
    blocking: boolean;
  };
  style: {
    light: Colours;
    dark: Colours;
    /** Corner radius of the banner and dialog, in rem; null: the library's. */
    radius: number | null;
    /** `''` the library's system font, `'inherit'` the site's, or a font-family list. */
    font: string;
  };
  mode: 'opt-in' | 'opt-out';
  /** Lifetime of a decision in days; null while the field is empty. */
  days: number | null;
  revision: number | null;
  cookieDomain: string;
  gcm: {
    on: boolean;
    /** null: the library's default map; otherwise every type's category, `'granted'`, or `''` (denied). */
    map: Record<ConsentType, string> | null;
    adsDataRedaction: boolean;
    urlPassthrough: boolean;
    waitForUpdate: number | null;
  };
  addons: { embeds: boolean; autoblock: boolean; consentLogUrl: string };
  /** Where the site serves the library's files: the snippet's URLs start with it. */
  filesAt: string;
  /** Top-level options of an imported config that the form does not edit, written out as they came. */
  extra: Record<string, unknown>;
}

/** Texts of a category and its services in one language (label-translations.ts). */
export interface LabelTexts {
  label?: string;
  description?: string;
  services?: Record<string, { label?: string; description?: string }>;
}

/** Names and descriptions of the four standard category ids, in English (the Consent Mode map's ids). */
export const STANDARD: Record<string, [label: string, description: string]> = {
  necessary: [
    'Strictly necessary',
    'Needed for the site to work, for example to remember the choice you make here.',
  ],
  preferences: ['Preferences', 'Features you use or choose: chat, maps, remembered settings.'],
  analytics: ['Analytics', 'Tools that measure how the site is used, so that we can improve it.'],
  marketing: ['Marketing', 'Advertising and the measurement of ads, also by other companies.'],
};

const emptyColours = (): Colours => ({ bg: '', fg: '', accent: '', btnFg: '' });

export const DEFAULT_DAYS = 182;
export const MAX_DAYS = 395;
export const DEFAULT_FILES_AT = '/consent-gate/';

/**
 * A new draft, compliant as the contract's defaults are: opt-in, reject on the first layer (the
 * library always has it), nothing pre-ticked, a decision kept 182 days.
 */
export function newDraft(): Draft {
  return {
    categories: [
      {
        id: 'necessary',
        label: 'Strictly necessary',
        description: 'Needed for the site to work, for example to remember the choice you make here.',
        required: true,
        gpc: false,
        optOutDefault: false,
        services: [],
      },
      {
        id: 'analytics',
        label: 'Analytics',
        description: 'Tools that measure how the site is used, so that we can improve it.',
        required: false,
        gpc: false,
        optOutDefault: false,
        services: [],
      },
      {
        id: 'marketing',
        label: 'Marketing',
        description: 'Advertising and the measurement of ads, also by other companies.',
        required: false,
        // Selling or sharing data and targeted ads: what a GPC signal opts out of.
        gpc: true,
        optOutDefault: false,
        services: [],
      },
    ],
    policyUrl: '/privacy',
    languages: [],
    language: 'auto',
    texts: {},
    labels: {},
    translationUrls: {},
    ui: { layout: 'box', position: 'bottom', theme: 'light', blocking: false },
    style: { light: emptyColours(), dark: emptyColours(), radius: null, font: '' },
    mode: 'opt-in',
    days: DEFAULT_DAYS,
    revision: 0,
    cookieDomain: '',
    gcm: { on: false, map: null, adsDataRedaction: false, urlPassthrough: false, waitForUpdate: 500 },
    addons: { embeds: false, autoblock: false, consentLogUrl: '' },
    filesAt: DEFAULT_FILES_AT,
    extra: {},
  };
}

/** `base`, or `base-2`, `base-3`… whichever `taken` does not hold yet. */
export function unique(base: string, taken: string[]): string {
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * Gives the category at `index` a new id, and renames it wherever the draft names it (the Consent
 * Mode map, the label texts). Changes the draft in place, as the form does.
 */
export function renameCategory(draft: Draft, index: number, id: string): void {
  const old = draft.categories[index].id;
  draft.categories[index].id = id;
  const map = draft.gcm.map;
  if (map) for (const type of CONSENT_TYPES) if (map[type] === old) map[type] = id;
  for (const byCategory of Object.values(draft.labels)) {
    if ({}.hasOwnProperty.call(byCategory, old)) {
      byCategory[id] = byCategory[old];
      delete byCategory[old];
    }
  }
}

/** Moves the category at `index` by `by` places (−1 up, +1 down), in place; out of range: unchanged. */
export function moveCategory(draft: Draft, index: number, by: number): void {
  const to = index + by;
  if (to < 0 || to >= draft.categories.length) return;
  const [moved] = draft.categories.splice(index, 1);
  draft.categories.splice(to, 0, moved);
}
