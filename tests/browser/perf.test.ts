// Runtime behaviour that makes a consent manager cheap for the page (issue #5), checked as outcomes
// rather than timings: a returning visitor gets no UI at all, the banner shifts nothing, builds with
// one layout, and Accept all releases the gated scripts in the click's own task.
import { expect, it } from 'vitest';
import {
  describeBrowser,
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
    const library = browser.server.hold('/dist/consent-gate.min.js');
    t.addInitScript(() => {
      const w = window as any;
      w.__shifts = [];
      // The Layout Instability API is Chromium's; everywhere, the page's own boxes must not move.
      if (PerformanceObserver.supportedEntryTypes.includes('layout-shift')) {
        new PerformanceObserver((list) =>
          w.__shifts.push(...list.getEntries().map((e: any) => e.value)),
        ).observe({ type: 'layout-shift', buffered: true });
      }
      const boxes = () =>
        [...document.body.querySelectorAll('*')]
          .filter((el) => !el.closest('.cg-root'))
          .map((el) => JSON.stringify(el.getBoundingClientRect()));
      addEventListener('DOMContentLoaded', () => (w.__boxesBefore = boxes()));
      addEventListener('consent-gate:banner:show', () => {
        w.__bannerAt = performance.now();
        requestAnimationFrame(() => requestAnimationFrame(() => (w.__boxesAfter = boxes())));
      });
    });
    const loading = t.goto('/');
    const painted = () =>
      t.page
        .evaluate(() => performance.getEntriesByName('first-contentful-paint').length > 0)
        .catch(() => false);
    for (let i = 0; i < 100 && !(await painted()); i++) await new Promise((r) => setTimeout(r, 50));
    library.release();
    await loading;
    await banner(t.page).waitFor();
    await twoFrames(t);
    await t.page.waitForTimeout(200);

    const { shifts, bannerAt, firstPaint, before, after } = await t.page.evaluate(() => ({
      shifts: (window as any).__shifts as number[],
      bannerAt: (window as any).__bannerAt as number,
      firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      before: (window as any).__boxesBefore as string[],
      after: (window as any).__boxesAfter as string[],
    }));
    // The case that matters: the banner came after content was on screen.
    expect(firstPaint).toBeLessThan(bannerAt);
    expect(shifts).toEqual([]);
    expect(before.length).toBeGreaterThan(0);
    expect(after).toEqual(before);
  });

  it('releases the gated scripts in the same task as the click on Accept all', async () => {
    const t = await browser.newPage();
    t.addInitScript(() => {
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
    // Engine-neutral (no DevTools' layout counter): every layout-reading property and method the
    // library could call while it builds is counted; a read between its DOM writes would force a
    // layout of its own, on top of the one of the frame that shows the banner.
    const reads = await t.page.evaluate(() => {
      const counted: string[] = [];
      const restore: (() => void)[] = [];
      const watch = (proto: object, names: string[]) => {
        for (const name of names) {
          const own = Object.getOwnPropertyDescriptor(proto, name);
          if (!own) continue;
          const wrapped = { ...own };
          if (own.get)
            wrapped.get = function (this: unknown) {
              counted.push(name);
              return own.get!.call(this);
            };
          else if (typeof own.value === 'function')
            wrapped.value = function (this: unknown, ...args: unknown[]) {
              counted.push(name);
              return own.value.apply(this, args);
            };
          Object.defineProperty(proto, name, wrapped);
          restore.push(() => Object.defineProperty(proto, name, own));
        }
      };
      watch(Element.prototype, [
        'getBoundingClientRect',
        'getClientRects',
        'clientWidth',
        'clientHeight',
        'clientTop',
        'clientLeft',
        'scrollWidth',
        'scrollHeight',
        'scrollTop',
        'scrollLeft',
      ]);
      watch(HTMLElement.prototype, [
        'offsetWidth',
        'offsetHeight',
        'offsetTop',
        'offsetLeft',
        'offsetParent',
        'innerText',
        'focus',
      ]);
      watch(window, ['getComputedStyle', 'scrollX', 'scrollY', 'innerWidth', 'innerHeight']);
      try {
        window.ConsentGate.init({
          categories: {
            necessary: { label: 'Strictly necessary', required: true },
            analytics: {
              label: 'Analytics',
              services: { 'google-analytics': { label: 'Google Analytics' } },
            },
          },
        });
      } finally {
        restore.forEach((undo) => undo());
      }
      return counted;
    });
    await twoFrames(t);

    await expect(banner(t.page, DEFAULT_TITLE).isVisible()).resolves.toBe(true);
    expect(reads).toEqual([]);
  });
});
