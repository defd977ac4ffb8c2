// Firefox (the Debian firefox-esr) through puppeteer-core over WebDriver BiDi: no geckodriver, no
// downloaded build. What Firefox only has as a preference (the GPC signal, the colour scheme, reduced
// motion, the language, host names resolved to the loopback) is set by preference; preferences are
// per browser, so a context that asks for other media or language settings than the browser's gets a
// second browser with those preferences (started once per set, closed with the engine).
import { accessSync, constants } from 'node:fs';
import puppeteer, {
  type Browser,
  type BrowserContext,
  type CookieData,
  type ElementHandle,
  type Frame,
  type KeyInput,
  type Page,
} from 'puppeteer-core';
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

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const DEFAULT_VIEWPORT = { width: 1280, height: 720 };

/** Where Firefox is, or why there is none (and how to get one). */
export function firefoxPresent(): { path: string } | { problem: string } {
  try {
    accessSync(FIREFOX, constants.X_OK);
    return { path: FIREFOX };
  } catch {
    return {
      problem: `no Firefox at ${FIREFOX} (FIREFOX_PATH points elsewhere)`,
    };
  }
}

type MediaOptions = Pick<ContextOptions, 'colorScheme' | 'reducedMotion' | 'locale' | 'gpc' | 'blockCookies'>;

function prefs(options: LaunchOptions, media: MediaOptions): Record<string, unknown> {
  return {
    'privacy.globalprivacycontrol.enabled': (media.gpc ?? options.gpc) === true,
    // 0 dark, 1 light: never the machine's theme, so that every run sees the same page.
    'layout.css.prefers-color-scheme.content-override': media.colorScheme === 'dark' ? 0 : 1,
    'ui.prefersReducedMotion': media.reducedMotion === 'reduce' ? 1 : 0,
    // Scrollbars that take no room, as in headless Chromium (Playwright hides them): a 320 px
    // viewport is 320 px of page in both.
    'ui.useOverlayScrollbars': 1,
    // 2: block all cookies, as a visitor's setting does (navigator.cookieEnabled is false).
    ...(media.blockCookies ? { 'network.cookie.cookieBehavior': 2 } : {}),
    ...(media.locale ? { 'intl.accept_languages': media.locale, 'intl.locale.requested': media.locale } : {}),
    ...(options.hostsToLoopback?.length
      ? { 'network.dns.localDomains': options.hostsToLoopback.join(',') }
      : {}),
  };
}

function launchBrowser(options: LaunchOptions, media: MediaOptions): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: null,
    acceptInsecureCerts: options.acceptInsecureCerts ?? false,
    extraPrefsFirefox: prefs(options, media),
  });
}

export async function launchFirefox(options: LaunchOptions = {}): Promise<Engine> {
  const found = firefoxPresent();
  if (!('path' in found)) throw new Error(`No Firefox: ${found.problem}.`);
  const browser = await launchBrowser(options, {});
  return new FirefoxEngine(
    browser,
    `Firefox ${(await browser.version()).replace(/^firefox\//, '')}`,
    options,
  );
}

class FirefoxEngine implements Engine {
  readonly name = 'firefox';
  /** Browsers with other media/language preferences than the default one, by those preferences. */
  private readonly others = new Map<string, Promise<Browser>>();

  constructor(
    private readonly browser: Browser,
    readonly version: string,
    private readonly launchOptions: LaunchOptions,
  ) {}

  private browserFor(media: MediaOptions): Promise<Browser> {
    const gpc = media.gpc ?? this.launchOptions.gpc ?? false;
    const key = JSON.stringify([
      media.colorScheme ?? 'light',
      media.reducedMotion ?? 'no-preference',
      media.locale ?? '',
      gpc,
      media.blockCookies ?? false,
    ]);
    const usual = JSON.stringify(['light', 'no-preference', '', this.launchOptions.gpc ?? false, false]);
    if (key === usual) return Promise.resolve(this.browser);
    let other = this.others.get(key);
    if (!other) {
      other = launchBrowser(this.launchOptions, media);
      this.others.set(key, other);
    }
    return other;
  }

  async newContext(options: ContextOptions = {}): Promise<EngineContext> {
    const { viewport, ...media } = options;
    return new FirefoxContext(
      await (await this.browserFor(media)).createBrowserContext(),
      viewport ?? DEFAULT_VIEWPORT,
    );
  }

