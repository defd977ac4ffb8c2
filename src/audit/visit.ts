// The audit of one page, as a regulator does it: a first visit in a fresh profile (before any
// choice, after Decline all, after a reload), then a second fresh profile for Accept all.
import type { Page } from 'playwright-core';
import { openProfile, type BrowserSettings, type Profile } from './browser';
import { clickButton, findDialog, release, type FoundDialog } from './dialog';
import { findingsFor } from './findings';
import { cookieRecords, requestRecords, storageRecords, type RawVisit } from './records';
import { VisitRecorder } from './recorder';
import { siteOf } from './site';
import type { DeclinePath, PageReport, Phase, PhaseReport } from './types';
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

async function load(page: Page, url: string, timeout: number, reload = false): Promise<void> {
  let response;
  try {
    response = reload
      ? await page.reload({ waitUntil: 'load', timeout })
      : await page.goto(url, { waitUntil: 'load', timeout });
  } catch (error) {
    const message = String((error as Error).message).split('\n')[0].replace(/^page\.\w+: /, '');
    throw new PageError(`could not load ${url}: ${message}`);
  }
  if (response && response.status() >= 400) {
    throw new PageError(`${url} answered HTTP ${response.status()} ${response.statusText()}`.trim());
  }
}

/** Runs one phase: the action that starts it, the wait for the network, then the state and a screenshot. */
async function phase(visit: Visit, name: Phase, settings: VisitSettings, action: () => Promise<void>): Promise<PhaseReport> {
  const { recorder, profile } = visit;
  recorder.begin(name);
  const t = recorder.now();
  await action();
  settings.progress(name, 'waiting for the network to go quiet');
  const timedOut = await recorder.settle(settings.idleMs, settings.waitMs, (elapsed, requests) =>
    settings.progress(name, 'waiting for the network to go quiet', elapsed, requests),
  );
  await recorder.snapshot();
  const shot = await profile.page.screenshot({ type: 'jpeg', quality: 70, timeout: 10_000 }).catch(() => undefined);
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
  if (dialog.info.reject) return { path: { clicks: [dialog.info.reject.text], depth: 1, via: 'reject' }, dialog };
  if (!dialog.info.settings) return { dialog };
  settings.progress('before-consent', `opening "${dialog.info.settings.text}"`);
  await clickButton(dialog, 'settings');
  await visit.recorder.settle(Math.min(settings.idleMs, 1_000), Math.min(settings.waitMs, 5_000));
  const second = await findDialog(visit.profile.page, undefined, settings.phrases);
  if (!second) return { dialog };
  const first = dialog.info.settings.text;
  await release(dialog);
  if (second.info.reject) {
    return { path: { clicks: [first, second.info.reject.text], depth: 2, via: 'reject', secondLayer: second.info }, dialog: second };
  }
  if (second.info.save) {
    return { path: { clicks: [first, second.info.save.text], depth: 2, via: 'save', secondLayer: second.info }, dialog: second };
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

/** Audits one page. Throws PageError when it cannot be loaded. */
export async function auditPage(playwright: Playwright, url: string, settings: VisitSettings): Promise<PageReport> {
  const started = Date.now();
  const timeout = 30_000 + settings.waitMs;
  const skipped: PageReport['skipped'] = {};
  const returning = settings.cookies.length > 0;

  // First visit: before any choice, after Decline all, after a reload.
  const first = await open(playwright, url, settings);
  let finalUrl = url;
  let lang: string | undefined;
  let dialog: FoundDialog | undefined;
  let declinePath: DeclinePath | undefined;
  let dialogAfterReload: FoundDialog | undefined;
  let links: string[] = [];
  let declined: Collected;
  try {
    const page = first.profile.page;
    await phase(first, 'before-consent', settings, async () => {
      settings.progress('before-consent', 'loading');
      await load(page, url, timeout);
    });
    finalUrl = page.url();
    lang = (await page.evaluate(() => document.documentElement.lang).catch(() => '')) || undefined;
    links = await sameSiteLinks(page);
    settings.progress('before-consent', 'looking for the consent dialog');
    dialog = await findDialog(page, lang ?? settings.lang, settings.phrases);
    if (dialog) first.phases[0].dialog = dialog.info;

    if (dialog) {
      const way = await decline(first, dialog, settings);
      declinePath = way.path;
      if (declinePath) {
        const button = declinePath.via === 'reject' ? 'reject' : 'save';
        await phase(first, 'after-decline', settings, async () => {
          settings.progress('after-decline', `clicking "${declinePath!.clicks[declinePath!.clicks.length - 1]}"`);
          await clickButton(way.dialog, button);
        });
        await release(way.dialog);
        const still = await findDialog(page, lang, settings.phrases);
        if (still) first.phases[first.phases.length - 1].dialog = still.info;
        await release(still);
        await phase(first, 'after-reload', settings, async () => {
          settings.progress('after-reload', 'reloading');
          await load(page, url, timeout, true);
        });
        dialogAfterReload = await findDialog(page, lang, settings.phrases);
        if (dialogAfterReload) first.phases[first.phases.length - 1].dialog = dialogAfterReload.info;
        await release(dialogAfterReload);
      } else {
        await release(way.dialog);
        skipped['after-decline'] = 'the consent dialog offers no way to reject';
        skipped['after-reload'] = skipped['after-decline'];
      }
    } else {
      const why = returning
        ? 'no consent dialog showed (expected for a returning visitor)'
        : 'no consent dialog was found';
      skipped['after-decline'] = why;
      skipped['after-reload'] = why;
    }
    declined = collect(first, finalUrl, settings, ['before-consent', 'after-decline', 'after-reload']);
  } finally {
    await first.profile.close();
  }

  // Second visit, a new profile: Accept all.
  let accepted: Collected | undefined;
  if (dialog?.info.accept) {
    const second = await open(playwright, url, settings);
    try {
      const page = second.profile.page;
      second.recorder.begin('before-consent');
      settings.progress('after-accept', 'loading in a new profile');
      await load(page, url, timeout);
      await second.recorder.settle(settings.idleMs, settings.waitMs);
      await second.recorder.snapshot();
      const again = await findDialog(page, lang ?? settings.lang, settings.phrases);
      if (again?.info.accept) {
        await phase(second, 'after-accept', settings, async () => {
          settings.progress('after-accept', `clicking "${again.info.accept!.text}"`);
          await clickButton(again, 'accept');
        });
        const still = await findDialog(page, lang, settings.phrases);
        if (still) second.phases[second.phases.length - 1].dialog = still.info;
        await release(still);
      } else {
        skipped['after-accept'] = 'the consent dialog did not show again in a new profile';
      }
      await release(again);
      accepted = collect(second, finalUrl, settings, ['after-accept']);
    } finally {
      await second.profile.close();
    }
  } else {
    skipped['after-accept'] = dialog ? 'the consent dialog offers no accept button' : skipped['after-decline'];
  }

  const cookies = [...declined.cookies, ...(accepted?.cookies ?? [])];
  const requests = [...declined.requests, ...(accepted?.requests ?? [])];
  const storage = [...declined.storage, ...(accepted?.storage ?? [])];
  const findings = findingsFor({
    url: finalUrl,
    cookies,
    requests,
    storage,
    dialog: dialog?.info,
    decline: declinePath,
    dialogAfterReload: dialogAfterReload?.info,
    returning,
    gpc: settings.gpc,
  });
  return {
    url,
    finalUrl,
    site: siteOf(finalUrl),
    ...(lang ? { lang } : {}),
    ...(dialog ? { dialog: dialog.info } : {}),
    ...(declinePath ? { decline: declinePath } : {}),
    ...(dialogAfterReload ? { dialogAfterReload: dialogAfterReload.info } : {}),
    skipped,
    phases: [...declined.phases, ...(accepted?.phases ?? [])],
    findings,
    cookies,
    requests,
    storage,
    links,
    seconds: Math.round((Date.now() - started) / 100) / 10,
  };
}
