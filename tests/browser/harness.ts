// Shared set-up for the browser tests, in whichever engine CONSENT_GATE_ENGINE names (see
// tests/browser/engines/index.ts for how to write a test for all three): one browser and one test
// server per test file, a fresh context per test, the server's request log as the network truth, and
// a per-page record of console output so that every test fails on a console error/warning or an
// uncaught exception it did not declare.
import { existsSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, it, type TestFunction } from 'vitest';
import { warnOnce } from '../support/warn-once';
import type { ConsoleEntry, ContextOptions, Engine, EngineName, LaunchOptions } from './engines/driver';
import { Context, currentEngine, enginePresent, Locator, openEngine, Page } from './engines/index';
import { webkitCannot, type WebKitNeeds } from './engines/webkit';
import { ROOT, startTestServer, type ExtraHeaders, type RequestRecord, type TestServer } from './server';

export { ROOT, startTestServer, type ExtraHeaders } from './server';
export type { Frame, Locator, Page } from './engines/index';

declare global {
  interface Window {
    // The library's global (IIFE build) and what the demo's stand-in and the fixtures' probes record.
    ConsentGate: any;
    __gaRuns?: number;
    __probe?: string[];
  }
}

/** For expect.poll: scripts load over the network, so allow more than the 1 s default. */
export const SOON = { timeout: 5_000 };

/** The engine of this run. */
export const ENGINE: EngineName = currentEngine();

const DIST = `${ROOT}dist`;
const GATED_GA = '/vendor/gtag-stand-in.js';
const isCI = /^(1|true|yes)$/i.test(process.env.CI ?? '');

type ConsoleKind = ConsoleEntry['kind'];

/**
 * Chromium reports a failed load ("Failed to load resource: ... 404") on the console, Firefox a
 * failed script ("Loading failed for the <script> with source ..."), WebKit neither. The server's log
 * is the network truth in every engine (t.status()), so those lines are not console output here.
 */
const NETWORK_NOISE = /^(Failed to load resource: |Loading failed for the (module )?<script> with source)/;

/** A page in its own browser context that remembers what it logged; the server knows what it asked. */
export class TestPage {
  readonly log: ConsoleEntry[] = [];
  private readonly expected: { kind: ConsoleKind; pattern: RegExp }[] = [];
  /** Where this page's part of the server's log starts. */
  private readonly since: number;

  constructor(
    readonly context: Context,
    readonly page: Page,
    readonly server: TestServer,
    readonly engine: EngineName,
  ) {
    this.since = server.log.length;
    page.engine.onConsole((entry) => {
      if (!NETWORK_NOISE.test(entry.text)) this.log.push(entry);
    });
  }

  /** Requests the server had since this page was opened (from every page of this test), in order. */
  get records(): RequestRecord[] {
    return this.server.log.slice(this.since);
  }

  /** Every URL requested since this page was opened, in order, across reloads. */
  get requests(): string[] {
    return this.records.map((r) => r.url);
  }

  url(path: string): string {
    return new URL(path, this.server.url).href;
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(this.url(path));
  }

  async reload(): Promise<void> {
    await this.page.reload();
  }

  /** Declare console output the test expects; it must then appear at least once. */
  expectConsole(kind: ConsoleKind, pattern: RegExp): void {
    this.expected.push({ kind, pattern });
  }

  messages(kind: ConsoleKind): string[] {
    return this.log.filter((entry) => entry.kind === kind).map((entry) => entry.text);
  }

  /** Whether any request so far went to a URL whose path starts with `path` (query ignored). */
  requested(path: string): boolean {
    return this.records.some((r) => new URL(r.url).pathname.startsWith(path));
  }

  /** The statuses the server answered requests for `path` (exact pathname) with, in order. */
  status(path: string): (number | undefined)[] {
    return this.records.filter((r) => new URL(r.url).pathname === path).map((r) => r.status);
  }

  /** The POSTs (beacons, fetches) to `path`, as the server received them. */
  posts(path: string): RequestRecord[] {
    return this.records.filter((r) => r.method === 'POST' && new URL(r.url).pathname === path);
  }

  /** Wait until no request has been in flight for half a second, so that "no request was made" means something. */
  settle(): Promise<void> {
    return this.server.settle();
  }

  /**
   * Run `fn(arg)` first in every HTML page the server sends from now on in this test (it goes into
   * <head>), as Playwright's addInitScript did; so in every page of the test, not only this one.
   */
  addInitScript<A>(fn: ((arg: A) => unknown) | string, arg?: A): void {
    this.server.addInitScript(
      typeof fn === 'string' ? fn : `(${fn.toString()})(${JSON.stringify(arg) ?? ''})`,
    );
  }

