// Proof of consent (integrations issue, item 6): each decision goes to the receiver in examples/ as
// JSON, which appends it to a file. The receiver runs on its own port, so the beacon is cross-origin.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { startConsentLog } from '../../examples/consent-log-server.mjs';
import {
  describeBrowser,
  banner,
  DEFAULT_TITLE,
  decide,
  parseConsentCookie,
  SOON,
  useBrowser,
  type TestPage,
} from './harness';
import { startRecorder } from './server';

describeBrowser('consent log', () => {
  const browser = useBrowser();
  const dir = mkdtempSync(path.join(tmpdir(), 'consent-log-'));
  const file = path.join(dir, 'log.jsonl');
  let store: { url: string; close(): Promise<void> };
  /** The receiver as the page reaches it: through a recorder, which sees every request it gets. */
  let receiver: Awaited<ReturnType<typeof startRecorder>>;

  beforeAll(async () => {
    store = await startConsentLog({ port: 0, file });
    receiver = await startRecorder(store.url);
  });
  afterAll(async () => {
    await receiver?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    writeFileSync(file, '');
    receiver.log.length = 0;
  });

  const lines = (): any[] =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));

  async function open(setup?: (t: TestPage) => unknown): Promise<TestPage> {
    const t = await browser.newPage();
    if (setup) await setup(t);
    await t.goto('/fixtures/consent-log.html?log=' + encodeURIComponent(receiver.url));
    await banner(t.page, DEFAULT_TITLE).waitFor();
    return t;
  }

  it('sends each decision with revision, language, page, user agent, GPC flag and a SHA-256 of the texts', async () => {
    const t = await open();
    const posts = () => receiver.log.map((r) => ({ method: r.method, type: r.headers['content-type'] }));

    await decide(t.page, 'Accept all', DEFAULT_TITLE);
    await expect.poll(() => lines().length, SOON).toBe(1);
    const [first] = lines();
    const cookie = parseConsentCookie((await t.cookie('cg_consent'))!.value);
    expect(first).toEqual({
      receivedAt: expect.any(String),
      consent: cookie,
      revision: 0,
      language: 'en',
      url: t.url('/fixtures/consent-log.html?log=' + encodeURIComponent(receiver.url)),
      userAgent: await t.page.evaluate(() => navigator.userAgent),
      gpc: false,
      textsHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      hashAlgorithm: 'SHA-256',
    });
    // A simple request: text/plain, no preflight.
    expect(posts()).toEqual([{ method: 'POST', type: 'text/plain;charset=UTF-8' }]);

    // The same texts, the same fingerprint; other texts, another one.
    await t.page.evaluate(() => window.ConsentGate.rejectAll());
    await expect.poll(() => lines().length, SOON).toBe(2);
    expect(lines()[1].textsHash).toBe(first.textsHash);
    expect(lines()[1].consent.categories.analytics).toBe(false);
    // The fixture's German gives only a title: the rest shows in English, as the console says once.
    t.expectConsole('warning', /translations\.de lacks banner\.description/);
    await t.page.evaluate(() => {
      window.ConsentGate.setLanguage('de');
      window.ConsentGate.acceptAll();
    });
    await expect.poll(() => lines().length, SOON).toBe(3);
    expect(lines()[2]).toMatchObject({ language: 'de', hashAlgorithm: 'SHA-256' });
    expect(lines()[2].textsHash).not.toBe(first.textsHash);

    // A page load with a stored decision is no new decision: nothing is sent.
    await t.reload();
    await t.settle();
    expect(lines()).toHaveLength(3);
  });

  it('without crypto.subtle or sendBeacon: a 32-bit FNV-1a fingerprint, sent with fetch keepalive', async () => {
    const t = await open((t) =>
      t.addInitScript(() => {
        Object.defineProperty(Navigator.prototype, 'sendBeacon', { value: undefined });
        Object.defineProperty(Crypto.prototype, 'subtle', { get: () => undefined });
        Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true });
      }),
    );
    await decide(t.page, 'Decline all', DEFAULT_TITLE);
    await expect.poll(() => lines().length, SOON).toBe(1);
    expect(lines()[0]).toMatchObject({
      gpc: true,
      hashAlgorithm: 'FNV-1a-32',
      textsHash: expect.stringMatching(/^[0-9a-f]{8}$/),
    });
  });
});
