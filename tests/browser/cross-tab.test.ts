// Cross-tab (integrations issue, item 5): a decision in one tab reaches the site's other open tabs
// without a reload. Two tabs of one browser context on the demo page; tab B records its own events.
import { expect, it } from 'vitest';
import { describeBrowser, anyDialog, banner, decide, SOON, useBrowser, type TestPage } from './harness';

describeBrowser('cross-tab', () => {
  const browser = useBrowser();

  /** Two tabs on the demo page, both asking; `noChannel` takes BroadcastChannel away from tab B. */
  async function twoTabs(noChannel = false): Promise<[TestPage, TestPage]> {
    const a = await browser.newPage();
    a.addInitScript(() => {
      const events: [string, boolean][] = ((window as any).__cgEvents = []);
      for (const type of ['consent', 'change'])
        window.addEventListener(`consent-gate:${type}`, (e) =>
          events.push([type, (e as CustomEvent).detail.categories.analytics]),
        );
    });
    await a.goto('/');
    const b = await browser.newTab(a);
    if (noChannel) b.addInitScript(() => delete (window as any).BroadcastChannel);
    await b.goto('/');
    await banner(a.page).waitFor();
    await banner(b.page).waitFor();
    return [a, b];
  }

  const events = (t: TestPage) => t.page.evaluate(() => (window as any).__cgEvents);

  it('Accept all in one tab: the other hides its banner, runs the accepted scripts and fires its own events', async () => {
    const [a, b] = await twoTabs();
    await decide(a.page, 'Accept all');

    await expect.poll(() => anyDialog(b.page).count(), SOON).toBe(0);
    await expect.poll(() => b.gaRuns(), SOON).toBe(1);
    expect(await events(b)).toEqual([
      ['consent', true],
      ['change', true],
    ]);
    expect(await b.page.evaluate(() => window.ConsentGate.getConsent())).toEqual(
      await a.page.evaluate(() => window.ConsentGate.getConsent()),
    );

    // Withdrawn in tab A later (once A's own copy has run too): tab B follows, and the stand-in's cookies are gone.
    await expect.poll(() => a.gaRuns(), SOON).toBe(1);
    await a.page.evaluate(() => window.ConsentGate.rejectAll());
    await expect.poll(() => events(b), SOON).toHaveLength(4);
    expect((await events(b)).slice(2)).toEqual([
      ['consent', false],
      ['change', false],
    ]);
    expect(await b.page.evaluate(() => window.ConsentGate.isAccepted('analytics'))).toBe(false);
    expect(await b.cookie('_ga')).toBeUndefined();
    expect(await b.gaRuns()).toBe(1);
  });

  it('reset() in one tab: the other forgets the decision too and asks again', async () => {
    const [a, b] = await twoTabs();
    await decide(a.page, 'Accept all');
    await expect.poll(() => anyDialog(b.page).count(), SOON).toBe(0);

    await a.page.evaluate(() => window.ConsentGate.reset());
    await banner(b.page).waitFor();
    expect(
      await b.page.evaluate(() => [
        window.ConsentGate.getConsent(),
        window.ConsentGate.isAccepted('analytics'),
      ]),
    ).toEqual([null, false]);
    // Forgetting is no decision: no event.
    expect(await events(b)).toHaveLength(2);
  });

  it('a message that arrives before its cookie change: the other tab reads the cookie again and follows', async () => {
    const [a, b] = await twoTabs();
    await decide(a.page, 'Accept all');
    await expect.poll(() => anyDialog(b.page).count(), SOON).toBe(0);
    // B tells when the reset message has reached it. The library's own channel, made first, hears
    // it first; its first look at the cookie (in the next task) comes before this one's 50 ms.
    await b.page.evaluate(() => {
      (window as any).__heard = new Promise(
        (heard) => (new BroadcastChannel('consent-gate').onmessage = () => setTimeout(heard, 50)),
      );
    });
    await a.page.evaluate(() => new BroadcastChannel('consent-gate').postMessage(1));
    await b.page.evaluate(() => (window as any).__heard);
    // The cookie still holds the decision: the message alone forgets nothing.
    expect(await anyDialog(b.page).count()).toBe(0);
    expect(await b.page.evaluate(() => window.ConsentGate.isAccepted('analytics'))).toBe(true);
    // Now the cookie goes, with no message of its own: one of the later looks sees it.
    await a.context.clearCookies();
    await banner(b.page).waitFor({ timeout: 5000 });
    expect(await b.page.evaluate(() => window.ConsentGate.getConsent())).toBeNull();
  });

  it('destroy() right after a message: the later re-read of the cookie finds nothing to do, and throws nothing', async () => {
    const [a, b] = await twoTabs();
    // Destroyed as soon as the message is there (the library's own channel hears it first), before
    // the looks at the cookie it has scheduled (the last one 2 s later).
    await b.page.evaluate(() => {
      new BroadcastChannel('consent-gate').onmessage = () => window.ConsentGate.destroy();
    });
    await decide(a.page, 'Accept all');
    await b.page.waitForTimeout(2300);
    expect(await b.page.evaluate(() => window.ConsentGate.getConsent())).toBeNull();
    // The harness fails the test on any page error.
  });

  it('a reset message while the cookie still holds a valid decision changes nothing', async () => {
    const [a, b] = await twoTabs();
    await decide(a.page, 'Accept all');
    await expect.poll(() => anyDialog(b.page).count(), SOON).toBe(0);
    await a.page.evaluate(() => new BroadcastChannel('consent-gate').postMessage(1));
    // Past the last look at the cookie that a message schedules (2 s).
    await b.page.waitForTimeout(2300);
    expect(await anyDialog(b.page).count()).toBe(0);
    expect(await b.page.evaluate(() => window.ConsentGate.isAccepted('analytics'))).toBe(true);
  });

  it('trusts the cookie, not the message: a forged message with no valid decision changes nothing', async () => {
    const [a, b] = await twoTabs();
    // Tampered: names no categories the config has.
    await a.setCookie('cg_consent', JSON.stringify({ id: 'x', categories: { analytics: true } }));
    await a.page.evaluate(() =>
      new BroadcastChannel('consent-gate').postMessage({ categories: { necessary: true, analytics: true } }),
    );
    await b.settle();
    await b.page.waitForTimeout(2300);
    expect(await banner(b.page).isVisible()).toBe(true);
    expect(await events(b)).toEqual([]);
    expect(b.gaRequested()).toBe(false);
  });

  it('without BroadcastChannel, a tab takes the decision over when it is shown again', async () => {
    const [a, b] = await twoTabs(true);
    await decide(a.page, 'Decline all');
    await b.settle();
    expect(await banner(b.page).isVisible()).toBe(true);

    // Headless Chromium keeps every tab visible, so the event a real tab switch fires is sent by hand.
    await b.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await expect.poll(() => anyDialog(b.page).count(), SOON).toBe(0);
    expect(await events(b)).toEqual([
      ['consent', false],
      ['change', false],
    ]);
    // Shown again with nothing new: no event.
    await b.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    expect(await events(b)).toHaveLength(2);
  });
});
