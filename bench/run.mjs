// `npm run bench`: consent-gate against vanilla-cookieconsent 3.1.0 on the same article page, in the
// system Chromium. Not part of `npm test`: it takes minutes and its figures depend on the machine.
//
//   node bench/run.mjs [--rounds N]   measure (default 20 rounds), print a Markdown table, write bench/results.md
//   node bench/run.mjs --serve        only serve the pages, to look at them in a browser
//
// The pages differ only in their <head> (bench/pages/template.html + head-*.html): consent-gate,
// vanilla-cookieconsent (the same categories, texts and gated Google Analytics stand-in), and a
// baseline without any consent library. Each round visits each library's page in a fresh browser
// context, in a rotating order: a first visit, Accept all, then a returning visit; the baseline's
// context visits the plain page, then one that runs the tag unconditionally (what a returning visitor
// who accepted costs without a consent manager). Main-thread time comes from CDP
// Performance.getMetrics and is reported minus the baseline of the same round. The libraries are
// served gzip -9 compressed, as a site would.
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PAGES = path.join(ROOT, 'bench', 'pages');
const RESULTS = path.join(ROOT, 'bench', 'results.md');
/** Every round's raw figures, to look into a surprising median. */
const RAW = path.join(ROOT, 'bench', 'results.json');
const VANILLA_DIST = path.join(ROOT, 'node_modules', 'vanilla-cookieconsent', 'dist');

/** Time left to a page after it is ready (banner shown, or gated scripts run), for deferred work to finish. */
const SETTLE_MS = 1000;
const TIMEOUT_MS = 10_000;
const WARMUP_ROUNDS = 1;

/** The libraries under test: the files each page loads, and the head that loads them. */
const LIBRARIES = {
  'consent-gate': {
    head: 'head-consent-gate.html',
    files: {
      js: path.join(ROOT, 'dist', 'consent-gate.min.js'),
      css: path.join(ROOT, 'dist', 'consent-gate.css'),
    },
  },
  vanilla: {
    head: 'head-vanilla.html',
    files: {
      js: path.join(VANILLA_DIST, 'cookieconsent.umd.js'),
      css: path.join(VANILLA_DIST, 'cookieconsent.css'),
    },
  },
};
const BASELINE = 'baseline';
/** The baseline of a returning visit: no library, the tag running unconditionally (head-baseline-tag.html). */
const BASELINE_TAG = 'baseline-tag';

// The same Chromium and flags as tests/browser/chromium.ts (a .ts file, which plain Node cannot import).
const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];
const LAUNCH_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function die(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}

function chromiumPath() {
  const candidates = process.env.CHROME_PATH ? [process.env.CHROME_PATH] : CHROMIUM_CANDIDATES;
  for (const file of candidates) {
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // Not there, or not executable: the next candidate.
    }
  }
  die(
    `no Chromium (looked at ${candidates.join(', ')}); install one with \`apt-get install chromium\` or set CHROME_PATH`,
  );
}

// --- the pages ---------------------------------------------------------------------------------

/**
 * Writes the three pages (template + head) and gzip -9 copies of each library's files into a
 * temporary folder, and returns the server's mounts and headers for them.
 */
function preparePages() {
  for (const [name, lib] of Object.entries(LIBRARIES)) {
    for (const file of Object.values(lib.files)) {
      if (!existsSync(file))
        die(
          `${path.relative(ROOT, file)} is missing (${name === 'consent-gate' ? 'run `npm run build`' : 'run `npm install`'})`,
        );
    }
  }
  const template = readFileSync(path.join(PAGES, 'template.html'), 'utf8');
  const marker = '<!-- consent library -->';
  if (!template.includes(marker)) die(`bench/pages/template.html lost its ${marker} line`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'consent-gate-bench-'));

  mkdirSync(path.join(dir, 'p'));
  const heads = {
    ...Object.fromEntries(Object.entries(LIBRARIES).map(([k, v]) => [k, v.head])),
    [BASELINE]: 'head-baseline.html',
    [BASELINE_TAG]: 'head-baseline-tag.html',
  };
  for (const [name, head] of Object.entries(heads)) {
    const html = template.replace(marker, readFileSync(path.join(PAGES, head), 'utf8').trimEnd());
    writeFileSync(path.join(dir, 'p', `${name}.html`), html);
  }

  const mounts = { '/': PAGES, '/p/': path.join(dir, 'p') };
  for (const [name, lib] of Object.entries(LIBRARIES)) {
    const libDir = path.join(dir, 'lib', name);
    mkdirSync(libDir, { recursive: true });
    for (const file of Object.values(lib.files)) {
      writeFileSync(path.join(libDir, path.basename(file)), gzipSync(readFileSync(file), { level: 9 }));
    }
    mounts[`/lib/${name}/`] = libDir;
  }
  // The files under /lib/ are stored compressed; say so, as a server with precompressed assets does.
  const headers = (urlPath) =>
    urlPath.startsWith('/lib/') ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : undefined;
  return { dir, mounts, headers };
}

