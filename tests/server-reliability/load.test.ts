// Point 8 of the server issue, measured: 10,000 receipts from 100 concurrent clients, every
// acknowledged one found exactly once afterwards; and the server killed with SIGKILL under load loses
// no receipt it had acknowledged. In both stores, through the built command in its own process.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs module without type declarations
import { postAll, receiptBody } from '../../bench/load.mjs';
import { textsShown } from '../../src/server';
import { openStore } from '../../src/server/node/stores';
import { needBuild, serve, type Serving } from '../server/support/cli';
import { describePostgres, freshDataDir, freshPostgres } from '../server/support/databases';
import { CONFIG, ORIGIN } from '../server/support/receipts';

const work = mkdtempSync(path.join(tmpdir(), 'consent-gate-reliability-'));
const configFile = path.join(work, 'site.json');
let hash = '';
beforeAll(async () => {
  needBuild();
  writeFileSync(
    configFile,
    JSON.stringify(CONFIG, (_, v) => (v instanceof RegExp ? String(v) : v)),
  );
  hash = (await textsShown(CONFIG, 'en', {})).hash;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** One line for the lead's report, outside the console (which the tests keep quiet). */
const report = (line: string) => process.stderr.write(`reliability: ${line}\n`);

interface Where {
  args: string[];
  open: { dataDir?: string; databaseUrl?: string };
}

/** How often each decision id is stored. */
async function storedIds(where: Where): Promise<Map<string, number>> {
  const store = await openStore(where.open);
  const seen = new Map<string, number>();
  try {
    for await (const r of store.each()) seen.set(r.consent.id, (seen.get(r.consent.id) ?? 0) + 1);
  } finally {
    await store.close();
  }
  return seen;
}

const idOf = (body: string) => JSON.parse(body).consent.id as string;

async function manyClients(name: string, where: Where) {
  const run = Date.now();
  const bodies: string[] = Array.from({ length: 10_000 }, (_, i) =>
    receiptBody(i, { hash, origin: ORIGIN, run, revision: CONFIG.revision }),
  );
  const server = await serve(['--config', configFile, '--origin', ORIGIN, ...where.args]);
  const acknowledged = new Set<number>();
  let result;
  try {
    result = await postAll(server.port, bodies, {
      clients: 100,
      origin: ORIGIN,
      onAnswer: (i: number, status: number) => status == 204 && acknowledged.add(i),
    });
  } finally {
    expect(await server.stop()).toBe(0);
  }
  const seen = await storedIds(where);
  const once = [...acknowledged].filter((i) => seen.get(idOf(bodies[i])) === 1).length;
  report(
    `${name}: 10,000 receipts from 100 clients in ${result.seconds.toFixed(1)} s: ${acknowledged.size} acknowledged, ` +
      `${once} of them found exactly once, ${[...seen.values()].reduce((a, b) => a + b, 0)} stored in all`,
  );
  expect(result.statuses).toEqual({ 204: 10_000 });
  expect(once).toBe(10_000);
  expect(seen.size).toBe(10_000);
  expect([...seen.values()].every((n) => n === 1)).toBe(true);
}

async function killedUnderLoad(name: string, where: Where) {
  const run = Date.now();
  const bodies: string[] = Array.from({ length: 20_000 }, (_, i) =>
    receiptBody(i, { hash, origin: ORIGIN, run, revision: CONFIG.revision }),
  );
  const server: Serving = await serve(['--config', configFile, '--origin', ORIGIN, ...where.args]);
  const acknowledged = new Set<number>();
  let killed: Promise<void> | undefined;
  const { statuses } = await postAll(server.port, bodies, {
    clients: 100,
    origin: ORIGIN,
    stop: () => killed !== undefined,
    onAnswer: (i: number, status: number) => {
      if (status == 204) acknowledged.add(i);
      // Killed in the middle of the load, with receipts in flight.
      if (acknowledged.size >= 3_000 && !killed) killed = server.kill();
    },
  });
  // (A server that outlived the load is stopped before its store is read.)
  await (killed ?? server.kill());
  expect(acknowledged.size).toBeGreaterThanOrEqual(3_000);
  const seen = await storedIds(where);
  const lost = [...acknowledged].filter((i) => seen.get(idOf(bodies[i])) !== 1);
  const extra = [...seen.keys()].length - acknowledged.size;
  report(
    `${name}: SIGKILL after ${acknowledged.size} acknowledged receipts (answers: ${JSON.stringify(statuses)}): ` +
      `${acknowledged.size - lost.length} found exactly once, ${lost.length} lost; ${extra} stored but never acknowledged`,
  );
  expect(lost).toEqual([]);
  expect([...seen.values()].every((n) => n === 1)).toBe(true);
  // Whatever was stored beyond the acknowledged was in flight when the process died, nothing else.
  for (const id of seen.keys()) expect(bodies.some((b) => b.includes(id))).toBe(true);
}

describe('embedded store (PGlite)', () => {
  it('10,000 receipts from 100 concurrent clients: every acknowledged one found exactly once', async () => {
    const dataDir = await freshDataDir(path.join(work, 'many'));
    await manyClients('embedded', { args: ['--data-dir', dataDir], open: { dataDir } });
  });

  it('SIGKILL under load loses no acknowledged receipt', async () => {
    const dataDir = await freshDataDir(path.join(work, 'killed'));
    await killedUnderLoad('embedded', { args: ['--data-dir', dataDir], open: { dataDir } });
  });
});

describePostgres('PostgreSQL store', () => {
  it('10,000 receipts from 100 concurrent clients: every acknowledged one found exactly once', async () => {
    const database = await freshPostgres();
    try {
      await manyClients('PostgreSQL', {
        args: ['--database-url', database.url],
        open: { databaseUrl: database.url },
      });
    } finally {
      await database.drop();
    }
  });

  it('SIGKILL under load loses no acknowledged receipt', async () => {
    const database = await freshPostgres();
    try {
      await killedUnderLoad('PostgreSQL', {
        args: ['--database-url', database.url],
        open: { databaseUrl: database.url },
      });
    } finally {
      await database.drop();
    }
  });
});
