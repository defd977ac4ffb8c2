// From what a visit recorded to the records of the report: each cookie with its domain and expiry as
// the browser kept it and who wrote it, each request with its site and service, each storage key.
// Pure: the recorder's raw events and snapshots in, records out.
import type { Cookie } from 'playwright-core';
import { classifyCookie, type NecessaryList } from './classify';
import { serviceForUrl } from './presets';
import type { RawCookieWrite, RawRequest, RawStorageWrite, Snapshot } from './recorder';
import { cookieIsFirstParty, isThirdParty, siteOf } from './site';
import type { CookieRecord, Phase, RequestRecord, StorageRecord } from './types';

export interface RawVisit {
  cookieWrites: RawCookieWrite[];
  requests: RawRequest[];
  storageWrites: RawStorageWrite[];
  /** One per phase, in the order the phases ran. */
  snapshots: Snapshot[];
  /** The jar before the first load (planted cookies). */
  baseline: Cookie[];
  /** The initiator of a request, handed out in order (see VisitRecorder.initiatorFor). */
  initiatorFor?: (url: string) => string | undefined;
}

export interface Context {
  /** The audited page's final URL: what counts as first party. */
  pageUrl: string;
  necessary: NecessaryList;
  /** Phases whose events belong in the report (the accept visit's load is there only to get to the click). */
  phases: Phase[];
}

const bare = (domain: string) => domain.replace(/^\./, '').toLowerCase();
const cookieKey = (c: { name: string; domain: string; path: string }) =>
  `${c.name}|${bare(c.domain)}|${c.path}`;

function expiry(cookie: Cookie): string | null {
  return cookie.expires > 0 ? new Date(cookie.expires * 1000).toISOString() : null;
}

/** The cookies written in each phase, as the jar held them at the phase's end. */
export function cookieRecords(raw: RawVisit, context: Context): Omit<CookieRecord, 'page'>[] {
  const out: Omit<CookieRecord, 'page'>[] = [];
  let before = new Map(raw.baseline.map((c) => [cookieKey(c), c.value]));
  for (const snapshot of raw.snapshots) {
    const phase = snapshot.phase;
    const explained = new Set<string>();
    const seen = new Map<string, Omit<CookieRecord, 'page'>>();
    const writes = raw.cookieWrites.filter((w) => w.phase === phase);
    writes.forEach((write, index) => {
      if (write.deletes) return;
      const kept = snapshot.jar.find((c) => c.name === write.name && bare(c.domain) === write.domain);
      // Not in the jar at the end of the phase: deleted again (a write that deletes it follows), or
      // never stored (the browser refused it: a domain it may not set, third-party cookies blocked).
      const deletedLater = writes
        .slice(index + 1)
        .some((w) => w.deletes && w.name === write.name && w.domain === write.domain);
      if (!kept && !deletedLater) return;
      const cookie: Cookie = kept ?? {
        name: write.name,
        value: '',
        domain: write.domain,
        path: write.path ?? '/',
        expires: -1,
        httpOnly: false,
        secure: false,
        sameSite: 'Lax',
      };
      const key = cookieKey(cookie);
      explained.add(key);
      const known = seen.get(key);
      if (known) {
        known.writes++;
        return;
      }
      seen.set(key, {
        ...describe(cookie, phase, write.t, context),
        ...source(write),
        ...(kept ? {} : { deleted: true }),
      });
    });
    // In the jar, new or changed, and no write the audit saw: a worker, a frame it could not reach.
    for (const cookie of snapshot.jar) {
      const key = cookieKey(cookie);
      if (explained.has(key) || before.get(key) === cookie.value) continue;
      seen.set(key, { ...describe(cookie, phase, snapshot.t, context), setBy: 'unknown' });
    }
    if (context.phases.includes(phase)) out.push(...seen.values());
    before = new Map(snapshot.jar.map((c) => [cookieKey(c), c.value]));
  }
  return out;
}

function describe(cookie: Cookie, phase: Phase, t: number, context: Context) {
  const firstParty = cookieIsFirstParty(cookie.domain, context.pageUrl);
  const { class: kind, service } = classifyCookie(cookie.name, firstParty, context.necessary);
  return {
    name: cookie.name,
    domain: cookie.domain,
    path: cookie.path,
    expires: expiry(cookie),
    httpOnly: cookie.httpOnly,
    secure: cookie.secure,
    sameSite: cookie.sameSite,
    firstParty,
    setBy: 'unknown' as CookieRecord['setBy'],
    class: kind,
    ...(service ? { service } : {}),
    phase,
    t,
    writes: 1,
  };
}

function source(write: RawCookieWrite): Partial<CookieRecord> {
  if (write.setBy === 'header') return { setBy: 'header', response: write.response, frame: write.frame };
  return {
    setBy: 'script',
    api: write.api,
    ...(write.script ? { script: write.script, line: write.line } : {}),
    frame: write.frame,
  };
}

/** Every request of the phases that count, with its site, service and initiator. */
export function requestRecords(raw: RawVisit, context: Context): Omit<RequestRecord, 'page'>[] {
  const out: Omit<RequestRecord, 'page'>[] = [];
  for (const request of raw.requests) {
    // Hand out initiators in order even for requests left out, so that the next one gets its own.
    const initiator = raw.initiatorFor?.(request.url) ?? request.frame;
    if (!context.phases.includes(request.phase) || !/^https?:/.test(request.url)) continue;
    const service = serviceForUrl(request.url);
    out.push({
      url: request.url,
      method: request.method,
      type: request.type,
      site: siteOf(request.url),
      thirdParty: isThirdParty(request.url, context.pageUrl),
      ...(service ? { service } : {}),
      tracker: !!service && service.category !== 'necessary',
      ...(initiator && initiator !== request.url ? { initiator } : {}),
      ...(request.status !== undefined ? { status: request.status } : {}),
      ...(request.failure ? { failure: request.failure } : {}),
      phase: request.phase,
      t: request.t,
    });
  }
  return out;
}

/** Storage keys written in each phase: the writes seen, and keys that appeared without one. */
export function storageRecords(raw: RawVisit, context: Context): Omit<StorageRecord, 'page'>[] {
  const out: Omit<StorageRecord, 'page'>[] = [];
  const key = (s: { kind: string; origin: string; key: string }) => `${s.kind}|${s.origin}|${s.key}`;
  let before = new Set<string>();
  for (const snapshot of raw.snapshots) {
    const phase = snapshot.phase;
    const seen = new Map<string, Omit<StorageRecord, 'page'>>();
    const add = (
      s: { kind: 'localStorage' | 'sessionStorage'; origin: string; key: string },
      t: number,
      script?: string,
    ) => {
      if (seen.has(key(s))) return;
      const firstParty = !isThirdParty(s.origin, context.pageUrl);
      const { class: kind, service } = classifyCookie(s.key, firstParty, context.necessary);
      seen.set(key(s), {
        kind: s.kind,
        origin: s.origin,
        key: s.key,
        firstParty,
        ...(script ? { script } : {}),
        class: kind,
        ...(service ? { service } : {}),
        phase,
        t,
      });
    };
    for (const write of raw.storageWrites.filter((w) => w.phase === phase)) add(write, write.t, write.script);
    for (const entry of snapshot.storage) if (!before.has(key(entry))) add(entry, snapshot.t);
    if (context.phases.includes(phase)) out.push(...seen.values());
    before = new Set(snapshot.storage.map(key));
  }
  return out;
}