// --- in the page ---------------------------------------------------------------------------------

/**
 * Installed before any of the page's scripts. Records, in page time (ms since navigation start):
 * the first animation frame in which an "Accept all" button is rendered visible, the click, when
 * the tracker stand-in runs, and the layout shifts. The search for the button is script of the
 * benchmark that runs every frame until the banner shows (0.7 to 1 ms of script time per 100 ms,
 * measured on a page without a banner; more once a banner is in the page but not yet shown, as
 * checkVisibility() then forces style and layout). It times itself (`probeMs`), so that the
 * first-visit script time leaves it out instead of charging the library whose banner shows later
 * with more of it.
 */
function probe(waitForBanner) {
  const bench = (window.__bench = {
    visibleAt: null,
    clickAt: null,
    trackerAt: null,
    trackerRuns: 0,
    cls: 0,
    probeMs: 0,
  });
  let trackerDone;
  bench.tracker = new Promise((resolve) => (trackerDone = resolve));
  bench.trackerRan = () => {
    bench.trackerRuns++;
    if (bench.trackerAt == null) bench.trackerAt = performance.now();
    trackerDone();
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) bench.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  addEventListener('click', () => bench.clickAt ?? (bench.clickAt = performance.now()), { capture: true });

  const buttons = document.getElementsByTagName('button');
  bench.banner = new Promise((resolve) => {
    if (!waitForBanner) return resolve();
    const frame = () => {
      const start = performance.now();
      const accept = Array.prototype.find.call(buttons, (b) => b.textContent.trim() === 'Accept all');
      // Opacity too: a banner fading in from opacity 0 is not visible yet.
      if (accept && accept.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
        bench.visibleAt = performance.now();
        resolve();
      } else requestAnimationFrame(frame);
      bench.probeMs += performance.now() - start;
    };
    requestAnimationFrame(frame);
  });
}

function facts(page) {
  return page.evaluate(() => {
    const b = window.__bench;
    return {
      elements: document.getElementsByTagName('*').length,
      cls: b.cls,
      visibleAt: b.visibleAt,
      clickAt: b.clickAt,
      trackerAt: b.trackerAt,
      trackerRuns: b.trackerRuns,
      probeMs: b.probeMs,
      acceptVisible: [...document.getElementsByTagName('button')].some(
        (el) =>
          el.textContent.trim() === 'Accept all' &&
          el.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
      ),
    };
  });
}

/** Awaits a promise the probe made, without letting a broken page hang the run. */
async function inPage(page, what, label) {
  const timeout = new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`${label}: timed out after ${TIMEOUT_MS} ms`)), TIMEOUT_MS),
  );
  const done = page.evaluate((key) => window.__bench[key].then(() => true), what);
  done.catch(() => {}); // a rejection after the timeout won must not go unhandled
  await Promise.race([done, timeout]);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// --- one visit -----------------------------------------------------------------------------------

/** Opens a page with the probe and CDP Performance metrics counting from before navigation. */
async function openPage(context, waitForBanner, errors) {
  const page = await context.newPage();
  // A page that throws or logs an error is not doing what it is measured for.
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.addInitScript(probe, waitForBanner);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp };
}

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(list.map((x) => [x.name, x.value]));
  // ScriptDuration and TaskDuration are wall-clock time while the domain is enabled, so a busy machine
  // inflates them; ThreadTime is the main thread's CPU time (since the renderer started), which is not.
  // What ScriptDuration counts, measured on Chromium 156: a classic script's evaluation and every
  // listener, timer, animation-frame and MutationObserver callback, with whatever they wait for (a
  // document.cookie read is a synchronous round trip to the network service) and any stall of the
  // main thread inside them; but not promise reactions (.then callbacks), which V8 runs after a script
  // without Blink timing them. And since Playwright's DevTools session is attached, a document.cookie
  // read or a request a script starts captures a full JS stack, which makes V8 re-parse every
  // function on that stack for its source positions: work no visitor's browser does. On the
  // returning visit that was 1.4 ms of main-thread CPU for consent-gate (whose cookie read sits under
  // its whole 27 KB top-level script) and 0.2 ms for vanilla-cookieconsent (traces, 2026-11-25 build).
  return { script: m.ScriptDuration * 1000, task: m.TaskDuration * 1000, cpu: m.ThreadTime * 1000 };
}

