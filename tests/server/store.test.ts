// The receipt store: one schema and one suite, run against the embedded database (PGlite) and
// against PostgreSQL (a fresh database in the run's throwaway cluster).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlStore, type ReceiptStore, type SqlDatabase } from '../../src/server';
import type { Receipt } from '../../src/server/receipt';
import { fnv1a } from '../../src/integrations/consent-log';
import { SCHEMA_VERSION } from '../../src/server/store/migrations';
import type { TextsVersion } from '../../src/server/texts';
import { describePostgres, freshPglite, freshPostgres, poolOf } from './support/databases';
import { decision } from './support/receipts';

const DAY = 864e5;

function receipt(at: number, overrides: Partial<Receipt> = {}, consent = decision()): Receipt {
  return {
    receiptId: crypto.randomUUID(),
    receivedAt: new Date(at).toISOString(),
    consent,
    pageUrl: 'https://shop.example/p?x=1',
    language: 'en',
    gpc: false,
    userAgent: 'UA/1.0 "quoted", with comma',
    texts: { hash: 'a'.repeat(64), match: true, claimedAlgorithm: 'SHA-256', claimedHash: 'a'.repeat(64) },
    ...overrides,
  };
}

function version(hash = 'a'.repeat(64), language = 'en'): TextsVersion {
  const shown = JSON.stringify([{ banner: { title: 'We use cookies ' + hash.slice(0, 4) } }, '/privacy', {}]);
  return { hash, language, shown, fnv: fnv1a(new TextEncoder().encode(shown)) };
}

async function collect(store: ReceiptStore, since?: Date): Promise<Receipt[]> {
  const out: Receipt[] = [];
  for await (const r of store.each({ since })) out.push(r);
  return out;
}

/** Counts the transactions a store runs. */
function counting(db: SqlDatabase) {
  const counted = { transactions: 0 };
  const wrapped: SqlDatabase = {
    query: (sql, params) => db.query(sql, params),
    transaction: (work) => {
      counted.transactions++;
      return db.transaction(work);
    },
    close: () => db.close?.() ?? Promise.resolve(),
  };
  return { wrapped, counted };
}

