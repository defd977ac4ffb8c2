// The shapes of an audit: what is recorded on a page, what is found, and the report that holds both.
// The JSON report is these objects as they are (see docs/audit.md).
import type { CookieClass } from './classify';
import type { ServiceRef } from './presets';

/**
 * The moments of a visit the audit looks at: the first visit before any click, after the click on
 * the reject option, after a reload that follows it, and (in a second fresh profile) after the click
 * on the accept option.
 */
export type Phase = 'before-consent' | 'after-decline' | 'after-reload' | 'after-accept';

export const PHASES: Phase[] = ['before-consent', 'after-decline', 'after-reload', 'after-accept'];

/** What the person running the audit chose. */
export interface AuditOptions {
  /** Pages to audit, in order. */
  urls: string[];
  /** Audit up to this many pages in all, following same-site links from the pages given. Default 1 per URL. */
  maxPages?: number;
  /** The longest wait for the network to go quiet in each phase, in ms. Default 15000. */
  waitMs?: number;
  /** How long the network must stay quiet for a phase to end, in ms. Default 2500. */
  idleMs?: number;
  viewport?: { width: number; height: number };
  /** Accept-Language and navigator.language, e.g. `de-DE`. Default: the browser's (en-US). */
  lang?: string;
  /** Cookies set on the site before each visit: a returning visitor. */
  cookies?: { name: string; value: string }[];
  /** Send Global Privacy Control (Sec-GPC: 1 and navigator.globalPrivacyControl). */
  gpc?: boolean;
  /** Cookie names the site owner declares strictly necessary: exact, or RegExps. */
  necessary?: (string | RegExp)[];
  /** Chromium to use; default: CHROME_PATH, then the usual places. */
  chromiumPath?: string;
  /** Told what the audit is doing, for a progress line. */
  onProgress?: (progress: Progress) => void;
}

export interface Progress {
  url: string;
  /** 1-based number of the page being audited, and how many are known so far. */
  page: number;
  pages: number;
  phase: Phase;
  /** What it is doing: loading, waiting for the network, clicking, … */
  step: string;
  /** Seconds spent in this phase so far. */
  elapsed: number;
  /** Requests seen in this phase so far. */
  requests: number;
}

/** Who set a cookie: a script (document.cookie or CookieStore), a Set-Cookie response header, or no one the audit saw. */
export type CookieSource = 'script' | 'header' | 'unknown';

/** One cookie written in one phase (the first write, when a cookie is written several times). */
export interface CookieRecord {
  /** The audited page. */
  page: string;
  name: string;
  /** The cookie's domain as the browser keeps it: `example.com` for a host-only cookie, `.example.com` for a domain cookie. */
  domain: string;
  path: string;
  /** ISO date, or `null` for a session cookie. */
  expires: string | null;
  httpOnly: boolean;
  secure: boolean;
  sameSite: string;
  /** On the audited page's own site (registrable domain). */
  firstParty: boolean;
  setBy: CookieSource;
  /** The URL of the script that set it, when set by script and the browser could tell. */
  script?: string;
  /** Line in that script. */
  line?: number;
  /** document.cookie or cookieStore, when set by script. */
  api?: 'document.cookie' | 'cookieStore';
  /** The URL whose response carried the Set-Cookie header, when set by header. */
  response?: string;
  /** The page or frame the write happened in. */
  frame?: string;
  class: CookieClass;
  service?: ServiceRef;
  phase: Phase;
  /** Milliseconds since the visit began. */
  t: number;
  /** How many times it was written in this phase. */
  writes: number;
  /**
   * Deleted again before the phase ended (a consent manager cleaning up after a tracker, say): it
   * was set all the same. Domain, path and expiry are then the ones the write asked for.
   */
  deleted?: boolean;
}

/** One request the page (or a frame, or a worker of it) made. */
export interface RequestRecord {
  /** The audited page. */
  page: string;
  url: string;
  method: string;
  /** document, script, image, xhr, fetch, ping (sendBeacon), … as Chromium says. */
  type: string;
  /** The registrable domain (or IP address) it went to. */
  site: string;
  thirdParty: boolean;
  /** The preset it matches, if any. */
  service?: ServiceRef;
  /** Matches a preset whose category is not `necessary`. */
  tracker: boolean;
  /** The script or document that made it, as far as the browser tells. */
  initiator?: string;
  /** HTTP status, or the network error. */
  status?: number;
  failure?: string;
  phase: Phase;
  t: number;
}

/** A key written to localStorage or sessionStorage. */
export interface StorageRecord {
  /** The audited page. */
  page: string;
  kind: 'localStorage' | 'sessionStorage';
  origin: string;
  key: string;
  firstParty: boolean;
  script?: string;
  class: CookieClass;
  service?: ServiceRef;
  phase: Phase;
  t: number;
}

/** How a button looks, measured in the page: what the equal-prominence check compares. */
export interface ButtonLook {
  width: number;
  height: number;
  fontSize: number;
  fontWeight: number;
  color: string;
  /** Its own background colour (may be transparent). */
  background: string;
  /** The colour behind it: its own background, or the first ancestor's that is not transparent. */
  backdrop: string;
  /** The colour around it: the first ancestor's background that is not transparent. */
  surroundings: string;
  borderWidth: number;
  borderStyle: string;
  borderColor: string;
  textDecoration: string;
  /** The product of its own opacity and its ancestors'. */
  opacity: number;
  /** The computed styles our own equal-prominence test compares (tests/browser/ui.test.ts). */
  style: Record<string, string>;
}

