// Receipts in SQL (PostgreSQL's dialect, which PGlite runs too). Writes are grouped: receipts that
// arrive while a transaction commits go together in the next one, so a commit (the slow, durable
// part) is shared by many receipts and each is acknowledged only once its transaction committed.
import { fnv1a } from '../../integrations/consent-log';
import type { Receipt } from '../receipt';
import type { TextsVersion } from '../texts';
import { migrate } from './migrations';
import type { SqlClient, SqlDatabase } from './sql-types';
import type { ReceiptStore } from './types';

/** Options of sqlStore. */
export interface SqlStoreOptions {
  /** Most receipts written in one transaction. Default 500. */
  batchSize?: number;
  /** Transactions in flight at once (a pool's connections can commit side by side). Default 1. */
  concurrency?: number;
}

/**
 * Runs `f` once the requests that have arrived so far had their turn: after Node's I/O callbacks
 * (setImmediate), elsewhere after the current task. Starting a transaction at the first receipt
 * would leave the others that came with it waiting for the next one.
 */
const soon: (f: () => void) => void =
  (globalThis as { setImmediate?: (f: () => void) => void }).setImmediate ?? ((f) => setTimeout(f, 0));

interface Pending {
  receipt: Receipt;
  texts: TextsVersion;
  done(): void;
  failed(error: unknown): void;
}

const RECEIPT_COLUMNS = `receipt_id uuid, received_at timestamptz, consent_id text, revision integer,
  given_at timestamptz, updated_at timestamptz, categories json, services json, gpc_honoured boolean,
  page_url text, language text, gpc boolean, user_agent text, texts_hash text, texts_match boolean,
  claimed_algorithm text, claimed_hash text, ip text`;
const RECEIPT_NAMES = RECEIPT_COLUMNS.replace(/ [a-z]+(,|$)/g, '$1');

/** Times as the browser writes them (toISOString), whatever the session's time zone. */
const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const SELECT_RECEIPTS = `select seq::text as seq, receipt_id::text as receipt_id, ${iso('received_at')} as received_at,
  consent_id, revision, ${iso('given_at')} as given_at, ${iso('updated_at')} as updated_at, categories::text as categories,
  services::text as services, gpc_honoured, page_url, language, gpc, user_agent, texts_hash, texts_match,
  claimed_algorithm, claimed_hash, ip from consent_gate_receipts`;

/** A receipt as a row of json_to_recordset. */
function toRow(r: Receipt) {
  const c = r.consent;
  return {
    receipt_id: r.receiptId,
    received_at: r.receivedAt,
    consent_id: c.id,
    revision: c.revision,
    given_at: c.givenAt,
    updated_at: c.updatedAt,
    categories: c.categories,
    services: c.services,
    gpc_honoured: c.gpc === true,
    page_url: r.pageUrl,
    language: r.language,
    gpc: r.gpc,
    user_agent: r.userAgent,
    texts_hash: r.texts.hash,
    texts_match: r.texts.match,
    claimed_algorithm: r.texts.claimedAlgorithm,
    claimed_hash: r.texts.claimedHash,
    ip: r.ip ?? null,
  };
}

function fromRow(row: any): Receipt {
  const receipt: Receipt = {
    receiptId: row.receipt_id,
    receivedAt: row.received_at,
    consent: {
      id: row.consent_id,
      revision: Number(row.revision),
      givenAt: row.given_at,
      updatedAt: row.updated_at,
      categories: JSON.parse(row.categories),
      services: JSON.parse(row.services),
      ...(row.gpc_honoured && { gpc: true }),
    },
    pageUrl: row.page_url,
    language: row.language,
    gpc: row.gpc,
    userAgent: row.user_agent,
    texts: {
      hash: row.texts_hash,
      match: row.texts_match,
      claimedAlgorithm: row.claimed_algorithm,
      claimedHash: row.claimed_hash,
    },
  };
  if (row.ip) receipt.ip = row.ip;
  return receipt;
}

