// The script-tag add-ons work whichever way the library's tag loads (issue 13): plain, defer or async,
// before or after the add-on's own tag, or added by a script after the page has loaded. An add-on
// that runs first waits for the library (src/addons/attach.ts) and joins before its init, so that
// auto-blocking is in place before anything the library releases runs. One page per order, written
// to tests/browser/fixtures/generated/ (git-ignored) and served like any fixture.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { startConsentLog } from '../../examples/consent-log-server.mjs';
import { describeBrowser, banner, button, DEFAULT_TITLE, decide, ROOT, SOON, useBrowser } from './harness';
import { startRecorder } from './server';

const DIR = path.join(ROOT, 'tests/browser/fixtures/generated/addon-order');

const tag = (file: string, how: string) => `<script src="/dist/${file}"${how ? ' ' + how : ''}></script>`;
const library = (how: string) => tag('consent-gate.min.js', how);
const embeds = (how: string) => tag('consent-gate.embeds.min.js', how);
/** The library added by a script once the page has loaded, as a tag manager would. */
const LATE_LIBRARY = `<script>
  addEventListener('load', () => {
    const s = document.createElement('script');
    s.src = '/dist/consent-gate.min.js';
    document.head.append(s);
  });
</script>`;

const CONFIG = {
  categories: {
    necessary: { label: 'Strictly necessary', required: true },
    media: { label: 'Media', services: { video: { label: 'VideoTube' } } },
  },
};

function page(title: string, head: string, body: string, config: object = CONFIG): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/dist/consent-gate.css" />
    <link rel="stylesheet" href="/dist/consent-gate.embeds.css" />
    <script src="/fixtures/setup.js"></script>
    <script type="application/json" id="consent-gate-config">${JSON.stringify(config)}</script>
    ${head}
  </head>
  <body>
    ${body}
  </body>
