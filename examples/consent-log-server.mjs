// A small receiver for consent-gate's `consentLog`: appends every decision it is sent to a file, one
// JSON object per line (JSON Lines), with the time it arrived. Node built-ins only, no dependencies.
//
//   node examples/consent-log-server.mjs [file]     listens on $PORT (8081), writes to file (consent-log.jsonl)
//   import { startConsentLog } from ...              the same from code; port 0 picks a free port
//
// The library posts JSON as text/plain (navigator.sendBeacon, or fetch with keepalive): a CORS-safelisted
// content type, so a receiver on another origin gets no preflight and needs no CORS headers for the
// post to arrive. It answers OPTIONS anyway, for clients that send application/json.
//
// Keep such a log like any record of personal data: who may read it, how long it is kept. This one
// stores what the browser sent; add the IP address only if you have a reason to keep it.
import { appendFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';

/** Decisions are small; anything bigger is not one. */
const MAX_BYTES = 16 * 1024;

/**
 * @param {object} [options]
 * @param {number} [options.port=8081]
 * @param {string} [options.host='127.0.0.1']
 * @param {string} [options.file='consent-log.jsonl']
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startConsentLog({ port = 8081, host = '127.0.0.1', file = 'consent-log.jsonl' } = {}) {
  const server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'POST');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
      return end(res, 204);
    }
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST, OPTIONS');
      return end(res, 405);
    }
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BYTES) {
        end(res, 413);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', async () => {
      if (res.writableEnded) return;
      let entry;
      try {
        entry = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return end(res, 400);
      }
      // The shape consent-gate sends: the decision record and the page it was made on.
      if (
        !entry ||
        typeof entry !== 'object' ||
        Array.isArray(entry) ||
        typeof entry.consent?.id !== 'string'
      )
        return end(res, 400);
      try {
        await appendFile(file, JSON.stringify({ receivedAt: new Date().toISOString(), ...entry }) + '\n');
        end(res, 204);
      } catch (error) {
        console.error('consent-log-server: cannot write', file, error.message);
        end(res, 500);
      }
    });
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const actual = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}/`,
    port: actual,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      }),
  };
}

function end(res, status) {
  res.statusCode = status;
  res.end();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2] ?? 'consent-log.jsonl';
  const log = await startConsentLog({ port: Number(process.env.PORT ?? 8081), file });
  console.log(`consent log: POST decisions to ${log.url}, appended to ${file}`);
}
