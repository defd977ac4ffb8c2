// The HTTP proxy each WebKit context browses through. WebKitGTK has no host resolver rules and
// WebDriver classic reaches cookies only through a document of their site, so the proxy does three
// small jobs no other part can:
// - host names the test asks for (LaunchOptions.hostsToLoopback: *.example.test) go to 127.0.0.1,
//   the way Chromium's --host-resolver-rules send them; every other request goes where it asked;
// - it answers the engine's own blank documents itself (PRIVATE_PAGE): a page on any site and path
//   that runs no script and never reaches the test server, whose request log stays the page's alone;
// - it remembers which sites and folders the context requested, so that clearCookies() can visit each;
// - it adds the request headers of a signal WebKit lacks (Sec-GPC).
// MiniBrowser also asks for /favicon.ico on every site, which no other engine does here; the proxy
// answers that itself too, so the request log means the same in every engine.
import { Agent, createServer, request, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/** The last path segment of the engine's own blank documents. */
export const PRIVATE_PAGE = '__webkit-engine__';

// Hop-by-hop headers (RFC 9110, 7.6.1) belong to one connection and are not forwarded.
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'proxy-authenticate',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

function endToEnd(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));
}

/** Whether `host` is one of `patterns`: an exact name, or `*.example.test` for its subdomains and itself. */
export function matchesHost(host: string, patterns: readonly string[]): boolean {
  const name = host.toLowerCase();
  return patterns.some((pattern) => {
    const p = pattern.toLowerCase();
    if (!p.startsWith('*.')) return name === p;
    const parent = p.slice(2);
    return name === parent || name.endsWith(`.${parent}`);
  });
}

export interface ContextProxy {
  readonly port: number;
  /** Each origin the context requested, with the folders ('/', '/fixtures/') it requested there. */
  readonly visited: ReadonlyMap<string, ReadonlySet<string>>;
  close(): Promise<void>;
}

/**
 * `extraHeaders` go on every request the browser makes (Sec-GPC: 1 for a context with the Global
 * Privacy Control signal, which WebKit does not send itself).
 */
export async function startProxy(
  hostsToLoopback: readonly string[],
  extraHeaders: Record<string, string> = {},
): Promise<ContextProxy> {
  const visited = new Map<string, Set<string>>();
  // Keep-alive upstream: a page's dozen requests should not cost a dozen connections.
  const agent = new Agent({ keepAlive: true });
  const tunnels = new Set<Socket>();

  const server = createServer((req, res) => {
    let url: URL;
    try {
      // Through a proxy, the request line carries the absolute URL.
      url = new URL(req.url ?? '');
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('not a proxy request');
      return;
    }
    if (url.pathname.endsWith(`/${PRIVATE_PAGE}`)) {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        .end('<!doctype html><title>webkit engine</title>');
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end();
      return;
    }
    const folders = visited.get(url.origin) ?? new Set<string>();
    folders.add(url.pathname.slice(0, url.pathname.lastIndexOf('/') + 1));
    visited.set(url.origin, folders);

    const upstream = request(
      {
        host: matchesHost(url.hostname, hostsToLoopback) ? '127.0.0.1' : url.hostname,
        port: url.port || 80,
        method: req.method,
        path: `${url.pathname}${url.search}`,
        headers: { ...endToEnd(req.headers), ...extraHeaders },
        agent,
      },
      (response) => {
        res.writeHead(response.statusCode ?? 502, response.statusMessage, endToEnd(response.headers));
        response.pipe(res);
      },
    );
    // No server there (or no such host): the browser sees a failed connection, as it would without
    // a proxy, not an HTTP error page.
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });

  // https: a plain tunnel, to 127.0.0.1 for the hosts the test named.
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const [host = '', port = '443'] = (req.url ?? '').split(/:(?=\d+$)/);
    // A tunnel shows no paths: the site's root stands for it.
    const origin = `https://${host}${port === '443' ? '' : `:${port}`}`;
    visited.set(origin, visited.get(origin) ?? new Set(['/']));
    const target = connect(Number(port), matchesHost(host, hostsToLoopback) ? '127.0.0.1' : host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      target.write(head);
      target.pipe(client).pipe(target);
    });
    tunnels.add(client);
    client.on('close', () => tunnels.delete(client));
    target.on('error', () => client.destroy());
    client.on('error', () => target.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    visited,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of tunnels) socket.destroy();
        agent.destroy();
      }),
  };
}
