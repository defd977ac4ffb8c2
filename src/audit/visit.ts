// The audit of one page, as a regulator does it: a first visit in a fresh profile (before any
// choice, after Decline all, after a reload), then a second fresh profile for Accept all.
import type { Page } from 'playwright-core';
import { openProfile, type BrowserSettings, type Profile } from './browser';
import { clickButton, findDialog, release, type FoundDialog } from './dialog';
import { findingsFor } from './findings';
import { cookieRecords, requestRecords, storageRecords, type RawVisit } from './records';
import { VisitRecorder } from './recorder';
import { siteOf } from './site';
import type { DeclinePath, DialogInfo, PageReport, Phase, PhaseReport } from './types';
import type { Phrase } from './vocabulary';

type Playwright = typeof import('playwright-core');

export interface VisitSettings extends BrowserSettings {
  waitMs: number;
  idleMs: number;
  cookies: { name: string; value: string }[];
  necessary: (string | RegExp)[];
  phrases: Phrase[];
  progress: (phase: Phase, step: string, elapsed?: number, requests?: number) => void;
}

/** The page could not be audited: unreachable, an error status, a crash. */
export class PageError extends Error {
  override name = 'PageError';
}

interface Visit {
  profile: Profile;
  recorder: VisitRecorder;
  phases: PhaseReport[];
}

async function open(playwright: Playwright, url: string, settings: VisitSettings): Promise<Visit> {
  const profile = await openProfile(playwright, settings);
  try {
    const recorder = await VisitRecorder.attach(profile.context, settings.gpc);
    if (settings.cookies.length) {
      await profile.context.addCookies(settings.cookies.map((c) => ({ ...c, url })));
    }
    recorder.baseline = await profile.context.cookies();
    return { profile, recorder, phases: [] };
  } catch (error) {
    await profile.close();
    throw error;
  }
}

/**
 * Loads (or reloads) the page: an error when the document does not come, or comes with an error
 * status. The load event is awaited up to `waitMs` only: a stream or an image that never ends holds
 * it back for ever, and what matters comes before.
 */
async function load(page: Page, url: string, waitMs: number, reload = false): Promise<void> {
  const timeout = 30_000 + waitMs;
  let response;
  try {
    response = reload
      ? await page.reload({ waitUntil: 'domcontentloaded', timeout })
      : await page.goto(url, { waitUntil: 'domcontentloaded', timeout });
  } catch (error) {
    // Playwright says "page.goto: net::ERR_… at <url>"; the URL is in the sentence already.
    const message = String((error as Error).message)
      .split('\n')[0]
      .replace(/^page\.\w+: /, '')
      .replace(/ at \S+$/, '');
    throw new PageError(`could not load ${url}: ${message}`);
  }
  if (response && response.status() >= 400) {
    throw new PageError(`${url} answered HTTP ${response.status()} ${response.statusText()}`.trim());
  }
  await page.waitForLoadState('load', { timeout: waitMs }).catch(() => undefined);
}

/** Runs one phase: the action that starts it, the wait for the network, then the state and a screenshot. */
async function phase(
  visit: Visit,
  name: Phase,
  settings: VisitSettings,
  action: () => Promise<void>,
): Promise<PhaseReport> {
  const { recorder, profile } = visit;
  await recorder.begin(name);
  const t = recorder.now();
  await action();
  settings.progress(name, 'waiting for the network to go quiet');
  const timedOut = await recorder.settle(settings.idleMs, settings.waitMs, (elapsed, requests) =>
    settings.progress(name, 'waiting for the network to go quiet', elapsed, requests),
  );
  const shot = await profile.page
    .screenshot({ type: 'jpeg', quality: 70, timeout: 10_000 })
    .catch(() => undefined);
  const report: PhaseReport = {
    phase: name,
    t,
    duration: recorder.now() - t,
    timedOut,
    ...(shot ? { screenshot: shot.toString('base64') } : {}),
    errors: [],
  };
  visit.phases.push(report);
  return report;
}

/** Links on the page that stay on its site, without fragments, in document order. */
async function sameSiteLinks(page: Page): Promise<string[]> {
  const hrefs = await page
    .evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href))
    .catch(() => [] as string[]);
  const site = siteOf(page.url());
  const out = new Set<string>();
  for (const href of hrefs) {
    if (!/^https?:/.test(href)) continue;
    const url = new URL(href);
    url.hash = '';
    if (siteOf(url.href) !== site) continue;
    if (/\.(pdf|zip|jpe?g|png|gif|webp|svg|mp4|mp3|docx?|xlsx?)$/i.test(url.pathname)) continue;
    out.add(url.href);
  }
  return [...out];
}

