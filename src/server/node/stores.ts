/// <reference types="node" />
// The stores a Node server opens: PGlite (PostgreSQL in WebAssembly, embedded, no setup) in a data
// directory, or PostgreSQL through `pg`. Both are optional peer dependencies, loaded only when used.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { sqlStore, type SqlStoreOptions } from '../store/sql';
import { poolDatabase, type PoolLike, type SqlDatabase } from '../store/sql-types';
import type { ReceiptStore } from '../store/types';
import { lockDataDir } from './lock';

/** Versions the stores are tested with. */
export const PEERS = { '@electric-sql/pglite': '0.5', pg: '8' } as const;

/** Thrown when a store's database package is not installed; the message says what to install. */
export class MissingPackageError extends Error {
  override name = 'MissingPackageError';
}

async function load(name: keyof typeof PEERS, what: string): Promise<any> {
  try {
    return await import(name);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if ((code == 'ERR_MODULE_NOT_FOUND' || code == 'MODULE_NOT_FOUND') && String(e).includes(name))
      throw new MissingPackageError(`${what} needs the package ${name}: npm install ${name}@${PEERS[name]}`);
    throw e;
  }
}

/** Where a store is: a data directory for the embedded database, or a PostgreSQL URL. */
export interface OpenStoreOptions extends SqlStoreOptions {
  /** The embedded database's directory (made when missing). Default `./consent-data`. */
  dataDir?: string;
  /** `postgres://user:password@host:5432/db`: PostgreSQL instead of the embedded database. */
  databaseUrl?: string;
  /** Most connections to PostgreSQL. Default 10. */
  maxConnections?: number;
}

/** A store, and which kind it is. */
export type OpenedStore = ReceiptStore & { kind: 'embedded' | 'postgres'; where: string };

/**
 * The embedded store: PGlite in `dataDir/pgdata`. The first start creates the database (a few
 * seconds). One process at a time: a second one is refused (DataDirInUseError).
 */
export async function pgliteStore(dataDir: string, options: SqlStoreOptions = {}): Promise<OpenedStore> {
  mkdirSync(dataDir, { recursive: true });
  const release = lockDataDir(dataDir);
  try {
    const { PGlite } = await load('@electric-sql/pglite', 'The embedded receipt store');
    const db: SqlDatabase = await PGlite.create(path.join(dataDir, 'pgdata'));
    const store = await sqlStore(db, options);
    return {
      ...store,
      kind: 'embedded',
      where: path.resolve(dataDir),
      close: async () => {
        try {
          await store.close();
          await db.close?.();
        } finally {
          release();
        }
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/** PostgreSQL at `databaseUrl`, through a `pg` Pool; the schema is made or brought up to date. */
export async function postgresStore(
  databaseUrl: string,
  options: SqlStoreOptions & { maxConnections?: number } = {},
): Promise<OpenedStore> {
  const pg = await load('pg', 'The PostgreSQL receipt store');
  const Pool = pg.Pool ?? pg.default.Pool;
  const pool: PoolLike & { on(event: 'error', f: (e: Error) => void): void } = new Pool({
    connectionString: databaseUrl,
    max: options.maxConnections ?? 10,
  });
  // An idle connection the server drops must not bring the process down; the next query reconnects.
  pool.on('error', (e) => console.error('consent-gate: PostgreSQL connection lost:', e.message));
  try {
    const db = poolDatabase(pool);
    // Several commits in flight: each waits for PostgreSQL's disk, side by side on the pool's connections.
    const store = await sqlStore(db, { concurrency: 4, ...options });
    return {
      ...store,
      kind: 'postgres',
      where: new URL(databaseUrl).host,
      close: async () => {
        await store.close();
        await db.close?.();
      },
    };
  } catch (e) {
    await pool.end?.();
    throw e;
  }
}

/** The PostgreSQL store with `databaseUrl`, otherwise the embedded one in `dataDir`. */
export function openStore(options: OpenStoreOptions = {}): Promise<OpenedStore> {
  return options.databaseUrl
    ? postgresStore(options.databaseUrl, options)
    : pgliteStore(options.dataDir ?? 'consent-data', options);
}
