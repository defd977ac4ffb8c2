// The README's CDN snippet, run with this build's Subresource Integrity hashes (dist/sri.json, written
// by scripts/sri.mjs): jsDelivr is played by the test server on another origin, answering with the
// files of dist/ as jsDelivr does (with Access-Control-Allow-Origin: *). The browser must accept every hash of the
// build, and refuse a file whose hash does not match.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { documentExamples, where } from '../support/examples';
import { describeBrowser, banner, DEFAULT_TITLE, decide, ROOT, useBrowser, type TestPage } from './harness';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const CDN = `https://cdn.jsdelivr.net/npm/consent-gate@${pkg.version}/dist/`;
const DIR = path.join(ROOT, 'tests/browser/fixtures/generated/cdn');
const CONFIG = `<script type="application/json" id="consent-gate-config">
  { "categories": { "necessary": { "label": "Strictly necessary", "required": true }, "analytics": { "label": "Analytics" } } }
</script>`;

const snippet = documentExamples().find((e) => e.file == 'README.md' && e.code.includes('cdn.jsdelivr.net'));

/** The snippet with each `integrity="sha384-…"` filled in with the hash of the file its tag names. */
function withHashes(code: string, hashes: Record<string, string>): string {
  return code.replace(
    /(\b(?:src|href)="([^"]+)"[^>]*?integrity=")sha384-…(")/gs,
    (_, before: string, url: string, after: string) => {
      const file = url.slice(CDN.length);
      if (!url.startsWith(CDN) || !hashes[file]) throw new Error(`no hash in dist/sri.json for ${url}`);
      return before + hashes[file] + after;
    },
  );
}

describeBrowser('the CDN snippet with Subresource Integrity', () => {
  const browser = useBrowser();
  let hashes: Record<string, string>;

  beforeAll(() => {
    hashes = JSON.parse(readFileSync(path.join(ROOT, 'dist/sri.json'), 'utf8'));
    mkdirSync(DIR, { recursive: true });
  });
  afterAll(() => rmSync(DIR, { recursive: true, force: true }));

  async function open(name: string, html: string): Promise<TestPage> {
    // jsDelivr is https on the open network: here it is the test server's /dist/ on another origin
    // (localhost, the pages being on 127.0.0.1), so that CORS and the hashes are checked as there.
    const cdn = `http://localhost:${browser.port}/dist/`;
    writeFileSync(
      path.join(DIR, `${name}.html`),
      `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${name}</title><link rel="icon" href="data:,">${CONFIG}${html.replaceAll(CDN, cdn)}</head><body><h1>CDN</h1></body></html>`,
    );
    const t = await browser.newPage();
    browser.server.headers('/dist/*', { 'Access-Control-Allow-Origin': '*' });
    return t;
  }

  it('the README has it, for the version in package.json, with a hash for every tag', () => {
    expect(snippet, 'a README example loading from cdn.jsdelivr.net').toBeDefined();
    expect(snippet!.notRun).toBeTruthy();
    const urls = [...snippet!.code.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url.startsWith(CDN), `${where(snippet!)}: ${url}`).toBe(true);
    expect(snippet!.code.match(/integrity="sha384-…"/g)).toHaveLength(urls.length);
    expect(snippet!.code.match(/crossorigin="anonymous"/g)).toHaveLength(urls.length);
  });

  it('hashes every .min.js and .css of the build, and nothing else', () => {
    const files = Object.keys(hashes);
    expect(files).toContain('consent-gate.min.js');
    expect(files).toContain('consent-gate.css');
    for (const file of files) expect(file).toMatch(/\.(min\.js|css)$/);
    for (const hash of Object.values(hashes)) expect(hash).toMatch(/^sha384-[A-Za-z0-9+/]{64}$/);
  });

  it('with the build’s hashes the browser runs the library and applies its styles', async () => {
    const t = await open('good', withHashes(snippet!.code, hashes));
    await t.goto('/fixtures/generated/cdn/good.html');
    const dialog = banner(t.page, DEFAULT_TITLE);
    await dialog.waitFor();
    expect(await t.page.locator('.cg-banner').evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    await decide(t.page, 'Decline all', DEFAULT_TITLE);
  });

  it('a file that does not match its hash is refused: no library, no banner', async () => {
    const wrong = Object.fromEntries(Object.keys(hashes).map((f) => [f, hashes['consent-gate.embeds.css']]));
    const t = await open('tampered', withHashes(snippet!.code, wrong));
    // What every engine shows the page: each tag's `error` event, although the server sent the file.
    t.addInitScript(() => {
      const failed: string[] = ((window as unknown as { __failed: string[] }).__failed = []);
      addEventListener(
        'error',
        (event) => {
          const tag = event.target as Partial<HTMLScriptElement & HTMLLinkElement>;
          if (tag.src || tag.href) failed.push(new URL(tag.src || tag.href!).pathname);
        },
        true,
      );
    });
    // Chromium and Firefox also name the integrity check on the console; WebKit tells the page only
    // the error event (its capture's "Failed to load resource" line, network noise to the harness).
    if (browser.engine !== 'webkit') t.expectConsole('error', /integrity/i);
    await t.goto('/fixtures/generated/cdn/tampered.html');
    await t.settle();
    expect(await t.page.evaluate(() => typeof window.ConsentGate)).toBe('undefined');
    const tags = [...snippet!.code.matchAll(/(?:src|href)="[^"]+\/dist\/([^"]+)"/g)].map(
      (m) => `/dist/${m[1]}`,
    );
    expect(tags.length).toBeGreaterThan(0);
    expect(
      (await t.page.evaluate(() => (window as unknown as { __failed: string[] }).__failed)).sort(),
    ).toEqual(tags.sort());
    for (const file of tags) expect(t.status(file), file).toContain(200);
  });
});
