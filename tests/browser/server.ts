// The browser tests' web server, the same for every engine: the demo (examples/) at /, the build at
// /dist/, the fixtures at /fixtures/ (served by scripts/serve.mjs behind it), and in front of those
// the test's hooks. Its request log is the network truth in every engine, and its hooks do what
// Playwright's page.route and addInitScript did, for engines without such APIs:
//
//   server.hold(path)            answers only after release() (a slow network, a race)
//   server.delay(path, ms)       answers after ms
//   server.rewrite(path, fn)     serves fn(body) instead of the file (placeholders, a broken build)
//   server.respond(path, r)      answers r ({ status, headers, body }) without a file (an endpoint)
//   server.headers(path, h)      adds response headers (a Content-Security-Policy)
//   server.addInitScript(src)    runs src first in every HTML page served, at the start of <head>
//
// A `path` is a pathname ('/fixtures/a.html'), a pathname prefix ending in '*' ('/dist/i18n/*'), a
// RegExp tested on the path with its query, or a predicate on the whole URL. Hooks and init scripts
// last until reset(), which the harness calls after each test.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
// @ts-expect-error -- a plain .mjs script without type declarations
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type ExtraHeaders = Record<string, string> | ((urlPath: string) => Record<string, string> | undefined);

/** Which requests a hook is for. */
export type RoutePath = string | RegExp | ((url: URL) => boolean);

/** One request as the server saw it. */
export interface RequestRecord {
  method: string;
  /** The full URL, with the host name the browser asked for. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** The request body (for POSTs: a beacon, a fetch). */
  body: string;
  /** The response status, once answered. */
  status?: number;
  /** Milliseconds since the epoch. */
  time: number;
}

export interface CannedResponse {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
}

type Rewrite = (body: string, request: RequestRecord) => string | Promise<string>;
type Responder = CannedResponse | ((request: RequestRecord) => CannedResponse | Promise<CannedResponse>);

interface Hook {
  path: RoutePath;
  hold?: Promise<void>;
  delay?: number;
  rewrite?: Rewrite;
  respond?: Responder;
  headers?: Record<string, string>;
}

/** Where init scripts are served from when a page's CSP has no nonce to give them. */
const INIT_PATH = '/__consent-gate-test/init.js';

export interface TestServer {
  /** The base URL, http://127.0.0.1:<port>/. */
  readonly url: string;
  readonly port: number;
  /**
   * The same server over https, with a self-signed certificate (so for a browser launched with
   * LaunchOptions.acceptInsecureCerts): an https origin with a port of its own.
   */
  readonly httpsPort: number;
  /** Every request since the server started (or since the last reset()), in order. */
  readonly log: RequestRecord[];
  hold(path: RoutePath): { release(): void };
  delay(path: RoutePath, ms: number): void;
  rewrite(path: RoutePath, fn: Rewrite): void;
  respond(path: RoutePath, response: Responder): void;
  headers(path: RoutePath, headers: Record<string, string>): void;
  addInitScript(source: string): void;
  /** Resolves when no request has been in flight for `quietMs` (throws after `timeoutMs`). */
  settle(quietMs?: number, timeoutMs?: number): Promise<void>;
  /** Drops the hooks, the init scripts and the log: the next test starts clean. */
  reset(): void;
  close(): Promise<void>;
}

function matches(path: RoutePath, url: URL): boolean {
  if (typeof path === 'function') return path(url);
  if (path instanceof RegExp) return path.test(url.pathname + url.search);
  return path.endsWith('*') ? url.pathname.startsWith(path.slice(0, -1)) : url.pathname === path;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The nonce the page's own CSP gives its scripts, so that an init script may run under it. */
function cspNonce(headers: Record<string, string | string[] | number | undefined>): string | undefined {
  const csp = headers['content-security-policy'];
  return typeof csp === 'string' ? /'nonce-([^']+)'/.exec(csp)?.[1] : undefined;
}