/** First visit, Accept all, returning visit of one page in a fresh context. */
async function visit(browser, base, name) {
  const isLibrary = name !== BASELINE;
  const label = `${name} page`;
  const context = await browser.newContext();
  context.setDefaultTimeout(TIMEOUT_MS);
  try {
    const result = { bytes: { js: 0, css: 0 } };
    const errors = [];

    // First visit.
    const first = await openPage(context, isLibrary, errors);
    const sizes = [];
    first.page.on('requestfinished', (request) => {
      const kind = /\.js$/.test(new URL(request.url()).pathname) ? 'js' : 'css';
      if (new URL(request.url()).pathname.startsWith('/lib/'))
        sizes.push(request.sizes().then((s) => (result.bytes[kind] += s.responseBodySize)));
    });
    await first.page.goto(`${base}p/${name}.html`, { waitUntil: 'load' });
    await inPage(first.page, 'banner', `${label}: the Accept all button never became visible`);
    await sleep(SETTLE_MS);
    result.first = { ...(await metrics(first.cdp)), ...(await facts(first.page)) };
    await Promise.all(sizes);
    if (result.first.trackerRuns !== 0)
      throw new Error(`${label}: the gated tracker ran before any decision; the comparison is void`);

    if (isLibrary) {
      // Accept all, timed in the page from the click event to the tracker's first line.
      await first.page.getByRole('button', { name: 'Accept all', exact: true }).click();
      await inPage(first.page, 'tracker', `${label}: the tracker did not run after Accept all`);
      const after = await facts(first.page);
      result.acceptLatency = after.trackerAt - after.clickAt;
    }
    await first.page.close();

    // Returning visit: the decision is in the context's cookies. The baseline now runs the tag itself.
    const again = await openPage(context, false, errors);
    await again.page.goto(`${base}p/${isLibrary ? name : BASELINE_TAG}.html`, { waitUntil: 'load' });
    await inPage(again.page, 'tracker', `${label}: the tracker did not run on the returning visit`);
    await sleep(SETTLE_MS);
    result.returning = { ...(await metrics(again.cdp)), ...(await facts(again.page)) };
    if (result.returning.acceptVisible)
      throw new Error(`${label}: the banner came back on the returning visit`);
    if (errors.length) throw new Error(`${label}: errors in the page:\n  ${errors.join('\n  ')}`);
    if (result.returning.trackerRuns !== 1)
      throw new Error(
        `${label}: the tracker ran ${result.returning.trackerRuns} times on the returning visit`,
      );
    return result;
  } finally {
    await context.close();
  }
}

// --- statistics and the table ---------------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** The rows of the table: how to read each figure from one round's results. */
const ROWS = [
  ['Library JS transferred (gzip -9)', 'B', (r) => r.lib.bytes.js],
  ['Library CSS transferred (gzip -9)', 'B', (r) => r.lib.bytes.css],
  ['First visit: navigation start → Accept all visible', 'ms', (r) => r.lib.first.visibleAt],
  // Less the probe's own search for the button (see probe()); the baseline page runs no search.
  // Task and CPU time keep it: past its first ~0.1 ms a frame, it is style and layout that
  // checkVisibility() forces early while a banner is in the page but not yet shown, work the frame
  // would have done anyway.
  [
    'First visit: script time − baseline',
    'ms',
    (r) => r.lib.first.script - r.lib.first.probeMs - r.base.first.script,
  ],
  ['First visit: task time − baseline', 'ms', (r) => r.lib.first.task - r.base.first.task],
  ['First visit: main-thread CPU time − baseline', 'ms', (r) => r.lib.first.cpu - r.base.first.cpu],
  ['First visit: elements added', '', (r) => r.lib.first.elements - r.base.first.elements],
  ['First visit: CLS', '', (r) => r.lib.first.cls],
  ['Accept all: click → gated tracker running', 'ms', (r) => r.lib.acceptLatency],
  ['Returning visit: script time − baseline', 'ms', (r) => r.lib.returning.script - r.base.returning.script],
  ['Returning visit: task time − baseline', 'ms', (r) => r.lib.returning.task - r.base.returning.task],
  [
    'Returning visit: main-thread CPU time − baseline',
    'ms',
    (r) => r.lib.returning.cpu - r.base.returning.cpu,
  ],
  // Against the plain baseline page: the tag baseline has its two tag elements twice (ungated and inert).
  ['Returning visit: elements added', '', (r) => r.lib.returning.elements - r.base.first.elements],
];

function format(value, unit) {
  if (unit === 'B' || unit === '') {
    if (Number.isInteger(value)) return value.toLocaleString('en');
    return value < 1 ? value.toFixed(3) : value.toFixed(1);
  }
  return value.toFixed(1);
}

