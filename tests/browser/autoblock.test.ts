// Auto-blocking (integrations issue, item 4), on fixtures/autoblock.html with the auto-blocking add-on:
// fixtures/tag-loader.js, an ungated "tag manager", injects trackers after load by every DOM route;
// a gated one injects a tracker when it runs. Chromium's own network log (page.on('request')) must
// show no request for a tracker before its service is accepted.
import { expect, it } from 'vitest';
import { describeBrowser, banner, DEFAULT_TITLE, decide, SOON, useBrowser, type TestPage } from './harness';

const ROUTES = [
  'tracker-appendChild',
  'tracker-insertBefore',
  'tracker-append',
  'tracker-prepend',
  'tracker-replaceWith',
  'tracker-before',
  'tracker-after',
  'tracker-insertAdjacentElement',
  'tracker-in-a-container',
];
const LATE = [
  'tracker-src-after-insertion',
  'regex-setAttribute-after-insertion',
  'tracker-setAttributeNS-after-insertion',
  'tracker-setAttribute-3-arguments',
];
/** What runs once the tracker is accepted: in insertion order, each with its own onload. */
const RELEASED = [...ROUTES.flatMap((n) => [n, 'onload:' + n]), ...LATE];

describeBrowser('auto-blocking add-on', () => {
  const browser = useBrowser();

  async function loaded(): Promise<TestPage> {
    const t = await browser.newPage('/fixtures/autoblock.html');
    await banner(t.page, DEFAULT_TITLE).waitFor();
    await t.page.waitForFunction(() => (window as any).__tagLoaderDone);
    await t.settle();
    return t;
  }

  const trackerRequests = (t: TestPage) => t.requests.filter((u) => /name=(tracker|regex)/.test(u));
  const frames = (t: TestPage) =>
    t.page
      .locator('iframe')
      .evaluateAll((fs: HTMLIFrameElement[]) =>
        fs.map((f) => [f.title, f.getAttribute('src'), f.dataset.src, f.dataset.category, f.dataset.service]),
      );

  it('holds back every injected tracker and iframe with no request made; the rest runs; a video can load alone', async () => {
    const t = await loaded();
    expect(await t.probes()).toEqual(['free', 'onload:free']);
    // The wrapped methods look like the browser's own to a page that checks.
    expect(
      await t.page.evaluate(() => [
        Element.prototype.setAttribute.length,
        Element.prototype.setAttributeNS.length,
      ]),
    ).toEqual([2, 3]);
    expect(await t.page.evaluate(() => document.querySelector('script[title="src"]') != null)).toBe(true);
    expect(trackerRequests(t)).toEqual([]);
    expect(t.requested('/fixtures/frame.html')).toBe(false);
    expect(await t.page.locator('script[data-cg-blocked="marketing/tracker"]').count()).toBe(
      ROUTES.length + LATE.length,
    );
    // Iframes wait in the library's own gated form.
    expect(await frames(t)).toEqual([
      ['Injected video', null, '/fixtures/frame.html?injected', 'marketing', 'video'],
      ['Late video', null, '/fixtures/frame.html?late', 'marketing', 'video'],
    ]);
    // With the embeds add-on, they are covered like any gated iframe.
    const placeholder = t.page.getByRole('group', { name: 'Injected video', exact: true });
    expect(
      await placeholder.getByText('This content is hosted by VideoTube, which may set cookies.').isVisible(),
    ).toBe(true);
    expect(await t.page.getByRole('button', { name: 'Load VideoTube', exact: true }).count()).toBe(2);

    // Loading the video from its placeholder accepts just that service: the trackers stay held.
    await placeholder.getByRole('button', { name: 'Load VideoTube', exact: true }).click();
    await expect
      .poll(() => frames(t), SOON)
      .toEqual([
        ['Injected video', '/fixtures/frame.html?injected', undefined, 'marketing', 'video'],
        ['Late video', '/fixtures/frame.html?late', undefined, 'marketing', 'video'],
      ]);
    await t.settle();
    expect(trackerRequests(t)).toEqual([]);
    expect(await t.probes()).toEqual(['free', 'onload:free']);
  });

  it('after Accept all: every held tracker runs, in the order it was added, keeping its onload; iframes load', async () => {
    const t = await loaded();
    // The first one is slow: the others must wait for it, as the order they were added in asks.
    browser.server.delay((url) => url.searchParams.get('name') == ROUTES[0], 400);
    await decide(t.page, 'Accept all', DEFAULT_TITLE);
    // The gated tag manager runs on the same decision; its tracker, not held, races the released ones.
    const gated = 'tracker-from-gated-tag-manager';
    await expect
      .poll(async () => (await t.probes()).filter((p) => p != gated), SOON)
      .toEqual(['free', 'onload:free', ...RELEASED]);
    expect(await t.probes()).toContain(gated);
    expect(await t.page.locator('script[data-cg-blocked]').count()).toBe(0);
    await expect
      .poll(() => frames(t), SOON)
      .toEqual([
        ['Injected video', '/fixtures/frame.html?injected', undefined, 'marketing', 'video'],
        ['Late video', '/fixtures/frame.html?late', undefined, 'marketing', 'video'],
      ]);
    await t.settle();
    // Each fetched once, and run once.
    expect(trackerRequests(t)).toHaveLength(RELEASED.length - ROUTES.length + 1);
    expect((await t.probes()).length).toBe(2 + 1 + RELEASED.length);
  });

  it('a gated tag manager runs, but the tracker it injects waits for its own service', async () => {
    const t = await loaded();
    await t.page.evaluate(() => window.ConsentGate.update({ analytics: true }));
    await t.page.waitForFunction(() => document.querySelector('script[data-cg-blocked][src*="gated"]'));
    await t.settle();
    expect(trackerRequests(t)).toEqual([]);
    expect(await t.probes()).toEqual(['free', 'onload:free']);

    // Accepting the tracker alone (not the video): the trackers run, the iframes stay held.
    await t.page.evaluate(() => window.ConsentGate.update({ marketing: { tracker: true } }));
    // In the order they were held: the gated tag manager's tracker came last.
    await expect
      .poll(() => t.probes(), SOON)
      .toEqual(['free', 'onload:free', ...RELEASED, 'tracker-from-gated-tag-manager']);
    await t.settle();
    expect(t.requested('/fixtures/frame.html')).toBe(false);
  });

  it('with a stored acceptance nothing is held; after destroy() nothing is intercepted any more', async () => {
    const t = await loaded();
    await decide(t.page, 'Decline all', DEFAULT_TITLE);
    await t.page.evaluate(() => window.ConsentGate.update({ marketing: true }));
    await t.reload();
    await t.page.waitForFunction(() => (window as any).__tagLoaderDone);
    await expect
      .poll(async () => (await t.probes()).filter((p) => !p.startsWith('onload:')).sort(), SOON)
      .toEqual(['free', ...ROUTES, ...LATE].sort());
    expect(await t.page.locator('script[data-cg-blocked]').count()).toBe(0);

    // A declining visitor, then destroy(): the DOM is the browser's own again.
    await t.page.evaluate(() => {
      window.ConsentGate.rejectAll();
      window.ConsentGate.destroy();
      const s = document.createElement('script');
      s.src = '/fixtures/probe.js?name=tracker-after-destroy';
      document.head.appendChild(s);
    });
    await expect.poll(() => t.probes(), SOON).toContain('tracker-after-destroy');
    expect(
      await t.page.evaluate(() =>
        Object.getOwnPropertyDescriptor(Node.prototype, 'appendChild')!.value.toString(),
      ),
    ).toContain('[native code]');
  });
});
