// The WebKit engine: WebKitGTK (Safari's engine) in MiniBrowser, driven over W3C WebDriver (HTTP) by
// /usr/bin/WebKitWebDriver (Debian webkit2gtk-driver), on a private Xvfb display.
//
// How the primitives map onto what WebKitWebDriver offers:
// - A context is a browser of its own: WebKitWebDriver runs one session at a time, and a new session
//   is a new MiniBrowser with an empty, ephemeral cookie jar and storage. So each context has its own
//   driver process, session and proxy (webkit-proxy.ts). The engine keeps one such browser started
//   ahead, so that a test waits for a browser only when it asks for unusual options.
// - A page is a window of that session. WebDriver talks to one window at a time, so every page call
//   switches to its own window first, and the context runs one command at a time (WebDriver's own
//   rule): a page script that waits for another page to act first would wait for ever.
// - The session's first window is never a test page: it is the context's cookie window, parked on
//   the proxy's blank documents, because WebDriver reads and writes cookies only for the document in
//   the current window (its site, and its path). It was opened first so that the test's pages, opened
//   later, have the keyboard focus (the window opened last has it; switching windows does not move it).
// - The console: WebDriver classic has no log here, so console-capture.ts records it inside the page
//   (the test server injects it) and every page call reads the record back.
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CAPTURE_KEY, CONSOLE_CAPTURE_SCRIPT } from './console-capture';
import type {
  ConsoleEntry,
  ContextOptions,
  Cookie,
  ElementRef,
  Engine,
  EngineContext,
  EnginePage,
  LaunchOptions,
} from './driver';
import { spawnOwned, type OwnedProcess } from './processes';
import { PRIVATE_PAGE, startProxy, type ContextProxy } from './webkit-proxy';
import { ELEMENT_KEY, isWebElement, WebDriverSession, type WebElement } from './webdriver';
import { startXvfb, XVFB, type Display } from './xvfb';

export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const WEBKIT_HOW_TO =
  'install the Debian packages webkit2gtk-driver and xvfb (apt-get install webkit2gtk-driver xvfb)';

/** Why WebKit cannot run here, or undefined when it can. */
export function webkitProblem(): string | undefined {
  const missing = [WEBKIT_DRIVER, MINIBROWSER, XVFB].filter((file) => !existsSync(file));
  return missing.length ? `WebKit not found (${missing.join(', ')} missing)` : undefined;
}

/**
 * What this engine cannot do, for the layer to skip exactly those tests with the reason. MiniBrowser
 * takes no language setting: WebKitGTK follows the process locale (setlocale), and this machine has
 * only C and POSIX compiled.
 */
export const WEBKIT_CANNOT = {
  locale:
    'WebKitGTK takes navigator.languages and Accept-Language from the process locale, and MiniBrowser has no option for it',
  narrowViewport: "MiniBrowser's window cannot be narrower than its toolbar: no viewport under 447 px",
  blockCookies:
    "MiniBrowser's --cookies-policy=never still gives the page navigator.cookieEnabled true, and it has no other switch for a visitor's block-all-cookies",
} as const;

/** The narrowest viewport MiniBrowser gives (see WEBKIT_CANNOT.narrowViewport). */
export const WEBKIT_MIN_WIDTH = 447;

/** What a context or a test may ask of the engine that WebKit's driver cannot give. */
export interface WebKitNeeds {
  /** The narrowest viewport width the test needs, in CSS px. */
  width?: number;
  locale?: string;
  blockCookies?: boolean;
}

/** Why WebKit here cannot give what `needs` asks for (one of WEBKIT_CANNOT), or undefined. */
export function webkitCannot(needs: WebKitNeeds): string | undefined {
  if (needs.width !== undefined && needs.width < WEBKIT_MIN_WIDTH) return WEBKIT_CANNOT.narrowViewport;
  if (needs.locale) return WEBKIT_CANNOT.locale;
  if (needs.blockCookies) return WEBKIT_CANNOT.blockCookies;
  return undefined;
}

