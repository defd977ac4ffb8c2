// Window events: "consent fires once on every page load that has a valid decision and once after every
// decision; change fires when a decision differs from the one before, the first decision included."
import { expect, it } from 'vitest';
import { describeBrowser, decide, SOON, useBrowser, type TestPage } from './harness';

interface Recorded {
  type: string;
  detail: any;
}

describeBrowser('window events', () => {
  const browser = useBrowser();

  /** Record consent-gate:consent and :change from the very start of every page load. */
  async function recordingPage(): Promise<TestPage> {
    const t = await browser.newPage();
    t.addInitScript(() => {
      const events: Recorded[] = ((window as any).__cgEvents = []);
      for (const type of ['consent', 'change']) {
        window.addEventListener(`consent-gate:${type}`, (event) => {
          events.push({ type, detail: JSON.parse(JSON.stringify((event as CustomEvent).detail ?? null)) });
        });
      }
    });
    return t;
  }

  const recorded = (t: TestPage): Promise<Recorded[]> => t.page.evaluate(() => (window as any).__cgEvents);
  const types = async (t: TestPage) => (await recorded(t)).map((event) => event.type).sort();

  it('dispatches consent and change with the consent in detail after Accept all', async () => {
    const t = await recordingPage();
    await t.goto('/');
    await t.settle();
    expect(await recorded(t)).toEqual([]); // no decision yet, nothing to announce

    await decide(t.page, 'Accept all');
    await expect.poll(() => types(t), SOON).toEqual(['change', 'consent']);

    const stored = await t.page.evaluate(() => window.ConsentGate.getConsent());
    for (const event of await recorded(t)) {
      expect(event.detail, `detail of consent-gate:${event.type}`).toEqual(stored);
      expect(event.detail.categories.analytics).toBe(true);
    }
  });

  it('dispatches consent once and change not at all on a reload with a stored decision', async () => {
    const t = await recordingPage();
    await t.goto('/');
    await decide(t.page, 'Accept all');
    await expect.poll(() => types(t), SOON).toEqual(['change', 'consent']);

    await t.reload();
    await expect.poll(() => types(t), SOON).toEqual(['consent']);
    await t.settle();
    const events = await recorded(t);
    expect(events.map((event) => event.type)).toEqual(['consent']);
    expect(events[0].detail.categories).toEqual({ necessary: true, analytics: true });
  });
});
