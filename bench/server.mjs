// `npm run bench:server`: receipts per second and latency of `consent-gate-server serve` with 100
// concurrent clients, with the embedded database (PGlite) and with PostgreSQL (a throwaway cluster,
// when PostgreSQL is installed). The server runs in its own process, as in production; the clients
// (keep-alive connections, each posting its next receipt as soon as the last one is answered) in this
// one, on the same machine: the figures are for the two together on this machine's cores.
//
//   node bench/server.mjs [--receipts 10000] [--clients 100] [--store embedded|postgres|both]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findPostgres, startCluster } from '../scripts/pg-cluster.mjs';
import { percentiles, postAll, receiptBody } from './load.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLI = path.join(ROOT, 'dist/consent-gate.server-cli.mjs');
const { values } = parseArgs({
  options: {
    receipts: { type: 'string', default: '10000' },
    clients: { type: 'string', default: '100' },
    store: { type: 'string', default: 'both' },
  },
});
const RECEIPTS = Number(values.receipts);
const CLIENTS = Number(values.clients);
const WARM_UP = 1000;

const CONFIG = {
  revision: 0,
  policyUrl: '/privacy',
  categories: {
    necessary: { label: 'Strictly necessary', required: true },
    analytics: {
      label: 'Analytics',
      description: 'Tools that measure how the site is used.',
      services: { 'google-analytics': { label: 'Google Analytics' } },
    },
    marketing: { label: 'Marketing' },
  },
};
const ORIGIN = 'http://bench.example';

/** Starts the server; resolves with its port and a stop(). */
function serve(args, env = {}) {
  return new Promise((resolve, reject) => {
    // BENCH_SERVER_NODE_FLAGS: flags for the server's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
    const flags = process.env.BENCH_SERVER_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
    const child = spawn(process.execPath, [...flags, CLI, 'serve', '--port', '0', ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const started = performance.now();
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on http:\/\/[^:]+:(\d+)/.exec(out);
      if (m && !child.port) {
        child.port = Number(m[1]);
        resolve({
          pid: child.pid,
          port: child.port,
          startMs: performance.now() - started,
          stop: () =>
            new Promise((done) => {
              child.once('exit', done);
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => {
      if (!child.port) reject(new Error(`the server exited with ${code} before it listened:\n${out}`));
    });
  });
}

/** `count` receipts from `clients` clients; every answer must be 204. */
async function load(port, count, clients, hash, offset) {
  const bodies = Array.from({ length: count }, (_, i) => receiptBody(offset + i, { hash, origin: ORIGIN }));
  const { latencies, statuses, seconds } = await postAll(port, bodies, { clients, origin: ORIGIN });
  const failed = count - (statuses[204] ?? 0);
  return { perSecond: count / seconds, ...percentiles(latencies), failed };
}

/** CPU time a process has used, in ms (Linux: /proc; elsewhere unknown). */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

async function run(name, args, env) {
  // The first start creates the database (the embedded one's initdb takes seconds): timed on its own.
  const first = await serve(['--config', configFile, '--origin', ORIGIN, ...args], env);
  await first.stop();
  const server = await serve(['--config', configFile, '--origin', ORIGIN, ...args], env);
  try {
    await load(server.port, WARM_UP, CLIENTS, hash, 0);
    const cpuBefore = cpuMs(server.pid);
    const result = await load(server.port, RECEIPTS, CLIENTS, hash, WARM_UP);
    const serverCpu = (cpuMs(server.pid) - cpuBefore) / RECEIPTS;
    return { store: name, firstStartMs: first.startMs, startMs: server.startMs, serverCpu, ...result };
  } finally {
    await server.stop();
  }
}

const work = mkdtempSync(path.join(tmpdir(), 'consent-gate-bench-'));
const configFile = path.join(work, 'site.json');
writeFileSync(configFile, JSON.stringify(CONFIG));
// What the site's pages send: the hash of the texts shown (the server's own reckoning of it).
const { textsShown } = await import('../dist/consent-gate.server.mjs');
const { hash } = await textsShown(CONFIG, 'en');

const results = [];
const loadBefore = loadavg();
try {
  if (values.store != 'postgres')
    results.push(await run('embedded (PGlite)', ['--data-dir', path.join(work, 'data')]));
  if (values.store != 'embedded') {
    const found = findPostgres();
    if (!found.bin) console.error(`bench:server: PostgreSQL skipped: ${found.problem}`);
    else {
      const cluster = await startCluster();
      try {
        results.push(await run('PostgreSQL', ['--database-url', cluster.url]));
      } finally {
        cluster.stop();
      }
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const ms = (x) => `${x.toFixed(1)} ms`;
console.log(
  `\n${RECEIPTS.toLocaleString('en')} receipts, ${CLIENTS} concurrent clients, ${cpus().length} cores, Node ${process.version}\n`,
);
console.log(
  `load average before: ${loadBefore.map((x) => x.toFixed(1)).join(', ')}; after: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(', ')}`,
);
console.log(
  '| store | receipts/s | p50 | p99 | max | not 204 | server CPU per receipt | first start, then |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of results)
  console.log(
    `| ${r.store} | ${Math.round(r.perSecond).toLocaleString('en')} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.failed} | ${r.serverCpu.toFixed(3)} ms | ${(r.firstStartMs / 1000).toFixed(1)} s, ${(r.startMs / 1000).toFixed(1)} s |`,
  );
if (results.some((r) => r.failed)) process.exitCode = 1;