function injectInitScripts(
  html: string,
  scripts: string[],
  csp: string | undefined,
  nonce: string | undefined,
): string {
  if (!scripts.length) return html;
  const escape = (source: string) => source.replace(/<\/script/gi, '<\\/script');
  const tag =
    // A CSP without a nonce still allows 'self', as every policy of the fixtures does.
    csp && !nonce
      ? `<script src="${INIT_PATH}"></script>`
      : `<script${nonce ? ` nonce="${nonce}"` : ''}>${scripts.map(escape).join(';\n')}</script>`;
  const head = /<head\b[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  const start = /<html\b[^>]*>|<!doctype[^>]*>/i.exec(html);
  return start
    ? html.slice(0, start.index + start[0].length) + tag + html.slice(start.index + start[0].length)
    : tag + html;
}

/** The demo at /, the build at /dist/, the fixtures at /fixtures/; `headers` on every response they match. */
export async function startTestServer(headers?: ExtraHeaders): Promise<TestServer> {
  const files: { port: number; close(): Promise<void> } = await startServer({
    port: 0,
    mounts: {
      '/dist/': `${ROOT}dist`,
      '/fixtures/': `${ROOT}tests/browser/fixtures`,
      '/': `${ROOT}examples`,
    },
    headers,
  });

  const log: RequestRecord[] = [];
  let hooks: Hook[] = [];
  let initScripts: string[] = [];
  let inFlight = 0;
  let lastActivity = Date.now();

  /** Ask scripts/serve.mjs for the file. */
  function fetchFile(
    req: IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; headers: Record<string, any>; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const forward = httpRequest(
        { host: '127.0.0.1', port: files.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          readBody(answer).then(
            (data) =>
              resolve({ status: answer.statusCode ?? 502, headers: { ...answer.headers }, body: data }),
            reject,
          );
        },
      );
      forward.on('error', reject);
      forward.end(body);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const body = await readBody(req);
    const record: RequestRecord = {
      method: req.method ?? 'GET',
      url: url.href,
      headers: req.headers,
      body: body.toString('utf8'),
      time: Date.now(),
    };
    if (url.pathname === INIT_PATH) {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(initScripts.join(';\n'));
      return;
    }
    log.push(record);

    const mine = hooks.filter((hook) => matches(hook.path, url));
    for (const hook of mine) {
      if (hook.hold) await hook.hold;
      if (hook.delay) await new Promise((resolve) => setTimeout(resolve, hook.delay));
    }

    const responder = mine.find((hook) => hook.respond)?.respond;
    let status: number;
    let responseHeaders: Record<string, any>;
    let payload: Buffer;
    if (responder) {
      const canned = typeof responder === 'function' ? await responder(record) : responder;
      status = canned.status ?? 200;
      responseHeaders = { 'cache-control': 'no-store', ...lowerCase(canned.headers ?? {}) };
      payload = Buffer.from(canned.body ?? '');
    } else {
      ({ status, headers: responseHeaders, body: payload } = await fetchFile(req, body));
    }

    for (const hook of mine) {
      if (hook.rewrite) payload = Buffer.from(await hook.rewrite(payload.toString('utf8'), record));
      if (hook.headers) Object.assign(responseHeaders, lowerCase(hook.headers));
    }
    if (String(responseHeaders['content-type'] ?? '').startsWith('text/html')) {
      const csp = responseHeaders['content-security-policy'];
      payload = Buffer.from(
        injectInitScripts(payload.toString('utf8'), initScripts, csp, cspNonce(responseHeaders)),
      );
    }
    responseHeaders['content-length'] = String(payload.length);
    delete responseHeaders['transfer-encoding'];
    record.status = status;
    res.writeHead(status, responseHeaders);
    res.end(req.method === 'HEAD' ? undefined : payload);
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    inFlight++;
    lastActivity = Date.now();
    res.on('close', () => {
      inFlight--;
      lastActivity = Date.now();
    });
    handle(req, res).catch((error: Error) => {
      // A broken hook must fail loudly, not hang the page.
      process.stderr.write(`tests/browser/server.ts: ${req.url}: ${error.stack ?? error}\n`);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(`500 ${error.message}`);
    });
  };
  const front = createServer(listener);
  const secure = createHttpsServer(selfSigned(), listener);
  for (const server of [front, secure]) {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
  }
  const port = (front.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    httpsPort: (secure.address() as AddressInfo).port,
    log,
    hold(path) {
      let release!: () => void;
      hooks.push({ path, hold: new Promise<void>((resolve) => (release = resolve)) });
      return { release: () => release() };
    },
    delay(path, ms) {
      hooks.push({ path, delay: ms });
    },
    rewrite(path, fn) {
      hooks.push({ path, rewrite: fn });
    },
    respond(path, response) {
      hooks.push({ path, respond: response });
    },
    headers(path, extra) {
      hooks.push({ path, headers: extra });
    },
    addInitScript(source) {
      initScripts.push(source);
    },
    async settle(quietMs = 500, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (inFlight > 0 || Date.now() - lastActivity < quietMs) {
        if (Date.now() > deadline)
          throw new Error(`settle(): ${inFlight} request(s) still in flight after ${timeoutMs / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    reset() {
      hooks = [];
      initScripts = [];
      log.length = 0;
    },
    async close() {
      for (const server of [front, secure]) {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Browsers keep connections alive; without this close() waits for them to time out.
          server.closeAllConnections();
        });
      }
      await files.close();
    },
  };
}

let certificate: { key: Buffer; cert: Buffer } | undefined;

/** A throwaway self-signed certificate (openssl, once per test worker): no certificate is kept anywhere. */
function selfSigned(): { key: Buffer; cert: Buffer } {
  if (certificate) return certificate;
  const dir = mkdtempSync(path.join(tmpdir(), 'consent-gate-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=consent-gate-test',
      '-keyout',
      path.join(dir, 'key.pem'),
      '-out',
      path.join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  certificate = {
    key: readFileSync(path.join(dir, 'key.pem')),
    cert: readFileSync(path.join(dir, 'cert.pem')),
  };
  rmSync(dir, { recursive: true, force: true });
  return certificate;
}

function lowerCase(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

/**
 * A recording front for another local server (a consent-log receiver on its own port, say): every
 * request is logged, then forwarded to `target` as it came. For what page.on('request') saw of a
 * server that is not the test server.
 */
export async function startRecorder(
  target: string,
): Promise<{ url: string; log: RequestRecord[]; close(): Promise<void> }> {
  const to = new URL(target);
  const log: RequestRecord[] = [];
  const front = createServer((req, res) => {
    readBody(req).then(
      (body) => {
        const record: RequestRecord = {
          method: req.method ?? 'GET',
          url: new URL(req.url ?? '/', `http://${req.headers.host}`).href,
          headers: req.headers,
          body: body.toString('utf8'),
          time: Date.now(),
        };
        log.push(record);
        const forward = httpRequest(
          { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers },
          (answer) => {
            record.status = answer.statusCode;
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        forward.on('error', () => res.writeHead(502).end());
        forward.end(body);
      },
      () => res.destroy(),
    );
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', () => resolve()));
  const port = (front.address() as AddressInfo).port;
  return {
    url: new URL(to.pathname + to.search, `http://127.0.0.1:${port}`).href,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        front.close(() => resolve());
        front.closeAllConnections();
      }),
  };
}
