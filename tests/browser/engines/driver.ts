// The contract between the browser tests and the three engines. Each engine (chromium.ts through
// playwright-core, firefox.ts through puppeteer-core over WebDriver BiDi, webkit.ts through
// WebKitWebDriver over W3C WebDriver HTTP) implements only these primitives; everything a test uses
// on top (locators by role and name, waiting, the console rules, the request log) is written once, in
// the engine-neutral layer, so that a test means the same thing in every engine.
//
// Rules every implementation keeps:
// - A context is a fresh profile: no cookies, no storage, nothing shared with another context.
// - Pages of one context share cookies and storage (a second tab).
// - Scripts are given as source text of a function expression, `(arg) => ...`, and run in the page's
//   main frame (or the frame named); their result comes back as JSON, or as an ElementRef when it is
//   one element.
// - Input is real input (the engine's own mouse and keyboard), never element.click() from script.
// - The network truth is the test server's request log (tests/browser/server.ts), not the engine's;
//   init scripts, response rewrites, delays and held responses are the test server's job too (it puts
//   an init script into the HTML it serves), so they work the same in an engine without such an API.

/** Which engine, as the tests and the summary name it. */
export type EngineName = 'chromium' | 'firefox' | 'webkit';

/** An element found by a script, usable with click(); valid until the page navigates. */
export interface ElementRef {
  readonly __element: unknown;
}

/** A cookie as the tests read and plant it. */
export interface Cookie {
  name: string;
  /** As stored (percent-encoding kept). */
  value: string;
  domain: string;
  path: string;
  /** Seconds since the epoch; -1 for a session cookie. */
  expires: number;
  httpOnly: boolean;
  secure: boolean;
  sameSite: 'Strict' | 'Lax' | 'None';
}

/** What the page printed or threw, as the console rules see it. */
export interface ConsoleEntry {
  kind: 'error' | 'warning' | 'pageerror';
  text: string;
}

export interface EnginePage {
  /** Navigate and wait for the load event. */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** The current URL of the main frame. */
  url(): Promise<string>;
  /**
   * Run `fn` (source of a function expression) with `arg` in the page (or in the first child frame
   * whose URL contains `frameUrl`) and resolve with its awaited result, JSON-serialized, or an
   * ElementRef when it returns an element.
   */
  evaluate<T = unknown>(fn: string, arg?: unknown, frameUrl?: string): Promise<T>;
  /**
   * A real mouse click at the element's centre (scrolled into view first); `count` clicks in a row
   * at that point as one gesture, as fast as the engine can (optional; added for the double-run
   * tests: an engine without it may click `count` times).
   */
  click(element: ElementRef, options?: { count?: number }): Promise<void>;
  /** Real key presses, each a key name as Playwright spells them: 'Tab', 'Shift+Tab', 'Enter', 'a'. */
  press(key: string): Promise<void>;
  /** Type text with real key events into the focused element. */
  type(text: string): Promise<void>;
  setViewport(size: { width: number; height: number }): Promise<void>;
  /** Subscribe to console errors/warnings and uncaught exceptions of this page. */
  onConsole(listener: (entry: ConsoleEntry) => void): void;
  /** A PNG of the viewport. */
  screenshot(): Promise<Buffer>;
  close(): Promise<void>;
}

export interface ContextOptions {
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  reducedMotion?: 'reduce' | 'no-preference';
  /** navigator.languages / Accept-Language, first is preferred. */
  locale?: string;
  /**
   * The Global Privacy Control signal (navigator.globalPrivacyControl, Sec-GPC) in this context, as
   * LaunchOptions.gpc for the whole browser. Added for the GPC tests (additive).
   */
  gpc?: boolean;
  /**
   * Cookies blocked for documents (navigator.cookieEnabled false, document.cookie empty and writes
   * dropped), as a visitor's "block all cookies" setting. Added for the double-run tests (additive).
   */
  blockCookies?: boolean;
}

export interface EngineContext {
  newPage(): Promise<EnginePage>;
  /** Cookies the context holds for `url`; without one, every cookie of the context, whatever its domain. */
  cookies(url?: string): Promise<Cookie[]>;
  /** Plant cookies for `url` (name, value as stored, optional expires/path). */
  addCookies(url: string, cookies: (Pick<Cookie, 'name' | 'value'> & Partial<Cookie>)[]): Promise<void>;
  clearCookies(): Promise<void>;
  close(): Promise<void>;
}

export interface Engine {
  readonly name: EngineName;
  /** Browser name and version as the browser reports it, for the summary. */
  readonly version: string;
  newContext(options?: ContextOptions): Promise<EngineContext>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Firefox: navigator.globalPrivacyControl is true (privacy.globalprivacycontrol.enabled). */
  gpc?: boolean;
  /** Host names resolved to 127.0.0.1 where the engine can (Chromium's --host-resolver-rules). */
  hostsToLoopback?: string[];
  /** Accept the test server's self-signed https certificate (added for the https tests; additive). */
  acceptInsecureCerts?: boolean;
}