/**
 * WebKit has no Global Privacy Control: a context asked for it gets navigator.globalPrivacyControl
 * from a page script (as Chromium does) and the Sec-GPC header from the proxy.
 */
const GPC_SCRIPT = `Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true });`;

// Key names as Playwright spells them -> WebDriver's key code points (W3C WebDriver, "Keyboard actions").
const KEYS: Record<string, string> = {
  Cancel: '\uE001',
  Help: '\uE002',
  Backspace: '\uE003',
  Tab: '\uE004',
  Clear: '\uE005',
  Enter: '\uE007',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Pause: '\uE00B',
  Escape: '\uE00C',
  Space: ' ',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Insert: '\uE016',
  Delete: '\uE017',
  Meta: '\uE03D',
  ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`F${i + 1}`, String.fromCharCode(0xe031 + i)])),
};

function keyValue(name: string): string {
  const value = KEYS[name] ?? ([...name].length === 1 ? name : undefined);
  if (value === undefined) throw new Error(`WebKit engine: unknown key "${name}"`);
  return value;
}

/** 'Shift+Tab' -> ['Shift', 'Tab']; a '+' of its own is the plus key ('Shift++'). */
function splitChord(chord: string): string[] {
  const parts = chord.split('+');
  if (chord.endsWith('+')) return [...parts.slice(0, -2), '+'].filter(Boolean);
  return parts;
}

