/** A script that a service runs once it is accepted. Give `src` or `inline`, not both. */
export interface ScriptDef {
  /** URL of an external script. */
  src?: string;
  /** Source text of an inline script. */
  inline?: string;
  /** Load an external script without holding back the scripts after it. */
  async?: boolean;
  /** The `type` of the injected script, e.g. `'module'`. */
  type?: string;
  /** Further attributes for the injected `<script>` (e.g. `{ crossorigin: 'anonymous' }`). */
  attrs?: Record<string, string>;
}

/** A cookie name to delete when its service is declined: exact, or a pattern (`"/^_ga/"` in JSON). */
export type CookieMatcher = string | RegExp;

/** One third-party service (a tracker, an embed) inside a category. */
export interface ServiceDef {
  /** Name shown to visitors, e.g. `'Google Analytics'`. */
  label: string;
  /** Optional line shown under the service's name. */
  description?: string;
  /** Scripts injected when the service is accepted. Not needed when markup gates the service. */
  scripts?: ScriptDef[];
  /** Cookies this service sets; deleted (on this host and its parent domains) when it is declined. */
  cookies?: CookieMatcher[];
  /** URL patterns of scripts and iframes to hold back automatically (auto-blocking). */
  blocks?: (string | RegExp)[];
  /** Runs when the service is accepted: on a decision, and on each page load with a stored acceptance. */
  onAccept?: () => void;
  /** Runs when the service is declined: at the first decision, or later after it was accepted. */
  onReject?: () => void;
}

/** A category of cookies (necessary, analytics, marketing…). */
export interface CategoryDef {
  /** Name shown to visitors; also the accessible name of the category's switch. */
  label: string;
  /** One or two sentences that say what the category is for. */
  description?: string;
  /** Always accepted; its switch is shown on and disabled. */
  required?: boolean;
  /**
   * Declined while the browser sends a Global Privacy Control signal, unless switched on explicitly:
   * Accept all leaves it off, and in opt-out mode it is not on by default.
   */
  gpc?: boolean;
  /** In `mode: 'opt-out'`: accepted before the visitor decides, until they decline it. No effect in opt-in mode. */
  default?: boolean;
  /** Services of this category, by id. */
  services?: Record<string, ServiceDef>;
}

/** Where and how the decision is stored. */
export interface CookieOptions {
  /** Cookie name. Default `'cg_consent'`. */
  name?: string;
  /** Share the decision across subdomains, e.g. `'example.com'`. Default: this host only. */
  domain?: string;
  /** Default `'/'`. */
  path?: string;
  /** Default `'Lax'`. */
  sameSite?: 'Lax' | 'Strict' | 'None';
  /** Lifetime of a decision in days; at most 395 (13 months). Default 182. */
  expiresAfterDays?: number;
}

/** Every visible text. All optional in a config; English defaults are built in. */
export interface Texts {
  banner: {
    title: string;
    description: string;
    acceptAll: string;
    rejectAll: string;
    preferences: string;
    readMore: string;
  };
  preferences: {
    title: string;
    description: string;
    acceptAll: string;
    rejectAll: string;
    save: string;
    close: string;
    accept: string;
    decline: string;
    alwaysOn: string;
    /** Shown under each category a Global Privacy Control signal keeps off. */
    gpc: string;
    /** Announced to screen readers once choices are saved. */
    saved: string;
  };
  /** The placeholder shown instead of a held-back embed; `{service}` is replaced by the service's label. */
  embed: {
    message: string;
    load: string;
    preferences: string;
  };
  /**
   * The config's own category and service texts in this language, by category id, where its
   * translation gives them; what is not here is shown as the config's `categories` write it.
   */
  categories?: Record<string, CategoryTexts>;
}

/** A category's label and description, and its services', in one language. All optional. */
export interface CategoryTexts {
  label?: string;
  description?: string;
  /** Its services' label and description, by service id. */
  services?: Record<string, { label?: string; description?: string }>;
}

/** Partial texts, as a config gives them (`texts`): the config's own labels are its `categories`. */
export type TextsInput = { [K in Exclude<keyof Texts, 'categories'>]?: Partial<Texts[K]> };

/**
 * One language in `translations`: any of the texts, and the config's own category and service
 * texts in that language (`categories: { analytics: { label, description, services: { … } } }`).
 * Inline, `url` names a translation file to start from (a shipped `dist/i18n/<code>.json`, say):
 * the texts given beside it win over the file's.
 */
