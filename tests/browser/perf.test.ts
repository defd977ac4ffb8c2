// Runtime behaviour that makes a consent manager cheap for the page (issue #5), checked as outcomes
// rather than timings: a returning visitor gets no UI at all, the banner shifts nothing, builds with
// one layout, and Accept all releases the gated scripts in the click's own task.
import type { CDPSession } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser } from './chromium';
import {
  anyDialog,
  banner,
  button,
  DEFAULT_TITLE,
  SOON,
  storedDecision,
  useBrowser,
  type TestPage,
} from './harness';

/** Resolves after the next two frames: whatever was inserted before has been laid out and painted. */
function twoFrames(t: TestPage): Promise<void> {
  return t.page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

/** Everything the library could have built: its classes (all start with cg-), dialogs, styles. */
function libraryTraces(t: TestPage) {
  return t.page.evaluate(() => ({
    cgElements: [...document.querySelectorAll('[class]')].filter((el) =>
      [...el.classList].some((c) => c.startsWith('cg-')),
    ).length,
    dialogs: document.querySelectorAll('[role="dialog"], dialog').length,
    styleElements: document.querySelectorAll('style').length,
    adoptedSheets: document.adoptedStyleSheets.length,
  }));
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

describeBrowser('runtime cost', () => {
  const browser = useBrowser();

  for (const analytics of [true, false]) {
    it(`builds no banner or preferences DOM for a returning visitor who ${analytics ? 'accepted' : 'declined'}`, async () => {
      const t = await browser.newPage();
      await t.setCookie('cg_consent', JSON.stringify(storedDecision({}, analytics)));
      await t.goto('/');
      if (analytics) await expect.poll(() => t.gaRuns(), SOON).toBe(1);
      await t.settle();
      // The decision was read and applied: the library is running, it just had nothing to show.
      expect(await t.page.evaluate(() => window.ConsentGate.isAccepted('analytics'))).toBe(analytics);
      expect(await libraryTraces(t)).toEqual({
        cgElements: 0,
        dialogs: 0,
        styleElements: 0,
        adoptedSheets: 0,
      });
      expect(await anyDialog(t.page).count()).toBe(0);
    });
  }

  it('shifts no layout when the banner appears after the page has painted (CLS 0)', async () => {
    const t = await browser.newPage();
    // As on a slow network: the article paints first, the library arrives later. Held until the
    // first contentful paint has happened, not for a fixed time, so a loaded machine can't reorder them.
    await t.page.route('**/dist/consent-gate.min.js', async (route) => {
      const painted = () =>
        t.page
          .evaluate(() => performance.getEntriesByName('first-contentful-paint').length > 0)
          .catch(() => false);
      for (let i = 0; i < 100 && !(await painted()); i++) await new Promise((r) => setTimeout(r, 50));
      await route.continue();
    });
    await t.page.addInitScript(() => {
      const w = window as any;
      w.__shifts = [];
      new PerformanceObserver((list) =>
        w.__shifts.push(...list.getEntries().map((e: any) => e.value)),
      ).observe({
        type: 'layout-shift',
        buffered: true,
      });
      addEventListener('consent-gate:banner:show', () => (w.__bannerAt = performance.now()));
    });
    await t.goto('/');
    await banner(t.page).waitFor();
    await twoFrames(t);
    await t.page.waitForTimeout(200);

    const { shifts, bannerAt, firstPaint } = await t.page.evaluate(() => ({
      shifts: (window as any).__shifts as number[],
      bannerAt: (window as any).__bannerAt as number,
      firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    }));
    // The case that matters: the banner came after content was on screen.
    expect(firstPaint).toBeLessThan(bannerAt);
    expect(shifts).toEqual([]);
  });

  it('releases the gated scripts in the same task as the click on Accept all', async () => {
    const t = await browser.newPage();
    await t.page.addInitScript(() => {
      const w = window as any;
      const seen = () => ({
        external: !!document.querySelector('script[src="/vendor/gtag-stand-in.js"]'),
        inlineRan: (w.dataLayer?.length ?? 0) > 0,
      });
      // Capture on window runs first in the click's task; a MessageChannel message is the next task.
      addEventListener(
        'click',
        () => {
          w.__atClick = seen();
          const channel = new MessageChannel();
          channel.port1.onmessage = () => (w.__nextTask = seen());
          channel.port2.postMessage(null);
        },
        { capture: true },
      );
    });
    await t.goto('/');
    await button(banner(t.page), 'Accept all').click();
    await t.page.waitForFunction(() => (window as any).__nextTask);

    const { atClick, nextTask } = await t.page.evaluate(() => ({
      atClick: (window as any).__atClick,
      nextTask: (window as any).__nextTask,
    }));
    expect(atClick).toEqual({ external: false, inlineRan: false });
    expect(nextTask).toEqual({ external: true, inlineRan: true });
    await expect.poll(() => t.gaRuns(), SOON).toBe(1);
  });

  it('builds the banner with a single layout: no forced synchronous layout', async () => {
    const t = await browser.newPage('/fixtures/manual-init.html');
    await twoFrames(t);
    const cdp = await t.context.newCDPSession(t.page);
    // The counters start at 0 when the domain is enabled.
    await cdp.send('Performance.enable');
    const before = await metrics(cdp);

    await t.page.evaluate(() => {
      window.ConsentGate.init({
        categories: {
          necessary: { label: 'Strictly necessary', required: true },
          analytics: { label: 'Analytics', services: { 'google-analytics': { label: 'Google Analytics' } } },
        },
      });
    });
    await twoFrames(t);
    const after = await metrics(cdp);
    await cdp.detach();

    await expect(banner(t.page, DEFAULT_TITLE).isVisible()).resolves.toBe(true);
    // One layout is the frame that shows the banner; a read of layout while building would add more.
    expect(after.LayoutCount - before.LayoutCount).toBe(1);
  });
});
