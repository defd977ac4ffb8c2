// Server rendering with consent-gate/server, in plain Node: the page holds the Google Analytics tag
// only for a visitor whose stored decision accepts it, so a declined tracker is not in the HTML at all
// (no script to block, nothing for an extension to miss). A browser's Global Privacy Control signal
// (the Sec-GPC: 1 header) is honoured before any script runs.
//
//   node examples/ssr-server.mjs        listens on $PORT (8082); npm run build first (it serves dist/)
//   import { startSsrExample } from …    the same from code; port 0 picks a free port (the tests do)
//
// The config is in opt-out mode, as a site under the CCPA might run: analytics is on by default
// unless the visitor declines it or their browser sends GPC. In the default opt-in mode (GDPR)
// nothing is rendered before a decision, and Sec-GPC changes nothing the server shows.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { hasGpc, isAccepted, readConsent } from 'consent-gate/server';

export const GA_ID = 'G-EXAMPLE1';

/** The same config the page gives the browser library. */
export const CONFIG = {
  mode: 'opt-out',
  policyUrl: '/privacy.html',
  categories: {
    necessary: { label: 'Strictly necessary', required: true },
    analytics: {
      label: 'Analytics',
      description: 'Google Analytics measures how the site is used.',
      default: true,
      gpc: true,
      services: { 'google-analytics': { label: 'Google Analytics' } },
    },
  },
};

const escapeJson = (v) => JSON.stringify(v).replace(/</g, '\\u003c');

/** The page for one request: the tag only when the visitor's decision (or the default) allows it. */
export function renderPage(req) {
  const consent = readConsent(req, CONFIG);
  const analytics = isAccepted(consent, CONFIG, 'analytics', 'google-analytics', req);
  const tag = analytics
    ? `<script async src="https://www.googletagmanager.com/gtag/js?id=${GA_ID}"></script>
    <script>
      window.dataLayer = window.dataLayer || [];
      function gtag() { dataLayer.push(arguments); }
      gtag('js', new Date());
      gtag('config', '${GA_ID}');
    </script>`
    : '<!-- Google Analytics: not accepted, not rendered -->';
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Server-rendered consent</title>
    <link rel="stylesheet" href="/dist/consent-gate.css" />
    ${tag}
    <script type="application/json" id="consent-gate-config">${escapeJson(CONFIG)}</script>
    <script src="/dist/consent-gate.min.js" defer></script>
    <script>
      // What the server rendered follows the decision: after one, render the page again.
      addEventListener('consent-gate:change', () => location.reload());
    </script>
  </head>
  <body>
    <h1>Server-rendered consent</h1>
    <p>Analytics is ${analytics ? 'on' : 'off'} for this page${hasGpc(req) ? ' (your browser sends GPC)' : ''}.</p>
    <p><a href="#" data-cg-open="preferences">Cookie preferences</a></p>
  </body>
</html>
`;
}

const DIST = new URL('../dist/', import.meta.url);
const FILES = { '/dist/consent-gate.min.js': 'text/javascript', '/dist/consent-gate.css': 'text/css' };

/**
 * @param {{ port?: number, host?: string }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startSsrExample({ port = 8082, host = '127.0.0.1' } = {}) {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path in FILES) {
      res.writeHead(200, { 'content-type': `${FILES[path]}; charset=utf-8` });
      res.end(readFileSync(new URL(path.slice('/dist/'.length), DIST)));
    } else if (path == '/') {
      // The page differs by cookie and GPC: caches must not share it.
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'private, no-cache',
        vary: 'Cookie, Sec-GPC',
      });
      res.end(renderPage(req));
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found\n');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const actual = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  return {
    url: `http://${host}:${actual}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { url } = await startSsrExample({ port: Number(process.env.PORT ?? 8082) });
  console.log(`server-rendered consent example: ${url}`);
}
