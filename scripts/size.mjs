// `npm run size`: the size budgets of .size-limit.json, checked by size-limit, each figure printed
// beside its budget; then what a tree-shaking app pays (scripts/treeshake.mjs).
//
// The budgets are defined as `gzip -9 -c FILE | wc -c`. size-limit (@size-limit/file, gzip: true)
// compresses with Node's zlib at level 9 and writes no file name into the gzip header; the gzip
// command stores the file name (its length + 1 bytes) and has its own deflate, a few bytes apart.
// So size-limit's figure is the smaller one. This script runs size-limit and also measures with
// the gzip command, and a file is within budget only when both figures are.
//
// Exit status: 0 within budget, 1 over budget, 2 the check itself could not run.
//
// `--ceiling NAME=BYTES` (CI uses it) is a ratchet for a file still over its budget: over the budget
// but within the ceiling is reported as such and does not fail; over the ceiling fails. The budget
// stays the goal; the ceiling only keeps the file from growing back while it is shrunk.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTreeshake, treeshake } from './treeshake.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fmt = (n) => `${n.toLocaleString('en')} B`;

function fail(message) {
  console.error(`size: ${message}`);
  process.exit(2);
}

/** size-limit's own verdicts, from its JSON reporter. It exits 1 when a check fails, so read the output either way. */
function runSizeLimit() {
  const bin = path.join(
    path.dirname(createRequire(import.meta.url).resolve('size-limit/package.json')),
    'bin.js',
  );
  const run = spawnSync(process.execPath, [bin, '--json'], { cwd: ROOT, encoding: 'utf8' });
  let checks;
  try {
    checks = JSON.parse(run.stdout);
  } catch {
    fail(`size-limit gave no result (exit ${run.status}):\n${run.stdout}${run.stderr}`);
  }
  if (!Array.isArray(checks)) fail(`size-limit failed:\n${checks.error ?? run.stdout}`);
  return checks;
}

/** Exactly `gzip -9 -c FILE | wc -c`. */
function gzipCommandSize(file) {
  try {
    return execFileSync('gzip', ['-9', '-c', file], { cwd: ROOT, maxBuffer: 64 << 20 }).length;
  } catch (error) {
    fail(
      `cannot run \`gzip -9 -c ${file}\` (${error.message}); the budgets are defined by that command, so install gzip`,
    );
  }
}

for (const file of ['dist/consent-gate.min.js', 'dist/consent-gate.css', 'dist/consent-gate.mjs']) {
  if (!existsSync(path.join(ROOT, file))) fail(`${file} is missing; run \`npm run build\` first`);
}

const ceilings = {};
process.argv.slice(2).forEach((arg, i, args) => {
  if (arg != '--ceiling') return;
  const m = /^(.+)=(\d+)$/.exec(args[i + 1] || '');
  if (!m) fail(`--ceiling takes NAME=BYTES (a check's name in .size-limit.json), not ${args[i + 1]}`);
  ceilings[m[1]] = +m[2];
});

// A check names one file or a visit's files (`path` a list: what that visitor downloads, each file
// gzipped on its own as it travels, summed).
const pathsOf = Object.fromEntries(
  JSON.parse(readFileSync(path.join(ROOT, '.size-limit.json'), 'utf8')).map((c) => [c.name, [c.path].flat()]),
);

const rows = runSizeLimit().map((check) => {
  const command = pathsOf[check.name].reduce((sum, file) => sum + gzipCommandSize(file), 0);
  const size = Math.max(command, check.size);
  const ok = check.passed && size <= check.sizeLimit;
  const ceiling = ceilings[check.name];
  return {
    ...check,
    command,
    ok,
    held: !ok && ceiling != null && size <= ceiling,
    ceiling,
    margin: check.sizeLimit - size,
  };
});

const width = Math.max(...rows.map((r) => r.name.length));
console.log('Size budgets (gzip -9 -c FILE | wc -c; size-limit with @size-limit/file in brackets):');
for (const r of rows) {
  let verdict = `ok, ${fmt(r.margin)} to spare`;
  if (!r.ok) verdict = `OVER BUDGET by ${fmt(-r.margin)}`;
  if (!r.ok && r.ceiling != null)
    verdict += r.held
      ? ` (within the interim ceiling of ${fmt(r.ceiling)})`
      : ` and over the interim ceiling of ${fmt(r.ceiling)}`;
  console.log(
    `  ${r.name.padEnd(width)}  ${fmt(r.command).padStart(8)}  (${fmt(r.size)})  budget ${fmt(r.sizeLimit).padStart(8)}  ${verdict}`,
  );
}
console.log('');

try {
  console.log(formatTreeshake(await treeshake()));
} catch (error) {
  fail(error.message);
}

if (rows.some((r) => !r.ok && !r.held)) {
  console.error(
    '\nsize: over budget. Shrink the file, or change its limit in .size-limit.json with a reason in the commit.',
  );
  process.exit(1);
}
if (rows.some((r) => r.held))
  console.error('\nsize: over budget, within the interim ceiling given (--ceiling): not a failure yet.');