  async close(): Promise<void> {
    const others = await Promise.all(this.others.values());
    await Promise.all([this.browser, ...others].map((b) => b.close()));
  }
}

/** Whether a cookie would be sent to `url` (domain, path and Secure rules of RFC 6265). */
function appliesTo(cookie: { domain: string; path: string; secure: boolean }, url: URL): boolean {
  const domain = cookie.domain.replace(/^\./, '');
  const host = url.hostname;
  const domainOk = host === domain || (cookie.domain.startsWith('.') && host.endsWith(`.${domain}`));
  const pathOk =
    url.pathname === cookie.path ||
    url.pathname.startsWith(cookie.path.endsWith('/') ? cookie.path : `${cookie.path}/`);
  return domainOk && pathOk && (!cookie.secure || url.protocol === 'https:');
}

class FirefoxContext implements EngineContext {
  constructor(
    private readonly context: BrowserContext,
    private readonly viewport: { width: number; height: number },
  ) {}

  async newPage(): Promise<EnginePage> {
    const page = new FirefoxPage(await this.context.newPage());
    await page.setViewport(this.viewport);
    return page;
  }

  async cookies(url?: string): Promise<Cookie[]> {
    const target = url === undefined ? undefined : new URL(url);
    return (await this.context.cookies())
      .filter((c) => !target || appliesTo(c, target))
      .map((c) => ({
        name: c.name,
        value: c.value,
        domain: c.domain,
        path: c.path,
        expires: c.session ? -1 : c.expires,
        httpOnly: c.httpOnly ?? false,
        secure: c.secure,
        sameSite: c.sameSite === 'Strict' || c.sameSite === 'Lax' ? c.sameSite : 'None',
      }));
  }

  async addCookies(
    url: string,
    cookies: (Pick<Cookie, 'name' | 'value'> & Partial<Cookie>)[],
  ): Promise<void> {
    const { hostname } = new URL(url);
    await this.context.setCookie(
      ...cookies.map((c): CookieData => ({
        name: c.name,
        value: c.value,
        domain: c.domain ?? hostname,
        path: c.path ?? '/',
        ...(c.expires !== undefined && c.expires >= 0 ? { expires: c.expires } : {}),
        ...(c.httpOnly !== undefined ? { httpOnly: c.httpOnly } : {}),
        ...(c.secure !== undefined ? { secure: c.secure } : {}),
        ...(c.sameSite ? { sameSite: c.sameSite } : {}),
      })),
    );
  }

