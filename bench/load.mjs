// The load the benchmark and the reliability tests put on a consent endpoint: `clients` keep-alive
// connections, each posting its next receipt as soon as the last one is answered, as the browser
// library posts them (text/plain JSON from the site's origin).
import http from 'node:http';

/** A body as the consent-log add-on posts it, for decision number `i` (its id unique per `run`). */
export function receiptBody(i, { hash, origin, run = Date.now(), revision = 0 }) {
  const t = new Date().toISOString();
  return JSON.stringify({
    consent: {
      id: `${i.toString(16).padStart(8, '0')}-bbbb-4ccc-8ddd-${run.toString(16).padStart(12, '0').slice(-12)}`,
      revision,
      givenAt: t,
      updatedAt: t,
      categories: { necessary: true, analytics: i % 2 == 0, marketing: i % 3 == 0 },
      services: { analytics: { 'google-analytics': i % 2 == 0 } },
    },
    revision,
    language: 'en',
    url: `${origin}/products/${i}?ref=load`,
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
    gpc: false,
    textsHash: hash,
    hashAlgorithm: 'SHA-256',
  });
}

/** One POST; resolves with the status (0 when the connection failed). */
function postOnce(agent, port, payload, origin, path) {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent,
        headers: {
          origin,
          'content-type': 'text/plain;charset=UTF-8',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
        res.on('error', () => resolve(0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(payload);
  });
}

/**
 * Posts `bodies` from `clients` clients. `onAnswer(i, status)` hears each answer. Stops early when
 * `stop()` returns true. Resolves with the latencies (ms, by body), how many got each status, and the
 * seconds it took.
 */
export async function postAll(
  port,
  bodies,
  { clients = 100, origin, path = '/consent', onAnswer, stop } = {},
) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies = new Float64Array(bodies.length).fill(NaN);
  const statuses = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < bodies.length && !stop?.()) {
        const i = next++;
        const t = performance.now();
        const status = await postOnce(agent, port, bodies[i], origin, path);
        latencies[i] = performance.now() - t;
        statuses[status] = (statuses[status] ?? 0) + 1;
        onAnswer?.(i, status);
      }
    }),
  );
  agent.destroy();
  return { latencies, statuses, seconds: (performance.now() - started) / 1000 };
}

/** p50, p99 and max of the latencies that were measured. */
export function percentiles(latencies) {
  const sorted = [...latencies].filter((x) => !isNaN(x)).sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] };
}
