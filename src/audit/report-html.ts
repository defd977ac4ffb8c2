// The HTML report: one self-contained page (styles inline, screenshots as data: URLs, no script) that
// a site owner reads and hands on. Everything that comes from the audited site is escaped, and a
// Content-Security-Policy keeps anything from running or loading even so.
import { EXPLAIN } from './explain';
import { compareButtons, contrast } from './prominence';
import { PHASE_TITLES } from './report-text';
import type { AuditReport, ButtonInfo, DialogInfo, Finding, PageReport, Phase } from './types';

const escape = (value: unknown) =>
  String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const STYLE = `
:root { color-scheme: light; --fail: #b3261e; --pass: #1b6b34; --warn: #8a5300; --line: #d9dce1; --muted: #5b6370; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2127; background: #f6f7f9; }
main { max-width: 1240px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 36px 0 10px; padding-top: 8px; border-top: 1px solid var(--line); }
h3 { font-size: 16px; margin: 24px 0 8px; }
.verdict { border-radius: 10px; padding: 18px 22px; color: #fff; margin: 0 0 18px; }
.verdict.fail { background: var(--fail); } .verdict.pass { background: var(--pass); } .verdict.error { background: var(--warn); }
.verdict strong { display: block; font-size: 24px; }
.meta { color: var(--muted); font-size: 13px; margin: 0 0 8px; }
.meta code { color: inherit; }
table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); border-radius: 8px; overflow: hidden; margin: 8px 0 16px; }
th, td { text-align: left; vertical-align: top; padding: 7px 10px; border-bottom: 1px solid var(--line); font-size: 13.5px; }
th { background: #eef0f3; font-weight: 600; }
tr:last-child td { border-bottom: 0; }
td.url, .url { word-break: break-all; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12.5px; }
.badge { display: inline-block; border-radius: 999px; padding: 1px 9px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.badge.tracker, .badge.kind { background: #fde7e5; color: var(--fail); }
.badge.unknown { background: #fff1d6; color: var(--warn); }
.badge.consent, .badge.necessary { background: #e3f3e7; color: var(--pass); }
.badge.request { background: #e8eefc; color: #28439b; }
.finding { background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--fail); border-radius: 8px; padding: 10px 14px; margin: 8px 0; }
.finding p { margin: 4px 0; } .finding ul { margin: 6px 0; padding-left: 20px; } .finding li { margin: 4px 0; } .finding li small { color: var(--muted); }
.fix { color: var(--muted); font-size: 13.5px; }
.phase { display: grid; grid-template-columns: 320px 1fr; gap: 18px; align-items: start; margin: 12px 0 24px; }
.shot summary { list-style: none; cursor: zoom-in; } .shot summary::-webkit-details-marker { display: none; }
.shot small { color: var(--muted); } .shot[open] { grid-column: 1 / -1; } .shot[open] summary { cursor: zoom-out; }
td.at { white-space: nowrap; }
.phase img { width: 100%; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
.phase .none { color: var(--muted); }
.skipped { color: var(--muted); font-style: italic; }
pre { background: #1d2127; color: #e8eaed; padding: 14px; border-radius: 8px; overflow: auto; font-size: 12.5px; line-height: 1.45; }
.ok { color: var(--pass); font-weight: 600; } .bad { color: var(--fail); font-weight: 600; }
footer { margin-top: 40px; color: var(--muted); font-size: 13px; }
@media (max-width: 760px) { .phase { grid-template-columns: 1fr; } }
`;

function verdict(report: AuditReport): string {
  const pages = report.pages.length;
  const n = report.findings.length;
  const errors = report.pages.filter((p) => p.error).length;
  let title = `No findings on ${pages === 1 ? 'this page' : `${pages} pages`}`;
  let line =
    'Nothing that needs consent was stored or called before the visitor chose, and Decline all was honoured.';
  if (n) {
    title = `${n} finding${n === 1 ? '' : 's'} on ${pages === 1 ? 'this page' : `${pages} pages`}`;
    const kinds = [...new Set(report.findings.map((f) => EXPLAIN[f.kind].title))];
    line = kinds.join(' · ');
  }
  if (errors) {
    title = `${errors} page${errors === 1 ? '' : 's'} could not be audited`;
    line = report.pages
      .filter((p) => p.error)
      .map((p) => p.error)
      .join(' · ');
  }
  return `<section class="verdict ${report.verdict}" aria-label="Verdict"><strong>${escape(title)}</strong>${escape(line)}</section>`;
}