  problems(): string[] {
    const unexpected = this.log
      .filter((entry) => !this.expected.some((e) => e.kind === entry.kind && e.pattern.test(entry.text)))
      .map((entry) => `unexpected ${entry.kind}: ${entry.text}`);
    const missing = this.expected
      .filter((e) => !this.log.some((entry) => entry.kind === e.kind && e.pattern.test(entry.text)))
      .map((e) => `expected ${e.kind} matching ${e.pattern} never came`);
    return [...unexpected, ...missing];
  }

  // --- cookies ---------------------------------------------------------------------------------

  async cookie(name: string) {
    return (await this.context.cookies(this.server.url)).find((c) => c.name === name);
  }

  /** Set a cookie the way a tampering visitor (or an old visit) would have left it. */
  async setCookie(name: string, value: string): Promise<void> {
    await this.context.addCookies([{ name, value: encodeURIComponent(value), url: this.server.url }]);
  }

  // --- the demo's gated Google Analytics stand-in -----------------------------------------------

  gaRuns(): Promise<number | undefined> {
    return this.page.evaluate(() => window.__gaRuns);
  }

  gaRequested(): boolean {
    return this.requested(GATED_GA);
  }

  /** The probe calls the fixtures' gated scripts made, in the order they ran. */
  probes(): Promise<string[]> {
    return this.page.evaluate(() => window.__probe ?? []);
  }
}

/** Options of a new page: its context's media, language and viewport (fixed for the context). */
export type PageOptions = ContextOptions;

/**
 * Call once at the top of a test file's describe block. Launches the engine and the server for the
 * file, hands out fresh pages, and after each test closes them, resets the server's hooks and fails
 * the test on console trouble.
 */
export function useBrowser(options: { headers?: ExtraHeaders; launch?: LaunchOptions } = {}) {
  let engine: Engine | undefined;
  let server: TestServer | undefined;
  const open: TestPage[] = [];
  const contexts = new Set<Context>();

  beforeAll(async () => {
    if (!existsSync(`${DIST}/consent-gate.min.js`)) {
      throw new Error('dist/consent-gate.min.js is missing: run `npm run build` before the browser tests.');
    }
    [engine, server] = await Promise.all([
      openEngine(ENGINE, options.launch),
      startTestServer(options.headers),
    ]);
  });

  afterEach(async () => {
    const pages = open.splice(0);
    const problems = pages.flatMap((p) => p.problems());
    // Closing twice (a test closed one itself) is harmless in every engine.
    await Promise.all([...contexts].map((context) => context.close().catch(() => undefined)));
    contexts.clear();
    server?.reset();
    if (problems.length) throw new Error(`Browser console:\n  ${problems.join('\n  ')}`);
  });

  afterAll(async () => {
    await engine?.close();
    await server?.close();
  });

  function up(): { engine: Engine; server: TestServer } {
    if (!engine || !server) throw new Error('useBrowser: the browser is not up (see beforeAll)');
    return { engine, server };
  }

  async function pageIn(context: Context, path?: string): Promise<TestPage> {
    const testPage = new TestPage(
      context,
      new Page(await context.engine.newPage(), up().server.url),
      up().server,
      ENGINE,
    );
    open.push(testPage);
    if (path) await testPage.goto(path);
    return testPage;
  }

  return {
    /** The engine of this run. */
    engine: ENGINE,
    /** The test server's port, for URLs on other host names (see LaunchOptions.hostsToLoopback). */
    get port(): number {
      return up().server.port;
    },
    /** The test server: its log and its hooks (hold, delay, rewrite, respond, headers). */
    get server(): TestServer {
      return up().server;
    },
    /** A new page in a fresh context (no cookies), optionally already at `path`. */
    async newPage(path?: string, pageOptions: PageOptions = {}): Promise<TestPage> {
      const engineContext = await up().engine.newContext(pageOptions);
      // What the engine needs in every page of the context (WebKit: its console capture, and the GPC
      // signal it lacks), in before the first page loads; the server drops them after the test.
      for (const script of (engineContext as { initScripts?: readonly string[] }).initScripts ?? []) {
        up().server.addInitScript(script);
      }
      const context = new Context(engineContext, up().server.url);
      contexts.add(context);
      return pageIn(context, path);
    },
    /** Another tab in the same context as `of` (same cookies, same origin), with its own console checks. */
    newTab(of: TestPage, path?: string): Promise<TestPage> {
      return pageIn(of.context, path);
    },
  };
}