/** Cookie path-match (RFC 6265, 5.1.4): would a cookie of `cookiePath` go with a request for `requestPath`? */
export function pathMatches(cookiePath: string, requestPath: string): boolean {
  if (cookiePath === requestPath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

/** The cookie window's document for `url`: on its site, at a path every cookie of `url` matches. */
function privatePage(url: URL): string {
  const folder = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return `${url.origin}${folder}${PRIVATE_PAGE}`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface WireCookie {
  name: string;
  value: string;
  path?: string;
  domain?: string;
  secure?: boolean;
  httpOnly?: boolean;
  expiry?: number;
  sameSite?: 'Strict' | 'Lax' | 'None';
}

/** One MiniBrowser with its driver, proxy and session: what a context runs on. */
class Browser {
  private constructor(
    readonly session: WebDriverSession,
    readonly driver: OwnedProcess,
    readonly proxy: ContextProxy,
    /** The session's first window: the cookie window. */
    readonly cookieWindow: string,
    private readonly profile: string,
    private readonly display: Display,
    /** How long it took to start, in ms: the cost of a context, paid ahead or not. */
    readonly startupMs: number,
    /** What the test server must run first in every page of this browser (see initScripts). */
    readonly initScripts: readonly string[],
  ) {}

  static async start(options: ContextOptions, launch: LaunchOptions): Promise<Browser> {
    const started = performance.now();
    // A display per browser: X gives the keyboard focus to the window mapped last, so a browser
    // started ahead on a shared display would take the focus from the page of a running test.
    const display = await startXvfb();
    // The GTK settings MiniBrowser reads: prefers-reduced-motion follows gtk-enable-animations.
    const profile = mkdtempSync(path.join(tmpdir(), 'consent-gate-webkit-'));
    mkdirSync(path.join(profile, 'gtk-3.0'));
    writeFileSync(
      path.join(profile, 'gtk-3.0', 'settings.ini'),
      `[Settings]\ngtk-enable-animations=${options.reducedMotion === 'reduce' ? 'false' : 'true'}\n`,
    );
    let proxy: ContextProxy | undefined;
    try {
      const gpc = options.gpc ?? launch.gpc ?? false;
      proxy = await startProxy(launch.hostsToLoopback ?? [], gpc ? { 'Sec-GPC': '1' } : {});
      for (let attempt = 1; ; attempt++) {
        const port = await freePort();
        const driver = spawnOwned(WEBKIT_DRIVER, [`--port=${port}`], {
          // LC_ALL=C: WebKitGTK takes the languages from the locale, and reads plain C as en-US (the
          // other engines' default); C.UTF-8, the usual setting here, would give navigator.languages ["C"].
          env: { ...process.env, DISPLAY: display.name, XDG_CONFIG_HOME: profile, LC_ALL: 'C' },
        });
        const url = `http://127.0.0.1:${port}`;
        try {
          await waitForDriver(url, driver);
          const session = await WebDriverSession.create(url, {
            browserName: 'MiniBrowser',
            // Navigation returns at once and the engine waits for the load itself (WebKitPage.loaded),
            // one short command at a time: with 'normal', the session would block on a page load the
            // test holds back, and the test's own calls in the meantime would wait for ever.
            pageLoadStrategy: 'none',
            // The test server's own self-signed certificate, for its https port.
            acceptInsecureCerts: launch.acceptInsecureCerts ?? false,
            timeouts: { script: 30_000, pageLoad: 30_000, implicit: 0 },

            'webkitgtk:browserOptions': {
              binary: MINIBROWSER,
              // --dark-mode is what prefers-color-scheme follows.
              args: [
                '--automation',
                `--proxy=http://127.0.0.1:${proxy.port}`,
                ...(options.colorScheme === 'dark' ? ['--dark-mode'] : []),
                // A visitor's "block all cookies": navigator.cookieEnabled false, document.cookie empty.
                ...(options.blockCookies ? ['--cookies-policy=never'] : []),
              ],
            },
          });
          const cookieWindow = await session.command<string>('GET', '/window');
          const startupMs = Math.round(performance.now() - started);
          const scripts = [CONSOLE_CAPTURE_SCRIPT, ...(gpc ? [GPC_SCRIPT] : [])];
          return new Browser(session, driver, proxy, cookieWindow, profile, display, startupMs, scripts);
        } catch (error) {
          await driver.stop();
          // The port may have been taken between freePort() and the driver's bind: try another.
          if (attempt >= 3) throw error;
        }
      }
    } catch (error) {
      await proxy?.close();
      await display.process.stop();
      rmSync(profile, { recursive: true, force: true });
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.session.delete().catch(() => undefined);
    await this.driver.stop();
    await this.proxy.close();
    await this.display.process.stop();
    rmSync(this.profile, { recursive: true, force: true });
  }
}

async function waitForDriver(url: string, driver: OwnedProcess, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (driver.child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${driver.child.exitCode})`);
    try {
      const response = await fetch(`${url}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(20);
  }
  throw new Error(`WebKitWebDriver did not answer on ${url} in ${timeoutMs} ms`);
}

function toCookie(wire: WireCookie): Cookie {
  return {
    name: wire.name,
    value: wire.value,
    domain: wire.domain ?? '',
    path: wire.path ?? '/',
    expires: wire.expiry ?? -1,
    httpOnly: wire.httpOnly ?? false,
    secure: wire.secure ?? false,
    sameSite: wire.sameSite ?? 'None',
  };
}

/** How evaluate() marks an undefined inside a result, which WebDriver's JSON would make null. */
const UNDEFINED = '__cgUndefined';

function isUndefinedMark(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 1 &&
    (value as Record<string, unknown>)[UNDEFINED] === true
  );
}

/** An element of this engine: WebDriver's reference, and the frame (by URL part) it was found in. */
type WebKitElement = ElementRef & WebElement & { __frame?: string };

/**
 * Web element references anywhere in a result become ElementRefs (which WebDriver also accepts back).
 * A reference is good only in the browsing context it came from (WebDriver answers "stale element
 * reference" in any other), so each remembers its frame.
 */
function toRefs(value: unknown, frameUrl?: string): unknown {
  if (isUndefinedMark(value)) return undefined;
  if (isWebElement(value)) {
    return {
      ...value,
      __element: value[ELEMENT_KEY],
      ...(frameUrl ? { __frame: frameUrl } : {}),
    } satisfies WebKitElement;
  }
  if (Array.isArray(value)) return value.map((item) => toRefs(item, frameUrl));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toRefs(item, frameUrl)]));
  }
  return value;
}