/** The findings of one kind: what it is and what to do, once, then each finding with its phase. */
function findingGroup(kind: Finding['kind'], findings: Finding[], many: boolean): string {
  const items = findings.map((f) => {
    // The detail says when; the notes add what it does not.
    const notes: string[] = [];
    if (f.cookie)
      notes.push(f.cookie.expires ? `expires ${escape(f.cookie.expires.slice(0, 10))}` : 'session cookie');
    if (many) notes.push(`<span class="url">${escape(f.page)}</span>`);
    return `<li>${escape(f.detail)}${notes.length ? ` <small>(${notes.join(' · ')})</small>` : ''}</li>`;
  });
  return `<div class="finding"><p><span class="badge kind">${escape(kind)}</span> <strong>${escape(EXPLAIN[kind].title)}</strong> · ${findings.length}</p>
<ul>${items.join('')}</ul><p class="fix"><strong>What to do:</strong> ${escape(EXPLAIN[kind].fix)}</p></div>`;
}

function buttonRow(label: string, b: ButtonInfo | undefined): string {
  if (!b) return `<tr><th>${label}</th><td colspan="5" class="skipped">none on this layer</td></tr>`;
  const l = b.look;
  return `<tr><th>${label}</th><td>"${escape(b.text)}"</td><td>${l.width}×${l.height} px</td><td>${l.fontSize} px, ${l.fontWeight}</td><td>${escape(l.color)} on ${escape(l.backdrop)}</td><td>${contrast(l) ?? '?'}:1</td></tr>`;
}

function dialogHtml(page: PageReport): string {
  const d: DialogInfo | undefined = page.dialog;
  if (!d) {
    const why =
      page.cookies.length || page.requests.some((r) => r.tracker)
        ? ''
        : ' Nothing that needs consent was seen either.';
    return `<p>No consent dialog was found.${why}</p>`;
  }
  let path = '<span class="bad">There is no way to reject.</span>';
  if (page.decline?.depth === 1) path = '<span class="ok">Reject is on the first layer.</span>';
  else if (page.decline) {
    const clicks = page.decline.clicks.map((c) => `"${escape(c)}"`).join(' → ');
    path = `<span class="bad">Reject takes ${page.decline.depth} clicks: ${clicks}.</span>`;
  }
  let look = '';
  if (d.accept && d.reject) {
    const { reasons, differences } = compareButtons(d.accept.look, d.reject.look);
    look = reasons.length
      ? `<p class="bad">Reject is less prominent: ${escape(reasons.join('; '))}.</p>`
      : `<p class="ok">Reject is as prominent as accept${differences.length ? ` (they differ in ${escape(differences.join(', '))}, within what the audit accepts)` : ' (same style and size)'}.</p>`;
  }
  return `<p><strong>"${escape(d.name)}"</strong>${d.cmp ? ` · ${escape(d.cmp)}` : ''}${d.lang ? ` · words matched in <code>${escape(d.lang)}</code>` : ''} · <code>${escape(d.where)}</code>${d.shadow ? ' (in a shadow root)' : ''}${d.frame ? ` in the frame <span class="url">${escape(d.frame)}</span>` : ''}</p>
<p>${path}</p>
<table><thead><tr><th>Button</th><th>Name</th><th>Size</th><th>Text</th><th>Colours</th><th>Contrast</th></tr></thead><tbody>
${buttonRow('Accept', d.accept)}${buttonRow('Reject', d.reject ?? page.decline?.secondLayer?.reject)}${d.settings ? buttonRow('Settings', d.settings) : ''}
</tbody></table>${look}`;
}

