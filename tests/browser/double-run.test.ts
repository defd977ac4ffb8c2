// No double runs, no lost decisions. Every once-*.html fixture gates the same four scripts (a service's
// external and inline scripts from the configuration, an external and an inline one in the markup);
// each calls probe(name) when it runs, so counting the names tells how often each ran.
import type { Frame, Page } from './harness';
import { expect, it } from 'vitest';
import {
  describeBrowser,
  anyDialog,
  banner,
  button,
  DEFAULT_TITLE,
  itNeeding,
  preferences,
  SOON,
  useBrowser,
  type TestPage,
} from './harness';

const GATED = ['config-external', 'config-inline', 'markup-external', 'markup-inline'];
const ONCE_EACH = Object.fromEntries(GATED.map((name) => [name, 1]));

/** How often each gated script ran in this page (or frame). */
async function runs(where: Page | Frame): Promise<Record<string, number>> {
  const calls: string[] = await where.evaluate(() => window.__probe ?? []);
  const counts: Record<string, number> = {};
  for (const name of calls) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
}

const api = <T>(where: Page | Frame, fn: () => T) => where.evaluate(fn);

describeBrowser('each gated script runs exactly once', () => {
  const browser = useBrowser();

  /** Opens a fixture, waits for its banner and a quiet network, and checks that nothing ran yet. */
  async function undecided(fixture: string, before?: (t: TestPage) => void | Promise<void>) {
    const t = await browser.newPage();
    await before?.(t);
    await t.goto(`/fixtures/${fixture}`);
    await banner(t.page, DEFAULT_TITLE).waitFor();
    await t.settle();
    expect(await runs(t.page)).toEqual({});
    expect(t.requested('/fixtures/probe.js')).toBe(false);
    return t;
  }

  /** Waits until every gated script ran, then for a quiet network, and checks that none ran twice. */
  async function ranOnce(where: Page | Frame, t: TestPage) {
    await expect.poll(() => runs(where), SOON).toEqual(ONCE_EACH);
    await t.settle();
    expect(await runs(where)).toEqual(ONCE_EACH);
  }

  const loadings: [string, string, RegExp?][] = [
    ['the library with defer', 'once.html'],
    ['the library with async', 'once-async.html'],
    ['the library in <head> without defer, the config JSON further down in <body>', 'once-head.html'],
    ['init() called in <head> before <body> exists', 'once-head-init.html'],
    ['init() called twice', 'once-init-twice.html', /init\(\) called again without destroy\(\): ignored/],
    [
      'the script tag included twice',
      'once-tag-twice.html',
      /the library is loaded twice: this copy does nothing/,
    ],
  ];

  it.each(loadings)(
    '%s: one banner, each script once after Accept all and once on the next page load',
    async (_case, fixture, warning) => {
      const t = await undecided(fixture, (t) => warning && t.expectConsole('warning', warning));
      expect(await anyDialog(t.page).count()).toBe(1);

      await button(banner(t.page, DEFAULT_TITLE), 'Accept all').click();
      await ranOnce(t.page, t);
      expect(await anyDialog(t.page).count()).toBe(0);

      await t.reload();
      await ranOnce(t.page, t);
      expect(await anyDialog(t.page).count()).toBe(0);
    },
  );

  it('destroy() and init() again (a single-page app re-mounting, say) run nothing a second time', async () => {
    const t = await undecided('once-head-init.html');
    await button(banner(t.page, DEFAULT_TITLE), 'Accept all').click();
    await ranOnce(t.page, t);
    await t.page.evaluate(() => {
      const cg = window.ConsentGate;
      cg.destroy();
      cg.init((window as any).onceConfig);
      cg.acceptAll();
    });
    await t.settle();
    expect(await runs(t.page)).toEqual(ONCE_EACH);
    expect(await anyDialog(t.page).count()).toBe(0);
  });

  it('Accept all clicked 20 times in one task (the banner is gone after the first): one decision, each script once', async () => {
    const t = await undecided('once.html');
    await t.page.evaluate(() => {
      (window as any).__changes = 0;
      window.addEventListener('consent-gate:change', () => (window as any).__changes++);
    });
    const clicked = await t.page.evaluate(() => {
      const accept = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Accept all')!;
      for (let i = 0; i < 20; i++) accept.click();
      return accept.isConnected;
    });
    expect(clicked).toBe(false);
    await ranOnce(t.page, t);
    expect(await t.page.evaluate(() => (window as any).__changes)).toBe(1);
    expect(await api(t.page, () => window.ConsentGate.isAccepted('analytics', 'probe-service'))).toBe(true);
  });

  it('Accept all clicked 20 times by mouse, in the banner and then in the preferences: each script once', async () => {
    const t = await undecided('once.html');
    await button(banner(t.page, DEFAULT_TITLE), 'Accept all').click({ clickCount: 20, delay: 0 });
    await ranOnce(t.page, t);

    await t.page.evaluate(() => window.ConsentGate.showPreferences());
    await button(preferences(t.page), 'Accept all').click({ clickCount: 20, delay: 0 });
    await preferences(t.page).waitFor({ state: 'hidden' });
    await t.settle();
    expect(await runs(t.page)).toEqual(ONCE_EACH);
  });

  /** Holds back the response for one gated external script until the returned function is called. */
  async function holdScript(t: TestPage, name: string) {
    const held = t.server.hold(
      (url) => url.pathname === '/fixtures/probe.js' && url.searchParams.get('name') === name,
    );
    const wasRequested = expect
      .poll(() => t.requests.some((url) => url.includes(`name=${name}`)), SOON)
      .toBe(true);
    return { wasRequested, release: held.release };
  }

  it('decisions made while a gated external script is still loading run nothing twice', async () => {
    const t = await undecided('once.html');
    const slow = await holdScript(t, 'config-external');

    await button(banner(t.page, DEFAULT_TITLE), 'Accept all').click();
    await slow.wasRequested;
    // The first script is loading; the ones queued behind it wait for it, in order.
    expect(await runs(t.page)).toEqual({});

    // Deciding again, every way there is, while it loads.
    await t.page.evaluate(() => {
      const cg = window.ConsentGate;
      cg.acceptAll();
      cg.update({ analytics: true });
      cg.update({ analytics: { 'probe-service': true } });
      cg.showPreferences();
    });
    await button(preferences(t.page), 'Accept all').click();
    await preferences(t.page).waitFor({ state: 'hidden' });
    expect(await runs(t.page)).toEqual({});

    slow.release();
    await ranOnce(t.page, t);
    expect(t.requests.filter((url) => url.includes('name=config-external'))).toHaveLength(1);
    expect(t.requests.filter((url) => url.includes('name=markup-external'))).toHaveLength(1);
  });

  it('Decline all while a gated script loads: the scripts queued behind it stay held back, until a later Accept all runs them once', async () => {
    const t = await undecided('once.html');
    const slow = await holdScript(t, 'config-external');
    await button(banner(t.page, DEFAULT_TITLE), 'Accept all').click();
    await slow.wasRequested;

    await t.page.evaluate(() => window.ConsentGate.rejectAll());
    slow.release();
    // The one already loading cannot be called back; nothing queued after it may start.
    await expect.poll(() => runs(t.page), SOON).toEqual({ 'config-external': 1 });
    await t.settle();
    expect(await runs(t.page)).toEqual({ 'config-external': 1 });
    expect(t.requested('/fixtures/probe.js?name=markup-external')).toBe(false);
    expect(await t.page.locator('script[type="text/plain"][data-category]').count()).toBe(2);

    await t.page.evaluate(() => window.ConsentGate.acceptAll());
    await ranOnce(t.page, t);
  });

  it('register(): a service of an accepted category runs once; registering the same id again is ignored with a warning', async () => {
    const t = await undecided('once.html');
    t.expectConsole('warning', /register\("analytics", "late-service"\): already registered: ignored/);
    t.expectConsole('warning', /register\("analytics", "probe-service"\): already registered: ignored/);
    await button(banner(t.page, DEFAULT_TITLE), 'Accept all').click();
    await ranOnce(t.page, t);

    const late = {
      label: 'Late service',
      scripts: [{ src: '/fixtures/probe.js?name=late-external' }, { inline: 'probe("late-inline")' }],
    };
    const register = (id: string) =>
      t.page.evaluate(([id, def]) => window.ConsentGate.register('analytics', id, def), [id, late] as const);
    await register('late-service');
    const withLate = { ...ONCE_EACH, 'late-external': 1, 'late-inline': 1 };
    await expect.poll(() => runs(t.page), SOON).toEqual(withLate);

    await register('late-service');
    await register('probe-service'); // a service from the configuration, by the same id
    await t.page.evaluate(() => window.ConsentGate.acceptAll());
    await t.settle();
    expect(await runs(t.page)).toEqual(withLate);

    // On the next page load the decision is stored: registering runs it at once, once.
    await t.reload();
    await ranOnce(t.page, t);
    await register('late-service');
    await expect.poll(() => runs(t.page), SOON).toEqual(withLate);
    await t.settle();
    expect(await runs(t.page)).toEqual(withLate);
  });
});

