// The loud "browser missing" line of a test run, printed once per run, not once per test file.
import { closeSync, openSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Print `line` once per vitest run and `topic`: every test file runs in its own worker, all children
 * of the same vitest process, so an exclusive marker file keyed by that process tells the first
 * worker from the rest.
 */
export function warnOnce(topic: string, line: string): void {
  const prefix = `consent-gate-${topic}-`;
  // Markers of earlier runs whose vitest process is gone are litter: remove them.
  for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith(prefix))) {
    if (!isAlive(Number(name.slice(prefix.length)))) rmSync(path.join(tmpdir(), name), { force: true });
  }
  try {
    closeSync(openSync(path.join(tmpdir(), `${prefix}${process.ppid}`), 'wx'));
  } catch {
    return; // another file already said it
  }
  process.stderr.write(`\n!!! ${line}\n\n`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0 only asks whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
