// The Playwright-shaped subset the browser tests use, over any engine's primitives (driver.ts): a
// page with evaluate, locators that find by role, name, text, label and CSS in the page itself and
// wait (up to 5 s) as Playwright's do, the keyboard, and the context's cookies.
import { readFileSync } from 'node:fs';
import type { Cookie, ElementRef, EngineContext, EnginePage } from './driver';
import type { NotYet } from './in-page';
import { inPage } from './locate';
import { toMatcher, type Step } from './steps';

/** How long a locator waits for its element, as Playwright's default action timeout in these tests. */
export const WAIT_MS = 5_000;
const POLL_MS = 50;

type PageFunction<A, R> = ((arg: A) => R | Promise<R>) | string;
type ElementFunction<E extends Element, A, R> = (element: E, arg: A) => R | Promise<R>;

function isNotYet(value: unknown): value is NotYet {
  return typeof value === 'object' && value !== null && '__cgNotYet' in value;
}

function source(fn: PageFunction<any, any>): string {
  // A string is an expression, as in Playwright.
  return typeof fn === 'string' ? `() => (${fn})` : fn.toString();
}

/** Retry `attempt` until it gives something other than NotYet, for up to `timeout` ms. */
async function poll<T>(attempt: () => Promise<T | NotYet>, timeout = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const result = await attempt();
    if (!isNotYet(result)) return result;
    if (Date.now() > deadline) throw new Error(`${result.__cgNotYet} (waited ${timeout / 1000} s)`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** An element reference the page no longer has: WebDriver's "stale element reference", CDP's and BiDi's detached node. */
function isStaleElement(error: unknown): boolean {
  return (
    error instanceof Error &&
    /stale element reference|not attached to the DOM|no such node|detached/i.test(error.message)
  );
}

export interface RoleOptions {
  name?: string | RegExp;
  exact?: boolean;
  includeHidden?: boolean;
  checked?: boolean;
  level?: number;
  pressed?: boolean;
  expanded?: boolean;
  selected?: boolean;
}

export interface FilterOptions {
  hasText?: string | RegExp;
  hasNotText?: string | RegExp;
  has?: Locator;
  hasNot?: Locator;
  visible?: boolean;
}

/** Where to find things: a page, or a locator to search within. */
abstract class Scope {
  protected abstract scoped(step: Step, what: string): Locator;

  /** CSS; Playwright's `>> nth=N` suffix is understood too (`'.cg-embed >> nth=1'`). */
  locator(css: string): Locator {
    const [first, ...more] = css.split(/\s+>>\s+/);
    let found = this.scoped({ css: first! }, first!);
    for (const part of more) {
      const nth = /^nth=(-?\d+)$/.exec(part);
      found = nth ? found.nth(Number(nth[1])) : found.locator(part);
    }
    return found;
  }

  getByRole(role: string, options: RoleOptions = {}): Locator {
    const { name, ...rest } = options;
    return this.scoped(
      { role, ...rest, ...(name !== undefined ? { name: toMatcher(name) } : {}) },
      `role=${role}${name !== undefined ? `[name=${String(name)}]` : ''}`,
    );
  }

  getByText(text: string | RegExp, options: { exact?: boolean } = {}): Locator {
    return this.scoped({ text: toMatcher(text), ...options }, `text=${String(text)}`);
  }

  getByLabel(text: string | RegExp, options: { exact?: boolean } = {}): Locator {
    return this.scoped({ label: toMatcher(text), ...options }, `label=${String(text)}`);
  }

  /** Search inside the (first, strictly: only) <iframe> matching `css`. */
  frameLocator(css: string): Locator {
    return this.locator(css).contentFrame();
  }
}

export class Locator extends Scope {
  constructor(
    private readonly page: Page,
    readonly steps: Step[],
    readonly description: string,
    /** The frame (by URL part) the steps start in; the page's main frame if none. */
    private readonly frame?: string,
  ) {
    super();
  }

  protected scoped(step: Step, what: string): Locator {
    return new Locator(this.page, [...this.steps, step], `${this.description} >> ${what}`, this.frame);
  }

  nth(index: number): Locator {
    return this.scoped({ nth: index }, `nth=${index}`);
  }

  first(): Locator {
    return this.nth(0);
  }

  last(): Locator {
    return this.nth(-1);
  }

  /** Either this or `other` (both searched from the page), in document order. */
  or(other: Locator): Locator {
    return new Locator(
      this.page,
      [...this.steps, { or: other.steps }],
      `${this.description} | ${other.description}`,
    );
  }

  filter(options: FilterOptions): Locator {
    const filter = {
      ...(options.hasText !== undefined ? { hasText: toMatcher(options.hasText) } : {}),
      ...(options.hasNotText !== undefined ? { hasNotText: toMatcher(options.hasNotText) } : {}),
      ...(options.has ? { has: options.has.steps } : {}),
      ...(options.hasNot ? { hasNot: options.hasNot.steps } : {}),
      ...(options.visible !== undefined ? { visible: options.visible } : {}),
    };
    return this.scoped({ filter }, `filter(${JSON.stringify(options)})`);
  }

  /** The document inside the <iframe> this locator finds. */
  contentFrame(): Locator {
    return this.scoped({ frame: true }, 'frame');
  }

  /** The steps to run and the frame to run them in: a frame step splits the chain. */
  private async target(): Promise<{ steps: Step[]; frameUrl?: string }> {
    const at = this.steps.map((s) => 'frame' in s).lastIndexOf(true);
    if (at < 0) return { steps: this.steps, frameUrl: this.frame };
    const frame = new Locator(this.page, this.steps.slice(0, at), this.description, this.frame);
    const outer = await frame.target();
    const frameUrl = await poll(() =>
      inPage<string | NotYet>(
        this.page.engine,
        '(a, L) => L.frameUrl(a.steps, a.d)',
        { steps: outer.steps, d: frame.description },
        outer.frameUrl,
      ),
    );
    return { steps: this.steps.slice(at + 1), frameUrl };
  }

  private async run<T>(body: string, arg: Record<string, unknown> = {}): Promise<T> {
    const { steps, frameUrl } = await this.target();
    return inPage<T>(this.page.engine, body, { steps, d: this.description, ...arg }, frameUrl);
  }

  /** Run `fn(element, arg)` on the one element, once it is there (and visible/enabled if asked). */
  private onElement<R>(
    fn: string,
    arg?: unknown,
    need: 'attached' | 'visible' | 'enabled' = 'attached',
    timeout?: number,
  ) {
    return poll(
      () =>
        this.run<R | NotYet>(
          `(a, L) => { const el = L.one(a.steps, a.d, a.need); return el instanceof Element ? (${fn})(el, a.arg) : el; }`,
          { arg, need },
        ),
      timeout,
    );
  }

  count(): Promise<number> {
    return this.run('(a, L) => L.resolve(a.steps).length');
  }

  async waitFor(options: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number } = {}) {
    const state = options.state ?? 'visible';
    await poll(async () => {
      const done = await this.run<boolean>('(a, L) => L.reached(a.steps, a.state)', { state });
      return done || { __cgNotYet: `${this.description} did not become ${state}` };
    }, options.timeout);
  }

  /**
   * A real click (the engine's mouse) on the one element, once it is visible and enabled (`force`:
   * once it is there at all). `clickCount` clicks as fast as the engine can, one after the other.
   */
  async click(
    options: { timeout?: number; clickCount?: number; delay?: 0; force?: boolean } = {},
  ): Promise<void> {
    const need = options.force ? 'attached' : 'enabled';
    const find = () => this.onElement<ElementRef>('(el) => el', undefined, need, options.timeout);
    const count = options.clickCount ?? 1;
    try {
      await this.page.engine.click(await find(), { count });
    } catch (error) {
      // The page replaced the element between the find and the click (a re-render): find it again
      // and click once more, as Playwright does. Anything else, or a second time, is the test's failure.
      if (!isStaleElement(error)) throw error;
      await this.page.engine.click(await find(), { count });
    }
  }

  isVisible(): Promise<boolean> {
    return this.run(
      `(a, L) => { const found = L.resolve(a.steps);
        if (found.length > 1) throw new Error('strict mode: ' + a.d + ' found ' + found.length + ' elements');
        return found.length === 1 && L.isVisible(found[0]); }`,
    );
  }

  async isHidden(): Promise<boolean> {
    return !(await this.isVisible());
  }

  isChecked(): Promise<boolean> {
    return this.onElement(
      `(el) => ('checked' in el && (el.type === 'checkbox' || el.type === 'radio')) ? el.checked : el.getAttribute('aria-checked') === 'true'`,
    );
  }

  isDisabled(): Promise<boolean> {
    return this.onElement(`(el) => !!el.disabled || el.getAttribute('aria-disabled') === 'true'`);
  }

  async isEnabled(): Promise<boolean> {
    return !(await this.isDisabled());
  }

  getAttribute(name: string): Promise<string | null> {
    return this.onElement('(el, name) => el.getAttribute(name)', name);
  }

  textContent(): Promise<string | null> {
    return this.onElement('(el) => el.textContent');
  }

  innerText(): Promise<string> {
    return this.onElement('(el) => el.innerText');
  }

  inputValue(): Promise<string> {
    return this.onElement('(el) => el.value');
  }

  allTextContents(): Promise<string[]> {
    return this.run(`(a, L) => L.resolve(a.steps).map((el) => el.textContent ?? '')`);
  }

  allInnerTexts(): Promise<string[]> {
    return this.run(`(a, L) => L.resolve(a.steps).map((el) => el.innerText)`);
  }

  boundingBox(): Promise<{ x: number; y: number; width: number; height: number }> {
    return this.onElement(
      '(el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; }',
    );
  }

  evaluate<R, A = undefined, E extends Element = HTMLElement>(
    fn: ElementFunction<E, A, R>,
    arg?: A,
  ): Promise<R> {
    return this.onElement(fn.toString(), arg);
  }

  evaluateAll<R, A = undefined, E extends Element = HTMLElement>(
    fn: (elements: E[], arg: A) => R | Promise<R>,
    arg?: A,
  ): Promise<R> {
    return this.run(`(a, L) => (${fn.toString()})(L.resolve(a.steps), a.arg)`, { arg });
  }

  focus(): Promise<void> {
    return this.onElement('(el) => { el.focus(); }');
  }

  /**
   * As Playwright's fill(): focus, replace the value, and fire `input` and `change` (no key events:
   * Playwright's fill sends none either). For typing key by key, use page.keyboard.type().
   */
  async fill(value: string): Promise<void> {
    await this.onElement(
      `(el, value) => {
        el.focus();
        const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
        Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, value);
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
      }`,
      value,
      'enabled',
    );
  }

  /** Choose the <option> with that label or value, firing `input` and `change`, as a person would. */
  async selectOption(option: string | { label?: string; value?: string }): Promise<void> {
    const wanted = typeof option === 'string' ? { value: option } : option;
    await this.onElement(
      `(el, wanted) => {
        const match = [...el.options].find((o) =>
          wanted.label !== undefined ? o.label === wanted.label : o.value === wanted.value);
        if (!match) throw new Error('selectOption: no option ' + JSON.stringify(wanted));
        el.value = match.value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
      }`,
      wanted,
      'enabled',
    );
  }

  /**
   * Put files into an <input type="file"> as a file chooser would (a DataTransfer's FileList; no
   * engine-neutral file chooser exists), firing `input` and `change`. Each file: name and text.
   */
  async setInputFiles(files: { name: string; mimeType?: string; text: string }[]): Promise<void> {
    await this.onElement(
      `(el, files) => {
        const transfer = new DataTransfer();
        for (const f of files) transfer.items.add(new File([f.text], f.name, { type: f.mimeType ?? '' }));
        el.files = transfer.files;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
      }`,
      files,
    );
  }

  /** Click unless already in that state, then make sure it is. */
  async setChecked(checked: boolean): Promise<void> {
    if ((await this.isChecked()) !== checked) await this.click();
    await poll(async () =>
      (await this.isChecked()) === checked
        ? true
        : { __cgNotYet: `${this.description} did not become ${checked ? 'checked' : 'unchecked'}` },
    );
  }

  check(): Promise<void> {
    return this.setChecked(true);
  }

  uncheck(): Promise<void> {
    return this.setChecked(false);
  }

  async press(key: string): Promise<void> {
    await this.focus();
    await this.page.engine.press(key);
  }
}

/**
 * A child frame of a page, found by a part of its URL (as Playwright's page.frames().find(...)):
 * evaluate in it, find in it. It may be cross-origin (a sandboxed frame, say).
 */
export class Frame extends Scope {
  constructor(
    private readonly page: Page,
    readonly urlPart: string,
  ) {
    super();
  }

  protected scoped(step: Step, what: string): Locator {
    return new Locator(this.page, [step], `frame(${this.urlPart}) >> ${what}`, this.urlPart);
  }

  evaluate<R, A = undefined>(fn: PageFunction<A, R>, arg?: A): Promise<R> {
    return this.page.engine.evaluate<R>(source(fn), arg, this.urlPart);
  }

  /** Whether the page has such a frame now. */
  exists(): Promise<boolean> {
    return this.evaluate(() => true).catch(() => false);
  }

  /** Run a script file in the frame as it stands (sent as source). */
  async addScriptTag(script: { path: string }): Promise<void> {
    await this.page.engine.evaluate(
      `() => {\n${readFileSync(script.path, 'utf8')}\n}`,
      undefined,
      this.urlPart,
    );
  }
}

/** A tab: evaluate, find, type; navigation waits for the load event. */
export class Page extends Scope {
  readonly keyboard: { press(key: string): Promise<void>; type(text: string): Promise<void> };

  constructor(
    readonly engine: EnginePage,
    private readonly base: string,
  ) {
    super();
    this.keyboard = {
      press: (key) => engine.press(key),
      type: (text) => engine.type(text),
    };
  }

  protected scoped(step: Step, what: string): Locator {
    return new Locator(this, [step], what);
  }

  /** The child frame whose URL contains `urlPart`. */
  frame(urlPart: string): Frame {
    return new Frame(this, urlPart);
  }

  /** `fn(arg)` in the page (its source is sent: it sees nothing of the test's scope but `arg`). */
  evaluate<R, A = undefined>(fn: PageFunction<A, R>, arg?: A): Promise<R> {
    return this.engine.evaluate<R>(source(fn), arg);
  }

  /** Poll `fn(arg)` until it returns something truthy; resolves with that. */
  async waitForFunction<R, A = undefined>(
    fn: PageFunction<A, R>,
    arg?: A,
    options: { timeout?: number } = {},
  ): Promise<R> {
    return poll(async () => {
      const value = await this.evaluate(fn, arg);
      return value ? value : { __cgNotYet: `waitForFunction: ${source(fn).slice(0, 80)} stayed falsy` };
    }, options.timeout);
  }

  waitForTimeout(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** Go to `url`, relative to the test server. */
  goto(url: string): Promise<void> {
    return this.engine.goto(new URL(url, this.base).href);
  }

  reload(): Promise<void> {
    return this.engine.reload();
  }

  url(): Promise<string> {
    return this.engine.url();
  }

  async waitForURL(url: string | RegExp, options: { timeout?: number } = {}): Promise<void> {
    await poll(async () => {
      const now = await this.url();
      const ok = typeof url === 'string' ? now === url : url.test(now);
      return ok || { __cgNotYet: `the page is at ${now}, not ${String(url)}` };
    }, options.timeout);
  }

  setViewportSize(size: { width: number; height: number }): Promise<void> {
    return this.engine.setViewport(size);
  }

  screenshot(): Promise<Buffer> {
    return this.engine.screenshot();
  }

  close(): Promise<void> {
    return this.engine.close();
  }

  /**
   * As Playwright's: a `url` becomes a <script src> the page loads (resolves on its load event); a
   * `path` or `content` runs as it stands, sent as source (so no CSP stands in its way).
   */
  async addScriptTag(script: { url?: string; path?: string; content?: string }): Promise<void> {
    if (script.url) {
      await this.evaluate(
        (src) =>
          new Promise((resolve, reject) => {
            const tag = document.createElement('script');
            tag.src = src;
            tag.onload = resolve;
            tag.onerror = () => reject(new Error(`addScriptTag: ${src} did not load`));
            document.head.append(tag);
          }),
        script.url,
      );
      return;
    }
    const text = script.content ?? readFileSync(script.path!, 'utf8');
    await this.engine.evaluate(`() => {\n${text}\n}`);
  }
}

/** A cookie to plant: for `url` (default: the test server), or for a domain and path. */
export type NewCookie = Pick<Cookie, 'name' | 'value'> & Partial<Cookie> & { url?: string };

/** A fresh profile: its cookies (pages sharing it are tabs; see the harness). */
export class Context {
  constructor(
    readonly engine: EngineContext,
    private readonly base: string,
  ) {}

  /** The cookies that `url` would be sent; without one, every cookie of the context. */
  async cookies(url?: string): Promise<Cookie[]> {
    return this.engine.cookies(url);
  }

  async addCookies(cookies: NewCookie[]): Promise<void> {
    for (const { url, ...cookie } of cookies) await this.engine.addCookies(url ?? this.base, [cookie]);
  }

  clearCookies(): Promise<void> {
    return this.engine.clearCookies();
  }

  /** Close it and its pages (the harness closes what is left after each test). */
  close(): Promise<void> {
    return this.engine.close();
  }
}
