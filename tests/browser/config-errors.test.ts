// Script-tag configuration errors: "a clear console.error naming what is wrong, no banner half-built,
// no script unblocked". The fixtures also hold a gated script of the required category, which a valid
// configuration would run at once: with a broken one, even that must stay blocked.
import { expect, it } from 'vitest';
import { describeBrowser, anyDialog, useBrowser, type TestPage } from './harness';

describeBrowser('script-tag configuration errors', () => {
  const browser = useBrowser();

  async function expectNothingHappened(t: TestPage) {
    await t.settle();
    // The library did load; it just refused the configuration.
    expect(await t.page.evaluate(() => typeof window.ConsentGate?.init)).toBe('function');
    expect(await anyDialog(t.page).count()).toBe(0);
    expect(await t.page.locator('body *:not(h1)').count()).toBe(0);
    expect(await t.probes()).toEqual([]);
    expect(t.requested('/fixtures/probe.js')).toBe(false);
    expect(await t.cookie('cg_consent')).toBeUndefined();
  }

  it('reports invalid JSON in #consent-gate-config and does nothing else', async () => {
    const t = await browser.newPage();
    t.expectConsole('error', /^consent-gate: #consent-gate-config: SyntaxError: [^]*JSON/);
    await t.goto('/fixtures/config-invalid-json.html');
    await expectNothingHappened(t);
    expect(t.messages('error')).toHaveLength(1);
  });

  it('ConsentGate.init() of the minified build throws a ConsentGateConfigError, named so', async () => {
    // A page without a configuration: the library loads and waits for init().
    const t = await browser.newPage('/fixtures/frame.html');
    await t.page.addScriptTag({ url: '/dist/consent-gate.min.js' });
    const thrown = await t.page.evaluate(() => {
      const cg = window.ConsentGate;
      try {
        cg.init({ categories: { analytics: { label: 7 } } });
        return 'did not throw';
      } catch (e: any) {
        return [
          e instanceof cg.ConsentGateConfigError,
          e instanceof Error,
          e.name,
          e.message,
          cg.ConsentGateConfigError.name,
          e.constructor.name,
        ];
      }
    });
    expect(thrown).toEqual([
      true,
      true,
      'ConsentGateConfigError',
      'categories.analytics.label must be a string (got number)',
      // The class too, not only its instances (minifiers rename classes).
      'ConsentGateConfigError',
      'ConsentGateConfigError',
    ]);
    expect(await anyDialog(t.page).count()).toBe(0);
  });

  it('reports an invalid config value by its path and does nothing else', async () => {
    const t = await browser.newPage();
    t.expectConsole(
      'error',
      /^consent-gate: #consent-gate-config: (ConsentGateConfigError|Error): categories\.analytics\.services\.probe-service\.scripts\[0\]\.src must be/,
    );
    await t.goto('/fixtures/config-invalid-value.html');
    await expectNothingHappened(t);
    expect(t.messages('error')).toHaveLength(1);
  });
});
