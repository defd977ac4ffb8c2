// The server half, seen from a real browser (issue 15, point 3): after a decision made in the page,
// the consent-log add-on posts it to consent-gate/server's endpoint, whose answer sets the cookie;
// the stored cookie then expires when the server says (Max-Age from expiresAfterDays), for the
// beacon's answer and for the keepalive fetch's. An endpoint on another site cannot do that.
//
// To tell the two writers of the cookie apart, the page's clock runs 3 days behind: the library
// writes an expiry of 200 days from its (early) now, the server 200 days from the real now.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createConsentHandler, sqlStore, type ReceiptStore } from '../../src/server';
import { nodeListener } from '../../src/server/node/listener';
import type { Config } from '../../src/types';
import {
  describeBrowser,
  DEFAULT_TITLE,
  ROOT,
  SOON,
  banner,
  decide,
  parseConsentCookie,
  useBrowser,
  type TestPage,
} from './harness';

const CONFIG: Config = JSON.parse(readFileSync(`${ROOT}tests/browser/fixtures/server-cookie.json`, 'utf8'));
const DAY_S = 86_400;
const SKEW_DAYS = 3;

describeBrowser("the server's cookie", () => {
  const browser = useBrowser();
  let db: PGlite;
  let store: ReceiptStore;
  let endpoint: http.Server;
  let port = 0;

  beforeAll(async () => {
    db = await PGlite.create();
    store = await sqlStore(db);
    // The page's origin is the test server's; the endpoint is on another port of the same host:
    // another origin, the same site, so its cookies are the page's.
    const handler = createConsentHandler({
      config: CONFIG,
      store,
      origins: [`http://127.0.0.1:${browser.port}`],
    });
    endpoint = http.createServer(nodeListener(handler));
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    port = (endpoint.address() as AddressInfo).port;
  });
  afterAll(async () => {
    endpoint?.closeAllConnections();
    await new Promise((resolve) => endpoint?.close(resolve));
    await store?.close();
    await db?.close();
  });

  /** The page, with its clock SKEW_DAYS behind, posting to the endpoint at `host`. */
  async function open(host: string, setup?: (t: TestPage) => unknown): Promise<TestPage> {
    const t = await browser.newPage();
    t.addInitScript(
      (skew) => {
        const Real = Date;
        class Early extends Real {
          constructor(...args: ConstructorParameters<DateConstructor>) {
            if (args.length) super(...args);
            else super(Real.now() - skew);
          }
          static override now() {
            return Real.now() - skew;
          }
        }
        globalThis.Date = Early as DateConstructor;
      },
      SKEW_DAYS * DAY_S * 1000,
    );
    // How the page posts to /consent (a beacon or a fetch), kept in sessionStorage across reloads: no
    // engine-neutral API tells a beacon from a fetch on the wire.
    t.addInitScript(() => {
      const record = (how: string, url: unknown) => {
        if (!String(url).endsWith('/consent')) return;
        const list = JSON.parse(sessionStorage.getItem('__posts') ?? '[]');
        sessionStorage.setItem('__posts', JSON.stringify([...list, how]));
      };
      const beacon = Navigator.prototype.sendBeacon;
      Navigator.prototype.sendBeacon = function (url, data) {
        record('beacon', url);
        return beacon.call(this, url, data);
      };
      const realFetch = window.fetch;
      window.fetch = function (input, init) {
        record('fetch', input instanceof Request ? input.url : input);
        return realFetch.call(this, input, init);
      };
    });
    if (setup) await setup(t);
    await t.goto(`/fixtures/server-cookie.html?log=${encodeURIComponent(`http://${host}:${port}/consent`)}`);
    await banner(t.page, DEFAULT_TITLE).waitFor();
    return t;
  }

  const posts = (t: TestPage): Promise<string[]> =>
    t.page.evaluate(() => JSON.parse(sessionStorage.getItem('__posts') ?? '[]'));

  const daysLeft = async (t: TestPage) =>
    ((await t.cookie('cg_consent'))!.expires - Date.now() / 1000) / DAY_S;

  async function decideAndCheck(t: TestPage) {
    await decide(t.page, 'Accept all', DEFAULT_TITLE);
    const consent = parseConsentCookie((await t.cookie('cg_consent'))!.value);
    // The receipt is stored, and the texts the page hashed are the ones the server rebuilds.
    await expect.poll(async () => (await store.find(consent.id)).length, SOON).toBe(1);
    const [receipt] = await store.find(consent.id);
    expect(receipt.texts.match).toBe(true);
    expect(receipt.consent).toEqual(consent);
    // The cookie is the server's: 200 days from now, not from the page's early clock.
    await expect.poll(() => daysLeft(t), SOON).toBeGreaterThan(200 - 0.01);
    expect(await daysLeft(t)).toBeLessThan(200 + 0.01);
    // And it still holds the decision, which the page reads back after a reload.
    await t.reload();
    await t.settle();
    expect(await t.page.evaluate(() => window.ConsentGate.getConsent()?.id)).toBe(consent.id);
  }

  it("takes the cookie from the beacon's answer", async () => {
    const t = await open('127.0.0.1');
    await decideAndCheck(t);
    expect(await posts(t)).toEqual(['beacon']);
  });

  it("takes the cookie from the keepalive fetch's answer, where sendBeacon is missing", async () => {
    const t = await open('127.0.0.1', (t) =>
      t.addInitScript(() => Object.defineProperty(Navigator.prototype, 'sendBeacon', { value: undefined })),
    );
    await decideAndCheck(t);
    expect(await posts(t)).toEqual(['fetch']);
  });

  it('an endpoint on another site stores the receipt, but its cookie is not the page’s', async () => {
    // localhost is another site than 127.0.0.1: a SameSite=Lax cookie from its answer is refused.
    const t = await open('localhost');
    // Firefox says so on its console; Chromium refuses it without a word.
    if (browser.engine === 'firefox') {
      t.expectConsole('warning', /“cg_consent” has been rejected because it is in a cross-site context/);
    }
    await decide(t.page, 'Accept all', DEFAULT_TITLE);
    const consent = parseConsentCookie((await t.cookie('cg_consent'))!.value);
    await expect.poll(async () => (await store.find(consent.id)).length, SOON).toBe(1);
    await t.settle();
    // Still the library's own cookie: 200 days from the page's clock, 3 days early.
    expect(await daysLeft(t)).toBeLessThan(200 - SKEW_DAYS + 0.01);
  });
});
