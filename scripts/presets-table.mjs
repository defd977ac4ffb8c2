// The presets table of docs/presets.md, made from the presets themselves so that the two cannot
// drift apart (a unit test compares them). Print it from a build: node scripts/presets-table.mjs
import { pathToFileURL } from 'node:url';

const ORDER = ['analytics', 'marketing', 'preferences', 'necessary'];
// Pipes inside a table cell must be escaped, code spans included (GitHub renders `\|` as `|`).
const code = (v) => '`' + String(v).replaceAll('|', '\\|') + '`';
const list = (xs) => (xs && xs.length ? xs.map(code).join(', ') : '—');

/** Markdown table of every preset a module exports, by category, then label. */
export function presetsTable(mod) {
  const rows = Object.entries(mod)
    .filter(([, p]) => p && typeof p == 'object' && typeof p.id == 'string')
    .sort(
      ([, a], [, b]) =>
        ORDER.indexOf(a.category) - ORDER.indexOf(b.category) || a.label.localeCompare(b.label),
    );
  return [
    '| export | id | category | cookies (deleted when declined) | blocks | set on the vendor’s domain |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      ([name, p]) =>
        `| ${code(name)} | ${code(p.id)} | ${p.category} | ${list(p.cookies)} | ${list(p.blocks)} | ${list(p.thirdPartyCookies)} |`,
    ),
  ].join('\n');
}

if (process.argv[1] && import.meta.url == pathToFileURL(process.argv[1]).href) {
  console.log(presetsTable(await import('../dist/services.mjs')));
}