  async clearCookies(): Promise<void> {
    const all = await this.context.cookies();
    if (all.length) await this.context.deleteCookie(...all);
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

/** How undefined crosses as JSON (an array's undefined would become null), as Playwright keeps it. */
const UNDEFINED = '__cgUndefined';

function restoreUndefined(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (UNDEFINED in value) return undefined;
  for (const [key, item] of Object.entries(value))
    (value as Record<string, unknown>)[key] = restoreUndefined(item);
  return value;
}

/** Messages Firefox writes itself, and what Chromium calls the same thing on its console. */
const BROWSER_MESSAGES: [RegExp, 'error' | 'warning'][] = [
  [/^Content-Security-Policy: /, 'error'],
  [/^Cookie “[^”]*” (has been rejected|will be soon rejected)/, 'warning'],
  [/^None of the “sha\d+” hashes in the integrity attribute match/, 'error'],
  [/^Loading failed for the (module )?<script> with source/, 'error'],
  [/^The resource from “[^”]*” was blocked/, 'error'],
];

class FirefoxPage implements EnginePage {
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
    // An expression, not eval() in the page: a page's CSP may forbid eval, not BiDi's script.evaluate.
    // The result crosses as a JSON string: BiDi's own serialization turns an object met twice (the
    // same array in two places) into undefined the second time.
    const handle = await frame.evaluateHandle(
      `Promise.resolve((${fn})(${JSON.stringify(arg) ?? 'undefined'})).then((r) =>
        r instanceof Element ? r : { json: r === undefined ? undefined :
          JSON.stringify(r, (k, v) => (v === undefined ? { ${UNDEFINED}: 1 } : v)) })`,
    );
    const element = handle.asElement();
    if (element) return { __element: element } as T;
    try {
      const { json } = (await handle.jsonValue()) as { json?: string };
      return (json === undefined ? undefined : restoreUndefined(JSON.parse(json))) as T;
    } finally {
      await handle.dispose();
    }
  }

  async click(element: ElementRef, options: { count?: number } = {}): Promise<void> {
    const handle = element.__element as ElementHandle;
    const count = options.count ?? 1;
    if (handle.frame === this.page.mainFrame()) {
      await handle.click({ count });
      return;
    }
    // In a child frame ElementHandle.click() asks BiDi's locateNodes for the frame's element, which
    // this Firefox ESR does not know: the point is found by hand, the frame's offsets added up.
    let { x, y } = await handle.evaluate((el) => {
      el.scrollIntoView({ block: 'center', inline: 'center' });
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    for (let frame = handle.frame; frame.parentFrame(); frame = frame.parentFrame()!) {
      const offset = await frame.parentFrame()!.evaluate((url) => {
        const frames = [...document.querySelectorAll('iframe, frame')] as HTMLIFrameElement[];
        const el = frames.find((f) => f.src === url) ?? frames[0];
        if (!el) throw new Error(`click: no <iframe> for ${url}`);
        const r = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return {
          x: r.x + el.clientLeft + parseFloat(style.paddingLeft),
          y: r.y + el.clientTop + parseFloat(style.paddingTop),
        };
      }, frame.url());
      x += offset.x;
      y += offset.y;
    }
    await this.page.mouse.click(x, y, { count });
  }

  /** Playwright's spelling: modifiers joined with '+', e.g. 'Shift+Tab'. */
  async press(key: string): Promise<void> {
    const parts = key === '+' ? ['+'] : key.split('+');
    const main = parts.pop() as KeyInput;
    const modifiers = parts as KeyInput[];
    for (const m of modifiers) await this.page.keyboard.down(m);
    await this.page.keyboard.press(main);
    for (const m of modifiers.reverse()) await this.page.keyboard.up(m);
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  async setViewport(size: { width: number; height: number }): Promise<void> {
    // Page.setViewport() also sends emulation.setScreenOrientationOverride, which this Firefox ESR does
    // not know; BiDi's browsingContext.setViewport alone is what a viewport needs.
    const context = (this.page.mainFrame() as unknown as { browsingContext: BiDiContext }).browsingContext;
    await context.setViewport({ viewport: size });
  }

  onConsole(listener: (entry: ConsoleEntry) => void): void {
    // Console calls straight from BiDi's log entries, whose text is Firefox's own rendering of the
    // arguments ("x: SyntaxError: ..."); Puppeteer's text says "JSHandle@error" for an object.
    const watch = (frame: Frame) => {
      const context = (frame as unknown as { browsingContext: BiDiContext }).browsingContext;
      context.on('log', ({ entry }) => {
        if (entry.type !== 'console' || entry.source?.context !== context.id) return;
        const kinds: Record<string, ConsoleEntry['kind']> = { warn: 'warning', error: 'error' };
        const kind = kinds[entry.level];
        if (kind) listener({ kind, text: entry.text ?? '' });
      });
    };
    this.page.frames().forEach(watch);
    this.page.on('frameattached', watch);
    this.page.on('pageerror', (error) => {
      const text = error instanceof Error ? (error.stack ?? String(error)) : String(error);
      const message = error instanceof Error ? error.message : text;
      // Over BiDi, what Firefox itself reports (a CSP refusal, a refused cookie) arrives as a
      // JavaScript log entry, like an uncaught exception; Chromium prints it on the console.
      const own = BROWSER_MESSAGES.find(([pattern]) => pattern.test(message));
      listener(own ? { kind: own[1], text: message } : { kind: 'pageerror', text });
    });
  }

  async screenshot(): Promise<Buffer> {
    return Buffer.from(await this.page.screenshot());
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

interface BiDiContext {
  readonly id: string;
  setViewport(options: { viewport: { width: number; height: number } | null }): Promise<void>;
  on(
    event: 'log',
    listener: (event: {
      entry: { type: string; level: string; text: string | null; source?: { context?: string } };
    }) => void,
  ): void;
}
