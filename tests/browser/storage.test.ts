// The stored decision: what Accept all writes, and that a cookie the library did not write (or no
// longer accepts) counts as no decision at all.
import { expect, it } from 'vitest';
import {
  describeBrowser,
  anyDialog,
  banner,
  decide,
  parseConsentCookie,
  SOON,
  storedDecision,
  useBrowser,
  type StoredConsent,
} from './harness';

const DAY = 24 * 60 * 60 * 1000;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

function isIsoDate(value: unknown): boolean {
  return (
    typeof value === 'string' && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value
  );
}

describeBrowser('stored decision', () => {
  const browser = useBrowser();

  it('writes cg_consent with Path=/, SameSite=Lax, a 182-day expiry and the contract JSON', async () => {
    const t = await browser.newPage('/');
    const before = Date.now();
    await decide(t.page, 'Accept all');

    const cookie = await t.cookie('cg_consent');
    expect(cookie).toBeDefined();
    expect(cookie!.path).toBe('/');
    expect(cookie!.sameSite).toBe('Lax');
    expect(cookie!.secure).toBe(false); // http page
    expect(cookie!.expires * 1000).toBeGreaterThan(before + 182 * DAY - 60 * 60 * 1000);
    expect(cookie!.expires * 1000).toBeLessThan(Date.now() + 182 * DAY + 60 * 60 * 1000);

    const stored = parseConsentCookie(cookie!.value);
    expect(stored.id).toMatch(UUID_V4);
    expect(stored.revision).toBe(0);
    expect(isIsoDate(stored.givenAt)).toBe(true);
    expect(isIsoDate(stored.updatedAt)).toBe(true);
    expect(Date.parse(stored.givenAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(stored.categories).toEqual({ necessary: true, analytics: true });
    // services: category -> service -> boolean. The contract's example lists only categories that have
    // services; an empty map for one without any (necessary) says the same thing, so it is allowed.
    expect(stored.services.analytics).toEqual({ 'google-analytics': true });
    for (const [category, services] of Object.entries(stored.services)) {
      expect(Object.keys(stored.categories)).toContain(category);
      expect(Object.values(services).every((value) => typeof value === 'boolean')).toBe(true);
    }

    // getConsent() is "the stored decision".
    expect(await t.page.evaluate(() => window.ConsentGate.getConsent())).toEqual(stored);
  });

  it('honours a well-formed stored decision (the control for the tampering cases below)', async () => {
    const t = await browser.newPage();
    const planted = storedDecision();
    await t.setCookie('cg_consent', JSON.stringify(planted));
    await t.goto('/');

    await expect.poll(() => t.gaRuns(), SOON).toBe(1);
    expect(await anyDialog(t.page).count()).toBe(0);
    expect(await t.page.evaluate(() => window.ConsentGate.getConsent()?.id)).toBe(planted.id);
  });

  const validJson = JSON.stringify(storedDecision());
  const old = new Date(Date.now() - 200 * DAY).toISOString();
  const tampered: [string, string][] = [
    ['holding garbage', 'not json {{{'],
    ['holding truncated JSON', validJson.slice(0, Math.floor(validJson.length / 2))],
    ['granting analytics under the wrong revision', JSON.stringify(storedDecision({ revision: 1 }))],
    [
      'updated longer ago than expiresAfterDays',
      JSON.stringify(storedDecision({ givenAt: old, updatedAt: old })),
    ],
    [
      'not naming every current category',
      JSON.stringify(
        storedDecision({ categories: { necessary: true }, services: {} } as Partial<StoredConsent>),
      ),
    ],
  ];

  it.each(tampered)(
    'treats a cookie %s as no decision: banner, nothing run, no exception',
    async (_case, value) => {
      const t = await browser.newPage();
      await t.setCookie('cg_consent', value);
      await t.goto('/');

      await banner(t.page).waitFor();
      await t.settle();
      expect(t.gaRequested()).toBe(false);
      expect(await t.gaRuns()).toBeUndefined();
      expect(
        await t.page.evaluate(() => [
          window.ConsentGate.getConsent(),
          window.ConsentGate.isAccepted('analytics'),
          window.ConsentGate.isAccepted('analytics', 'google-analytics'),
          window.ConsentGate.isAccepted('necessary'),
        ]),
      ).toEqual([null, false, false, true]);
    },
  );
});
