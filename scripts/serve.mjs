// A tiny static file server for the demo and the browser tests. Node built-ins only, on purpose:
// the demo must run offline with nothing but `npm install` behind it.
//
//   node scripts/serve.mjs            serves examples/ at /, dist/ at /dist/ and the configurator at
//                                     /configurator/ on $PORT (8080)
//   import { startServer } from ...   used by tests/browser with its own mounts and port 0
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const DEFAULT_MOUNTS = Object.freeze({
  '/dist/': path.join(ROOT, 'dist'),
  // The configurator, as built by scripts/build-configurator.mjs (npm run build).
  '/configurator/': path.join(ROOT, 'dist', 'configurator'),
  '/': path.join(ROOT, 'examples'),
});

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Start serving. Resolves once the server listens.
 *
 * @param {object} [options]
 * @param {number} [options.port=8080] 0 picks a free port (the tests do).
 * @param {string} [options.host='127.0.0.1']
 * @param {Record<string, string>} [options.mounts] URL prefix -> folder; the longest matching prefix wins.
 * @param {Record<string, string> | ((urlPath: string) => Record<string, string> | undefined)} [options.headers]
 *   extra response headers, e.g. a Content-Security-Policy for one page.
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startServer({
  port = 8080,
  host = '127.0.0.1',
  mounts = DEFAULT_MOUNTS,
  headers,
} = {}) {
  const table = await resolveMounts(mounts);
  const server = createServer((req, res) => {
    handle(req, res, table, headers).catch((error) => {
      // A bug here must not take the server down in the middle of a test run.
      console.error('serve.mjs:', error);
      if (!res.headersSent) send(res, 500, 'Internal server error');
      else res.destroy();
    });
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });

  const actualPort = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  // A wildcard address is reached as localhost; an IPv6 address goes in brackets.
  let shownHost = host.includes(':') ? `[${host}]` : host;
  if (host === '0.0.0.0' || host === '::') shownHost = 'localhost';
  return {
    url: `http://${shownHost}:${actualPort}/`,
    port: actualPort,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined));
        // Browsers keep connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}

async function resolveMounts(mounts) {
  const entries = await Promise.all(
    Object.entries(mounts).map(async ([prefix, dir]) => {
      const withSlashes = `/${prefix.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
      const absolute = path.resolve(dir);
      // realpath so that the traversal check below compares like with like; a folder that does not
      // exist yet (dist/ before a build) simply answers 404.
      const real = await realpath(absolute).catch(() => absolute);
      return { prefix: withSlashes, dir: real };
    }),
  );
  return entries.sort((a, b) => b.prefix.length - a.prefix.length);
}

async function handle(req, res, table, headers) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'Method not allowed');
  }

  let urlPath;
  try {
    urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    return send(res, 400, 'Bad request');
  }

  const extra = typeof headers === 'function' ? headers(urlPath) : headers;
  for (const [name, value] of Object.entries(extra ?? {})) res.setHeader(name, value);

  if (urlPath.includes('\0')) return send(res, 400, 'Bad request');

  const mount = table.find(({ prefix }) => urlPath.startsWith(prefix) || `${urlPath}/` === prefix);
  if (!mount) return send(res, 404, 'Not found');

  // Decoding above turns %2e%2e%2f into ../, so check the resolved path, not the URL.
  const rel = urlPath.slice(mount.prefix.length);
  const requested = path.resolve(mount.dir, `.${path.sep}${rel}`);
  if (!isInside(mount.dir, requested)) return send(res, 403, 'Forbidden');

  let file = requested;
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    if (!urlPath.endsWith('/')) {
      // Redirect so that relative links inside the index page resolve against the folder.
      res.setHeader('Location', `${urlPath}/`);
      return send(res, 301, 'Moved permanently');
    }
    file = path.join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) return send(res, 404, 'Not found');

  // A symlink inside a mount must not lead outside it either.
  const real = await realpath(file);
  if (!isInside(mount.dir, real)) return send(res, 403, 'Forbidden');

  res.statusCode = 200;
  res.setHeader(
    'Content-Type',
    CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
  );
  res.setHeader('Content-Length', info.size);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (req.method === 'HEAD') return void res.end();

  await new Promise((resolve, reject) => {
    const stream = createReadStream(real);
    stream.on('error', reject);
    res.on('close', resolve);
    stream.pipe(res);
  });
}

function isInside(dir, file) {
  return file === dir || file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
}

function send(res, status, text) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(`${status} ${text}\n`);
}

// Run directly: the demo server (`npm run demo` builds first).
const invokedPath = process.argv[1] ? await realpath(process.argv[1]).catch(() => process.argv[1]) : '';
if (invokedPath && import.meta.url === pathToFileURL(invokedPath).href) {
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve.mjs: PORT must be a port number, got "${process.env.PORT}"`);
    process.exit(1);
  }
  const distEntry = path.join(DEFAULT_MOUNTS['/dist/'], 'consent-gate.min.js');
  if (!(await stat(distEntry).catch(() => null))) {
    console.warn(
      'serve.mjs: dist/ is not built, so the banner will not show. Run `npm run demo` (builds, then serves).',
    );
  }
  try {
    const server = await startServer({ port, host: process.env.HOST ?? '127.0.0.1' });
    console.log(`consent-gate demo: http://localhost:${server.port}/`);
    console.log(`configurator:      http://localhost:${server.port}/configurator/`);
  } catch (error) {
    console.error(`serve.mjs: cannot listen on port ${port}: ${error.message}`);
    process.exit(1);
  }
}
