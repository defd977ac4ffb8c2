// Point 8, hostile input: 1,000 requests from fast-check that no browser library would send
// (truncated, deeply nested, huge, __proto__ keys, wrong types, bad UTF-8, wrong content types,
// methods and origins) get a 4xx, never a 5xx, and nothing is stored or set. And bodies that come
// too slowly, or never end, are cut off by the time and size limits. Over real HTTP: Node's server,
// the Node listener, the handler, a real store.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsentHandler, sqlStore, type ReceiptStore } from '../../src/server';
import { nodeListener } from '../../src/server/node/listener';
import { freshPglite } from '../server/support/databases';
import { CONFIG, ORIGIN, TRANSLATIONS, decision, postedBody } from '../server/support/receipts';

let store: ReceiptStore;
let db: Awaited<ReturnType<typeof freshPglite>>;
let server: http.Server;
let port = 0;
let valid: Record<string, unknown>;

const report = (line: string) => process.stderr.write(`reliability: ${line}\n`);

beforeAll(async () => {
  db = await freshPglite();
  store = await sqlStore(db);
  const handler = createConsentHandler({
    config: CONFIG,
    store,
    translations: TRANSLATIONS,
    origins: [ORIGIN],
    bodyTimeoutMs: 1_000,
  });
  // As the command runs it, with shorter limits.
  server = http.createServer(
    { requestTimeout: 5_000, headersTimeout: 2_000, connectionsCheckingInterval: 500 },
    nodeListener(handler),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  valid = await postedBody(decision());
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await store.close();
  await db.close();
});

const stored = async () =>
  Number((await db.query('select count(*)::int as n from consent_gate_receipts')).rows[0].n);

interface Hostile {
  kind: string;
  method?: string;
  type?: string | null;
  origin?: string;
  body: Uint8Array;
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const json = (v: unknown) => JSON.stringify(v);

/** Sets a value at a path of a copy of the valid body, as an own key (even "__proto__"). */
function setAt(path: string[], v: unknown): Record<string, unknown> {
  const copy = JSON.parse(json(valid));
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k];
  Object.defineProperty(o, path[path.length - 1], {
    value: v,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

const FIELDS: [string[], 'string' | 'boolean' | 'number' | 'object'][] = [
  [['consent'], 'object'],
  [['revision'], 'number'],
  [['language'], 'string'],
  [['url'], 'string'],
  [['userAgent'], 'string'],
  [['gpc'], 'boolean'],
  [['textsHash'], 'string'],
  [['hashAlgorithm'], 'string'],
  [['consent', 'id'], 'string'],
  [['consent', 'revision'], 'number'],
  [['consent', 'givenAt'], 'string'],
  [['consent', 'updatedAt'], 'string'],
  [['consent', 'categories'], 'object'],
  [['consent', 'services'], 'object'],
  [['consent', 'categories', 'analytics'], 'boolean'],
  [['consent', 'services', 'analytics'], 'object'],
  [['consent', 'services', 'analytics', 'google-analytics'], 'boolean'],
];
const anyValue = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, 1, -1, 2.5, '', '1', 'true', [], {}, [true], { x: 1 }),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.jsonValue({ maxDepth: 2 }),
);
const wrongType = fc
  .tuple(fc.constantFrom(...FIELDS), anyValue)
  .filter(([[, type], v]) =>
    type == 'object' ? typeof v != 'object' || v === null || Array.isArray(v) : typeof v != type,
  )
  .map(([[path], v]) => ({ kind: 'wrong type', body: utf8(json(setAt(path, v))) }));

const LEVELS: string[][] = [
  [],
  ['consent'],
  ['consent', 'categories'],
  ['consent', 'services'],
  ['consent', 'services', 'analytics'],
];

const hostile: fc.Arbitrary<Hostile> = fc.oneof(
  // Truncated: every proper prefix of a JSON object is no JSON.
  fc.nat().map((n) => {
    const s = json(valid);
    return { kind: 'truncated', body: utf8(s.slice(0, n % s.length)) };
  }),
  // Deep nesting where a map of booleans belongs, or around the whole body.
  fc.integer({ min: 10, max: 6_000 }).map((n) => ({
    kind: 'deep nesting',
    body: utf8(
      json(valid).replace('"services":', '"services":' + '{"x":'.repeat(n) + '{}' + '}'.repeat(n) + ',"s":'),
    ),
  })),
  fc
    .integer({ min: 10, max: 4_000 })
    .map((n) => ({ kind: 'deep nesting', body: utf8('['.repeat(n) + ']'.repeat(n)) })),
  // Huge: strings where a short one belongs, and bodies over the 16 KB limit.
  fc
    .tuple(
      fc.constantFrom<string[][]>(['url'], ['userAgent'], ['consent', 'id'], ['language']),
      fc.integer({ min: 2_100, max: 15_000 }),
    )
    .map(([path, n]) => ({ kind: 'huge string', body: utf8(json(setAt(path, 'x'.repeat(n)))) })),
  fc
    .integer({ min: 16_500, max: 200_000 })
    .map((n) => ({ kind: 'too large', body: utf8(json({ ...valid, pad: 'x'.repeat(n) })) })),
  // __proto__ at any level, with any value.
  fc
    .tuple(fc.constantFrom(...LEVELS), anyValue)
    .map(([at, v]) => ({ kind: '__proto__', body: utf8(json(setAt([...at, '__proto__'], v))) })),
  wrongType,
  // Bad UTF-8 somewhere in a valid body.
  fc
    .tuple(
      fc.nat(),
      fc.constantFrom(
        [0xff],
        [0xfe, 0xff],
        [0xc0, 0x80],
        [0x80],
        [0xe2, 0x82],
        [0xed, 0xa0, 0x80],
        [0xf8, 0x88, 0x80, 0x80, 0x80],
      ),
    )
    .map(([at, bad]) => {
      const bytes = utf8(json(valid));
      const i = at % bytes.length;
      return { kind: 'bad UTF-8', body: new Uint8Array([...bytes.slice(0, i), ...bad, ...bytes.slice(i)]) };
    }),
  // A valid body, sent the wrong way.
  fc
    .constantFrom(
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=----x',
      'application/xml',
      'text/html',
      'text/plain; charset=iso-8859-1',
      'text/plain; charset=utf-16',
      null,
    )
    .map((type) => ({ kind: 'wrong content type', type, body: utf8(json(valid)) })),
  fc
    .constantFrom('PUT', 'PATCH', 'DELETE')
    .map((method) => ({ kind: 'wrong method', method, body: utf8(json(valid)) })),
  fc
    .constantFrom(
      'https://evil.example',
      'null',
      'https://shop.example.evil.example',
      'http://shop.example:8080',
    )
    .map((origin) => ({ kind: 'wrong origin', origin, body: utf8(json(valid)) })),
  // Anything at all.
  fc.uint8Array({ maxLength: 2_000 }).map((body) => ({ kind: 'random bytes', body })),
  fc.jsonValue().map((v) => ({ kind: 'random JSON', body: utf8(json(v) ?? 'null') })),
);

function send(h: Hostile): Promise<{ status: number; cookie: unknown }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {
      origin: h.origin ?? ORIGIN,
      'content-length': h.body.length,
    };
    if (h.type !== null) headers['content-type'] = h.type ?? 'text/plain;charset=UTF-8';
    const req = http.request(
      { host: '127.0.0.1', port, path: '/consent', method: h.method ?? 'POST', headers },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode!, cookie: res.headers['set-cookie'] }));
      },
    );
    // The server may answer (413) and close before the whole body went out.
    req.on('error', (e: NodeJS.ErrnoException) =>
      e.code == 'EPIPE' || e.code == 'ECONNRESET' ? resolve({ status: 413, cookie: undefined }) : reject(e),
    );
    req.end(h.body);
  });
}

