// The fixture sites of the audit tests: the sites on 127.0.0.1, the trackers they call on 127.0.0.2
// and 127.0.0.3 (the whole of 127.0.0.0/8 is this machine, and each address is a site of its own).
// The trackers stand in for the real ones: the same URL paths after the address (so that the
// presets match them as they match the real thing), real-looking cookies set by script
// (document.cookie and CookieStore) and by Set-Cookie, beacons, storage.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = path.join(ROOT, 'tests/audit/fixtures');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** Response headers of fixture pages: the server half of what a site sets. */
const PAGE_HEADERS: Record<string, Record<string, string>> = {
  // A visitor id set by the server on the first response, before anyone was asked.
  '/no-banner/': { 'Set-Cookie': 'visitor_id=v1.8f3a2c41; Max-Age=31536000; Path=/; SameSite=Lax' },
};

const YEAR = 365 * 24 * 3600;

/** What the tracker servers answer, by the end of the path (the real vendor's host stays in the path). */
function trackerAnswer(
  url: URL,
  origin: string,
): { type: string; body: string; headers?: Record<string, string> } | undefined {
  const p = url.pathname;
  if (p.endsWith('/gtag/js')) {
    const id = url.searchParams.get('id') ?? 'G-TEST';
    // gtag.js: the client id in _ga, the session in _ga_<container>, then the measurement beacon.
    return {
      type: 'text/javascript',
      body: `(function () {
  var cid = 'GA1.1.' + Math.floor(Math.random() * 1e9) + '.' + Math.floor(Date.now() / 1000);
  document.cookie = '_ga=' + cid + '; max-age=${2 * YEAR}; path=/; SameSite=Lax';
  document.cookie = '_ga_${id.slice(2)}=GS1.1.' + Math.floor(Date.now() / 1000) + '.1.0; max-age=${2 * YEAR}; path=/; SameSite=Lax';
  navigator.sendBeacon('${origin}/www.google-analytics.com/g/collect?v=2&tid=${id}&cid=' + encodeURIComponent(cid) + '&en=page_view');
})();
`,
    };
  }
  if (p.endsWith('/fbevents.js')) {
    // Meta Pixel: _fbp first party (here through CookieStore), then the pixel, whose answer sets fr.
    return {
      type: 'text/javascript',
      body: `(function () {
  var value = 'fb.1.' + Date.now() + '.' + Math.floor(Math.random() * 1e10);
  cookieStore.set({ name: '_fbp', value: value, expires: Date.now() + ${90 * 24 * 3600 * 1000}, path: '/' });
  new Image().src = '${origin}/www.facebook.com/tr/?id=1234567890&ev=PageView&noscript=1';
})();
`,
    };
  }
  if (p.endsWith('/www.facebook.com/tr/')) {
    return {
      type: 'image/gif',
      body: '',
      headers: {
        'Set-Cookie': `fr=0Ab1Cd2Ef3.${Date.now()}; Max-Age=${90 * 24 * 3600}; Path=/; SameSite=None; Secure; HttpOnly`,
      },
    };
  }
  if (/\/hotjar-\d+\.js$/.test(p)) {
    // Hotjar: the user cookie and the session in localStorage.
    return {
      type: 'text/javascript',
      body: `(function () {
  var user = JSON.stringify({ id: Math.random().toString(16).slice(2), created: Date.now() });
  document.cookie = '_hjSessionUser_3712345=' + encodeURIComponent(user) + '; max-age=${YEAR}; path=/';
  localStorage.setItem('_hjSession_3712345', JSON.stringify({ id: 'f1e2', c: Date.now() }));
})();
`,
    };
  }
  if (p.endsWith('/css2'))
    return { type: 'text/css', body: 'body { font-family: Inter, system-ui, sans-serif; }\n' };
  if (p.endsWith('/widget.js')) return { type: 'text/javascript', body: 'window.__chatWidget = true;\n' };
  if (p.includes('/g/collect')) return { type: 'text/plain', body: '' };
  return undefined;
}

function listen(
  host: string,
  handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((req, res) => {
      handler(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    server.once('error', reject);
    server.listen(0, host, () => resolve(server));
  });
}

const originOf = (server: Server, host: string) => {
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('fixture server: no port');
  return `http://${host}:${address.port}`;
};

export interface Fixtures {
  /** The sites' origin, e.g. http://127.0.0.1:41234 */
  site: string;
  /** The trackers: A on 127.0.0.2, B on 127.0.0.3. */
  trackerA: string;
  trackerB: string;
  close(): Promise<void>;
}

export async function startFixtures(): Promise<Fixtures> {
  const tracker = (host: string) =>
    listen(host, async (req, res) => {
      const url = new URL(req.url ?? '/', `http://${host}`);
      // A stream that never ends (until close() drops the connection).
      if (url.pathname.endsWith('/live')) {
        res.writeHead(200, { 'Content-Type': 'image/gif' });
        return;
      }
      const answer = trackerAnswer(url, `http://${req.headers.host}`);
      if (!answer) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, {
        'Content-Type': answer.type,
        'Cache-Control': 'no-store',
        'Access-Control-Allow-Origin': '*',
        ...answer.headers,
      });
      res.end(answer.body);
    });
  const [a, b] = await Promise.all([tracker('127.0.0.2'), tracker('127.0.0.3')]);
  const trackerA = originOf(a, '127.0.0.2');
  const trackerB = originOf(b, '127.0.0.3');

  const mounts: [string, string][] = [
    ['/dist/', path.join(ROOT, 'dist')],
    ['/vendor/cookieconsent/', path.join(ROOT, 'node_modules/vanilla-cookieconsent/dist')],
    ['/', FIXTURES],
  ];
  const site = await listen('127.0.0.1', async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let file = decodeURIComponent(url.pathname);
    if (file.endsWith('/')) file += 'index.html';
    const [prefix, dir] = mounts.find(([m]) => file.startsWith(m))!;
    const full = path.join(dir, path.normalize(file.slice(prefix.length)).replace(/^(\.\.[/\\])+/, ''));
    let body: Buffer | string;
    try {
      body = await readFile(full);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    const type = TYPES[path.extname(full)] ?? 'application/octet-stream';
    // Fixture pages name the trackers as {{A}} and {{B}}: their ports are picked at start.
    if (dir === FIXTURES && /\.(html|js)$/.test(full)) {
      body = body.toString('utf8').replaceAll('{{A}}', trackerA).replaceAll('{{B}}', trackerB);
    }
    res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', ...PAGE_HEADERS[url.pathname] });
    res.end(body);
  });
  const servers = [a, b, site];
  return {
    site: originOf(site, '127.0.0.1'),
    trackerA,
    trackerB,
    close: () =>
      Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      ).then(() => undefined),
  };
}
