// The schema, as numbered migrations applied in order, each once, recorded in consent_gate_schema.
// Never edit a migration that has shipped: add the next one. One SQL dialect (PostgreSQL's), run by
// PGlite and by PostgreSQL alike.
import type { SqlDatabase } from './sql-types';

/** Migration n is MIGRATIONS[n - 1]: its statements, one by one (drivers' prepared statements take one each). */
export const MIGRATIONS: string[][] = [
  // 1: receipts, and the texts versions they point to.
  [
    `create table consent_gate_texts (
     hash text primary key,
     language text not null,
     shown text not null,
     first_seen timestamptz not null,
     last_seen timestamptz not null
   )`,
    `create table consent_gate_receipts (
     seq bigserial primary key,
     receipt_id uuid not null unique,
     received_at timestamptz not null,
     consent_id text not null,
     revision integer not null,
     given_at timestamptz not null,
     updated_at timestamptz not null,
     categories json not null,
     services json not null,
     gpc_honoured boolean not null,
     page_url text not null,
     language text not null,
     gpc boolean not null,
     user_agent text not null,
     texts_hash text not null references consent_gate_texts (hash),
     texts_match boolean not null,
     claimed_algorithm text not null,
     claimed_hash text not null,
     ip text
   )`,
    'create index consent_gate_receipts_consent_id on consent_gate_receipts (consent_id)',
    'create index consent_gate_receipts_received_at on consent_gate_receipts (received_at)',
  ],
];

/** The newest schema version this code knows. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the database to SCHEMA_VERSION. Servers starting at once take turns (an advisory lock); a
 * database newer than this code is refused, so that an old server never writes a schema it does not know.
 */
export async function migrate(db: SqlDatabase): Promise<void> {
  await db.transaction(async (tx) => {
    // Any number: the one lock every consent-gate server takes around its migrations.
    await tx.query('select pg_advisory_xact_lock(4227151)');
    await tx.query(
      'create table if not exists consent_gate_schema (version integer primary key, applied_at timestamptz not null default now())',
    );
    const { rows } = await tx.query(
      'select coalesce(max(version), 0)::int as version from consent_gate_schema',
    );
    const current = Number(rows[0].version);
    if (current > SCHEMA_VERSION)
      throw new Error(
        `the database's consent-gate schema is version ${current}, newer than this consent-gate knows ` +
          `(${SCHEMA_VERSION}): upgrade consent-gate`,
      );
    for (let v = current + 1; v <= SCHEMA_VERSION; v++) {
      for (const statement of MIGRATIONS[v - 1]) await tx.query(statement);
      await tx.query('insert into consent_gate_schema (version) values ($1)', [v]);
    }
  });
}
