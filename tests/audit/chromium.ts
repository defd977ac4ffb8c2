// Whether the audit's tests have the system Chromium to run in (the audit is Chromium-only by design;
// the browser suite has its own engines in tests/browser/engines). Never a downloaded browser.
import { describe, it } from 'vitest';
import { warnOnce } from '../support/warn-once';
// One finder and one set of flags for the tests and the audit command (src/audit/chromium.ts).
import { CHROMIUM_HOW_TO as HOW_TO, findChromium } from '../../src/audit/chromium';

const isCI = /^(1|true|yes)$/i.test(process.env.CI ?? '');

const found = findChromium();

export const chromiumPath = 'path' in found ? found.path : undefined;

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
  warnOnce('no-chromium-audit', `Browser tests SKIPPED: ${problem}; ${HOW_TO}.`);
  // Deliberate, and only outside CI: a developer without Chromium still gets the unit tests, with the
  // loud line above saying how to install one. On CI (above) a missing browser fails the run instead.
  describe.skip(name, body);
}
