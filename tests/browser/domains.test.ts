// Cookies across domains, with real host names: the browser resolves them to the test server, so
// that a page on www.shop.example.test can hold cookies of its own, of .shop.example.test and of
// .example.test, the way a shop on a subdomain of a company's site does.
import type { Cookie } from './engines/driver';
import { expect, it } from 'vitest';
import {
  describeBrowser,
  anyDialog,
  banner,
  button,
  DEFAULT_TITLE,
  decide,
  parseConsentCookie,
  preferences,
  serviceRadio,
  SOON,
  useBrowser,
} from './harness';

describeBrowser('cookies across domains', () => {
  const browser = useBrowser({
    launch: {
      hostsToLoopback: ['www.shop.example.test', 'a.example.test', 'b.example.test', 'secure.example.test'],
      acceptInsecureCerts: true,
    },
  });
  const origin = (host: string) => `http://${host}:${browser.port}`;
  const SHOP = 'www.shop.example.test';

  /** Every cookie of the context, whatever its domain, as "name=value@domain path". */
  const jar = async (t: { context: { cookies(): Promise<Cookie[]> } }) =>
    (await t.context.cookies()).map((c) => `${c.name}=${c.value}@${c.domain}${c.path}`).sort();

  /** What Google Analytics leaves behind over a few visits, on the shop, its parents, and a path. */
  const tracking = () => [
    { name: '_ga', value: 'host', url: `${origin(SHOP)}/` }, // host-only
    { name: '_ga', value: 'www', domain: `.${SHOP}`, path: '/' },
    { name: '_ga', value: 'shop', domain: '.shop.example.test', path: '/' },
    { name: '_ga', value: 'site', domain: '.example.test', path: '/' },
    { name: '_ga_XYZ123', value: 'ga4', domain: '.example.test', path: '/' },
    { name: '_gid', value: 'site', domain: '.example.test', path: '/' },
    { name: '_gid', value: 'here', domain: '.shop.example.test', path: '/fixtures' },
  ];
  const TRACKED = 7;
  const OTHERS = [{ name: 'theme', value: 'dark', domain: '.example.test', path: '/' }];

  it('Decline all deletes a service’s cookies on the host and on every parent domain, and nothing else', async () => {
    const t = await browser.newPage();
    await t.context.addCookies([...tracking(), ...OTHERS]);
    expect(await jar(t)).toHaveLength(TRACKED + OTHERS.length); // all of them took

    await t.goto(`${origin(SHOP)}/fixtures/domains.html`);
    await decide(t.page, 'Decline all', DEFAULT_TITLE);
    await expect
      .poll(() => jar(t), SOON)
      .toEqual([
        expect.stringMatching(/^cg_consent=.*@www\.shop\.example\.test\/$/),
        'theme=dark@.example.test/',
      ]);
    expect(t.gaRequested()).toBe(false);
  });

  it('declining later, in the preferences, deletes what the tag set and what earlier visits left on parent domains', async () => {
    const t = await browser.newPage(`${origin(SHOP)}/fixtures/domains.html`);
    await decide(t.page, 'Accept all', DEFAULT_TITLE);
    await expect.poll(() => t.gaRuns(), SOON).toBe(1);
    await expect.poll(async () => (await jar(t)).filter((c) => /^_g/.test(c)).length, SOON).toBe(2); // the stand-in's own
    await t.context.addCookies([...tracking(), ...OTHERS]);

    await t.page.evaluate(() => window.ConsentGate.showPreferences());
    const prefs = preferences(t.page);
    await serviceRadio(prefs, 'Google Analytics', 'Decline').check();
    await button(prefs, 'Save').click();
    await prefs.waitFor({ state: 'hidden' });
    expect((await jar(t)).filter((c) => !c.startsWith('cg_consent='))).toEqual(['theme=dark@.example.test/']);
  });

  it('with cookie.domain, a decision made on a.example.test holds on b.example.test, and so do its changes', async () => {
    const a = await browser.newPage(`${origin('a.example.test')}/fixtures/shared-domain.html`);
    await decide(a.page, 'Accept all', DEFAULT_TITLE);
    const shared = (await a.context.cookies()).find((c) => c.name === 'cg_consent')!;
    expect(shared.domain).toBe('.example.test');
    const id = parseConsentCookie(shared.value).id;

    // Same visitor (same browser context), another subdomain: no banner, the tag runs.
    const b = (await browser.newTab(a)).page;
    await b.goto(`${origin('b.example.test')}/fixtures/shared-domain.html`);
    await expect.poll(() => b.evaluate(() => window.__gaRuns), SOON).toBe(1);
    expect(await anyDialog(b).count()).toBe(0);
    expect(await b.evaluate(() => window.ConsentGate.getConsent()?.id)).toBe(id);

    // Declining on b is what a sees next; there is still one decision, kept on the parent domain.
    await b.evaluate(() => window.ConsentGate.rejectAll());
    await a.reload();
    await a.settle();
    expect(await anyDialog(a.page).count()).toBe(0);
    expect(
      await a.page.evaluate(() => [
        window.ConsentGate.isAccepted('analytics'),
        window.ConsentGate.getConsent()?.id,
      ]),
    ).toEqual([false, id]);
    expect((await a.context.cookies()).filter((c) => c.name === 'cg_consent').map((c) => c.domain)).toEqual([
      '.example.test',
    ]);

    // reset() on b forgets it for a too.
    await b.evaluate(() => window.ConsentGate.reset());
    expect((await a.context.cookies()).filter((c) => c.name === 'cg_consent')).toEqual([]);
    await a.reload();
    await banner(a.page, DEFAULT_TITLE).waitFor();
    await b.close();
  });

  it('without cookie.domain, a decision on a.example.test is asked for again on b.example.test', async () => {
    const t = await browser.newPage(`${origin('a.example.test')}/fixtures/domains.html`);
    await decide(t.page, 'Accept all', DEFAULT_TITLE);
    expect((await t.context.cookies()).find((c) => c.name === 'cg_consent')?.domain).toBe('a.example.test');
    await t.goto(`${origin('b.example.test')}/fixtures/domains.html`);
    await banner(t.page, DEFAULT_TITLE).waitFor();
    await t.settle();
    expect(await t.gaRuns()).toBeUndefined();
  });

  it('on an https page the decision is stored Secure', async () => {
    const t = await browser.newPage();
    // The test server's https side has a self-signed certificate, which this browser accepts.
    await t.goto(`https://secure.example.test:${browser.server.httpsPort}/fixtures/domains.html`);
    expect(await t.page.evaluate(() => [location.protocol, window.isSecureContext])).toEqual([
      'https:',
      true,
    ]);
    await decide(t.page, 'Accept all', DEFAULT_TITLE);
    const cookie = (await t.context.cookies('https://secure.example.test/')).find(
      (c) => c.name === 'cg_consent',
    );
    expect(cookie).toMatchObject({ secure: true, sameSite: 'Lax', path: '/', domain: 'secure.example.test' });
    await expect.poll(() => t.gaRuns(), SOON).toBe(1);
  });
});