describeBrowser('without cookies the decision holds for the page', () => {
  const browser = useBrowser();

  /** Accept all in `where`; then every gated script runs once and the decision is in force. */
  async function acceptAndCheck(t: TestPage, where: Page | Frame) {
    const dialog = where.getByRole('dialog', { name: DEFAULT_TITLE, exact: true });
    await button(dialog, 'Accept all').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => runs(where), SOON).toEqual(ONCE_EACH);
    await t.settle();
    expect(await runs(where)).toEqual(ONCE_EACH);
    expect(
      await api(where, () => [
        window.ConsentGate.isAccepted('analytics'),
        window.ConsentGate.isAccepted('analytics', 'probe-service'),
        window.ConsentGate.getConsent()?.categories,
      ]),
    ).toEqual([true, true, { necessary: true, analytics: true }]);
    // Changing one's mind works the same: declining deletes (tries to) and holds.
    await api(where, () => window.ConsentGate.rejectAll());
    expect(await api(where, () => window.ConsentGate.isAccepted('analytics'))).toBe(false);
    await api(where, () => window.ConsentGate.reset());
    await where.getByRole('dialog', { name: DEFAULT_TITLE, exact: true }).waitFor();
  }

  itNeeding(
    { blockCookies: true },
    'with cookies blocked (navigator.cookieEnabled false): banner, Accept all works, asked again on reload',
    async () => {
      // The browser's own switch for a document without cookies: reads are empty, writes are dropped.
      const t = await browser.newPage(undefined, { blockCookies: true });
      // The library tells the site owner, once, that the decision holds for this page only.
      t.expectConsole(
        'warning',
        /the decision could not be stored: cookies blocked, or cookie\.domain\/sameSite refused/,
      );
      await t.goto('/fixtures/once.html');
      expect(await t.page.evaluate(() => navigator.cookieEnabled)).toBe(false);
      await banner(t.page, DEFAULT_TITLE).waitFor();
      await t.settle();
      expect(await runs(t.page)).toEqual({});

      await acceptAndCheck(t, t.page);
      expect(await t.context.cookies()).toEqual([]);

      await t.reload();
      expect(await t.page.evaluate(() => navigator.cookieEnabled)).toBe(false);
      await banner(t.page, DEFAULT_TITLE).waitFor();
      await t.settle();
      expect(await runs(t.page)).toEqual({});
    },
  );

  it('in a sandboxed frame, where reading and writing document.cookie throws: the same, without an exception', async () => {
    const t = await browser.newPage();
    t.expectConsole(
      'warning',
      /the decision could not be stored: cookies blocked, or cookie\.domain\/sameSite refused/,
    );
    await t.goto('/fixtures/sandboxed.html');
    const frame = () => t.page.frame('/fixtures/once.html');
    await expect.poll(() => frame().exists(), SOON).toBe(true);
    expect(
      await frame().evaluate(() =>
        Promise.resolve()
          .then(() => document.cookie)
          .then(
            () => 'read',
            (e) => e.name,
          ),
      ),
    ).toBe('SecurityError');
    await frame().getByRole('dialog', { name: DEFAULT_TITLE, exact: true }).waitFor();
    await t.settle();
    expect(await runs(frame())).toEqual({});

    await acceptAndCheck(t, frame());

    await t.reload();
    await expect.poll(() => frame().exists(), SOON).toBe(true);
    await frame().getByRole('dialog', { name: DEFAULT_TITLE, exact: true }).waitFor();
    await t.settle();
    expect(await runs(frame())).toEqual({});
  });
});