function suite(
  open: () => Promise<{ db: SqlDatabase; reopen(): Promise<SqlDatabase>; end(): Promise<void> }>,
) {
  let db: SqlDatabase;
  let reopen: () => Promise<SqlDatabase>;
  let end: () => Promise<void>;
  let store: ReceiptStore;
  let counted: { transactions: number };

  beforeAll(async () => {
    ({ db, reopen, end } = await open());
    const c = counting(db);
    counted = c.counted;
    store = await sqlStore(c.wrapped);
  });
  afterAll(async () => {
    await store.close();
    await end();
  });

  it('keeps a receipt exactly: the decision with its dates, and everything around it', async () => {
    const consent = decision({
      gpc: true,
      services: { analytics: { 'google-analytics': false, 'x-y_z': true } },
    });
    const r = receipt(Date.now(), { gpc: true, ip: '203.0.113.0', language: 'de' }, consent);
    r.texts = { hash: 'b'.repeat(64), match: false, claimedAlgorithm: 'FNV-1a-32', claimedHash: '0123abcd' };
    await store.add(r, version('b'.repeat(64), 'de'));
    expect(await store.find(consent.id)).toEqual([r]);
    expect(await store.find('0000000-none')).toEqual([]);
    expect(await store.texts('b'.repeat(64))).toEqual(version('b'.repeat(64), 'de'));
    expect(await store.texts('c'.repeat(64))).toBeNull();
  });

  it('writes receipts that arrive together in shared transactions, each acknowledged once committed', async () => {
    const before = counted.transactions;
    const consent = decision();
    const many = Array.from({ length: 300 }, (_, i) => receipt(Date.now() + i, {}, { ...consent }));
    await Promise.all(many.map((r) => store.add(r, version())));
    const found = await store.find(consent.id);
    expect(found.map((r) => r.receiptId)).toEqual(many.map((r) => r.receiptId));
    // The first goes alone; the rest queue behind it and share a few commits.
    expect(counted.transactions - before).toBeLessThan(10);
  });

  it('fails only the receipt the database refuses, not the others of its transaction', async () => {
    const consent = decision();
    const good = Array.from({ length: 5 }, () => receipt(Date.now(), {}, { ...consent }));
    const bad = receipt(Date.now(), { receiptId: 'not-a-uuid' }, { ...consent });
    const results = await Promise.allSettled(
      [...good.slice(0, 2), bad, ...good.slice(2)].map((r) => store.add(r, version())),
    );
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    expect((await store.find(consent.id)).map((r) => r.receiptId).sort()).toEqual(
      good.map((r) => r.receiptId).sort(),
    );
  });

  it('lists receipts page by page, oldest first, from a date on', async () => {
    const start = Date.now() + 10 * DAY;
    const consent = decision();
    const later = Array.from({ length: 2_100 }, (_, i) => receipt(start + i * 1000, {}, { ...consent }));
    await Promise.all(later.map((r) => store.add(r, version())));
    const listed = await collect(store, new Date(start));
    expect(listed.map((r) => r.receiptId)).toEqual(later.map((r) => r.receiptId));
    expect((await collect(store, new Date(start + 2_000 * 1000))).length).toBe(100);
    expect((await collect(store)).length).toBeGreaterThan(2_100);
  });

  it('purges old receipts, and the texts versions no receipt needs and nobody was shown since', async () => {
    const now = Date.now();
    const old = receipt(now - 400 * DAY);
    const oldShared = receipt(now - 400 * DAY);
    const recent = receipt(now - 10 * DAY);
    await store.add(old, version('1'.repeat(64)));
    await store.add(oldShared, version('2'.repeat(64)));
    await store.add(recent, version('2'.repeat(64)));
    const purged = await store.purge(new Date(now - 365 * DAY));
    expect(purged).toEqual({ receipts: 2, texts: 1 });
    expect(await store.find(old.consent.id)).toEqual([]);
    expect(await store.texts('1'.repeat(64))).toBeNull();
    expect(await store.texts('2'.repeat(64))).not.toBeNull();
    expect(await store.find(recent.consent.id)).toEqual([recent]);
  });

  it('keeps the schema at its version: a second start migrates nothing, a newer schema is refused', async () => {
    const again = await reopen();
    const second = await sqlStore(again);
    const { rows } = await db.query('select version from consent_gate_schema order by version');
    expect(rows.map((r) => Number(r.version))).toEqual([SCHEMA_VERSION]);
    await db.query('insert into consent_gate_schema (version) values ($1)', [SCHEMA_VERSION + 1]);
    try {
      await expect(sqlStore(again)).rejects.toThrow(
        `the database's consent-gate schema is version ${SCHEMA_VERSION + 1}, newer than this consent-gate knows (${SCHEMA_VERSION}): upgrade consent-gate`,
      );
    } finally {
      await db.query('delete from consent_gate_schema where version = $1', [SCHEMA_VERSION + 1]);
      // The same database as `db` for PGlite: closed with the suite.
      if (again != db) await second.close();
    }
  });

  it('writes what is pending before it closes, and refuses receipts after', async () => {
    const { db: other, end: endOther } = await open();
    const s = await sqlStore(other);
    const consent = decision();
    const adds = Array.from({ length: 50 }, () => s.add(receipt(Date.now(), {}, { ...consent }), version()));
    await s.close();
    // Every add was acknowledged: committed before the database went.
    expect((await Promise.allSettled(adds)).every((r) => r.status == 'fulfilled')).toBe(true);
    await expect(s.add(receipt(Date.now()), version())).rejects.toThrow('the receipt store is closed');
    await endOther();
  });

  it('answers its health check', async () => {
    await expect(store.check()).resolves.toBeUndefined();
  });
}

describe('embedded store (PGlite)', () => {
  suite(async () => {
    const db = await freshPglite();
    // One process, one PGlite: a second start means the same database again.
    return { db, reopen: async () => db, end: () => db.close() };
  });
});

describePostgres('PostgreSQL store', () => {
  suite(async () => {
    const database = await freshPostgres();
    const pools: SqlDatabase[] = [];
    const pool = () => {
      const p = poolOf(database.url);
      pools.push(p);
      return p;
    };
    return {
      db: pool(),
      reopen: async () => pool(),
      async end() {
        await Promise.all(pools.map((p) => p.close?.()));
        await database.drop();
      },
    };
  });

  it('lets servers that start at once migrate one after the other', async () => {
    const database = await freshPostgres();
    const pools = Array.from({ length: 4 }, () => poolOf(database.url));
    try {
      const stores = await Promise.all(pools.map((p) => sqlStore(p)));
      const { rows } = await pools[0].query('select count(*)::int as n from consent_gate_schema');
      expect(rows[0].n).toBe(SCHEMA_VERSION);
      expect(stores).toHaveLength(4);
    } finally {
      await Promise.all(pools.map((p) => p.close?.()));
      await database.drop();
    }
  });
});