export interface Translation extends TextsInput {
  categories?: Record<string, CategoryTexts>;
  /** A translation file (JSON of this shape) fetched when the language is shown; these texts go over it. */
  url?: string;
}

/** Maps Google Consent Mode types to category ids (`'granted'` for always granted). */
export type ConsentModeMap = Partial<
  Record<
    | 'analytics_storage'
    | 'ad_storage'
    | 'ad_user_data'
    | 'ad_personalization'
    | 'functionality_storage'
    | 'personalization_storage'
    | 'security_storage',
    string
  >
>;

/**
 * How the banner looks and behaves. Every part is optional; the default is a light, non-blocking
 * `box` in the bottom corner at the end of the reading direction (right, or left in RTL).
 */
export interface UIOptions {
  /**
   * `'box'`: a card in a corner (default). `'bar'`: a full-width bar along the top or bottom edge.
   * `'cloud'`: a wide card centred along the top or bottom edge. Below 30em of width every layout
   * becomes a full-width sheet along its edge.
   */
  layout?: 'box' | 'bar' | 'cloud';
  /**
   * The edge the banner sits on: `'bottom'` (default) or `'top'`, or a corner: `'bottom-left'`,
   * `'bottom-right'`, `'top-left'`, `'top-right'` (physical sides, whatever the language's
   * direction). On the plain edge a `box` sits at the end of the reading direction (right, or left
   * in RTL) and a `cloud` in the middle; a `bar` spans the width either way.
   */
  position?: 'bottom' | 'top' | 'bottom-left' | 'bottom-right' | 'top-left' | 'top-right';
  /** `'light'` (default), `'dark'`, or `'auto'` to follow the visitor's `prefers-color-scheme`. */
  theme?: 'light' | 'dark' | 'auto';
  /**
   * Make the banner a modal dialog: the page behind is dimmed and inert until the visitor decides.
   * Default `false`: the page stays usable and the banner never hides the focused control.
   */
  blocking?: boolean;
}

/** Options of Google Consent Mode v2, given beside the consent types of the map. */
export interface ConsentModeOptions {
  /** Pushes `gtag('set', 'ads_data_redaction', true)`: ad click identifiers are redacted while `ad_storage` is denied. */
  adsDataRedaction?: boolean;
  /** Pushes `gtag('set', 'url_passthrough', true)`: ad click information passes in link URLs while storage is denied. */
  urlPassthrough?: boolean;
  /** Milliseconds Google tags wait for an update after the default (`wait_for_update`). Default 500; 0 leaves it out. */
  waitForUpdate?: number;
}

/** Where each decision is sent as proof of consent. */
export interface ConsentLogOptions {
  /** Receives a POST of a JSON text (`Content-Type: text/plain`, so that no CORS preflight is needed). */
  url: string;
}

/** What `init` takes. Only `categories` is required. */
export interface Config {
  /** Raise it to ask every visitor again. Default 0. */
  revision?: number;
  /** The privacy policy; the banner's "Read more" link. No link without it. */
  policyUrl?: string;
  cookie?: CookieOptions;
  /** The categories, by id, in the order they are shown. */
  categories: Record<string, CategoryDef>;
  /** `'auto'` (the page's `<html lang>`, then the browser's languages) or a language code. */
  language?: string;
  /** Overrides of the English texts. */
  texts?: TextsInput;
  /**
   * Texts for other languages, by code: inline (`{ de: { banner: { … }, categories: { … } } }`), the
   * URL of a JSON file (`{ de: '/i18n/de.json' }`, e.g. the package's `dist/i18n/de.json`), fetched
   * only when that language is shown, or both (`{ de: { url: '/i18n/de.json', categories: { … } } }`).
   * Missing keys fall back to English, and category and service texts to the config's own.
   */
  translations?: Record<string, Translation | string>;
  /** Layout, position, theme and blocking behaviour of the banner. */
  ui?: UIOptions;
  /** Let texts carry a little markup (links, emphasis, line breaks) through the built-in sanitizer. */
  html?: boolean;
  /** CSP nonce for injected scripts. Default: the nonce of the library's own script tag. */
  nonce?: string;
  /**
   * `'opt-in'` (default): nothing but required categories before the visitor decides. `'opt-out'`:
   * categories marked `default: true` are accepted until the visitor declines them.
   */
  mode?: 'opt-in' | 'opt-out';
  /**
   * Drive Google Consent Mode v2: `true` for the default mapping, or your own map of consent types to
   * categories; options may stand beside the types (`{ urlPassthrough: true }` alone keeps the default map).
   */
  googleConsentMode?: boolean | (ConsentModeMap & ConsentModeOptions);
  /** Send every decision to your server as proof of consent; needs the `consent-gate/consent-log` add-on. */
  consentLog?: ConsentLogOptions;
  /** Called on every page load with a valid decision, and after every decision. */
  onConsent?: (consent: Consent) => void;
  /** Called when a decision differs from the one before (the first decision included). */
  onChange?: (consent: Consent, changes: Changes) => void;
}