export interface ButtonInfo {
  /** Its accessible name as the audit read it. */
  text: string;
  look: ButtonLook;
}

/** A consent dialog found in the page. */
export interface DialogInfo {
  /** Its accessible name or heading, or the start of its text. */
  name: string;
  /** How to find it: a CSS-like description of the container (tag, id, classes, role). */
  where: string;
  /** In a frame other than the page, its URL. */
  frame?: string;
  /** In an open shadow root. */
  shadow: boolean;
  /** The language whose words matched its buttons (`en`, `de`…). */
  lang?: string;
  /** The consent manager, when the audit recognises it. */
  cmp?: string;
  accept?: ButtonInfo;
  reject?: ButtonInfo;
  settings?: ButtonInfo;
  save?: ButtonInfo;
}

/** How the reject option was reached in the first visit. */
export interface DeclinePath {
  /** The button names clicked, in order, e.g. `["Settings", "Reject all"]`. */
  clicks: string[];
  /** 1 when reject is on the first layer, 2 when it needed another click first. */
  depth: number;
  /** Whether the last click was a reject button, or a save button with the defaults left as they were. */
  via: 'reject' | 'save';
  /** The second layer, when one was opened. */
  secondLayer?: DialogInfo;
}

/** The kinds of finding. The first six are the contract's; the others are extensions. */
export type FindingKind =
  | 'cookie-before-consent'
  | 'tracker-before-consent'
  | 'no-consent-dialog'
  | 'no-reject-on-first-layer'
  | 'reject-not-honoured'
  | 'consent-not-remembered'
  | 'reject-less-prominent'
  | 'storage-before-consent'
  | 'gpc-not-honoured';

/** Something a regulator would object to, with the evidence. */
export interface Finding {
  kind: FindingKind;
  /** One sentence for a person. */
  detail: string;
  /** The page it was found on. */
  page: string;
  phase: Phase;
  cookie?: { name: string; domain: string; expires: string | null; setBy: CookieSource };
  storage?: { kind: string; origin: string; key: string };
  url?: string;
  /** The script or response behind it. */
  initiator?: string;
  service?: ServiceRef;
  /** How many requests or writes of the same thing in the phase. */
  count?: number;
  /** For reject-less-prominent: what was measured. */
  measured?: { accept: ButtonInfo; reject: ButtonInfo; reasons: string[] };
}

/** One phase of a page's audit, for the timeline. */
export interface PhaseReport {
  phase: Phase;
  /** When it started and how long it lasted, in ms since the visit began. */
  t: number;
  duration: number;
  /** Whether the network never went quiet before the wait ran out. */
  timedOut: boolean;
  /** The consent dialog visible at the end of the phase, if any. */
  dialog?: DialogInfo;
  /** JPEG of the viewport at the end of the phase, base64 (only in the HTML report). */
  screenshot?: string;
  /** Errors the page logged or threw in this phase. */
  errors: string[];
}

/** Everything about one audited page. */
export interface PageReport {
  url: string;
  /** Where the browser ended up (after redirects). */
  finalUrl: string;
  site: string;
  /** The page's own `<html lang>`. */
  lang?: string;
  /** Set when the page could not be audited (unreachable, an error status, a crash). */
  error?: string;
  dialog?: DialogInfo;
  decline?: DeclinePath;
  /** A dialog seen after the reload that followed Decline all. */
  dialogAfterReload?: DialogInfo;
  /** Why a phase was not run, by phase. */
  skipped: Partial<Record<Phase, string>>;
  phases: PhaseReport[];
  findings: Finding[];
  cookies: CookieRecord[];
  requests: RequestRecord[];
  storage: StorageRecord[];
  /** Same-site links found on the page (for the crawl). */
  links: string[];
  /** Seconds the audit of this page took. */
  seconds: number;
}

/** A consent-gate config that covers what the audit saw, and what the owner still has to classify. */
export interface Suggestion {
  /** Passes consent-gate's own validator; JSON, so patterns are "/re/" strings. */
  config: { categories: Record<string, unknown> };
  /** The presets it uses, with where they were seen. */
  services: { id: string; label: string; category: string; seen: string[] }[];
  /** Cookies no preset names, for the owner to put in a category (or declare necessary). */
  unknownCookies: { name: string; domain: string; setBy: CookieSource; script?: string }[];
  /** Scripts and frames from other sites that no preset matches. */
  unknownScripts: { url: string; site: string; type: string }[];
}

/** The whole audit. */
export interface AuditReport {
  tool: string;
  version: string;
  startedAt: string;
  seconds: number;
  browser: string;
  options: {
    urls: string[];
    maxPages: number;
    waitMs: number;
    idleMs: number;
    viewport: { width: number; height: number };
    lang?: string;
    cookies: string[];
    gpc: boolean;
    necessary: string[];
  };
  /** `pass`: no findings; `fail`: findings; `error`: some page could not be audited. */
  verdict: 'pass' | 'fail' | 'error';
  findings: Finding[];
  cookies: CookieRecord[];
  requests: RequestRecord[];
  storage: StorageRecord[];
  pages: PageReport[];
  suggestion: Suggestion;
}
