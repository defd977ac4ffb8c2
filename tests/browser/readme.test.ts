// Every example of the README that can run, runs (issue 13): the convention is in
// tests/support/examples.ts and CONTRIBUTING.md. An ```html block becomes a page (a piece of one goes
// into a plain article page); a ```js or ```ts block is bundled with esbuild, as a site's bundler
// would (`consent-gate` and its subpaths resolve through this package's "exports" to the build), and
// runs as the page's module. Each page is then used as a visitor would: a first visit, Accept all,
// a returning visit, and Decline all in a fresh browser. The harness fails the test on any console
// error or warning; after Accept all nothing gated may still be held back. Requests to other sites
// (Google's tag, a video) get an empty answer: the examples name real vendors, the tests run offline.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import type { Page } from './harness';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { documentExamples, runs, where, type Example } from '../support/examples';
import { describeBrowser, ROOT, useBrowser, type TestPage } from './harness';

const DIR = path.join(ROOT, 'tests/browser/fixtures/generated/readme');
const URL_BASE = '/fixtures/generated/readme';

const slug = (e: Example) => `${e.file.replace(/[^\w]+/g, '-')}-${e.line}`;

/** A piece of a page goes into a plain one, as a site's article would hold it. */
function page(e: Example, head: string, body: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${where(e)}</title>
    <link rel="icon" href="data:," />
    ${head}
  </head>
  <body>
    <main>
      <h1>An article</h1>
      <p>The example of ${where(e)}, in a page of its own.</p>
    </main>
    ${body}
  </body>
</html>
`;
}

async function write(e: Example): Promise<string> {
  const dir = path.join(DIR, slug(e));
  mkdirSync(dir, { recursive: true });
  if (e.lang == 'html') {
    writeFileSync(path.join(dir, 'index.html'), /<html[\s>]/i.test(e.code) ? e.code : page(e, '', e.code));
  } else {
    const entry = path.join(dir, `example.${e.lang}`);
    writeFileSync(entry, e.code);
    const result = await build({
      entryPoints: [entry],
      outdir: dir,
      entryNames: 'bundle',
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2021',
      logLevel: 'silent',
      metafile: true,
    });
    const css = Object.keys(result.metafile.outputs).some((f) => f.endsWith('.css'));
    writeFileSync(
      path.join(dir, 'index.html'),
      page(
        e,
        (css ? '<link rel="stylesheet" href="bundle.css" />\n    ' : '') +
          '<script type="module" src="bundle.js"></script>',
        '',
      ),
    );
  }
  return `${URL_BASE}/${slug(e)}/index.html`;
}

/**
 * Other sites answer with an empty page or script: no network here, and none is needed. The examples'
 * pages and bundles are served with every other site's address pointed at /__elsewhere/ on the test
 * server, which answers a script with nothing and anything else with an empty page.
 */
function offline(t: TestPage): void {
  const here = new URL(t.url('/')).origin;
  t.server.rewrite(`${URL_BASE}/*`, (body) =>
    body.replace(
      /\bhttps?:\/\/(?!www\.w3\.org\/)([\w.-]+\.[a-z]{2,})(?=[/"'`?#\s]|$)/g,
      `${here}/__elsewhere/$1`,
    ),
  );
  t.server.respond('/__elsewhere/*', (request) => {
    const js = request.headers['sec-fetch-dest'] == 'script';
    return {
      status: 200,
      headers: { 'content-type': js ? 'text/javascript' : 'text/html; charset=utf-8' },
      body: js ? '' : '<!doctype html><title>elsewhere</title>',
    };
  });
}

/**
 * Accept all (0) or Decline all (1) of the banner, in whatever language and wording the example
 * gives it: the banner's first two buttons.
 */
const bannerButton = (page: Page, which: 0 | 1) => page.locator('.cg-banner').getByRole('button').nth(which);

/** What is still held back though everything was accepted (negated gates wait for a decline). */
const stillHeld = (page: Page) =>
  page
    .locator(
      'script[type="text/plain"][data-category]:not([data-category^="!"]), [data-category][data-src]:not([data-category^="!"])',
    )
    .evaluateAll((els) => els.map((el) => el.outerHTML.slice(0, 120)));

describeBrowser('the README examples', () => {
  const browser = useBrowser();
  const examples = documentExamples().filter(runs);

  beforeAll(() => rmSync(DIR, { recursive: true, force: true }));
  afterAll(() => rmSync(DIR, { recursive: true, force: true }));

  for (const e of examples) {
    it(`${where(e)}: loads, accepts, returns and declines without a console error`, async () => {
      const url = await write(e);
      const first = await browser.newPage();
      offline(first);
      // goto() waits for the load event: by then deferred and module scripts have run, and the banner is up.
      await first.goto(url);
      const accept = bannerButton(first.page, 0);
      if (!(await accept.count())) await first.settle();
      else {
        await accept.click();
        await first.settle();
        expect(await stillHeld(first.page)).toEqual([]);
        await first.reload();
        await first.settle();
        expect(await first.page.locator('.cg-banner').count()).toBe(0);

        const second = await browser.newPage();
        offline(second);
        await second.goto(url);
        await bannerButton(second.page, 1).click();
        await second.settle();
      }
    });
  }
});
