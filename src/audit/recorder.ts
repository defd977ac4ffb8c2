// One visit in one fresh browser profile: everything the page writes and asks for, as it happens,
// each event stamped with the phase it happened in. Cookies written by script come from the
// wrappers of page-recorder.ts; cookies written by Set-Cookie come from the response headers; the
// initiator of a request from the DevTools protocol, which Playwright does not pass on.
import type { BrowserContext, Cookie, Page, Request, Response } from 'playwright-core';
import { parseCookieLine } from './cookie-line';
import { BINDING, recorderSource, type PageCookieWrite, type PageStorageWrite } from './page-recorder';
import type { Phase } from './types';

/** A cookie write, from a script or a header; `domain` is the one it aims at (no leading dot). */
export interface RawCookieWrite {
  phase: Phase;
  t: number;
  setBy: 'script' | 'header';
  name: string;
  domain: string;
  path?: string;
  deletes: boolean;
  api?: 'document.cookie' | 'cookieStore';
  script?: string;
  line?: number;
  response?: string;
  frame?: string;
}

export interface RawRequest {
  phase: Phase;
  t: number;
  url: string;
  method: string;
  type: string;
  initiator?: string;
  frame?: string;
  status?: number;
  failure?: string;
}

export interface RawStorageWrite {
  phase: Phase;
  t: number;
  kind: 'localStorage' | 'sessionStorage';
  key: string;
  origin: string;
  script?: string;
}

/** The state at the end of a phase: the cookie jar and the storage keys of every frame. */
export interface Snapshot {
  phase: Phase;
  /** Milliseconds since the visit began. */
  t: number;
  jar: Cookie[];
  storage: { kind: 'localStorage' | 'sessionStorage'; origin: string; key: string }[];
}

/** Where in the DevTools protocol's initiator the script is: the innermost frame with a URL, else its URL. */
function initiatorUrl(initiator: any): string | undefined {
  for (let stack = initiator?.stack; stack; stack = stack.parent) {
    const frame = (stack.callFrames ?? []).find((f: { url?: string }) => f.url);
    if (frame) return frame.url;
  }
  return initiator?.url || undefined;
}

export class VisitRecorder {
  phase: Phase = 'before-consent';
  readonly cookieWrites: RawCookieWrite[] = [];
  readonly requests: RawRequest[] = [];
  readonly storageWrites: RawStorageWrite[] = [];
  readonly snapshots: Snapshot[] = [];
  readonly errors: { phase: Phase; text: string }[] = [];
  /** The cookie jar before the first page load: what --cookie planted. */
  baseline: Cookie[] = [];
  private readonly started = Date.now();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly byRequest = new Map<Request, RawRequest>();
  /** DevTools initiators by URL, in the order the requests were sent. */
  private readonly initiators = new Map<string, string[]>();
  private inFlight = 0;
  private lastActivity = Date.now();
  private phaseStarted = Date.now();
  private phaseRequests = 0;
  /** A phase has begun and has no snapshot yet. */
  private open = false;

  private constructor(readonly context: BrowserContext) {}

  /** Milliseconds since the visit began. */
  now(): number {
    return Date.now() - this.started;
  }

  /** Starts recording a context before any page of it has loaded anything. */
  static async attach(context: BrowserContext, gpc: boolean): Promise<VisitRecorder> {
    const recorder = new VisitRecorder(context);
    await context.exposeBinding(BINDING, (_source, kind: string, data: any) => {
      if (kind === 'cookie') recorder.onScriptCookie(data);
      else if (kind === 'storage') recorder.onScriptStorage(data);
    });
    await context.addInitScript({ content: recorderSource(gpc) });
    context.on('request', (request) => recorder.onRequest(request));
    context.on('requestfinished', (request) => recorder.onRequestDone(request));
    context.on('requestfailed', (request) => recorder.onRequestDone(request, request.failure()?.errorText));
    context.on('response', (response) => recorder.track(recorder.onResponse(response)));
    context.on('page', (page) => recorder.track(recorder.watch(page)));
    await Promise.all(context.pages().map((page) => recorder.watch(page)));
    return recorder;
  }

  private track(work: Promise<unknown>): void {
    const settled = work.catch(() => undefined).finally(() => this.pending.delete(settled));
    this.pending.add(settled);
  }

