// Chromium through playwright-core, with the system Chromium and the audit command's flags
// (src/audit/chromium.ts): never a downloaded browser.
import { chromium, type Browser, type BrowserContext, type ElementHandle, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_HOW_TO, findChromium } from '../../../src/audit/chromium';
import type {
  ConsoleEntry,
  ContextOptions,
  Cookie,
  Engine,
  EngineContext,
  EnginePage,
  ElementRef,
  LaunchOptions,
} from './driver';

/** Where the system Chromium is (CHROME_PATH or the usual places), or why there is none. */
export function chromiumPresent(): { path: string } | { problem: string } {
  const found = findChromium();
  return found;
}

export async function launchChromium(options: LaunchOptions = {}): Promise<Engine> {
  const found = chromiumPresent();
  if (!('path' in found)) throw new Error(`No Chromium: ${found.problem}; ${CHROMIUM_HOW_TO}.`);
  const args = [...CHROMIUM_ARGS];
  if (options.hostsToLoopback?.length) {
    args.push(`--host-resolver-rules=${options.hostsToLoopback.map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`);
  }
  const browser = await chromium.launch({ executablePath: found.path, args });
  return new ChromiumEngine(browser, options);
}

class ChromiumEngine implements Engine {
  readonly name = 'chromium';
  readonly version: string;

  constructor(
    private readonly browser: Browser,
    private readonly launchOptions: LaunchOptions,
  ) {
    this.version = `Chromium ${browser.version()}`;
  }

  async newContext(options: ContextOptions = {}): Promise<EngineContext> {
    const context = await this.browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 720 },
      colorScheme: options.colorScheme ?? 'light',
      reducedMotion: options.reducedMotion ?? 'no-preference',
      locale: options.locale,
      ignoreHTTPSErrors: this.launchOptions.acceptInsecureCerts ?? false,
    });
    // Chromium has no switch for the signal: an init script sets navigator.globalPrivacyControl.
    if (options.gpc ?? this.launchOptions.gpc) {
      await context.addInitScript(() =>
        Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
      );
    }
    context.setDefaultTimeout(5_000);
    return new ChromiumContext(context, options.blockCookies ?? false);
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}

class ChromiumContext implements EngineContext {
  constructor(
    private readonly context: BrowserContext,
    private readonly blockCookies: boolean,
  ) {}

  async newPage(): Promise<EnginePage> {
    const page = await this.context.newPage();
    if (this.blockCookies) {
      // Chromium's own switch for a document without cookies (DevTools): reads are empty, writes dropped.
      const cdp = await this.context.newCDPSession(page);
      await cdp.send('Emulation.setDocumentCookieDisabled', { disabled: true });
    }
    return new ChromiumPage(page);
  }

  async cookies(url?: string): Promise<Cookie[]> {
    return (await this.context.cookies(url)).map((c) => ({ ...c }));
  }

  async addCookies(
    url: string,
    cookies: (Pick<Cookie, 'name' | 'value'> & Partial<Cookie>)[],
  ): Promise<void> {
    const { hostname } = new URL(url);
    await this.context.addCookies(cookies.map((c) => ({ path: '/', ...c, domain: c.domain ?? hostname })));
  }

  clearCookies(): Promise<void> {
    return this.context.clearCookies();
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

class ChromiumPage implements EnginePage {
  constructor(private readonly page: Page) {}

  async goto(url: string): Promise<void> {
    await this.page.goto(url);
  }

  async reload(): Promise<void> {
    await this.page.reload();
  }

  async url(): Promise<string> {
    return this.page.url();
  }

  async evaluate<T = unknown>(fn: string, arg?: unknown, frameUrl?: string): Promise<T> {
    const frame = frameUrl
      ? this.page.frames().find((f) => f.url().includes(frameUrl))
      : this.page.mainFrame();
    if (!frame) throw new Error(`evaluate: no frame whose URL contains ${frameUrl}`);
    // An expression, not eval() in the page: a page's CSP may forbid eval, not DevTools' evaluation.
    const handle = await frame.evaluateHandle(`(${fn})(${JSON.stringify(arg) ?? 'undefined'})`);
    const element = handle.asElement();
    if (element) return { __element: element } as T;
    try {
      return (await handle.jsonValue()) as T;
    } finally {
      await handle.dispose();
    }
  }

  async click(element: ElementRef, options: { count?: number } = {}): Promise<void> {
    await (element.__element as ElementHandle).click({ clickCount: options.count ?? 1, delay: 0 });
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  async setViewport(size: { width: number; height: number }): Promise<void> {
    await this.page.setViewportSize(size);
  }

  onConsole(listener: (entry: ConsoleEntry) => void): void {
    this.page.on('console', (message) => {
      const type = message.type();
      if (type === 'error' || type === 'warning' || type === 'assert') {
        listener({ kind: type === 'warning' ? 'warning' : 'error', text: message.text() });
      }
    });
    this.page.on('pageerror', (error) => listener({ kind: 'pageerror', text: error.stack ?? String(error) }));
  }

  screenshot(): Promise<Buffer> {
    return this.page.screenshot();
  }

  close(): Promise<void> {
    return this.page.close();
  }
}
