// The audit of a site: each page given (and, with maxPages, same-site links found on them) audited
// in turn, the findings of all, and one suggested config for everything seen.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromiumPath, chromiumVersion, loadPlaywright } from './browser';
import { siteOf } from './site';
import { suggestConfig } from './suggest';
import type { AuditOptions, AuditReport, PageReport, Phase } from './types';
import { auditPage, PageError } from './visit';
import { allPhrases } from './vocabulary';

export const DEFAULTS = {
  waitMs: 15_000,
  idleMs: 2_500,
  viewport: { width: 1280, height: 800 },
};

/** consent-gate's version, from the package.json beside the build (or above the source). */
export function toolVersion(): string {
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8'));
      if (pkg.name === 'consent-gate') return pkg.version;
    } catch {
      // not there: try the next place
    }
  }
  return 'unknown';
}

const shown = (m: string | RegExp) => (typeof m === 'string' ? m : `/${m.source}/${m.flags}`);

/**
 * Audits the pages and returns the report. Throws AuditSetupError when it cannot start (no
 * playwright-core, no Chromium); a page that cannot be loaded is reported with its `error`.
 */
export async function runAudit(options: AuditOptions): Promise<AuditReport> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const waitMs = options.waitMs ?? DEFAULTS.waitMs;
  const idleMs = options.idleMs ?? DEFAULTS.idleMs;
  const viewport = options.viewport ?? DEFAULTS.viewport;
  const maxPages = Math.max(options.maxPages ?? options.urls.length, options.urls.length);
  const cookies = options.cookies ?? [];
  const necessary = options.necessary ?? [];
  const gpc = !!options.gpc;

  const playwright = await loadPlaywright();
  const executable = chromiumPath(options.chromiumPath);
  const browser = chromiumVersion(executable);
  const phrases = allPhrases();

  const queue = [...options.urls];
  const known = new Set(queue);
  const pages: PageReport[] = [];
  while (queue.length && pages.length < maxPages) {
    const url = queue.shift()!;
    const number = pages.length + 1;
    const progress = (phase: Phase, step: string, elapsed = 0, requests = 0) =>
      options.onProgress?.({
        url,
        page: number,
        pages: Math.min(maxPages, pages.length + 1 + queue.length),
        phase,
        step,
        elapsed,
        requests,
      });
    let report: PageReport;
    const pageStarted = Date.now();
    try {
      report = await auditPage(playwright, url, {
        executable,
        version: browser,
        viewport,
        lang: options.lang,
        gpc,
        waitMs,
        idleMs,
        cookies,
        necessary,
        phrases,
        progress,
      });
    } catch (error) {
      if (!(error instanceof PageError)) throw error;
      report = {
        url,
        finalUrl: url,
        site: siteOf(url),
        error: error.message,
        skipped: {},
        phases: [],
        findings: [],
        cookies: [],
        requests: [],
        storage: [],
        links: [],
        seconds: Math.round((Date.now() - pageStarted) / 100) / 10,
      };
    }
    pages.push(report);
    if (maxPages > options.urls.length) {
      for (const link of report.links) {
        if (!known.has(link) && siteOf(link) === report.site) {
          known.add(link);
          queue.push(link);
        }
      }
    }
  }

  const findings = pages.flatMap((p) => p.findings);
  const records = {
    cookies: pages.flatMap((p) => p.cookies),
    requests: pages.flatMap((p) => p.requests),
    storage: pages.flatMap((p) => p.storage),
  };
  let verdict: AuditReport['verdict'] = findings.length ? 'fail' : 'pass';
  if (pages.some((p) => p.error)) verdict = 'error';
  return {
    tool: 'consent-gate audit',
    version: toolVersion(),
    startedAt,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    browser,
    options: {
      urls: options.urls,
      maxPages,
      waitMs,
      idleMs,
      viewport,
      ...(options.lang ? { lang: options.lang } : {}),
      cookies: cookies.map((c) => c.name),
      gpc,
      necessary: necessary.map(shown),
    },
    verdict,
    findings,
    ...records,
    pages,
    suggestion: suggestConfig(records),
  };
}
