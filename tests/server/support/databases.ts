// Databases for the server tests: a fresh embedded one (PGlite, from the run's template) or a fresh
// PostgreSQL database in the run's cluster. Without PostgreSQL its tests are skipped with one loud
// line, except on CI (CI=true), where that fails the run.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { describe, inject, it } from 'vitest';
import type { SqlDatabase } from '../../../src/server/store/sql-types';
import { poolDatabase } from '../../../src/server/store/sql-types';

const isCI = /^(1|true|yes)$/i.test(process.env.CI ?? '');

export const databaseUrl = inject('databaseUrl');

let warned = false;

/** `describe` for tests that need PostgreSQL. */
export function describePostgres(name: string, body: () => void): void {
  if (databaseUrl) {
    describe(name, body);
    return;
  }
  const problem = `${inject('postgresProblem')}; install it with \`apt-get install postgresql\``;
  if (isCI) {
    describe(name, () => {
      it('has a PostgreSQL to run against', () => {
        throw new Error(`PostgreSQL tests cannot run on CI: ${problem}.`);
      });
    });
    return;
  }
  if (!warned) process.stderr.write(`\n!!! PostgreSQL tests SKIPPED: ${problem}.\n\n`);
  warned = true;
  // Deliberate, and only outside CI: without PostgreSQL installed the embedded store's tests still run;
  // on CI (above) a missing PostgreSQL fails the run instead.
  describe.skip(name, body);
}

const template = () => new Blob([readFileSync(inject('pgliteTemplate'))]);

/** A fresh embedded database in memory. */
export async function freshPglite(): Promise<SqlDatabase & { close(): Promise<void> }> {
  return PGlite.create({ loadDataDir: template() });
}

/** A data directory for `openStore({ dataDir })` holding a fresh embedded database (as after its first start). */
export async function freshDataDir(dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(path.join(dir, 'pgdata'), { loadDataDir: template() });
  await db.close();
  return dir;
}

let count = 0;

/** A fresh, empty PostgreSQL database in the run's cluster: its URL, and drop() for the end. */
export async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `cg_${process.pid}_${Date.now().toString(36)}_${count++}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = databaseUrl.replace(/\/[^/]*$/, '/' + name);
  return {
    url,
    async drop() {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A pg Pool as the store's database. */
export function poolOf(url: string): SqlDatabase {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Dropping a test database ends its connections; a pool still holding one hears about it here.
  pool.on('error', (e: Error & { code?: string }) => {
    if (e.code != '57P01') throw e;
  });
  return poolDatabase(pool);
}
