// Shared set-up for the browser tests: one Chromium and one static server per test file, a fresh
// browser context per test, and a per-page record of requests and console output so that every test
// fails on a console error/warning or an uncaught exception it did not declare.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { startServer } from '../../scripts/serve.mjs';
import { launch } from './chromium';

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

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = `${ROOT}dist`;
const GATED_GA = '/vendor/gtag-stand-in.js';

export type ExtraHeaders = Record<string, string> | ((urlPath: string) => Record<string, string> | undefined);

interface Server {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The demo (examples/) at /, the build at /dist/, the test fixtures at /fixtures/. */
export function startTestServer(headers?: ExtraHeaders): Promise<Server> {
  return startServer({
    port: 0,
    mounts: {
      '/dist/': DIST,
      '/fixtures/': `${ROOT}tests/browser/fixtures`,
      '/': `${ROOT}examples`,
    },
    headers,
  });
}

type ConsoleKind = 'error' | 'warning' | 'pageerror';
interface ConsoleEntry {
  kind: ConsoleKind;
  text: string;
}

/** A page in its own browser context that remembers what it requested and what it logged. */
export class TestPage {
  /** Every URL requested by the page and its frames (and other pages of its context), in order, across reloads. */
  readonly requests: string[] = [];
  readonly log: ConsoleEntry[] = [];
  private readonly expected: { kind: ConsoleKind; pattern: RegExp }[] = [];
  private inFlight = 0;
  private lastActivity = Date.now();

  constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly base: string,
  ) {
    this.watch(page);
    // A second page a test opens in the same context (another subdomain, say) is held to the same rules.
    context.on('page', (other) => this.watch(other));
  }

  private watch(page: Page): void {
    page.on('request', (request) => {
      this.requests.push(request.url());
      this.inFlight++;
      this.lastActivity = Date.now();
    });
    const done = () => {
      this.inFlight--;
      this.lastActivity = Date.now();
    };
    page.on('requestfinished', done);
    page.on('requestfailed', done);
    page.on('console', (message) => {
      const type = message.type();
      if (type === 'error' || type === 'warning' || type === 'assert') {
        this.log.push({ kind: type === 'warning' ? 'warning' : 'error', text: message.text() });
      }
    });
    page.on('pageerror', (error) => this.log.push({ kind: 'pageerror', text: error.stack ?? String(error) }));
  }

  url(path: string): string {
    return new URL(path, this.base).href;
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
    return this.requests.some((url) => new URL(url).pathname.startsWith(path));
  }

  /**
   * Wait until no request has been in flight for half a second, so that "no request was made" and "it
   * ran once" mean something. Playwright's networkidle alone would not do: once a page load reached it,
   * it returns at once, even while scripts released after the load are still coming.
   */
  async settle(): Promise<void> {
    await this.page.waitForLoadState('networkidle');
    const deadline = Date.now() + 10_000;
    while (this.inFlight > 0 || Date.now() - this.lastActivity < 500) {
      if (Date.now() > deadline)
        throw new Error(`settle(): ${this.inFlight} request(s) still in flight after 10 s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
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
    return (await this.context.cookies(this.base)).find((c) => c.name === name);
  }

  /** Set a cookie the way a tampering visitor (or an old visit) would have left it. */
  async setCookie(name: string, value: string): Promise<void> {
    await this.context.addCookies([{ name, value: encodeURIComponent(value), url: this.base }]);
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

/**
 * Call once at the top of a test file's describe block. Launches Chromium and the server for the
 * file, hands out fresh pages, and after each test closes them and fails the test on console trouble.
 */
export function useBrowser(options: { headers?: ExtraHeaders; launchArgs?: string[] } = {}) {
  let browser: Browser | undefined;
  let server: Server | undefined;
  const open: TestPage[] = [];

  beforeAll(async () => {
    if (!existsSync(`${DIST}/consent-gate.min.js`)) {
      throw new Error('dist/consent-gate.min.js is missing: run `npm run build` before the browser tests.');
    }
    [browser, server] = await Promise.all([launch(options.launchArgs), startTestServer(options.headers)]);
  });

  afterEach(async () => {
    const pages = open.splice(0);
    const problems = pages.flatMap((p) => p.problems());
    await Promise.all([...new Set(pages.map((p) => p.context))].map((context) => context.close()));
    if (problems.length) throw new Error(`Browser console:\n  ${problems.join('\n  ')}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return {
    /** The test server's port, for URLs on other host names (see --host-resolver-rules). */
    get port(): number {
      if (!server) throw new Error('useBrowser: the server is not up (see beforeAll)');
      return server.port;
    },
    /** A new page in a fresh context (no cookies), optionally already at `path`. */
    async newPage(path?: string): Promise<TestPage> {
      if (!browser || !server) throw new Error('useBrowser: the browser is not up (see beforeAll)');
      const context = await browser.newContext();
      // Fail fast with Playwright's own message instead of running into the test timeout.
      context.setDefaultTimeout(5_000);
      const testPage = new TestPage(context, await context.newPage(), server.url);
      open.push(testPage);
      if (path) await testPage.goto(path);
      return testPage;
    },
    /** Another tab in the same context as `of` (same cookies, same origin), with its own console checks. */
    async newTab(of: TestPage, path?: string): Promise<TestPage> {
      const testPage = new TestPage(of.context, await of.context.newPage(), server!.url);
      open.push(testPage);
      if (path) await testPage.goto(path);
      return testPage;
    },
  };
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