async function write(tx: SqlClient, batch: Pending[]): Promise<void> {
  const texts = new Map<string, TextsVersion & { at: string }>();
  for (const { texts: t, receipt } of batch) texts.set(t.hash, { ...t, at: receipt.receivedAt });
  await tx.query(
    `insert into consent_gate_texts (hash, language, shown, first_seen, last_seen)
       select hash, language, shown, at, at
       from json_to_recordset($1::json) as t(hash text, language text, shown text, at timestamptz)
     on conflict (hash) do update set last_seen = greatest(consent_gate_texts.last_seen, excluded.last_seen)`,
    [
      JSON.stringify(
        [...texts.values()].map(({ hash, language, shown, at }) => ({ hash, language, shown, at })),
      ),
    ],
  );
  await tx.query(
    `insert into consent_gate_receipts (${RECEIPT_NAMES})
       select ${RECEIPT_NAMES} from json_to_recordset($1::json) as r(${RECEIPT_COLUMNS})`,
    [JSON.stringify(batch.map((p) => toRow(p.receipt)))],
  );
}

/**
 * A ReceiptStore in a SQL database: PGlite as it is, or PostgreSQL through poolDatabase(pool). Brings
 * the schema up to date first (see migrations.ts). Its close() writes what is pending; the database
 * stays open, to be closed by whoever opened it.
 */
export async function sqlStore(db: SqlDatabase, options: SqlStoreOptions = {}): Promise<ReceiptStore> {
  const batchSize = options.batchSize ?? 500;
  const concurrency = options.concurrency ?? 1;
  await migrate(db);
  let pending: Pending[] = [];
  let active = 0;
  let scheduled = false;
  let closed = false;
  let idle: (() => void) | undefined;

  async function commit(batch: Pending[]): Promise<void> {
    try {
      await db.transaction((tx) => write(tx, batch));
      for (const p of batch) p.done();
    } catch (error) {
      // One receipt the database refuses must not fail the others: alone, each fares as it may.
      if (batch.length == 1) batch[0].failed(error);
      else for (const p of batch) await commit([p]);
    }
  }

  /** Starts transactions for what is pending, as many as may run at once. */
  function pump(): void {
    while (pending.length && active < concurrency) {
      const batch = pending.slice(0, batchSize);
      pending = pending.slice(batchSize);
      active++;
      void commit(batch).then(() => {
        active--;
        pump();
        if (!active && !pending.length) idle?.();
      });
    }
  }

  return {
    add(receipt, texts) {
      if (closed) return Promise.reject(new Error('the receipt store is closed'));
      return new Promise<void>((done, failed) => {
        pending.push({ receipt, texts, done, failed });
        if (!scheduled) {
          scheduled = true;
          soon(() => {
            scheduled = false;
            pump();
          });
        }
      });
    },

    async find(consentId) {
      const { rows } = await db.query(
        `${SELECT_RECEIPTS} where consent_id = $1 order by consent_gate_receipts.seq`,
        [consentId],
      );
      return rows.map(fromRow);
    },

    async *each({ since } = {}) {
      let after = '0';
      for (;;) {
        const { rows } = await db.query(
          `${SELECT_RECEIPTS} where seq > $1::bigint and received_at >= $2::timestamptz order by consent_gate_receipts.seq limit 1000`,
          [after, (since ?? new Date(0)).toISOString()],
        );
        for (const row of rows) yield fromRow(row);
        if (rows.length < 1000) return;
        after = rows[rows.length - 1].seq;
      }
    },

    async texts(hash) {
      const { rows } = await db.query(
        'select hash, language, shown from consent_gate_texts where hash = $1',
        [hash],
      );
      if (!rows[0]) return null;
      const { shown } = rows[0];
      return {
        hash: rows[0].hash,
        language: rows[0].language,
        shown,
        fnv: fnv1a(new TextEncoder().encode(shown)),
      };
    },

    async purge(before) {
      const at = before.toISOString();
      return db.transaction(async (tx) => {
        const receipts = await tx.query(
          'with gone as (delete from consent_gate_receipts where received_at < $1::timestamptz returning 1) select count(*)::int as n from gone',
          [at],
        );
        // Texts still shown today were seen after `before`: only versions nobody sees or needs go.
        const texts = await tx.query(
          `with gone as (delete from consent_gate_texts t where last_seen < $1::timestamptz and not exists
             (select 1 from consent_gate_receipts r where r.texts_hash = t.hash) returning 1)
           select count(*)::int as n from gone`,
          [at],
        );
        return { receipts: Number(receipts.rows[0].n), texts: Number(texts.rows[0].n) };
      });
    },

    async check() {
      await db.query('select 1');
    },

    // The database is the caller's: it may serve more than receipts. (openStore's stores close theirs.)
    async close() {
      closed = true;
      if (active || pending.length || scheduled) await new Promise<void>((resolve) => (idle = resolve));
    },
  };
}
