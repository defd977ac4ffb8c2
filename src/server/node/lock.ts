/// <reference types="node" />
// An embedded database is one process's: PGlite keeps its data directory to itself, and a second
// process opening it would corrupt it. A lock file beside the data says who has it.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/** Thrown when another live process holds the data directory. */
export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code == 'EPERM';
  }
}

/** Takes the lock of `dir` (a stale one, of a process gone, is taken over); returns its release. */
export function lockDataDir(dir: string): () => void {
  const file = path.join(dir, 'consent-gate.lock');
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, mine, { flag: 'wx' });
      return () => {
        try {
          if (readFileSync(file, 'utf8') == mine) rmSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code != 'EEXIST') throw e;
    }
    let holder: { pid?: number; host?: string } = {};
    try {
      holder = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      // Unreadable: left half-written by a process that died; taken over below.
    }
    if (holder.pid && holder.host == hostname() && alive(holder.pid))
      throw new DataDirInUseError(
        `${dir} is in use by process ${holder.pid} (a consent-gate server?): stop it first, or, while ` +
          `it runs, read receipts over HTTP (GET /consent/<id> with the admin token). If no such process ` +
          `uses it, delete ${file}.`,
      );
    rmSync(file, { force: true });
  }
  throw new DataDirInUseError(`${dir}: could not take its lock (${file})`);
}
