// From a visit's raw events to the report's records: which cookie each write left in the jar, what
// was deleted again, what appeared without a write the audit saw, and storage keys.
import type { Cookie } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cookieRecords, requestRecords, storageRecords, type RawVisit } from '../../src/audit/records';
import type { RawCookieWrite } from '../../src/audit/recorder';

const PAGE = 'http://127.0.0.1:4000/shop/';
const jarCookie = (name: string, over: Partial<Cookie> = {}): Cookie => ({
  name,
  value: 'v',
  domain: '127.0.0.1',
  path: '/',
  expires: 1_900_000_000,
  httpOnly: false,
  secure: false,
  sameSite: 'Lax',
  ...over,
});
const write = (name: string, over: Partial<RawCookieWrite> = {}): RawCookieWrite => ({
  phase: 'before-consent',
  t: 50,
  setBy: 'script',
  name,
  domain: '127.0.0.1',
  deletes: false,
  api: 'document.cookie',
  script: 'http://127.0.0.2:5000/t.js',
  line: 1,
  ...over,
});
const raw = (over: Partial<RawVisit>): RawVisit => ({
  cookieWrites: [],
  requests: [],
  storageWrites: [],
  snapshots: [],
  baseline: [],
  ...over,
});
const context = { pageUrl: PAGE, necessary: [], phases: ['before-consent', 'after-decline'] as const };

describe('cookieRecords', () => {
  it('gives each write the cookie the jar kept, with who wrote it, once per phase', () => {
    const visit = raw({
      cookieWrites: [
        write('_ga'),
        write('_ga', { t: 90 }),
        write('fr', {
          setBy: 'header',
          domain: '127.0.0.2',
          response: 'http://127.0.0.2:5000/tr',
          script: undefined,
          api: undefined,
        }),
      ],
      snapshots: [
        {
          phase: 'before-consent',
          t: 1000,
          jar: [jarCookie('_ga'), jarCookie('fr', { domain: '127.0.0.2', httpOnly: true })],
          storage: [],
        },
      ],
    });
    const records = cookieRecords(visit, { ...context, phases: [...context.phases] });
    expect(
      records.map((r) => [r.name, r.setBy, r.writes, r.firstParty, r.class, r.script ?? r.response]),
    ).toEqual([
      ['_ga', 'script', 2, true, 'tracker', 'http://127.0.0.2:5000/t.js'],
      ['fr', 'header', 1, false, 'tracker', 'http://127.0.0.2:5000/tr'],
    ]);
    expect(records[0].expires).toBe(new Date(1_900_000_000_000).toISOString());
  });

  it('keeps a cookie deleted again in the same phase, drops one the browser refused', () => {
    const visit = raw({
      cookieWrites: [
        write('_fbp', { phase: 'after-decline' }),
        write('_fbp', { phase: 'after-decline', deletes: true, t: 60 }),
        write('_ga', { phase: 'after-decline', domain: 'com' }),
      ],
      snapshots: [
        { phase: 'before-consent', t: 1000, jar: [], storage: [] },
        { phase: 'after-decline', t: 2000, jar: [], storage: [] },
      ],
    });
    expect(
      cookieRecords(visit, { ...context, phases: [...context.phases] }).map((r) => [
        r.name,
        r.deleted,
        r.phase,
      ]),
    ).toEqual([['_fbp', true, 'after-decline']]);
  });

  it('reports a cookie that appeared without a write as set by something unseen; not the planted ones, nor unchanged ones', () => {
    const visit = raw({
      baseline: [jarCookie('cg_consent')],
      snapshots: [
        { phase: 'before-consent', t: 1000, jar: [jarCookie('cg_consent'), jarCookie('sw_id')], storage: [] },
        { phase: 'after-decline', t: 2000, jar: [jarCookie('cg_consent'), jarCookie('sw_id')], storage: [] },
      ],
    });
    expect(
      cookieRecords(visit, { ...context, phases: [...context.phases] }).map((r) => [
        r.name,
        r.setBy,
        r.phase,
        r.t,
      ]),
    ).toEqual([['sw_id', 'unknown', 'before-consent', 1000]]);
  });

  it('leaves out phases that are not asked for (the accept visit’s own load)', () => {
    const visit = raw({
      cookieWrites: [write('_ga')],
      snapshots: [{ phase: 'before-consent', t: 1, jar: [jarCookie('_ga')], storage: [] }],
    });
    expect(cookieRecords(visit, { ...context, phases: ['after-accept'] })).toEqual([]);
  });
});

describe('requestRecords', () => {
  it('gives requests their site, service and initiator, handing initiators out in order', () => {
    const initiators = new Map([['http://127.0.0.2:5000/connect.facebook.net/en_US/fbevents.js', [PAGE]]]);
    const visit = raw({
      requests: [
        { phase: 'before-consent', t: 5, url: PAGE, method: 'GET', type: 'document', status: 200 },
        {
          phase: 'before-consent',
          t: 9,
          url: 'http://127.0.0.2:5000/connect.facebook.net/en_US/fbevents.js',
          method: 'GET',
          type: 'script',
          frame: PAGE,
        },
        { phase: 'before-consent', t: 9, url: 'data:image/gif;base64,R0lGOD', method: 'GET', type: 'image' },
      ],
      initiatorFor: (url) => initiators.get(url)?.shift(),
    });
    expect(requestRecords(visit, { ...context, phases: [...context.phases] })).toEqual([
      {
        url: PAGE,
        method: 'GET',
        type: 'document',
        site: '127.0.0.1',
        thirdParty: false,
        tracker: false,
        status: 200,
        phase: 'before-consent',
        t: 5,
      },
      expect.objectContaining({
        site: '127.0.0.2',
        thirdParty: true,
        tracker: true,
        service: expect.objectContaining({ id: 'meta-pixel' }),
        initiator: PAGE,
      }),
    ]);
  });
});

describe('storageRecords', () => {
  it('lists keys written, with the writer, and keys that appeared without a write', () => {
    const origin = 'http://127.0.0.1:4000';
    const visit = raw({
      storageWrites: [
        {
          phase: 'before-consent',
          t: 70,
          kind: 'localStorage',
          key: '_hjSession_1',
          origin,
          script: 'http://127.0.0.3:1/hotjar-1.js',
        },
      ],
      snapshots: [
        {
          phase: 'before-consent',
          t: 1000,
          jar: [],
          storage: [
            { kind: 'localStorage', origin, key: '_hjSession_1' },
            { kind: 'sessionStorage', origin, key: 'theme' },
          ],
        },
      ],
    });
    expect(
      storageRecords(visit, { ...context, phases: [...context.phases] }).map((s) => [
        s.kind,
        s.key,
        s.class,
        s.script,
        s.t,
      ]),
    ).toEqual([
      ['localStorage', '_hjSession_1', 'tracker', 'http://127.0.0.3:1/hotjar-1.js', 70],
      ['sessionStorage', 'theme', 'unknown', undefined, 1000],
    ]);
  });
});
