// The consent endpoint: what it accepts, what it stores, what it answers; and that everything else
// gets a 4xx with a one-line reason, stores nothing and sets nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConsentHandler, readConsent, sqlStore, type ReceiptStore } from '../../src/server';
import type { Receipt } from '../../src/server/receipt';
import type { TextsVersion } from '../../src/server/texts';
import { freshPglite } from './support/databases';
import { CONFIG, ORIGIN, TRANSLATIONS, decision, pageHash, post, postedBody } from './support/receipts';

let store: ReceiptStore;
let db: Awaited<ReturnType<typeof freshPglite>>;
const all = async () => {
  const out: Receipt[] = [];
  for await (const r of store.each()) out.push(r);
  return out;
};

beforeAll(async () => {
  db = await freshPglite();
  store = await sqlStore(db);
});
afterAll(() => store.close());
beforeEach(async () => {
  await db.query('delete from consent_gate_receipts');
  await db.query('delete from consent_gate_texts');
});

const handler = (extra: Partial<Parameters<typeof createConsentHandler>[0]> = {}) =>
  createConsentHandler({ config: CONFIG, store, translations: TRANSLATIONS, ...extra });

describe('a valid receipt', () => {
  it('is stored with the decision, page, language, GPC, user agent and texts, and answered 204 with the cookie', async () => {
    const consent = decision();
    const body = await postedBody(consent);
    const before = Date.now();
    const res = await handler()(post(body));
    expect(res.status).toBe(204);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^cg_consent=[^;]+; Max-Age=17280000; Path=\/; SameSite=Lax; Secure$/);
    // The cookie holds exactly that decision, as the browser reads it.
    expect(readConsent(cookie.split(';')[0], CONFIG)).toEqual(consent);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);

    const [r] = await all();
    expect(r).toEqual({
      receiptId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      receivedAt: expect.any(String),
      consent,
      pageUrl: body.url,
      language: 'en',
      gpc: false,
      userAgent: body.userAgent,
      texts: { hash: body.textsHash, match: true, claimedAlgorithm: 'SHA-256', claimedHash: body.textsHash },
    });
    expect(Date.parse(r.receivedAt)).toBeGreaterThanOrEqual(before - 1);
    expect(Date.parse(r.receivedAt)).toBeLessThanOrEqual(Date.now());
  });

  it('keeps each version of the texts once, with the exact string the browser hashed', async () => {
    const h = handler();
    for (const language of ['en', 'en', 'de', 'fr', 'de'])
      expect((await h(post(await postedBody(decision(), {}, language)))).status).toBe(204);
    const receipts = await all();
    expect(receipts.map((r) => [r.language, r.texts.match])).toEqual([
      ['en', true],
      ['en', true],
      ['de', true],
      ['fr', true],
      ['de', true],
    ]);
    const { rows } = await db.query('select hash, language, shown from consent_gate_texts order by language');
    expect(rows.map((t) => t.language)).toEqual(['de', 'en', 'fr']);
    for (const t of rows) {
      // Anyone can check a stored version against its name.
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(t.shown)));
      expect(Buffer.from(digest).toString('hex')).toBe(t.hash);
      expect(t.hash).toBe(await pageHash(t.language));
    }
    const fr = JSON.parse(rows[2].shown);
    expect(fr[0].banner.acceptAll).toBe(TRANSLATIONS.fr.banner!.acceptAll);
    // Labels are what was shown; what scripts run and which cookies go are not texts.
    expect(fr[2].analytics.services['google-analytics']).toMatchObject({
      label: 'Google Analytics',
      scripts: 0,
      cookies: 0,
    });
  });

  it('records a hash that is not the texts of that config as a mismatch, not hidden', async () => {
    const body = await postedBody(decision(), { textsHash: 'ab'.repeat(32) });
    expect((await handler()(post(body))).status).toBe(204);
    const [r] = await all();
    expect(r.texts).toEqual({
      hash: await pageHash('en'),
      match: false,
      claimedAlgorithm: 'SHA-256',
      claimedHash: 'ab'.repeat(32),
    });
  });

  it('checks an FNV-1a fingerprint (pages without crypto.subtle) against the same texts', async () => {
    const fnv = await pageHash('de', 'FNV-1a-32');
    const body = await postedBody(decision(), { textsHash: fnv, hashAlgorithm: 'FNV-1a-32' }, 'de');
    expect((await handler()(post(body))).status).toBe(204);
    const [r] = await all();
    expect(r.texts).toEqual({
      hash: await pageHash('de'),
      match: true,
      claimedAlgorithm: 'FNV-1a-32',
      claimedHash: fnv,
    });
  });

  it('records the GPC signal from the body or the Sec-GPC header, and the decision that honoured it', async () => {
    const h = handler();
    const honoured = decision({
      gpc: true,
      categories: { necessary: true, analytics: false, marketing: true },
    });
    for (const req of [
      post(await postedBody(honoured, { gpc: true })),
      post(await postedBody(decision()), { 'sec-gpc': '1' }),
      post(await postedBody(decision())),
    ])
      expect((await h(req)).status).toBe(204);
    const receipts = await all();
    expect(receipts.map((r) => [r.gpc, r.consent.gpc])).toEqual([
      [true, true],
      [true, undefined],
      [false, undefined],
    ]);
  });

  it('keeps no address unless asked, and then a truncated one', async () => {
    await handler()(post(await postedBody()), { clientAddress: '203.0.113.77' });
    await handler({ ip: 'truncated' })(post(await postedBody()), { clientAddress: '203.0.113.77' });
    await handler({ ip: 'truncated' })(post(await postedBody()), {
      clientAddress: '2001:db8:85a3:8d3:1319:8a2e:370:7348',
    });
    expect((await all()).map((r) => r.ip)).toEqual([undefined, '203.0.113.0', '2001:db8:85a3::']);
  });

  it('accepts application/json and a page on the endpoint host over plain http (behind a TLS proxy)', async () => {
    const h = handler();
    const res = await h(
      post(
        await postedBody(),
        { origin: 'https://shop.example', 'content-type': 'application/json' },
        'http://shop.example/consent',
      ),
    );
    expect(res.status).toBe(204);
    // The page is on https: the cookie is Secure although the proxy talks http to us.
    expect(res.headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('takes the origin from Referer when a browser sends no Origin', async () => {
    const req = post(await postedBody(), { origin: '', referer: `${ORIGIN}/products` });
    req.headers.delete('origin');
    expect((await handler()(req)).status).toBe(204);
  });

  it('answers a CORS preflight for an allowed origin', async () => {
    const res = await handler()(
      new Request(`${ORIGIN}/consent`, { method: 'OPTIONS', headers: { origin: ORIGIN } }),
    );
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-methods')).toBe('POST');
  });
});

describe('anything else', () => {
  async function refused(req: Request, status: number, reason: RegExp, h = handler()) {
    const res = await h(req);
    expect(res.status).toBe(status);
    expect(res.headers.get('set-cookie')).toBeNull();
    const text = await res.text();
    expect(text).toMatch(reason);
    expect(text.trim().split('\n')).toHaveLength(1);
    expect(await all()).toEqual([]);
  }

  it('from another origin, or none: 403', async () => {
    const body = await postedBody();
    await refused(post(body, { origin: 'https://evil.example' }), 403, /origin/);
    await refused(post(body, { origin: 'null' }), 403, /origin/);
    const none = post(body);
    none.headers.delete('origin');
    await refused(none, 403, /origin/);
    // Listed origins replace the default: the endpoint's own host is no longer enough.
    const h = handler({ origins: ['https://www.shop.example/'] });
    await refused(post(body), 403, /origin/, h);
    expect((await h(post(body, { origin: 'https://www.shop.example' }))).status).toBe(204);
    await store.purge(new Date(Date.now() + 1000));
    const other = await handler()(
      new Request(`${ORIGIN}/consent`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } }),
    );
    expect(other.status).toBe(403);
  });

  it('another method: 405; another content type: 415', async () => {
    await refused(new Request(`${ORIGIN}/consent`, { headers: { origin: ORIGIN } }), 405, /POST/);
    const body = await postedBody();
    for (const type of [
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'text/html',
      'text/plain; charset=latin1',
      '',
    ])
      await refused(post(body, { 'content-type': type }), 415, /text\/plain/);
  });

  it('over 16 KB: 413, by Content-Length or as it streams', async () => {
    const big = JSON.stringify({ ...(await postedBody()), pad: 'x'.repeat(17_000) });
    await refused(post(big), 413, /16384 bytes/);
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const req = new Request(`${ORIGIN}/consent`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'text/plain' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await refused(req, 413, /16384 bytes/);
  });

  it('not a valid receipt for the config: 400 with the reason', async () => {
    const consent = decision();
    const cases: [unknown, RegExp][] = [
      ['{"consent":', /not JSON/],
      ['[]', /JSON object/],
      ['"x"', /JSON object/],
      [await postedBody({ ...consent, revision: 1 }), /not a valid decision/],
      [
        await postedBody({ ...consent, categories: { necessary: true, analytics: true } }),
        /not a valid decision/,
      ],
      [
        await postedBody({ ...consent, updatedAt: new Date(Date.now() + 3_600_000).toISOString() }),
        /not a valid decision/,
      ],
      [{ ...(await postedBody(consent)), revision: 1 }, /revision/],
      [await postedBody(consent, {}, 'es'), /language/],
      [await postedBody(consent, { url: 'javascript:alert(1)' }), /url/],
      [await postedBody(consent, { userAgent: 7 }), /userAgent/],
      [await postedBody(consent, { gpc: 'yes' }), /gpc/],
      [await postedBody(consent, { hashAlgorithm: 'MD5' }), /textsHash/],
      [await postedBody(consent, { textsHash: 'abc' }), /textsHash/],
      ['{"__proto__":{"consent":1},"consent":{}}', /JSON object/],
    ];
    for (const [body, reason] of cases) await refused(post(body as string), 400, reason);
  });

  it('bad UTF-8: 400', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('{"consent":"'),
      0xff,
      0xfe,
      ...new TextEncoder().encode('"}'),
    ]);
    const req = new Request(`${ORIGIN}/consent`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'text/plain' },
      body: bytes,
    });
    await refused(req, 400, /UTF-8/);
  });

  it('a store that fails: 503, no cookie, and the error reported', async () => {
    const failing: ReceiptStore = {
      ...store,
      add: (_r: Receipt, _t: TextsVersion) => Promise.reject(new Error('disk full')),
    };
    const onError = vi.fn();
    const res = await createConsentHandler({
      config: CONFIG,
      store: failing,
      translations: TRANSLATIONS,
      onError,
    })(post(await postedBody()));
    expect(res.status).toBe(503);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(onError).toHaveBeenCalledWith(new Error('disk full'));
  });
});

describe('the site owner is told at once', () => {
  it('when a translation given as a URL has no texts on the server', () => {
    expect(() => createConsentHandler({ config: CONFIG, store })).toThrow(
      /translations\.fr is a URL \(\/dist\/i18n\/fr\.json\): give createConsentHandler its texts/,
    );
  });

  it('when a translation or an origin is wrong, or the config is', () => {
    expect(() =>
      createConsentHandler({
        config: CONFIG,
        store,
        translations: { fr: { banner: { title: 3 } } as never },
      }),
    ).toThrow('translations.fr.banner.title must be a string (got number)');
    expect(() => handler({ origins: ['shop.example'] })).toThrow(/origins: "shop.example" must be an origin/);
    expect(() => createConsentHandler({ config: { categories: {} }, store })).toThrow(
      /categories must be an object with at least one category/,
    );
  });
});