function cell(values, unit) {
  const med = format(median(values), unit);
  const lo = format(Math.min(...values), unit);
  const hi = format(Math.max(...values), unit);
  return lo === hi ? `${med}` : `${med} (${lo} – ${hi})`;
}

function ratio(a, b) {
  if (a === 0 && b === 0) return 'both 0';
  if (!(a > 0 && b > 0)) return 'n/a';
  return `${(a / b).toFixed(2)}×`;
}

function table(rounds, header) {
  const lines = [
    ...header,
    '',
    '| per page view | consent-gate | vanilla-cookieconsent 3.1.0 | consent-gate / vanilla |',
    '| --- | ---: | ---: | ---: |',
  ];
  for (const [title, unit, read] of ROWS) {
    const cg = rounds.map((r) => read({ lib: r['consent-gate'], base: r[BASELINE] }));
    const va = rounds.map((r) => read({ lib: r.vanilla, base: r[BASELINE] }));
    lines.push(
      `| ${title}${unit ? ` (${unit})` : ''} | ${cell(cg, unit)} | ${cell(va, unit)} | ${ratio(median(cg), median(va))} |`,
    );
  }
  const base = (key, which) => format(median(rounds.map((r) => r[BASELINE][which][key])), 'ms');
  lines.push(
    '',
    `Medians over ${rounds.length} rounds, (min – max) beside them. Baseline page alone: script ${base('script', 'first')} ms, ` +
      `task ${base('task', 'first')} ms on a first visit; script ${base('script', 'returning')} ms, task ${base('task', 'returning')} ms on a returning one.`,
  );
  return lines.join('\n');
}

// --- main -------------------------------------------------------------------------------------------

const { values: args } = parseArgs({
  options: { rounds: { type: 'string', default: '20' }, serve: { type: 'boolean', default: false } },
});
const roundCount = Number(args.rounds);
if (!Number.isInteger(roundCount) || roundCount < 1)
  die(`--rounds wants a whole number of rounds, 1 or more (got "${args.rounds}")`);

const executablePath = args.serve ? undefined : chromiumPath();
const { dir, mounts, headers } = preparePages();
const cleanup = () => rmSync(dir, { recursive: true, force: true });

if (args.serve) {
  const server = await startServer({ port: Number(process.env.PORT ?? 8090), mounts, headers });
  for (const name of [...Object.keys(LIBRARIES), BASELINE, BASELINE_TAG])
    console.log(`${name}: ${server.url}p/${name}.html`);
  for (const signal of ['SIGINT', 'SIGTERM'])
    process.on(signal, () =>
      server.close().then(() => {
        cleanup();
        process.exit(0);
      }),
    );
} else {
  const server = await startServer({ port: 0, mounts, headers });
  const browser = await chromium.launch({ executablePath, args: LAUNCH_ARGS });
  try {
    const names = [...Object.keys(LIBRARIES), BASELINE];
    const rounds = [];
    const loadBefore = os.loadavg()[0];
    for (let i = -WARMUP_ROUNDS; i < roundCount; i++) {
      process.stderr.write(i < 0 ? 'bench: warm-up round\n' : `bench: round ${i + 1}/${roundCount}\n`);
      // Rotate the order, so that no page always goes first (or right after another one).
      const order = names.map((_, k) => names[(k + i + WARMUP_ROUNDS) % names.length]);
      const round = {};
      for (const name of order) round[name] = await visit(browser, server.url, name);
      if (i >= 0) rounds.push(round);
    }

    const cpu = os.cpus();
    const command = `npm run bench${roundCount === 20 ? '' : ` -- --rounds ${roundCount}`}`;
    const header = [
      `Run ${new Date().toISOString().slice(0, 10)} with \`${command}\`: Chromium ${browser.version()} (headless, ${LAUNCH_ARGS.filter((a) => a !== '--headless=new').join(' ')}),` +
        ` Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${os.platform()}.` +
        ` ${WARMUP_ROUNDS} warm-up round not counted. Load average ${loadBefore.toFixed(1)} before, ${os.loadavg()[0].toFixed(1)} after.`,
    ];
    const markdown = table(rounds, header);
    writeFileSync(RESULTS, `# Benchmark results\n\n${markdown}\n`);
    writeFileSync(RAW, `${JSON.stringify({ header, rounds }, null, 1)}\n`);
    console.log(markdown);
    console.error(
      `\nbench: written to ${path.relative(process.cwd(), RESULTS)} (raw figures: ${path.relative(process.cwd(), RAW)})`,
    );
  } catch (error) {
    console.error(`bench: ${error.message}`);
    process.exitCode = 1;
  } finally {
    await browser.close();
    await server.close();
    cleanup();
  }
}