function elementId(element: ElementRef): string {
  const id = (element as Partial<WebElement>)[ELEMENT_KEY];
  if (typeof id !== 'string') throw new Error('WebKit engine: not an element of this engine');
  return id;
}

interface Drained {
  entries: ConsoleEntry[] | null;
  /** Whether the document is an HTML page from http(s), which must have the capture. */
  served: boolean;
  url: string;
}

// Runs in the page after every page call: the console record, and whether the capture is missing.
const DRAIN = `(() => {
  const record = window[${JSON.stringify(CAPTURE_KEY)}];
  return {
    entries: record ? record.splice(0) : null,
    served: /^https?:$/.test(location.protocol) && document.contentType === 'text/html',
    url: location.href,
  };
})()`;

class WebKitContext implements EngineContext {
  private readonly pages = new Set<WebKitPage>();
  private current: string;
  private cookieWindowAt = 'about:blank';
  /** Sites and folders cookies were planted on, for clearCookies() (the proxy knows the rest). */
  private readonly planted = new Map<string, Set<string>>();
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /**
   * Scripts the test server must put first into every HTML page of this context (the harness adds
   * them with server.addInitScript): the console capture, and the GPC signal when asked for.
   */
  get initScripts(): readonly string[] {
    return this.browser.initScripts;
  }

  /** How long its browser took to start (ahead of time for most contexts), for the timings. */
  get startupMs(): number {
    return this.browser.startupMs;
  }
  /** How much larger a window is than its viewport (MiniBrowser's toolbar); setViewport() measures it. */
  readonly browserChrome = { width: 0, height: 0, measured: false };

  constructor(
    private readonly engine: WebKitEngine,
    readonly browser: Browser,
    private readonly options: ContextOptions,
  ) {
    this.current = browser.cookieWindow;
  }

