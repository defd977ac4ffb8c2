// `npm run test:browser [-- --engine firefox] [vitest arguments]`: the browser suite in one engine
// (chromium, firefox or webkit), or in all three without --engine. The engine can also come from
// CONSENT_GATE_ENGINE. Everything else goes to vitest as it is (a file, -t "name", --reporter ...).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ENGINES = ['chromium', 'firefox', 'webkit'];
const args = process.argv.slice(2);
let engine = process.env.CONSENT_GATE_ENGINE;
const at = args.findIndex((a) => a === '--engine' || a.startsWith('--engine='));
if (at >= 0) {
  const [flag, inline] = args[at].split('=');
  engine = inline ?? args[at + 1];
  args.splice(at, inline === undefined ? 2 : 1);
  if (flag !== '--engine' || !engine) engine = '';
}
if (engine !== undefined && !ENGINES.includes(engine)) {
  console.error(`test:browser: --engine must be one of ${ENGINES.join(', ')}, not "${engine}"`);
  process.exit(2);
}
const projects = (engine ? [engine] : ENGINES).flatMap((name) => ['--project', `browser-${name}`]);
// By path: vitest's package exports do not include its command.
const vitest = fileURLToPath(new URL('../../node_modules/vitest/vitest.mjs', import.meta.url));
const run = spawnSync(process.execPath, [vitest, 'run', ...projects, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