</html>
`;
}

const VIDEO = `<iframe title="Video" width="320" height="180" data-category="media" data-service="video"
      data-src="/fixtures/frame.html?video"></iframe>`;

/** [file, what it shows, the tags in the order they appear] */
const EMBEDS_ORDERS: [string, string, string[]][] = [
  ['library-plain', 'library plain, add-on plain after it', [library(''), embeds('')]],
  ['library-defer', 'library defer, add-on plain after it (runs first)', [library('defer'), embeds('')]],
  ['both-defer', 'library defer, add-on defer after it', [library('defer'), embeds('defer')]],
  ['addon-defer-first', 'add-on defer, library defer after it', [embeds('defer'), library('defer')]],
  ['addon-first-plain', 'add-on plain, library plain after it', [embeds(''), library('')]],
  ['addon-first-defer', 'add-on plain, library defer after it', [embeds(''), library('defer')]],
  ['addon-first-async', 'add-on plain, library async after it', [embeds(''), library('async')]],
  ['both-async', 'library async, add-on async', [library('async'), embeds('async')]],
  ['addon-async-first', 'add-on async, library async after it', [embeds('async'), library('async')]],
  ['library-async-addon-defer', 'library async, add-on defer', [library('async'), embeds('defer')]],
];

describeBrowser('add-ons and the order of the tags', () => {
  const browser = useBrowser();
  let store: { url: string; close(): Promise<void> };
  let log: Awaited<ReturnType<typeof startRecorder>>;
  const logDir = mkdtempSync(path.join(tmpdir(), 'addon-order-'));

  beforeAll(async () => {
    mkdirSync(DIR, { recursive: true });
    for (const [file, title, tags] of EMBEDS_ORDERS) {
      writeFileSync(path.join(DIR, `${file}.html`), page(title, tags.join('\n    '), VIDEO));
    }
    writeFileSync(
      path.join(DIR, 'library-after-load.html'),
      page('add-on plain, library added after the page loaded', embeds('') + LATE_LIBRARY, VIDEO),
    );
    writeFileSync(path.join(DIR, 'no-library.html'), page('add-on without the library', embeds(''), VIDEO));
    // Auto-blocking first and the library deferred: a tracker injected as soon as the document is
    // parsed (after the deferred library ran) must be held back.
    writeFileSync(
      path.join(DIR, 'autoblock-first.html'),
      page(
        'auto-blocking add-on first, library defer',
        [
          tag('consent-gate.autoblock.min.js', ''),
          library('defer'),
          `<script>
      document.addEventListener('DOMContentLoaded', () => {
        const s = document.createElement('script');
        s.src = '/fixtures/probe.js?name=tracker';
        document.head.append(s);
      });
    </script>`,
        ].join('\n    '),
        '<h1>Auto-blocking</h1>',
        {
          categories: {
            necessary: { label: 'Strictly necessary', required: true },
            marketing: {
              label: 'Marketing',
              services: { tracker: { label: 'Tracker', blocks: ['/fixtures/probe.js?name=tracker'] } },
            },
          },
        },
      ),
    );
    store = await startConsentLog({ port: 0, file: path.join(logDir, 'log.jsonl') });
    // The page reaches the receiver through a recorder, which sees every request it gets.
    log = await startRecorder(store.url);
  });
  afterAll(async () => {
    await log?.close();
    await store?.close();
    rmSync(DIR, { recursive: true, force: true });
    rmSync(logDir, { recursive: true, force: true });
  });

  for (const [file, title] of EMBEDS_ORDERS) {
    it(`embeds: ${title}`, async () => {
      const t = await browser.newPage(`/fixtures/generated/addon-order/${file}.html`);
      await banner(t.page, DEFAULT_TITLE).waitFor();
      const video = t.page.getByRole('group', { name: 'Video', exact: true });
      await button(video, 'Load VideoTube').click();
      await expect
        .poll(() => t.page.locator('iframe').getAttribute('src'), SOON)
        .toBe('/fixtures/frame.html?video');
      expect(await t.page.locator('.cg-embed').count()).toBe(0);
    });
  }

  it('embeds: add-on plain, library added by a script after the page loaded', async () => {
    const t = await browser.newPage();
    // True when it is said: the page has loaded and the library has not (yet).
    t.expectConsole(
      'warning',
      /consent-gate\.embeds\.min\.js waits for consent-gate\.min\.js, not loaded yet/,
    );
    await t.goto('/fixtures/generated/addon-order/library-after-load.html');
    await banner(t.page, DEFAULT_TITLE).waitFor();
    await button(t.page.getByRole('group', { name: 'Video', exact: true }), 'Load VideoTube').click();
    await expect
      .poll(() => t.page.locator('iframe').getAttribute('src'), SOON)
      .toBe('/fixtures/frame.html?video');
  });

  it('an add-on without the library says what is missing once the page has loaded, and does nothing', async () => {
    const t = await browser.newPage();
    t.expectConsole(
      'warning',
      /consent-gate\.embeds\.min\.js waits for consent-gate\.min\.js, not loaded yet/,
    );
    await t.goto('/fixtures/generated/addon-order/no-library.html');
    await t.settle();
    expect(await t.page.locator('.cg-embed').count()).toBe(0);
    expect(t.requested('/fixtures/frame.html')).toBe(false);
  });

  it('auto-blocking before a deferred library is in place before anything else runs', async () => {
    const t = await browser.newPage('/fixtures/generated/addon-order/autoblock-first.html');
    await banner(t.page, DEFAULT_TITLE).waitFor();
    await t.settle();
    expect(t.requests.filter((u) => u.includes('name=tracker'))).toEqual([]);
    await decide(t.page, 'Accept all', DEFAULT_TITLE);
    await expect.poll(() => t.probes(), SOON).toEqual(['tracker']);
  });

  it('the consent log before a deferred library posts the decision', async () => {
    const t = await browser.newPage();
    log.log.length = 0;
    // The page is written here because the receiver's port is known only now.
    writeFileSync(
      path.join(DIR, 'consent-log-first.html'),
      page(
        'consent log first, library defer',
        [tag('consent-gate.consent-log.min.js', ''), library('defer')].join('\n    '),
        '<h1>Proof of consent</h1>',
        { ...CONFIG, consentLog: { url: log.url } },
      ),
    );
    await t.goto('/fixtures/generated/addon-order/consent-log-first.html');
    await decide(t.page, 'Decline all', DEFAULT_TITLE);
    await expect.poll(() => log.log.map((r) => r.method), SOON).toEqual(['POST']);
  });
});