  /** Run `task` after every command before it, in window `handle`: WebDriver does one thing at a time. */
  run<T>(handle: string, task: (session: WebDriverSession) => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      if (this.closed) throw new Error('WebKit engine: the context is closed');
      const { session } = this.browser;
      if (this.current !== handle) {
        await session.command('POST', '/window', { handle });
        this.current = handle;
      }
      return task(session);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  async newPage(): Promise<EnginePage> {
    const handle = await this.run(this.browser.cookieWindow, async (session) => {
      const created = await session.command<{ handle: string }>('POST', '/window/new', { type: 'window' });
      return created.handle;
    });
    const page = new WebKitPage(this, handle, () => this.pages.delete(page));
    this.pages.add(page);
    await page.setViewport(this.options.viewport ?? { width: 1280, height: 720 });
    return page;
  }

  /**
   * The proxy answers the cookie window's http pages itself, on any host and port; an https page has
   * to come through a tunnel from a server. Cookies do not depend on the port, so an https URL whose
   * port nothing serves (https://secure.example.test/) is read on a port of that host the context
   * has reached.
   */
  private reachable(url: URL): URL {
    if (url.protocol !== 'https:' || this.browser.proxy.visited.has(url.origin)) return url;
    for (const origin of this.browser.proxy.visited.keys()) {
      const other = new URL(origin);
      if (other.protocol === 'https:' && other.hostname === url.hostname) {
        const moved = new URL(url);
        moved.port = other.port;
        return moved;
      }
    }
    return url;
  }

  /** Put the cookie window on `url`'s site (and path), then run `task` there. */
  private atCookieWindow<T>(url: URL, task: (session: WebDriverSession) => Promise<T>): Promise<T> {
    if (!/^https?:$/.test(url.protocol))
      throw new Error(`WebKit engine: cookies of ${url.href}: not http(s)`);
    return this.run(this.browser.cookieWindow, async (session) => {
      const target = privatePage(this.reachable(url));
      if (this.cookieWindowAt !== target) {
        await session.command('POST', '/url', { url: target });
        // Navigation returns at once (pageLoadStrategy 'none'); the proxy answers these pages itself,
        // so waiting here, inside the one command slot, is a matter of milliseconds.
        for (let i = 0; ; i++) {
          const at = await session
            .command<boolean>('POST', '/execute/sync', {
              script: "return location.href === arguments[0] && document.readyState === 'complete';",
              args: [target],
            })
            .catch(() => false);
          if (at) break;
          if (i > 500) throw new Error(`WebKit engine: the cookie window did not reach ${target}`);
          await sleep(10);
        }
        this.cookieWindowAt = target;
      }
      return task(session);
    });
  }

  async cookies(url?: string): Promise<Cookie[]> {
    if (url === undefined) return this.allCookies();
    const target = new URL(url);
    const wire = await this.atCookieWindow(target, (session) =>
      session.command<WireCookie[]>('GET', '/cookie'),
    );
    // The cookie window's document is one folder below `url`: keep what `url` itself would get.
    return wire.map(toCookie).filter((cookie) => pathMatches(cookie.path, target.pathname));
  }

  async addCookies(
    url: string,
    cookies: (Pick<Cookie, 'name' | 'value'> & Partial<Cookie>)[],
  ): Promise<void> {
    const given = new URL(url);
    // As Playwright does for a cookie given with a URL: the URL's folder, Secure on https.
    const folder = given.pathname.slice(0, given.pathname.lastIndexOf('/') + 1);
    for (const cookie of cookies) {
      // A cookie for a domain is planted from a document of that domain (WebKit takes one for
      // .example.test from 127.0.0.1 too, but it is read back only through a page of example.test).
      const target = new URL(given);
      if (cookie.domain) target.hostname = cookie.domain.replace(/^\./, '');
      const wire: WireCookie = {
        name: cookie.name,
        value: cookie.value,
        path: cookie.path ?? folder,
        secure: cookie.secure ?? given.protocol === 'https:',
        httpOnly: cookie.httpOnly ?? false,
      };
      if (cookie.domain) wire.domain = cookie.domain;
      if (cookie.expires !== undefined && cookie.expires > 0) wire.expiry = Math.round(cookie.expires);
      if (cookie.sameSite) wire.sameSite = cookie.sameSite;
      await this.atCookieWindow(target, (session) => session.command('POST', '/cookie', { cookie: wire }));
      const folders = this.planted.get(target.origin) ?? new Set<string>();
      folders.add(wire.path ?? '/');
      this.planted.set(target.origin, folders);
    }
  }

  /**
   * Where the context's cookies can be: each site it requested or planted cookies on, at its deepest
   * folders (a document there gets the cookies of every folder above it too). WebDriver reaches
   * cookies only through a document, so a cookie a script wrote for a path the context never requested
   * (never sent, nor seen by any page of it) is out of reach.
   */
  private cookiePlaces(): URL[] {
    const sites = new Map<string, Set<string>>();
    for (const source of [this.browser.proxy.visited, this.planted]) {
      for (const [origin, folders] of source) {
        const all = sites.get(origin) ?? new Set<string>();
        for (const folder of folders) all.add(folder.endsWith('/') ? folder : `${folder}/`);
        sites.set(origin, all);
      }
    }
    return [...sites].flatMap(([origin, folders]) =>
      [...folders]
        .filter((f) => ![...folders].some((g) => g !== f && g.startsWith(f)))
        .map((folder) => new URL(`${origin}${folder}`)),
    );
  }

  /** Every cookie of the context, whatever its domain: those of each place, once each. */
  private async allCookies(): Promise<Cookie[]> {
    const found = new Map<string, Cookie>();
    for (const place of this.cookiePlaces()) {
      const wire = await this.atCookieWindow(place, (session) =>
        session.command<WireCookie[]>('GET', '/cookie'),
      );
      for (const cookie of wire.map(toCookie))
        found.set(`${cookie.name};${cookie.domain};${cookie.path}`, cookie);
    }
    return [...found.values()];
  }

  async clearCookies(): Promise<void> {
    for (const place of this.cookiePlaces()) {
      await this.atCookieWindow(place, (session) => session.command('DELETE', '/cookie'));
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    for (const page of this.pages) await page.drainQuietly();
    await this.queue;
    this.closed = true;
    this.engine.forget(this);
    await this.browser.close();
  }
}

class WebKitPage implements EnginePage {
  private readonly listeners: ((entry: ConsoleEntry) => void)[] = [];
  private readonly warnedMissing = new Set<string>();
  private closed = false;

  constructor(
    private readonly context: WebKitContext,
    private readonly handle: string,
    private readonly onClose: () => void,
  ) {}

  private run<T>(task: (session: WebDriverSession) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('WebKit engine: the page is closed'));
    return this.context.run(this.handle, task);
  }

  private deliver(drained: Drained): void {
    if (drained.entries) {
      for (const entry of drained.entries) for (const listener of this.listeners) listener(entry);
    } else if (drained.served && !this.warnedMissing.has(drained.url)) {
      // Without the capture a test would pass for not hearing the errors: make that an error itself.
      this.warnedMissing.add(drained.url);
      const entry: ConsoleEntry = {
        kind: 'error',
        text: `WebKit engine: no console capture in ${drained.url}; the test server must inject CONSOLE_CAPTURE_SCRIPT (tests/browser/engines/console-capture.ts)`,
      };
      for (const listener of this.listeners) listener(entry);
    }
  }

  /** Read the page's console record (in the window already current). */
  private async drain(session: WebDriverSession): Promise<void> {
    const drained = await session
      .command<Drained>('POST', '/execute/sync', { script: `return ${DRAIN};`, args: [] })
      .catch(() => undefined); // a page in the middle of navigating has nothing to say yet
    if (drained) this.deliver(drained);
  }

  /** For close(): whatever the page still holds, never failing. */
  async drainQuietly(): Promise<void> {
    if (!this.closed) await this.run((session) => this.drain(session)).catch(() => undefined);
  }

  async goto(url: string): Promise<void> {
    const leaving = await this.run(async (session) => {
      await this.drain(session); // the page about to go away
      const mark = await this.markDocument(session);
      await session.command('POST', '/url', { url });
      return mark;
    });
    await this.loaded(leaving, url.includes('#') ? url : undefined);
  }

  async reload(): Promise<void> {
    const leaving = await this.run(async (session) => {
      await this.drain(session);
      const mark = await this.markDocument(session);
      await session.command('POST', '/refresh');
      return mark;
    });
    await this.loaded(leaving);
  }

  /** Mark the current document, so that loaded() can tell the next one from it. */
  private async markDocument(session: WebDriverSession): Promise<string> {
    const mark = `${Date.now()}-${Math.random()}`;
    await session
      .command('POST', '/execute/sync', {
        script: 'window.__consentGateLeaving = arguments[0];',
        args: [mark],
      })
      .catch(() => undefined); // a document that cannot run script (an error page) has no mark to leave
    return mark;
  }

  /**
   * Wait for the load event of the document after the one marked `leaving` (or, for a URL with a
   * fragment, which may not load a new document, until the page is at `sameDocument`). Polled, one
   * short command at a time, so that other calls of the test run in between.
   */
  private async loaded(leaving: string, sameDocument?: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const done = await this.run(
        (session) =>
          session
            .command<boolean>('POST', '/execute/sync', {
              script: `return (window.__consentGateLeaving !== arguments[0] || location.href === arguments[1])
              && document.readyState === 'complete';`,
              args: [leaving, sameDocument ?? null],
            })
            .catch(() => false), // between documents
      );
      if (done) break;
      if (Date.now() > deadline) throw new Error(`WebKit engine: the page did not load in ${timeoutMs} ms`);
      await sleep(20);
    }
    await this.run((session) => this.drain(session));
  }

