// Global Privacy Control and opt-out mode (integrations issue, item 2), on fixtures/gpc.html: Analytics
// and Marketing are `default: true` in opt-out mode; Marketing is `gpc: true`. GPC is simulated the way
// browsers expose it: navigator.globalPrivacyControl === true, defined before any page script runs.
import { expect, it } from 'vitest';
import {
  describeBrowser,
  banner,
  button,
  categorySwitch,
  DEFAULT_TITLE,
  decide,
  preferences,
  SOON,
  useBrowser,
  parseConsentCookie,
  type TestPage,
} from './harness';

const GPC_NOTE =
  'Your browser asks sites not to sell or share your data (Global Privacy Control), so this stays off unless you switch it on.';

describeBrowser('Global Privacy Control and opt-out mode', () => {
  const browser = useBrowser();

  async function open(path: string, gpc: boolean): Promise<TestPage> {
    // Firefox sends the real signal (its privacy.globalprivacycontrol.enabled preference); Chromium
    // has no switch for it, so there navigator.globalPrivacyControl is defined by an init script.
    const t = await browser.newPage(path, { gpc });
    expect(await t.page.evaluate(() => (navigator as any).globalPrivacyControl === true)).toBe(gpc);
    await banner(t.page, DEFAULT_TITLE).waitFor();
    return t;
  }

  const stored = async (t: TestPage) => parseConsentCookie((await t.cookie('cg_consent'))!.value);

  /** The texts that describe a category's switch (aria-describedby), joined. */
  const description = (t: TestPage, label: string) =>
    categorySwitch(preferences(t.page), label).evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' | '),
    );

  it('opt-out: default categories run before any decision, the banner still asks, and Decline all stops them', async () => {
    const t = await open('/fixtures/gpc.html', false);
    await expect.poll(() => t.probes(), SOON).toEqual(['analytics', 'marketing']);
    expect(
      await t.page.evaluate(() => [
        window.ConsentGate.getConsent(),
        window.ConsentGate.isAccepted('analytics', 'stats'),
      ]),
    ).toEqual([null, true]);
    expect(await t.cookie('cg_consent')).toBeUndefined();

    // The preferences show the state in force: both on.
    await button(banner(t.page, DEFAULT_TITLE), 'Preferences').click();
    expect(await categorySwitch(preferences(t.page), 'Analytics').isChecked()).toBe(true);
    expect(await categorySwitch(preferences(t.page), 'Marketing').isChecked()).toBe(true);
    await button(preferences(t.page), 'Decline all').click();

    expect((await stored(t)).categories).toEqual({ necessary: true, analytics: false, marketing: false });
    await t.reload();
    await t.settle();
    expect(await t.probes()).toEqual([]);
  });

  it('opt-out with GPC: a gpc category is not on by default, Accept all leaves it off, the decision records gpc', async () => {
    const t = await open('/fixtures/gpc.html', true);
    await expect.poll(() => t.probes(), SOON).toEqual(['analytics']);
    await t.settle();
    expect(await t.probes()).toEqual(['analytics']);

    await decide(t.page, 'Accept all', DEFAULT_TITLE);
    const c = await stored(t);
    expect(c.categories).toEqual({ necessary: true, analytics: true, marketing: false });
    expect(c.gpc).toBe(true);
    await t.settle();
    expect(await t.probes()).toEqual(['analytics']);
  });

  it('opt-in with GPC: nothing before a decision; the note stands by the gpc category; switching it on is honoured', async () => {
    const t = await open('/fixtures/gpc.html?mode=opt-in', true);
    await t.settle();
    expect(await t.probes()).toEqual([]);

    await button(banner(t.page, DEFAULT_TITLE), 'Preferences').click();
    const prefs = preferences(t.page);
    // The note names no category itself: it is inside Marketing's section and describes its switch.
    expect(await description(t, 'Marketing')).toBe('Targeted advertising. | ' + GPC_NOTE);
    expect(await description(t, 'Analytics')).toBe('Measures how the site is used.');
    expect(await prefs.getByText(GPC_NOTE).count()).toBe(1);
    expect(await categorySwitch(prefs, 'Marketing').isChecked()).toBe(false);

    // Accept all: everything but Marketing.
    await button(prefs, 'Accept all').click();
    await expect.poll(() => t.probes(), SOON).toEqual(['analytics']);
    expect((await stored(t)).categories.marketing).toBe(false);

    // The visitor switches it on explicitly: that counts.
    await t.page.evaluate(() => window.ConsentGate.showPreferences());
    await categorySwitch(preferences(t.page), 'Marketing').check();
    await button(preferences(t.page), 'Save').click();
    await expect.poll(() => t.probes(), SOON).toEqual(['analytics', 'marketing']);
    const c = await stored(t);
    expect(c.categories).toEqual({ necessary: true, analytics: true, marketing: true });
    expect(c.gpc).toBe(true);
  });

  it('without GPC: no note, Accept all accepts the gpc category, and no gpc in the decision', async () => {
    const t = await open('/fixtures/gpc.html?mode=opt-in', false);
    await button(banner(t.page, DEFAULT_TITLE), 'Preferences').click();
    expect(await preferences(t.page).getByText(GPC_NOTE).count()).toBe(0);
    expect(await description(t, 'Marketing')).toBe('Targeted advertising.');
    await button(preferences(t.page), 'Accept all').click();
    await expect.poll(() => t.probes(), SOON).toEqual(['analytics', 'marketing']);
    const c = await stored(t);
    expect(c.categories.marketing).toBe(true);
    expect(c.gpc).toBeUndefined();
  });
});
