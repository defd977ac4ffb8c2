// Google Consent Mode v2 (integrations issue, item 1): the dataLayer with Google's own snippet on the
// page and a tag manager loaded through the gate. gtag.js reads only `arguments` objects, so each
// command must be one; `consent default` comes before anything a gated script pushes, `consent
// update` after each decision and on each load with a stored decision, before the released tags.
import { expect, it } from 'vitest';
import { describeBrowser, banner, DEFAULT_TITLE, decide, SOON, useBrowser, type TestPage } from './harness';

interface Entry {
  /** An `arguments` object (a gtag command), or something else (a plain event object). */
  args: boolean;
  value: unknown;
}

const dataLayer = (t: TestPage): Promise<Entry[]> =>
  t.page.evaluate(() =>
    (window as any).dataLayer.map((e: any) =>
      Object.prototype.toString.call(e) === '[object Arguments]'
        ? { args: true, value: [...e] }
        : { args: false, value: e },
    ),
  );

const DENIED = {
  analytics_storage: 'denied',
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
};
const DEFAULT = { args: true, value: ['consent', 'default', { ...DENIED, wait_for_update: 500 }] };
const SETS = [
  { args: true, value: ['set', 'ads_data_redaction', true] },
  { args: true, value: ['set', 'url_passthrough', true] },
];
const ANALYTICS_ONLY = { ...DENIED, analytics_storage: 'granted' };
const ALL = {
  ...ANALYTICS_ONLY,
  ad_storage: 'granted',
  ad_user_data: 'granted',
  ad_personalization: 'granted',
};
const TAG_MANAGER = { args: false, value: { event: 'tm.start' } };

describeBrowser('Google Consent Mode v2', () => {
  const browser = useBrowser();

  it('pushes the default (denied, wait_for_update) and the options before any decision, and loads no tag', async () => {
    const t = await browser.newPage('/fixtures/consent-mode.html');
    await banner(t.page, DEFAULT_TITLE).waitFor();
    await t.settle();
    expect(await dataLayer(t)).toEqual([DEFAULT, ...SETS]);
    expect(t.requested('/fixtures/tag-manager.js')).toBe(false);
  });

  it('after Accept all: the update, then the tag manager, which saw the update when it started', async () => {
    const t = await browser.newPage('/fixtures/consent-mode.html');
    await decide(t.page, 'Accept all', DEFAULT_TITLE);
    const update = { args: true, value: ['consent', 'update', ALL] };
    await expect.poll(() => dataLayer(t), SOON).toEqual([DEFAULT, ...SETS, update, TAG_MANAGER]);
    expect(await t.page.evaluate(() => (window as any).__tmSaw)).toEqual([
      DEFAULT.value,
      ...SETS.map((s) => s.value),
      update.value,
    ]);
  });

  it('on a load with a stored decision: default, options, update, then the tag manager', async () => {
    const t = await browser.newPage('/fixtures/consent-mode.html');
    await t.page.evaluate(() => window.ConsentGate.update({ analytics: true }));
    await expect.poll(() => t.page.evaluate(() => (window as any).__tmSaw), SOON).toBeDefined();

    await t.reload();
    const update = { args: true, value: ['consent', 'update', ANALYTICS_ONLY] };
    await expect.poll(() => dataLayer(t), SOON).toEqual([DEFAULT, ...SETS, update, TAG_MANAGER]);
    expect(await t.page.evaluate(() => (window as any).__tmSaw)).toEqual([
      DEFAULT.value,
      ...SETS.map((s) => s.value),
      update.value,
    ]);
  });

  it('after Decline all, and again after a later change: one update each, the tag only once accepted', async () => {
    const t = await browser.newPage('/fixtures/consent-mode.html');
    await decide(t.page, 'Decline all', DEFAULT_TITLE);
    const denied = { args: true, value: ['consent', 'update', DENIED] };
    await expect.poll(() => dataLayer(t), SOON).toEqual([DEFAULT, ...SETS, denied]);
    await t.settle();
    expect(t.requested('/fixtures/tag-manager.js')).toBe(false);

    await t.page.evaluate(() => window.ConsentGate.update({ marketing: true }));
    const marketing = { args: true, value: ['consent', 'update', { ...ALL, analytics_storage: 'denied' }] };
    await expect.poll(() => dataLayer(t), SOON).toEqual([DEFAULT, ...SETS, denied, marketing]);
    await t.settle();
    expect(t.requested('/fixtures/tag-manager.js')).toBe(false);
  });

  it('keeps what the page pushed before it, and gtag() calls after it, in their places', async () => {
    const t = await browser.newPage();
    t.addInitScript(() => {
      // A site that pushes an event of its own before the library starts.
      (window as any).dataLayer = [{ event: 'page.early' }];
    });
    await t.goto('/fixtures/consent-mode.html');
    await banner(t.page, DEFAULT_TITLE).waitFor();
    await t.page.evaluate(() => (window as any).gtag('event', 'page_view'));
    expect(await dataLayer(t)).toEqual([
      { args: false, value: { event: 'page.early' } },
      DEFAULT,
      ...SETS,
      { args: true, value: ['event', 'page_view'] },
    ]);
  });
});