describe('1,000 hostile requests', () => {
  it('get a 4xx, never a 5xx; nothing is stored and no cookie is set', async () => {
    // (A Map: one kind is called __proto__.)
    const kinds = new Map<string, Record<number, number>>();
    await fc.assert(
      fc.asyncProperty(hostile, async (h) => {
        const { status, cookie } = await send(h);
        const counts = kinds.get(h.kind) ?? {};
        counts[status] = (counts[status] ?? 0) + 1;
        kinds.set(h.kind, counts);
        expect(status, `${h.kind} got ${status}`).toBeGreaterThanOrEqual(400);
        expect(status, `${h.kind} got ${status}`).toBeLessThan(500);
        expect(cookie).toBeUndefined();
      }),
      { numRuns: 1_000 },
    );
    expect(await stored()).toBe(0);
    const total = [...kinds.values()].reduce((n, k) => n + Object.values(k).reduce((a, b) => a + b, 0), 0);
    expect(total).toBe(1_000);
    report(
      `${total} hostile requests, by kind and status: ${JSON.stringify(Object.fromEntries(kinds))}; stored: 0`,
    );
    // The control: the valid body is stored.
    expect((await send({ kind: 'valid', body: utf8(json(await postedBody(decision()))) })).status).toBe(204);
    expect(await stored()).toBe(1);
    await db.query('delete from consent_gate_receipts');
  }, 120_000);
});