  url(): Promise<string> {
    return this.run((session) => session.command<string>('GET', '/url'));
  }

  evaluate<T = unknown>(fn: string, arg?: unknown, frameUrl?: string): Promise<T> {
    // One round trip: the function's result (or what it threw) and the console record together.
    const script = `
      const arg = arguments[0];
      return (async () => {
        let value, failure;
        try {
          value = await (${fn})(arg);
        } catch (error) {
          failure = error instanceof Error ? { name: error.name, message: error.message } : { name: 'thrown', message: String(error) };
        }
        // JSON has no undefined; WebDriver sends null for it. Say which it was, as the other engines do:
        // the whole result, and each undefined inside arrays and plain objects (marked, then restored).
        const seen = new Set();
        const mark = (v) => {
          if (v === undefined) return { ${UNDEFINED}: true };
          if (v === null || typeof v !== 'object' || v instanceof Node || v instanceof Window || seen.has(v)) return v;
          seen.add(v);
          if (Array.isArray(v)) return Array.from(v, mark);
          if (Object.getPrototypeOf(v) !== Object.prototype) return v;
          return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, mark(item)]));
        };
        return { value: mark(value), undefined: value === undefined, failure, drained: ${DRAIN} };
      })();`;
    return this.run(async (session) => {
      if (frameUrl) await this.enterFrame(session, frameUrl);
      try {
        const result = await session.command<{
          value: unknown;
          undefined: boolean;
          failure?: { name: string; message: string };
          drained: Drained;
        }>('POST', '/execute/sync', { script, args: [arg ?? null] });
        this.deliver(result.drained);
        if (result.failure) throw new Error(`evaluate: ${result.failure.name}: ${result.failure.message}`);
        return (result.undefined ? undefined : toRefs(result.value, frameUrl)) as T;
      } finally {
        if (frameUrl) await session.command('POST', '/frame', { id: null });
      }
    });
  }