function timeline(page: PageReport, phase: Phase): string {
  const report = page.phases.find((p) => p.phase === phase);
  if (!report)
    return `<h3>${escape(PHASE_TITLES[phase])}</h3><p class="skipped">Not run: ${escape(page.skipped[phase] ?? 'the audit stopped before it')}.</p>`;
  type Row = { t: number; html: string };
  const rows: Row[] = [];
  // The page's own URL as initiator (its markup, an inline script) reads better as words.
  const who = (url = '') => (url === page.finalUrl ? '<em>the page</em>' : escape(url));
  for (const c of page.cookies.filter((x) => x.phase === phase)) {
    let by = 'unseen';
    if (c.setBy === 'script') by = c.script ?? 'a script';
    else if (c.setBy === 'header') by = `Set-Cookie of ${c.response}`;
    rows.push({
      t: c.t,
      html: `<td><span class="badge ${c.class}">cookie · ${c.class}</span></td><td><code>${escape(c.name)}</code> on ${escape(c.domain)}<br><small>${c.expires ? `expires ${escape(c.expires.slice(0, 10))}` : 'session'}${c.writes > 1 ? ` · written ${c.writes}×` : ''}${c.deleted ? ' · deleted again' : ''}</small></td><td class="url">${who(by)}</td><td>${escape(c.service?.label ?? '')}</td>`,
    });
  }
  const requests = page.requests.filter((r) => r.phase === phase);
  for (const r of requests.filter((x) => x.thirdParty || x.tracker)) {
    const kind = r.tracker ? 'tracker' : 'unknown';
    rows.push({
      t: r.t,
      html: `<td><span class="badge ${r.tracker ? 'tracker' : 'request'}">${escape(r.type)} · ${kind === 'tracker' ? 'tracker' : 'other site'}</span></td><td class="url">${escape(r.url)}${r.failure ? ` <small>(${escape(r.failure)})</small>` : ''}</td><td class="url">${who(r.initiator)}</td><td>${escape(r.service?.label ?? r.site)}</td>`,
    });
  }
  for (const s of page.storage.filter((x) => x.phase === phase)) {
    rows.push({
      t: s.t,
      html: `<td><span class="badge ${s.class}">${escape(s.kind)}</span></td><td><code>${escape(s.key)}</code> of ${escape(s.origin)}</td><td class="url">${who(s.script)}</td><td>${escape(s.service?.label ?? '')}</td>`,
    });
  }
  rows.sort((a, b) => a.t - b.t);
  const own = requests.length - requests.filter((x) => x.thirdParty || x.tracker).length;
  const table = rows.length
    ? `<table><thead><tr><th>At</th><th>What</th><th>Name or URL</th><th>Set or called by</th><th>Service</th></tr></thead><tbody>${rows
        .map((row) => `<tr><td class="at">${seconds(row.t)}</td>${row.html}</tr>`)
        .join('')}</tbody></table>`
    : '<p class="none">No cookies, no requests to other sites, no storage.</p>';
  // A thumbnail that opens to the full width on a click: <details>, no script.
  const shot = report.screenshot
    ? `<details class="shot"><summary><img alt="The page ${escape(PHASE_TITLES[phase].toLowerCase())}" src="data:image/jpeg;base64,${report.screenshot}"><small>Screenshot at the end of the phase (click to zoom in or out).</small></summary></details>`
    : '<p class="none">No screenshot.</p>';
  const notes = [
    `${seconds(report.t)} to ${seconds(report.t + report.duration)}`,
    `${own} request${own === 1 ? '' : 's'} to the site itself`,
    report.timedOut
      ? '<span class="bad">the network never went quiet: later requests may be missing</span>'
      : '',
    report.dialog ? `dialog visible: "${escape(report.dialog.name)}"` : 'no dialog visible',
  ].filter(Boolean);
  const errors = report.errors.length
    ? `<p class="bad">Page errors: ${report.errors.map(escape).join(' · ')}</p>`
    : '';
  return `<h3>${escape(PHASE_TITLES[phase])}</h3><p class="meta">${notes.join(' · ')}</p><div class="phase">${shot}<div>${table}${errors}</div></div>`;
}

function pageHtml(page: PageReport, many: boolean): string {
  const title = `<h2>${many ? 'Page ' : 'The page '}<span class="url">${escape(page.finalUrl)}</span></h2>`;
  if (page.error) return `${title}<p class="bad">Could not be audited: ${escape(page.error)}</p>`;
  return `${title}<p class="meta">${page.lang ? `lang <code>${escape(page.lang)}</code> · ` : ''}site ${escape(page.site)} · audited in ${page.seconds} s</p>
<h3>Consent dialog</h3>${dialogHtml(page)}
${(['before-consent', 'after-decline', 'after-reload', 'after-accept'] as Phase[]).map((p) => timeline(page, p)).join('\n')}`;
}