// --- the run without a browser -----------------------------------------------------------------

const present = enginePresent(ENGINE);

/**
 * `describe` for tests that need the browser. Without the engine's browser the file is skipped with
 * one loud line naming the package to install, except on CI (CI=true), where a missing browser must
 * fail the run instead of passing it silently.
 */
export function describeBrowser(name: string, body: () => void): void {
  if ('path' in present) {
    describe(name, body);
    return;
  }
  if (isCI) {
    describe(name, () => {
      it(`has ${ENGINE} to run in`, () => {
        throw new Error(`Browser tests cannot run on CI in ${ENGINE}: ${present.problem}.`);
      });
    });
    return;
  }
  warnOnce(`no-${ENGINE}`, `Browser tests in ${ENGINE} SKIPPED: ${present.problem}.`);
  // Deliberate, and only outside CI: a developer without this browser still gets everything else,
  // with the loud line above saying how to install it. On CI (above) a missing browser fails the run.
  describe.skip(name, body);
}

// --- what an engine's driver cannot do -----------------------------------------------------------

/** What a test needs of the browser that not every engine's driver can give. */
export type EngineNeeds = WebKitNeeds;

/**
 * Why this run's engine cannot give what `needs` asks for, or undefined. Only WebKit's driver has
 * such limits (WEBKIT_CANNOT in engines/webkit.ts); what an engine lacks as a browser is not one:
 * the test asserts the documented behaviour there instead.
 */
export function engineCannot(needs: EngineNeeds): string | undefined {
  return ENGINE === 'webkit' ? webkitCannot(needs) : undefined;
}

/**
 * `it`, except where this engine's driver cannot give what the test needs: there the test is
 * reported skipped, with the reason as its note (the run's summary counts and lists it).
 */
export function itNeeding(needs: EngineNeeds, name: string, fn: TestFunction): void {
  const reason = engineCannot(needs);
  if (reason === undefined) it(name, fn);
  else it(name, (context) => context.skip(`${ENGINE} cannot: ${reason}`));
}

// --- the consent UI, found the way a person finds it: by role and accessible name ----------------

export const DEMO_TITLE = 'Cookie user preferences';
export const DEFAULT_TITLE = 'We use cookies';

export function banner(page: Page, title = DEMO_TITLE): Locator {
  return page.getByRole('dialog', { name: title, exact: true });
}

export function preferences(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Cookie preferences', exact: true });
}

/** Every dialog in the DOM, shown or hidden: "no banner" means none of these exist. */
export function anyDialog(page: Page): Locator {
  return page.getByRole('dialog', { includeHidden: true });
}

export function button(scope: Page | Locator, name: string): Locator {
  return scope.getByRole('button', { name, exact: true });
}

/** The contract allows a switch or a checkbox for a category. */
export function categorySwitch(prefs: Locator, label: string): Locator {
  return prefs
    .getByRole('switch', { name: label, exact: true })
    .or(prefs.getByRole('checkbox', { name: label, exact: true }));
}

export function serviceRadio(prefs: Locator, service: string, choice: 'Accept' | 'Decline'): Locator {
  return prefs
    .getByRole('radiogroup', { name: service, exact: true })
    .getByRole('radio', { name: choice, exact: true });
}

/** Click a banner button, then expect the banner to go away. */
export async function decide(
  page: Page,
  choice: 'Accept all' | 'Decline all',
  title = DEMO_TITLE,
): Promise<void> {
  const dialog = banner(page, title);
  await button(dialog, choice).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Contract shape of the stored decision, as JSON. */
export interface StoredConsent {
  id: string;
  revision: number;
  givenAt: string;
  updatedAt: string;
  categories: Record<string, boolean>;
  services: Record<string, Record<string, boolean>>;
  [key: string]: unknown;
}

/** Read `cg_consent` as a person's browser holds it (js-cookie percent-encodes some characters). */
export function parseConsentCookie(value: string): StoredConsent {
  try {
    return JSON.parse(value);
  } catch {
    return JSON.parse(decodeURIComponent(value));
  }
}

/** A decision as the library would have stored it, to plant in a fresh context. */
export function storedDecision(overrides: Partial<StoredConsent> = {}, analytics = true): StoredConsent {
  const now = new Date().toISOString();
  return {
    id: '0b7a6b0e-3c1f-4d2a-9e55-6f7d2c1a8b90',
    revision: 0,
    givenAt: now,
    updatedAt: now,
    categories: { necessary: true, analytics },
    services: { analytics: { 'google-analytics': analytics } },
    ...overrides,
  };
}
