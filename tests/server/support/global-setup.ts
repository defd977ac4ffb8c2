// Once per test run of the server projects: a throwaway PostgreSQL cluster (when PostgreSQL is
// installed), and a template of an empty embedded database, so that each test opens a fresh PGlite
// in half a second instead of running its initdb (about 4 s) again.
import { rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
// @ts-expect-error -- a plain .mjs script without type declarations
import { findPostgres, startCluster } from '../../../scripts/pg-cluster.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The cluster's URL; empty without PostgreSQL. */
    databaseUrl: string;
    /** Why there is no cluster. */
    postgresProblem: string;
    /** A dumped empty PGlite data directory (tar). */
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const found = findPostgres();
  const cluster = found.bin ? await startCluster() : undefined;
  project.provide('databaseUrl', cluster?.url ?? '');
  project.provide('postgresProblem', found.problem ?? '');

  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create();
  const dump = await db.dumpDataDir('none');
  await db.close();
  const dir = mkdtempSync(path.join(tmpdir(), 'consent-gate-pglite-'));
  const template = path.join(dir, 'empty.tar');
  writeFileSync(template, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', template);

  return () => {
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
