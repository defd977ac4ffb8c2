// What a regulator would object to, from what was recorded on one page. Pure: records in, findings out.
//
// Before any choice, and after Decline all (also after a reload), nothing may be stored or called
// that needs consent: a tracker's request (a preset outside `necessary`), a cookie that is not the
// consent record nor declared necessary (unknown ones included: the audit cannot know they are
// exempt), or a storage key a tracker uses. Requests to other sites that no preset names are listed,
// not counted: a font or a CDN is not a tracker.
import { compareButtons } from './prominence';
import type { ServiceRef } from './presets';
import type {
  CookieRecord,
  DeclinePath,
  DialogInfo,
  Finding,
  Phase,
  RequestRecord,
  StorageRecord,
} from './types';

export interface PageEvidence {
  url: string;
  cookies: CookieRecord[];
  requests: RequestRecord[];
  storage: StorageRecord[];
  dialog?: DialogInfo;
  decline?: DeclinePath;
  dialogAfterReload?: DialogInfo;
  /** Cookies were planted (--cookie): a returning visitor, for whom no dialog is expected. */
  returning: boolean;
  gpc: boolean;
}

const WHEN: Record<Phase, string> = {
  'before-consent': 'before any choice',
  'after-decline': 'after Decline all',
  'after-reload': 'after Decline all and a reload',
  'after-accept': 'after Accept all',
};

const named = (service?: ServiceRef) => (service ? ` (${service.label})` : '');

function cookieSource(c: CookieRecord): string {
  if (c.setBy === 'script') return c.script ? `by the script ${c.script}` : 'by a script';
  if (c.setBy === 'header') return `by the Set-Cookie header of ${c.response}`;
  return 'by something the audit could not see (a worker or a frame)';
}

function cookieFinding(kind: Finding['kind'], c: CookieRecord, page: string): Finding {
  const what = c.class === 'unknown' ? 'an unknown cookie' : 'a tracking cookie';
  return {
    kind,
    detail: `"${c.name}"${named(c.service)}, ${what} on ${c.domain}, was set ${WHEN[c.phase]}, ${cookieSource(c)}${c.deleted ? ' (and deleted again before the phase ended)' : ''}.`,
    page,
    phase: c.phase,
    cookie: { name: c.name, domain: c.domain, expires: c.expires, setBy: c.setBy },
    initiator: c.script ?? c.response,
    ...(c.service ? { service: c.service } : {}),
    ...(c.writes > 1 ? { count: c.writes } : {}),
  };
}

/** Tracker requests grouped by service: one finding each, with the first request as the evidence. */
function requestFindings(
  kind: Finding['kind'],
  requests: RequestRecord[],
  page: string,
  why: string,
): Finding[] {
  const groups = new Map<string, RequestRecord[]>();
  for (const r of requests) {
    const id = `${r.phase}|${r.service?.id}`;
    groups.set(id, [...(groups.get(id) ?? []), r]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0];
    const more = group.length > 1 ? ` (${group.length} requests)` : '';
    return {
      kind,
      detail: `${first.service?.label} was called ${WHEN[first.phase]}${why}: ${first.url}${more}${first.initiator ? `, from ${first.initiator}` : ''}.`,
      page,
      phase: first.phase,
      url: first.url,
      ...(first.initiator ? { initiator: first.initiator } : {}),
      ...(first.service ? { service: first.service } : {}),
      count: group.length,
    };
  });
}

function storageFinding(kind: Finding['kind'], s: StorageRecord, page: string): Finding {
  return {
    kind,
    detail: `${s.kind} key "${s.key}"${named(s.service)} of ${s.origin} was written ${WHEN[s.phase]}${s.script ? `, by ${s.script}` : ''}.`,
    page,
    phase: s.phase,
    storage: { kind: s.kind, origin: s.origin, key: s.key },
    ...(s.script ? { initiator: s.script } : {}),
    ...(s.service ? { service: s.service } : {}),
  };
}

const needsConsent = (c: CookieRecord) => c.class === 'tracker' || c.class === 'unknown';

export function findingsFor(page: PageEvidence): Finding[] {
  const out: Finding[] = [];
  const url = page.url;
  const inPhase = <T extends { phase: Phase }>(list: T[], phases: Phase[]) =>
    list.filter((x) => phases.includes(x.phase));

  const before: Phase[] = ['before-consent'];
  const early = [
    ...inPhase(page.cookies, before)
      .filter(needsConsent)
      .map((c) => cookieFinding('cookie-before-consent', c, url)),
    ...requestFindings(
      'tracker-before-consent',
      inPhase(page.requests, before).filter((r) => r.tracker),
      url,
      '',
    ),
    ...inPhase(page.storage, before)
      .filter((s) => s.class === 'tracker')
      .map((s) => storageFinding('storage-before-consent', s, url)),
  ];
  out.push(...early);

  if (!page.dialog && early.length && !page.returning) {
    out.push({
      kind: 'no-consent-dialog',
      detail: 'No consent dialog was found, yet the page sets cookies or calls trackers that need consent.',
      page: url,
      phase: 'before-consent',
    });
  }

  if (page.dialog) {
    const settings = page.dialog.settings?.text;
    if (!page.decline) {
      out.push({
        kind: 'no-reject-on-first-layer',
        detail: settings
          ? `The consent dialog has no way to reject, neither on the first layer nor behind "${settings}".`
          : 'The consent dialog has no way to reject: it offers only to accept.',
        page: url,
        phase: 'before-consent',
      });
    } else if (page.decline.depth > 1) {
      out.push({
        kind: 'no-reject-on-first-layer',
        detail: `Rejecting takes ${page.decline.depth} clicks (${page.decline.clicks.map((c) => `"${c}"`).join(', then ')}); accepting takes one ("${page.dialog.accept?.text}").`,
        page: url,
        phase: 'before-consent',
      });
    }
    const { accept, reject } = page.dialog;
    if (accept && reject) {
      const { reasons } = compareButtons(accept.look, reject.look);
      if (reasons.length) {
        out.push({
          kind: 'reject-less-prominent',
          detail: `"${reject.text}" is less prominent than "${accept.text}": ${reasons.join('; ')}.`,
          page: url,
          phase: 'before-consent',
          measured: { accept, reject, reasons },
        });
      }
    }
  }

  const after: Phase[] = ['after-decline', 'after-reload'];
  out.push(
    ...requestFindings(
      'reject-not-honoured',
      inPhase(page.requests, after).filter((r) => r.tracker),
      url,
      '',
    ),
    ...inPhase(page.cookies, after)
      .filter(needsConsent)
      .map((c) => cookieFinding('reject-not-honoured', c, url)),
    ...inPhase(page.storage, after)
      .filter((s) => s.class === 'tracker')
      .map((s) => storageFinding('reject-not-honoured', s, url)),
  );

  if (page.dialogAfterReload) {
    out.push({
      kind: 'consent-not-remembered',
      detail: `After Decline all and a reload, the consent dialog ("${page.dialogAfterReload.name}") asked again.`,
      page: url,
      phase: 'after-reload',
    });
  }

  if (page.gpc) {
    const accepted: Phase[] = ['after-accept'];
    const selling = (service?: ServiceRef) => service?.category === 'marketing';
    out.push(
      ...requestFindings(
        'gpc-not-honoured',
        inPhase(page.requests, accepted).filter((r) => r.tracker && selling(r.service)),
        url,
        ' although the browser sent Global Privacy Control',
      ),
    );
  }
  return out;
}