  private async enterFrame(session: WebDriverSession, frameUrl: string): Promise<void> {
    const frame = await session.command<unknown>('POST', '/execute/sync', {
      script: `const part = arguments[0];
        return [...document.querySelectorAll('iframe, frame')].find((f) => {
          try { return f.contentWindow.location.href.includes(part); } catch { return (f.src || '').includes(part); }
        }) || null;`,
      args: [frameUrl],
    });
    if (!isWebElement(frame)) throw new Error(`WebKit engine: no frame whose URL contains "${frameUrl}"`);
    await session.command('POST', '/frame', { id: frame });
  }

  click(element: ElementRef): Promise<void> {
    const frameUrl = (element as WebKitElement).__frame;
    return this.run(async (session) => {
      // In the element's own frame: its reference means nothing in any other.
      if (frameUrl) await this.enterFrame(session, frameUrl);
      try {
        await session.command('POST', `/element/${elementId(element)}/click`);
      } finally {
        if (frameUrl) await session.command('POST', '/frame', { id: null });
      }
      await this.drain(session);
    });
  }

  private keys(actions: { type: 'keyDown' | 'keyUp'; value: string }[]): Promise<void> {
    return this.run(async (session) => {
      await session.command('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
      await this.drain(session);
    });
  }

  press(key: string): Promise<void> {
    const values = splitChord(key).map(keyValue);
    return this.keys([
      ...values.map((value) => ({ type: 'keyDown' as const, value })),
      ...values.reverse().map((value) => ({ type: 'keyUp' as const, value })),
    ]);
  }

  type(text: string): Promise<void> {
    return this.keys(
      [...text].flatMap((char) => {
        const value = char === '\n' ? KEYS.Enter! : char;
        return [
          { type: 'keyDown' as const, value },
          { type: 'keyUp' as const, value },
        ];
      }),
    );
  }

  async setViewport(size: { width: number; height: number }): Promise<void> {
    const cannot = webkitCannot({ width: size.width });
    if (cannot) throw new Error(`WebKit engine: no ${size.width} px wide viewport: ${cannot}`);
    await this.run(async (session) => {
      // The window is larger than the viewport by MiniBrowser's toolbar. The window resizes a moment
      // after the command returns, so wait for the viewport to settle before measuring it.
      const inner = () =>
        session.command<{ width: number; height: number }>('POST', '/execute/sync', {
          script: 'return { width: innerWidth, height: innerHeight };',
          args: [],
        });
      const settled = async (want?: { width: number; height: number }) => {
        let last = await inner();
        for (let i = 0; i < 40; i++) {
          await sleep(25);
          const now = await inner();
          const same = now.width === last.width && now.height === last.height;
          if (want ? now.width === want.width && now.height === want.height : same) return now;
          last = now;
        }
        return last;
      };
      const chrome = this.context.browserChrome;
      if (!chrome.measured) {
        const before = await settled();
        const rect = await session.command<{ width: number; height: number }>('GET', '/window/rect');
        chrome.width = rect.width - before.width;
        chrome.height = rect.height - before.height;
        chrome.measured = true;
      }
      await session.command('POST', '/window/rect', {
        width: size.width + chrome.width,
        height: size.height + chrome.height,
      });
      const now = await settled(size);
      if (now.width !== size.width || now.height !== size.height) {
        throw new Error(
          `WebKit engine: asked for a ${size.width}x${size.height} viewport, got ${now.width}x${now.height}`,
        );
      }
    });
  }

  onConsole(listener: (entry: ConsoleEntry) => void): void {
    this.listeners.push(listener);
  }

  async screenshot(): Promise<Buffer> {
    const png = await this.run((session) => session.command<string>('GET', '/screenshot'));
    return Buffer.from(png, 'base64');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.run(async (session) => {
      await this.drain(session);
      await session.command('DELETE', '/window');
    });
    this.closed = true;
    this.onClose();
  }
}

/** Whether a context can run on the browser started ahead (started with the default options). */
function isDefault(options: ContextOptions, launch: LaunchOptions): boolean {
  return (
    options.colorScheme !== 'dark' &&
    options.reducedMotion !== 'reduce' &&
    !options.blockCookies &&
    (options.gpc === undefined || options.gpc === (launch.gpc ?? false))
  );
}

class WebKitEngine implements Engine {
  readonly name = 'webkit' as const;
  private readonly contexts = new Set<WebKitContext>();
  private closed = false;

