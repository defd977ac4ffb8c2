// Whether the audit's tests have the system Chromium to run in (the audit is Chromium-only by design;
// the browser suite has its own engines in tests/browser/engines). Never a downloaded browser.
import { closeSync, openSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';
// One finder and one set of flags for the tests and the audit command (src/audit/chromium.ts).
import { CHROMIUM_HOW_TO as HOW_TO, findChromium } from '../../src/audit/chromium';

const isCI = /^(1|true|yes)$/i.test(process.env.CI ?? '');

const found = findChromium();

export const chromiumPath = 'path' in found ? found.path : undefined;

/**
 * Print the "no browser" line once per test run, not once per test file: every file runs in its own
 * worker, all children of the same vitest process, so an exclusive marker file keyed by that process
 * tells the first worker from the rest.
 */
function warnOnce(line: string): void {
  const prefix = 'consent-gate-no-chromium-audit-';
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

/**
 * `describe` for tests that need the browser. Without one, the suite is skipped with one loud line,
 * except on CI (CI=true), where a missing browser must fail the run instead of passing it silently.
 */
export function describeBrowser(name: string, body: () => void): void {
  if (chromiumPath) {
    describe(name, body);
    return;
  }
  const problem = 'problem' in found ? found.problem : '';
  if (isCI) {
    describe(name, () => {
      it('has a Chromium to run in', () => {
        throw new Error(`Browser tests cannot run on CI: ${problem}; ${HOW_TO}.`);
      });
    });
    return;
  }
  warnOnce(`Browser tests SKIPPED: ${problem}; ${HOW_TO}.`);
  // Deliberate, and only outside CI: a developer without Chromium still gets the unit tests, with the
  // loud line above saying how to install one. On CI (above) a missing browser fails the run instead.
  describe.skip(name, body);
}