/** Opens the reject path: reject on the first layer, or behind the settings button on the second. */
async function decline(
  visit: Visit,
  dialog: FoundDialog,
  settings: VisitSettings,
): Promise<{ path?: DeclinePath; dialog: FoundDialog }> {
  if (dialog.info.reject)
    return { path: { clicks: [dialog.info.reject.text], depth: 1, via: 'reject' }, dialog };
  if (!dialog.info.settings) return { dialog };
  settings.progress('before-consent', `opening "${dialog.info.settings.text}"`);
  await clickButton(dialog, 'settings');
  await visit.recorder.settle(Math.min(settings.idleMs, 1_000), Math.min(settings.waitMs, 5_000));
  const second = await findDialog(visit.profile.page, undefined, settings.phrases);
  if (!second) return { dialog };
  const first = dialog.info.settings.text;
  await release(dialog);
  if (second.info.reject) {
    return {
      path: { clicks: [first, second.info.reject.text], depth: 2, via: 'reject', secondLayer: second.info },
      dialog: second,
    };
  }
  if (second.info.save) {
    return {
      path: { clicks: [first, second.info.save.text], depth: 2, via: 'save', secondLayer: second.info },
      dialog: second,
    };
  }
  return { dialog: second };
}

type Collected = ReturnType<typeof collect>;

function collect(visit: Visit, pageUrl: string, settings: VisitSettings, phases: Phase[]) {
  const raw: RawVisit = {
    cookieWrites: visit.recorder.cookieWrites,
    requests: visit.recorder.requests,
    storageWrites: visit.recorder.storageWrites,
    snapshots: visit.recorder.snapshots,
    baseline: visit.recorder.baseline,
    initiatorFor: (url) => visit.recorder.initiatorFor(url),
  };
  const context = { pageUrl, necessary: settings.necessary, phases };
  for (const report of visit.phases) {
    report.errors = visit.recorder.errors.filter((e) => e.phase === report.phase).map((e) => e.text);
  }
  return {
    cookies: cookieRecords(raw, context).map((r) => ({ page: pageUrl, ...r })),
    requests: requestRecords(raw, context).map((r) => ({ page: pageUrl, ...r })),
    storage: storageRecords(raw, context).map((r) => ({ page: pageUrl, ...r })),
    phases: visit.phases.filter((p) => phases.includes(p.phase)),
  };
}

interface DeclineOutcome {
  collected: Collected;
  finalUrl: string;
  lang?: string;
  links: string[];
  dialog?: DialogInfo;
  declinePath?: DeclinePath;
  dialogAfterReload?: DialogInfo;
  skipped: PageReport['skipped'];
}

/** The first visit: before any choice, after Decline all, after a reload. */
async function declineVisit(
  playwright: Playwright,
  url: string,
  settings: VisitSettings,
): Promise<DeclineOutcome> {
  const skipped: PageReport['skipped'] = {};
  const visit = await open(playwright, url, settings);
  try {
    const page = visit.profile.page;
    await phase(visit, 'before-consent', settings, async () => {
      settings.progress('before-consent', 'loading');
      await load(page, url, settings.waitMs);
    });
    const finalUrl = page.url();
    const lang = (await page.evaluate(() => document.documentElement.lang).catch(() => '')) || undefined;
    const links = await sameSiteLinks(page);
    settings.progress('before-consent', 'looking for the consent dialog');
    const dialog = await findDialog(page, lang ?? settings.lang, settings.phrases);
    let declinePath: DeclinePath | undefined;
    let dialogAfterReload: DialogInfo | undefined;
    if (dialog) {
      visit.phases[0].dialog = dialog.info;
      const way = await decline(visit, dialog, settings);
      declinePath = way.path;
      if (declinePath) {
        const path = declinePath;
        await phase(visit, 'after-decline', settings, async () => {
          settings.progress('after-decline', `clicking "${path.clicks[path.clicks.length - 1]}"`);
          await clickButton(way.dialog, path.via);
        });
        await release(way.dialog);
        visit.phases[1].dialog = await dialogInfo(page, lang, settings);
        await phase(visit, 'after-reload', settings, async () => {
          settings.progress('after-reload', 'reloading');
          await load(page, url, settings.waitMs, true);
        });
        dialogAfterReload = await dialogInfo(page, lang, settings);
        visit.phases[2].dialog = dialogAfterReload;
      } else {
        await release(way.dialog);
        skipped['after-decline'] = 'the consent dialog offers no way to reject';
        skipped['after-reload'] = skipped['after-decline'];
      }
    } else {
      const why = settings.cookies.length
        ? 'no consent dialog showed (as expected for a returning visitor)'
        : 'no consent dialog was found';
      skipped['after-decline'] = why;
      skipped['after-reload'] = why;
    }
    await visit.recorder.end();
    return {
      collected: collect(visit, finalUrl, settings, ['before-consent', 'after-decline', 'after-reload']),
      finalUrl,
      lang,
      links,
      dialog: dialog?.info,
      declinePath,
      dialogAfterReload,
      skipped,
    };
  } finally {
    await visit.profile.close();
  }
}