  private async watch(page: Page): Promise<void> {
    page.on('console', (message) => {
      // A failed load is in the requests already, with its status; the console only repeats it.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        this.errors.push({ phase: this.phase, text: message.text() });
      }
    });
    page.on('pageerror', (error) =>
      this.errors.push({ phase: this.phase, text: String(error.message ?? error) }),
    );
    const session = await this.context.newCDPSession(page);
    session.on('Network.requestWillBeSent', (event: any) => {
      const who = initiatorUrl(event.initiator) ?? event.documentURL;
      const queue = this.initiators.get(event.request.url) ?? [];
      queue.push(who);
      this.initiators.set(event.request.url, queue);
    });
    await session.send('Network.enable');
  }

  private onScriptCookie(data: PageCookieWrite): void {
    const base = {
      phase: this.phase,
      t: this.now(),
      setBy: 'script' as const,
      api: data.api,
      script: data.script,
      line: data.scriptLine,
      frame: data.frame,
    };
    if (data.api === 'document.cookie') {
      const write = parseCookieLine(data.line ?? '');
      if (write) {
        this.cookieWrites.push({
          ...base,
          name: write.name,
          domain: write.domain ?? data.host,
          path: write.path,
          deletes: write.deletes,
        });
      }
      return;
    }
    if (!data.name) return;
    const domain = (data.domain ?? data.host).replace(/^\./, '').toLowerCase();
    const deletes = typeof data.expires === 'number' && data.expires <= Date.now();
    this.cookieWrites.push({ ...base, name: data.name, domain, path: data.path, deletes });
  }

  private onScriptStorage(data: PageStorageWrite): void {
    this.storageWrites.push({
      phase: this.phase,
      t: this.now(),
      kind: data.kind,
      key: data.key,
      origin: data.origin,
      script: data.script,
    });
  }

  private onRequest(request: Request): void {
    this.inFlight++;
    this.phaseRequests++;
    this.lastActivity = Date.now();
    let frame: string | undefined;
    try {
      frame = request.frame().url();
    } catch {
      // a service worker's request has no frame
    }
    const raw: RawRequest = {
      phase: this.phase,
      t: this.now(),
      url: request.url(),
      method: request.method(),
      type: request.resourceType(),
      frame,
    };
    this.requests.push(raw);
    this.byRequest.set(request, raw);
  }

  private onRequestDone(request: Request, failure?: string): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.lastActivity = Date.now();
    const raw = this.byRequest.get(request);
    if (!raw) return;
    if (failure) raw.failure = failure;
    else this.track(request.response().then((response) => (raw.status = response?.status())));
  }

  private async onResponse(response: Response): Promise<void> {
    const phase = this.phase;
    const t = this.now();
    const url = response.url();
    let frame: string | undefined;
    try {
      frame = response.frame().url();
    } catch {
      // no frame: a worker's response
    }
    const headers = await response.headersArray();
    const host = new URL(url).hostname;
    for (const header of headers) {
      if (header.name.toLowerCase() !== 'set-cookie') continue;
      // Several Set-Cookie headers may come folded into one value, one cookie a line.
      for (const line of header.value.split('\n')) {
        const write = parseCookieLine(line);
        if (!write) continue;
        this.cookieWrites.push({
          phase,
          t,
          setBy: 'header',
          name: write.name,
          domain: write.domain ?? host,
          path: write.path,
          deletes: write.deletes,
          response: url,
          frame,
        });
      }
    }
  }

  /**
   * Starts a phase: what happens from now on belongs to it. The phase before it ends here, not when
   * its wait ended: until the next click or reload, the page is still in it.
   */
  async begin(phase: Phase): Promise<void> {
    await this.end();
    this.open = true;
    this.phase = phase;
    this.phaseStarted = Date.now();
    this.phaseRequests = 0;
    this.lastActivity = Date.now();
  }

  /**
   * Waits until no request has been in flight for `idleMs`, or `maxMs` since the phase began.
   * Returns whether the wait ran out first.
   */
  async settle(
    idleMs: number,
    maxMs: number,
    tick?: (elapsed: number, requests: number) => void,
  ): Promise<boolean> {
    for (;;) {
      const now = Date.now();
      tick?.((now - this.phaseStarted) / 1000, this.phaseRequests);
      if (this.inFlight === 0 && now - this.lastActivity >= idleMs) return false;
      if (now - this.phaseStarted >= maxMs) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Ends the phase under way, if one is: its snapshot. */
  async end(): Promise<void> {
    if (!this.open) return;
    this.open = false;
    await this.snapshot();
  }

  /** The cookie jar and every frame's storage keys as they are now, as the current phase's end. */
  private async snapshot(): Promise<Snapshot> {
    await Promise.all([...this.pending]);
    const jar = await this.context.cookies();
    const storage: Snapshot['storage'] = [];
    for (const page of this.context.pages()) {
      for (const frame of page.frames()) {
        const found = await frame
          .evaluate(() => {
            const keys: ['localStorage' | 'sessionStorage', string][] = [];
            for (const kind of ['localStorage', 'sessionStorage'] as const) {
              try {
                for (const key of Object.keys(window[kind])) keys.push([kind, key]);
              } catch {
                // storage denied in this frame (sandboxed, opaque origin)
              }
            }
            return { origin: location.origin, keys };
          })
          .catch(() => undefined);
        for (const [kind, key] of found?.keys ?? []) storage.push({ kind, origin: found!.origin, key });
      }
    }
    const snapshot = { phase: this.phase, t: this.now(), jar, storage };
    this.snapshots.push(snapshot);
    return snapshot;
  }

  /** The initiators the DevTools protocol gave, handed out in request order. */
  initiatorFor(url: string): string | undefined {
    return this.initiators.get(url)?.shift();
  }
}
