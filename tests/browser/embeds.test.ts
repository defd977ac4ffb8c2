// Embeds with contextual consent (integrations issue, item 3), on fixtures/embeds.html with the embeds
// add-on (dist/consent-gate.embeds.min.js): each held-back iframe is covered by a placeholder of its size
// that names the service, loads just that service, and opens the preferences.
import { expect, it } from 'vitest';
import { axeViolations } from './axe';
import {
  describeBrowser,
  anyDialog,
  banner,
  button,
  DEFAULT_TITLE,
  decide,
  preferences,
  SOON,
  useBrowser,
  type TestPage,
} from './harness';

type Box = { x: number; y: number; width: number; height: number };

describeBrowser('embeds add-on', () => {
  const browser = useBrowser();

  async function open(): Promise<TestPage> {
    const t = await browser.newPage('/fixtures/embeds.html');
    await banner(t.page, DEFAULT_TITLE).waitFor();
    await t.page.getByRole('group', { name: 'Product tour' }).waitFor();
    return t;
  }

  const group = (t: TestPage, name: string) => t.page.getByRole('group', { name, exact: true });
  const box = (t: TestPage, selector: string): Promise<Box> =>
    t.page.locator(selector).evaluate((el) => JSON.parse(JSON.stringify(el.getBoundingClientRect())));
  const frameShown = (t: TestPage, id: string) =>
    t.page
      .locator('#' + id)
      .evaluate((f: HTMLIFrameElement) => [f.getAttribute('src'), getComputedStyle(f).display != 'none']);

  it('covers each held-back iframe with a placeholder naming the service, and loads nothing', async () => {
    const t = await open();
    const video = group(t, 'Product tour');
    expect(
      await video.getByText('This content is hosted by VideoTube, which may set cookies.').isVisible(),
    ).toBe(true);
    expect(await button(video, 'Load VideoTube').isVisible()).toBe(true);
    expect(await button(video, 'Cookie preferences').isVisible()).toBe(true);
    const map = group(t, 'Map of our shop');
    expect(
      await map.getByText('This content is hosted by MapService, which may set cookies.').isVisible(),
    ).toBe(true);
    // No service: named by the host, and no Load button (it would accept a whole category).
    const other = group(t, 'Other content');
    expect(
      await other.getByText('This content is hosted by 127.0.0.1, which may set cookies.').isVisible(),
    ).toBe(true);
    expect(await other.getByRole('button').allTextContents()).toEqual(['Cookie preferences']);

    for (const id of ['video', 'map', 'other']) expect(await frameShown(t, id)).toEqual([null, false]);
    await t.settle();
    expect(t.requested('/fixtures/frame.html')).toBe(false);
    expect(await axeViolations(t)).toEqual([]);
  });

  it('Load accepts that one service and shows the iframe in the same box, without a reload', async () => {
    const t = await open();
    await t.page.evaluate(() => ((window as any).__samePage = true));
    const before = {
      video: await box(t, '.cg-embed >> nth=0'),
      map: await box(t, '.cg-embed >> nth=1'),
      other: await box(t, '.cg-embed >> nth=2'),
    };
    expect([before.video.width, before.video.height]).toEqual([480, 270]);
    // 100% wide plus the default 2px border on each side, like the iframe itself.
    expect([before.other.width, before.other.height]).toEqual([644, 124]);

    await button(group(t, 'Product tour'), 'Load VideoTube').click();
    await expect.poll(() => frameShown(t, 'video'), SOON).toEqual(['/fixtures/frame.html?video', true]);
    expect(await group(t, 'Product tour').count()).toBe(0);
    await expect
      .poll(() => t.page.frameLocator('#video').getByText('Embedded third-party content').count(), SOON)
      .toBe(1);
    expect(await box(t, '#video')).toEqual(before.video);
    // Focus moves from the vanished button to the content asked for.
    expect(await t.page.evaluate(() => document.activeElement?.id)).toBe('video');

    // Only that service: the map stays covered, and the decision says so. The banner has its answer.
    expect(await frameShown(t, 'map')).toEqual([null, false]);
    expect(await t.page.evaluate(() => window.ConsentGate.getConsent().services.media)).toEqual({
      video: true,
      maps: false,
    });
    expect(await anyDialog(t.page).count()).toBe(0);
    expect(await t.page.evaluate(() => (window as any).__samePage)).toBe(true);

    // The map from the preferences: the same box again, also for the default-sized iframe.
    await button(group(t, 'Map of our shop'), 'Cookie preferences').click();
    const prefs = preferences(t.page);
    await prefs
      .getByRole('radiogroup', { name: 'MapService' })
      .getByRole('radio', { name: 'Accept' })
      .check();
    await button(prefs, 'Save').click();
    await expect.poll(() => frameShown(t, 'map'), SOON).toEqual(['/fixtures/frame.html?map', true]);
    expect(await box(t, '#map')).toEqual(before.map);
    expect(await box(t, '#other')).toEqual(before.other);
  });

  it('after a reload, accepted embeds load at once and only the others are covered', async () => {
    const t = await open();
    await button(group(t, 'Product tour'), 'Load VideoTube').click();
    await t.reload();
    await group(t, 'Map of our shop').waitFor();
    expect(await group(t, 'Product tour').count()).toBe(0);
    await expect.poll(() => frameShown(t, 'video'), SOON).toEqual(['/fixtures/frame.html?video', true]);
  });

  it('Accept all uncovers everything; Decline all covers nothing new and loads nothing', async () => {
    const t = await open();
    await decide(t.page, 'Decline all', DEFAULT_TITLE);
    await t.settle();
    expect(await t.page.locator('.cg-embed').count()).toBe(3);
    expect(t.requested('/fixtures/frame.html')).toBe(false);

    await t.page.evaluate(() => window.ConsentGate.acceptAll());
    await expect.poll(() => t.page.locator('.cg-embed').count(), SOON).toBe(0);
    for (const id of ['video', 'map', 'other']) expect((await frameShown(t, id))[1]).toBe(true);
  });

  it('covers an iframe added later, and destroy() takes every placeholder away', async () => {
    const t = await open();
    await t.page.evaluate(() => {
      const f = document.createElement('iframe');
      f.title = 'Late video';
      f.dataset.category = 'media';
      f.dataset.service = 'video';
      f.dataset.src = '/fixtures/frame.html?late';
      document.body.append(f);
    });
    await group(t, 'Late video').waitFor();
    await t.page.evaluate(() => window.ConsentGate.destroy());
    expect(await t.page.locator('.cg-embed').count()).toBe(0);
    expect(await frameShown(t, 'video')).toEqual([null, true]);
    expect(t.requested('/fixtures/frame.html')).toBe(false);
  });

  it('loaded before the library, the add-on waits for it and covers the iframe', async () => {
    const t = await browser.newPage('/fixtures/addon-first.html');
    await banner(t.page, DEFAULT_TITLE).waitFor();
    await group(t, 'Video').waitFor();
    expect(await t.page.locator('.cg-embed').count()).toBe(1);
  });
  it("a returning visitor's placeholders are in the page's language, fetched though no banner is shown", async () => {
    const t = await browser.newPage('/fixtures/embeds-de.html');
    const first = banner(t.page, 'Wir verwenden Cookies');
    await button(first, 'Alle ablehnen').click();
    await first.waitFor({ state: 'hidden' });
    // The translation comes late: meanwhile the iframe is covered all the same, in the texts at hand.
    const late = browser.server.hold('/dist/i18n/de.json');
    await t.page.reload();
    const video = group(t, 'Product tour');
    await video.waitFor();
    expect(await frameShown(t, 'video')).toEqual([null, false]);
    expect(
      await video.getByText('This content is hosted by VideoTube, which may set cookies.').isVisible(),
    ).toBe(true);
    late.release();
    await video
      .getByText('Dieser Inhalt wird von VideoTube bereitgestellt. Dabei können Cookies gesetzt werden.')
      .waitFor();
    expect(await t.page.locator('.cg-embed').count()).toBe(3);
    expect(await anyDialog(t.page).count()).toBe(0);
    expect(
      await video
        .getByText('Dieser Inhalt wird von VideoTube bereitgestellt. Dabei können Cookies gesetzt werden.')
        .isVisible(),
    ).toBe(true);
    expect(await button(video, 'VideoTube laden').isVisible()).toBe(true);
    expect(await video.evaluate((el) => [el.getAttribute('lang'), el.getAttribute('dir')])).toEqual([
      'de',
      'ltr',
    ]);
    // Loading from the German placeholder is recorded like any decision, and loads the frame.
    await button(video, 'VideoTube laden').click();
    await expect.poll(() => frameShown(t, 'video'), SOON).toEqual(['/fixtures/frame.html?video', true]);
  });
});