/** The dialog visible now, as data. */
async function dialogInfo(
  page: Page,
  lang: string | undefined,
  settings: VisitSettings,
): Promise<DialogInfo | undefined> {
  const found = await findDialog(page, lang, settings.phrases);
  await release(found);
  return found?.info;
}

/** The second visit, in a profile of its own: Accept all. Undefined (with the reason) when there is nothing to accept. */
async function acceptVisit(
  playwright: Playwright,
  url: string,
  settings: VisitSettings,
): Promise<{ collected?: Collected; skipped?: string }> {
  const visit = await open(playwright, url, settings);
  try {
    const page = visit.profile.page;
    await visit.recorder.begin('before-consent');
    await load(page, url, settings.waitMs);
    await visit.recorder.settle(settings.idleMs, settings.waitMs);
    const lang = (await page.evaluate(() => document.documentElement.lang).catch(() => '')) || settings.lang;
    const dialog = await findDialog(page, lang, settings.phrases);
    if (!dialog?.info.accept) {
      await release(dialog);
      return {
        skipped: dialog ? 'the consent dialog offers no accept button' : 'no consent dialog was found',
      };
    }
    await phase(visit, 'after-accept', settings, async () => {
      settings.progress('after-accept', `clicking "${dialog.info.accept!.text}"`);
      await clickButton(dialog, 'accept');
    });
    await release(dialog);
    visit.phases[0].dialog = await dialogInfo(page, lang, settings);
    await visit.recorder.end();
    return { collected: collect(visit, page.url(), settings, ['after-accept']) };
  } finally {
    await visit.profile.close();
  }
}

/**
 * Audits one page: the two visits run side by side, each in its own fresh profile (most of a visit
 * is waiting for the network). Throws PageError when the page cannot be loaded.
 */
export async function auditPage(
  playwright: Playwright,
  url: string,
  settings: VisitSettings,
): Promise<PageReport> {
  const started = Date.now();
  const [first, second] = await Promise.allSettled([
    declineVisit(playwright, url, settings),
    acceptVisit(playwright, url, settings),
  ]);
  if (first.status === 'rejected') throw first.reason;
  if (second.status === 'rejected') throw second.reason;
  const declined = first.value;
  const accepted = second.value;
  const skipped = { ...declined.skipped };
  if (accepted.skipped) skipped['after-accept'] = accepted.skipped;

  const cookies = [...declined.collected.cookies, ...(accepted.collected?.cookies ?? [])];
  const requests = [...declined.collected.requests, ...(accepted.collected?.requests ?? [])];
  const storage = [...declined.collected.storage, ...(accepted.collected?.storage ?? [])];
  const findings = findingsFor({
    url: declined.finalUrl,
    cookies,
    requests,
    storage,
    dialog: declined.dialog,
    decline: declined.declinePath,
    dialogAfterReload: declined.dialogAfterReload,
    returning: settings.cookies.length > 0,
    gpc: settings.gpc,
  });
  return {
    url,
    finalUrl: declined.finalUrl,
    site: siteOf(declined.finalUrl),
    ...(declined.lang ? { lang: declined.lang } : {}),
    ...(declined.dialog ? { dialog: declined.dialog } : {}),
    ...(declined.declinePath ? { decline: declined.declinePath } : {}),
    ...(declined.dialogAfterReload ? { dialogAfterReload: declined.dialogAfterReload } : {}),
    skipped,
    phases: [...declined.collected.phases, ...(accepted.collected?.phases ?? [])],
    findings,
    cookies,
    requests,
    storage,
    links: declined.links,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}
