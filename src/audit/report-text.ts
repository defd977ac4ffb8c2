// The terminal summary: what was found, phase by phase, in a few lines.
import type { AuditReport, CookieRecord, PageReport, Phase, RequestRecord } from './types';

export const PHASE_TITLES: Record<Phase, string> = {
  'before-consent': 'Before any choice',
  'after-decline': 'After Decline all',
  'after-reload': 'After Decline all and a reload',
  'after-accept': 'After Accept all (new profile)',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function phaseLine(page: PageReport, phase: Phase): string {
  const skipped = page.skipped[phase];
  if (skipped) return `${PHASE_TITLES[phase]}: not run (${skipped})`;
  const cookies = page.cookies.filter((c) => c.phase === phase);
  const requests = page.requests.filter((r) => r.phase === phase);
  const third = requests.filter((r) => r.thirdParty);
  const trackers = requests.filter((r) => r.tracker);
  const services = [
    ...new Set(
      [...trackers, ...cookies].map((x: RequestRecord | CookieRecord) => x.service?.label).filter(Boolean),
    ),
  ];
  const kinds = (['tracker', 'unknown', 'consent', 'necessary'] as const)
    .map((k) => [k, cookies.filter((c) => c.class === k).length] as const)
    .filter(([, n]) => n)
    .map(([k, n]) => `${n} ${k}`);
  const parts = [
    plural(cookies.length, 'cookie') + (kinds.length ? ` (${kinds.join(', ')})` : ''),
    `${plural(third.length, 'request')} to ${plural(new Set(third.map((r) => r.site)).size, 'other site')}` +
      (trackers.length ? ` (${trackers.length} to trackers)` : ''),
  ];
  return `${PHASE_TITLES[phase]}: ${parts.join(', ')}${services.length ? `; ${services.join(', ')}` : ''}`;
}

function pageSummary(page: PageReport): string[] {
  const lines = [
    `Page ${page.finalUrl}${page.finalUrl !== page.url ? ` (from ${page.url})` : ''} (${page.seconds} s)`,
  ];
  if (page.error) return [...lines, `  could not be audited: ${page.error}`];
  const d = page.dialog;
  if (d) {
    const buttons = [d.accept, d.reject, d.settings].filter(Boolean).map((b) => `"${b!.text}"`);
    let where = 'no way to reject';
    if (page.decline)
      where =
        page.decline.depth === 1 ? 'reject on the first layer' : `reject ${page.decline.depth} clicks away`;
    lines.push(`  Consent dialog: "${d.name}"${d.cmp ? ` (${d.cmp})` : ''}, ${buttons.join(', ')}; ${where}`);
  } else {
    lines.push('  Consent dialog: none found');
  }
  for (const phase of ['before-consent', 'after-decline', 'after-reload', 'after-accept'] as Phase[]) {
    lines.push(`  ${phaseLine(page, phase)}`);
  }
  return lines;
}

export function textReport(report: AuditReport, files: { json?: string; html?: string } = {}): string {
  const lines = [`consent-gate audit (${report.browser}, ${report.seconds} s)`, ''];
  for (const page of report.pages) lines.push(...pageSummary(page), '');
  if (report.findings.length) {
    lines.push(`${plural(report.findings.length, 'finding')}:`);
    const width = Math.max(...report.findings.map((f) => f.kind.length));
    for (const f of report.findings) {
      const where = report.pages.length > 1 ? ` [${f.page}]` : '';
      lines.push(`  ${f.kind.padEnd(width)}  ${f.detail}${where}`);
    }
    lines.push('');
  }
  const s = report.suggestion;
  if (s.services.length || s.unknownCookies.length || s.unknownScripts.length) {
    const parts = [];
    if (s.services.length) parts.push(`presets ${s.services.map((x) => x.id).join(', ')}`);
    if (s.unknownCookies.length)
      parts.push(
        `${plural(s.unknownCookies.length, 'cookie')} to classify (${s.unknownCookies.map((c) => c.name).join(', ')})`,
      );
    if (s.unknownScripts.length)
      parts.push(`${plural(s.unknownScripts.length, 'script')} from other sites to classify`);
    lines.push(
      `Suggested config: ${parts.join('; ')}.${files.json || files.html ? '' : ' The config itself is in the --json and --html reports.'}`,
    );
  }
  const written = [files.json && `JSON ${files.json}`, files.html && `HTML ${files.html}`].filter(Boolean);
  if (written.length) lines.push(`Reports: ${written.join(', ')}`);
  const pages = plural(report.pages.length, 'page');
  const errors = report.pages.filter((p) => p.error).length;
  let verdict = `PASS: no findings on ${pages}.`;
  if (report.findings.length) verdict = `FAIL: ${plural(report.findings.length, 'finding')} on ${pages}.`;
  if (errors)
    verdict = `ERROR: ${plural(errors, 'page')} could not be audited${report.findings.length ? `; ${plural(report.findings.length, 'finding')} on the rest` : ''}.`;
  lines.push(verdict);
  return lines.join('\n') + '\n';
}