/** A raw connection that sends the headers of a POST, then what `feed` writes, and reports the answer. */
function rawPost(feed: (socket: net.Socket) => void, length?: number) {
  return new Promise<{ status: number; ms: number; closed: boolean; sent: number }>((resolve) => {
    const started = performance.now();
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    let sent = 0;
    socket.on('connect', () => {
      socket.write(
        'POST /consent HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
          `Origin: ${ORIGIN}\r\nContent-Type: text/plain;charset=UTF-8\r\n` +
          (length === undefined ? 'Transfer-Encoding: chunked\r\n' : `Content-Length: ${length}\r\n`) +
          '\r\n',
      );
      const write = socket.write.bind(socket);
      socket.write = ((chunk: Uint8Array | string, ...rest: never[]) => {
        sent += chunk.length;
        return write(chunk, ...rest);
      }) as typeof socket.write;
      feed(socket);
    });
    socket.on('data', (d) => (answer += d));
    socket.on('error', () => {});
    socket.on('close', () =>
      resolve({
        status: Number(/^HTTP\/1\.1 (\d+)/.exec(answer)?.[1] ?? 0),
        ms: performance.now() - started,
        closed: true,
        sent,
      }),
    );
  });
}

describe('slow and endless bodies', () => {
  it('a body that trickles in is cut off by the time limit (408), and the connection closed', async () => {
    const body = json(valid);
    let timer: ReturnType<typeof setInterval> | undefined;
    const result = await rawPost((socket) => {
      let i = 0;
      // One byte every 100 ms: the whole body would take minutes.
      timer = setInterval(() => {
        if (socket.writable && i < body.length) socket.write(body[i++]);
      }, 100);
    }, Buffer.byteLength(body));
    clearInterval(timer);
    report(`slow body: ${result.status} after ${Math.round(result.ms)} ms (${result.sent} bytes sent)`);
    expect(result.status).toBe(408);
    expect(result.ms).toBeLessThan(4_000);
    expect(await stored()).toBe(0);
  });

  it('a body that never ends is cut off by the size limit (413), having read little more than 16 KB', async () => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const result = await rawPost((socket) => {
      const chunk = Buffer.from('4000\r\n' + 'x'.repeat(0x4000) + '\r\n');
      timer = setInterval(() => {
        if (socket.writable) socket.write(chunk);
      }, 5);
    });
    clearInterval(timer);
    report(
      `endless body: ${result.status} after ${Math.round(result.ms)} ms (${result.sent} bytes sent before the close)`,
    );
    expect(result.status).toBe(413);
    expect(result.closed).toBe(true);
    expect(await stored()).toBe(0);
  });

  it('headers that never end are cut off by the server (headersTimeout)', async () => {
    const started = performance.now();
    const closed = await new Promise<string>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      let answer = '';
      let timer: ReturnType<typeof setInterval> | undefined;
      socket.on('connect', () => {
        socket.write('POST /consent HTTP/1.1\r\nHost: 127.0.0.1\r\n');
        timer = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 200);
      });
      socket.on('data', (d) => (answer += d));
      socket.on('error', () => {});
      socket.on('close', () => {
        clearInterval(timer);
        resolve(answer);
      });
    });
    const ms = performance.now() - started;
    report(`endless headers: closed after ${Math.round(ms)} ms (${closed.split('\r\n')[0] || 'no answer'})`);
    expect(ms).toBeLessThan(6_000);
    expect(await stored()).toBe(0);
  });
});