function suggestionHtml(report: AuditReport): string {
  const s = report.suggestion;
  const json = JSON.stringify(s.config, null, 2);
  const services = s.services.length
    ? `<p>Presets matched: ${s.services.map((x) => `<strong>${escape(x.label)}</strong> (<code>${escape(x.id)}</code>, ${escape(x.category)})`).join(', ')}. Gate each one's tags with <code>type="text/plain" data-category="…" data-service="…"</code>, or let the auto-blocking add-on hold them back by their <code>blocks</code>.</p>`
    : '<p>No preset matched.</p>';
  const cookies = s.unknownCookies.length
    ? `<h3>Cookies to classify</h3><table><thead><tr><th>Cookie</th><th>Domain</th><th>Set by</th></tr></thead><tbody>${s.unknownCookies
        .map(
          (c) =>
            `<tr><td><code>${escape(c.name)}</code></td><td>${escape(c.domain)}</td><td class="url">${escape(c.script ?? c.setBy)}</td></tr>`,
        )
        .join(
          '',
        )}</tbody></table><p class="fix">Add each to the <code>cookies</code> of the service it belongs to, or tell the audit it is strictly necessary with <code>--necessary NAME</code>.</p>`
    : '';
  const scripts = s.unknownScripts.length
    ? `<h3>Scripts and frames from other sites to classify</h3><table><thead><tr><th>URL</th><th>Site</th><th>Kind</th></tr></thead><tbody>${s.unknownScripts
        .map(
          (x) =>
            `<tr><td class="url">${escape(x.url)}</td><td>${escape(x.site)}</td><td>${escape(x.type)}</td></tr>`,
        )
        .join(
          '',
        )}</tbody></table><p class="fix">Give each that sets cookies or tracks a service of its own (label, cookies, blocks) in the right category; a CDN or a font host needs none.</p>`
    : '';
  return `<h2>Suggested consent-gate config</h2>${services}
<pre>&lt;script type="application/json" id="consent-gate-config"&gt;
${escape(json)}
&lt;/script&gt;</pre>${cookies}${scripts}`;
}

export function htmlReport(report: AuditReport): string {
  const many = report.pages.length > 1;
  const first = report.pages[0]?.finalUrl ?? report.options.urls[0];
  const byKind = new Map<Finding['kind'], Finding[]>();
  for (const f of report.findings) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f]);
  const findings = report.findings.length
    ? `<h2>Findings</h2>${[...byKind].map(([kind, list]) => findingGroup(kind, list, many)).join('\n')}`
    : '';
  const o = report.options;
  const settings = [
    `viewport ${o.viewport.width}×${o.viewport.height}`,
    o.lang ? `language ${escape(o.lang)}` : '',
    o.gpc ? 'Global Privacy Control sent' : '',
    o.cookies.length ? `returning visitor with ${o.cookies.map(escape).join(', ')}` : 'first-time visitor',
    `wait up to ${seconds(o.waitMs)} per phase, until quiet for ${seconds(o.idleMs)}`,
    o.necessary.length ? `declared necessary: ${o.necessary.map(escape).join(', ')}` : '',
  ].filter(Boolean);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>Consent audit: ${escape(first)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Consent audit of <span class="url">${escape(first)}</span>${many ? ` and ${report.pages.length - 1} more` : ''}</h1>
<p class="meta">${escape(report.startedAt.replace('T', ' ').slice(0, 19))} UTC · ${escape(report.browser)} · ${escape(report.tool)} ${escape(report.version)} · ${report.seconds} s</p>
<p class="meta">${settings.join(' · ')}</p>
${verdict(report)}
${findings}
${report.pages.map((p) => pageHtml(p, many)).join('\n')}
${suggestionHtml(report)}
<footer><p>What this audit cannot see: pages behind a login or a form; what other browsers do (it drives Chromium); what the servers do with the data they receive; cookies set by service workers or in frames it could not enter (listed as set by something unseen). A tracker no preset names is listed as a request to another site, not counted as a tracker. Times are from the start of each visit.</p></footer>
</main>
</body>
</html>
`;
}