  constructor(
    readonly version: string,
    private readonly launchOptions: LaunchOptions,
    /** A browser with the default options, started ahead for the next context. */
    private ahead: Promise<Browser> | undefined,
  ) {}

  private startAhead(): void {
    this.ahead = Browser.start({}, this.launchOptions);
    // Not waited for yet: an error surfaces when a context takes it.
    this.ahead.catch(() => undefined);
  }

  async newContext(options: ContextOptions = {}): Promise<EngineContext> {
    if (this.closed) throw new Error('WebKit engine: closed');
    if (options.locale) throw new Error(`WebKit engine: cannot set the locale: ${WEBKIT_CANNOT.locale}`);
    let browser: Browser;
    if (isDefault(options, this.launchOptions) && this.ahead) {
      browser = await this.ahead;
      this.startAhead();
    } else {
      browser = await Browser.start(options, this.launchOptions);
    }
    const context = new WebKitContext(this, browser, options);
    this.contexts.add(context);
    return context;
  }

  forget(context: WebKitContext): void {
    this.contexts.delete(context);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.contexts].map((context) => context.close().catch(() => undefined)));
    const ahead = await this.ahead?.catch(() => undefined);
    await ahead?.close();
  }
}

/** Start WebKit: the first browser, which also tells the version, ready for the first context. */
export async function launch(options: LaunchOptions = {}): Promise<Engine> {
  const problem = webkitProblem();
  if (problem) throw new Error(`${problem}: ${WEBKIT_HOW_TO}.`);
  const first = Browser.start({}, options);
  const browser = await first;
  const version = `MiniBrowser (WebKitGTK) ${String(browser.session.capabilities.browserVersion ?? 'unknown')}`;
  return new WebKitEngine(version, options, first);
}

/** The name tests/browser/engines/index.ts loads the engine by. */
export const launchWebKit = launch;