/** The stored decision, as kept in the `cg_consent` cookie. */
export interface Consent {
  /** Random UUID v4 of this visitor's decision; kept across updates. */
  id: string;
  /** The config's `revision` when the decision was made. */
  revision: number;
  /** ISO time of the first decision. */
  givenAt: string;
  /** ISO time of the latest decision. */
  updatedAt: string;
  /** Every category of the config: accepted or not. */
  categories: Record<string, boolean>;
  /** Per category, the services decided on. */
  services: Record<string, Record<string, boolean>>;
  /** Present when a Global Privacy Control signal was honoured. */
  gpc?: boolean;
}

/**
 * The decision in force as `getConsentSnapshot()` and `subscribe()` give it: frozen all the way down
 * (assigning to it throws in strict mode), and the same object until the decision changes.
 */
export type ConsentSnapshot = Readonly<Omit<Consent, 'categories' | 'services'>> & {
  readonly categories: Readonly<Record<string, boolean>>;
  readonly services: Readonly<Record<string, Readonly<Record<string, boolean>>>>;
};

/** What a decision changed: the categories and, per category, the services whose state differs. */
export interface Changes {
  categories: string[];
  services: Record<string, string[]>;
}

/** The argument of `update()`: `true`/`false` for a whole category, or a map of its services. */
export type ConsentPatch = Record<string, boolean | Record<string, boolean>>;

/** What the handlers of each event of `on()` receive. */
export interface EventArgs {
  /** On every page load with a valid decision, and after every decision. */
  consent: [consent: Consent];
  /** When a decision differs from the one before, the first decision included. */
  change: [consent: Consent, changes: Changes];
  'banner:show': [consent: Consent | null];
  'banner:hide': [consent: Consent | null];
  'preferences:show': [consent: Consent | null];
  'preferences:hide': [consent: Consent | null];
}

/** Events of `on()`; each is also dispatched on `window` as `consent-gate:<event>`. */
export type EventName = keyof EventArgs;

/**
 * What `window` receives for each event: a `CustomEvent` named `consent-gate:<event>` with the consent
 * (or null) in `detail`. `consent-gate:change` also carries `changes`, as `on('change')` handlers get them:
 * `addEventListener('consent-gate:change', (e) => console.log((e as ConsentGateEvent).changes))`.
 */
export interface ConsentGateEvent extends CustomEvent<Consent | null> {
  /** On `consent-gate:change` only: what the decision changed. */
  readonly changes?: Changes;
}

/**
 * What an add-on (`consent-gate/embeds`, `consent-gate/autoblock`, `consent-gate/consent-log`) gets
 * from the running library. `categories` is the validated config's, live: services added by
 * `register()` show up in it.
 */
export interface AddonHost {
  categories: Record<string, CategoryDef & { services: Record<string, ServiceDef> }>;
  /** The validated config, defaults filled in. */
  config: Readonly<Config>;
  /** The texts of the current language. */
  texts(): Texts;
  /** The code of the language shown. */
  language(): string;
  /**
   * Runs `then` once the texts of the language to show are in: at once, or after fetching a
   * translation given as a URL. For UI an add-on shows before (or without) the banner.
   */
  ready(then: () => void): void;
  /** Calls `handler` after each decision made in this page (not on page loads, not for other tabs' decisions). */
  decided(handler: (consent: Consent) => void): () => void;
  isAccepted(category: string, service?: string): boolean;
  update(choices: ConsentPatch): void;
  showPreferences(): void;
  on(event: EventName, handler: (consent: Consent | null, changes?: Changes) => void): () => void;
}

/** An add-on: starts at each `init` (or at once, when `init` already ran); may return its clean-up for `destroy()`. */
export type Addon = (host: AddonHost) => (() => void) | void;
