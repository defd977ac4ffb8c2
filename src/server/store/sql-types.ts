// The little the SQL store needs from a database driver. PGlite's instance has this shape as it is;
// a pg-compatible Pool gets it from poolDatabase().

/** Runs one statement with `$1`-style parameters. */
export interface SqlClient {
  query(sql: string, params?: unknown[]): Promise<{ rows: any[] }>;
}

/** A database: statements, transactions, and (optionally) a way to let it go. */
export interface SqlDatabase extends SqlClient {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it rejects. */
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>;
  close?(): Promise<void>;
}

/** What `pg.Pool` offers (and pools made to its pattern, such as @neondatabase/serverless's). */
export interface PoolLike {
  query(sql: string, params?: unknown[]): Promise<{ rows: any[] }>;
  connect(): Promise<SqlClient & { release(error?: Error | boolean): void }>;
  end?(): Promise<void>;
}

/** A pg-compatible Pool as a SqlDatabase: each transaction on a connection of its own. */
export function poolDatabase(pool: PoolLike): SqlDatabase {
  return {
    query: (sql, params) => pool.query(sql, params),
    async transaction(work) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('begin');
        const result = await work(client);
        await client.query('commit');
        return result;
      } catch (e) {
        try {
          await client.query('rollback');
        } catch (rollbackError) {
          // A connection that cannot even roll back is not given back to the pool.
          broken = rollbackError as Error;
        }
        throw e;
      } finally {
        client.release(broken);
      }
    },
    close: async () => {
      await pool.end?.();
    },
  };
}
