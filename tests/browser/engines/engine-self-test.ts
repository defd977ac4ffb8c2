// The engine self-test: each primitive of driver.ts, proved against a small local page, for any engine.
// An engine's smoke test file calls engineSelfTest() with its launch function; the layer and the
// ported suite build on exactly these promises.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_CAPTURE_SCRIPT } from './console-capture';
import type { ConsoleEntry, ElementRef, Engine, EngineContext, EnginePage, LaunchOptions } from './driver';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>engine self-test</title>
<script>${CONSOLE_CAPTURE_SCRIPT}</script></head>
<body>
  <button id="first">First</button>
  <input id="field" aria-label="Field">
  <button id="last">Last</button>
  <script>
    window.clicks = [];
    document.addEventListener('click', (event) => clicks.push({ id: event.target.id, trusted: event.isTrusted }));
  </script>
</body></html>`;

const NOISY = `<!doctype html>
<html><head><meta charset="utf-8"><title>noisy</title><script>${CONSOLE_CAPTURE_SCRIPT}</script></head>
<body><script>
  console.error('an error', 42);
  console.warn('a warning');
  console.log('not reported');
  setTimeout(() => { throw new Error('thrown later'); });
  Promise.reject(new Error('never caught'));
</script></body></html>`;

/** A server for the self-test's pages, with its own request log. */
async function startPages(): Promise<{ url: string; port: number; requests: string[]; server: Server }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.headers.host}${req.url}`);
    const body = req.url?.startsWith('/noisy') ? NOISY : PAGE;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, port, requests, server };
}

const ms = (since: number) => Math.round(performance.now() - since);

export function engineSelfTest(
  name: string,
  launch: (options: LaunchOptions) => Promise<Engine>,
  problem: string | undefined,
): void {
  describe.skipIf(problem !== undefined)(`${name} engine primitives`, () => {
    let engine: Engine;
    let pages: Awaited<ReturnType<typeof startPages>>;
    const open: EngineContext[] = [];
    const timings: string[] = [];

    beforeAll(async () => {
      pages = await startPages();
      const started = performance.now();
      engine = await launch({ hostsToLoopback: ['*.example.test'] });
      timings.push(`launch ${ms(started)} ms`);
    }, 60_000);

    afterAll(async () => {
      await Promise.all(open.map((c) => c.close()));
      await engine?.close();
      pages?.server.close();
      pages?.server.closeAllConnections();
      // The timings are the point of this line: start-up cost per browser and per context.
      process.stdout.write(`\n${name} (${engine?.version}): ${timings.join(', ')}\n`);
    });

    async function context(options?: Parameters<Engine['newContext']>[0]): Promise<EngineContext> {
      const started = performance.now();
      const created = await engine.newContext(options);
      // An engine that starts browsers ahead says how long that took (startupMs), beside the wait.
      const ahead = (created as { startupMs?: number }).startupMs;
      const cost = ahead === undefined ? '' : ` (browser start ${ahead} ms)`;
      timings.push(`context${options ? ` ${JSON.stringify(options)}` : ''} ${ms(started)} ms${cost}`);
      open.push(created);
      return created;
    }

    async function page(at = pages.url): Promise<{ context: EngineContext; page: EnginePage }> {
      const c = await context();
      const p = await c.newPage();
      await p.goto(at);
      return { context: c, page: p };
    }

    it('reports its version', () => {
      expect(engine.version).toMatch(/\d+\.\d+/);
    });

    it('a fresh context has no cookies and no storage', async () => {
      const { context: c, page: p } = await page();
      expect(await c.cookies(pages.url)).toEqual([]);
      expect(await p.evaluate('() => [document.cookie, localStorage.length]')).toEqual(['', 0]);
      // The default language, as in every engine here: US English.
      expect(await p.evaluate('() => navigator.languages[0]')).toBe('en-US');
    });

    it('two contexts share no cookies; two pages of one context share them and storage', async () => {
      const a = await page();
      await a.page.evaluate(
        `() => { document.cookie = 'seen=yes; path=/'; localStorage.setItem('k', 'v'); }`,
      );
      expect((await a.context.cookies(pages.url)).map((c) => `${c.name}=${c.value}`)).toEqual(['seen=yes']);

      const b = await page();
      expect(await b.context.cookies(pages.url)).toEqual([]);
      expect(await b.page.evaluate('() => [document.cookie, localStorage.getItem("k")]')).toEqual(['', null]);

      const tab = await a.context.newPage();
      await tab.goto(pages.url);
      expect(await tab.evaluate('() => [document.cookie, localStorage.getItem("k")]')).toEqual([
        'seen=yes',
        'v',
      ]);
      // Each page still answers for itself after the other one was used.
      expect(await a.page.url()).toBe(pages.url);
      await tab.close();
      expect(await a.page.evaluate('() => document.title')).toBe('engine self-test');
    });

    it('plants, reads and clears cookies, by the URL’s site and path', async () => {
      const { context: c, page: p } = await page();
      await c.addCookies(pages.url, [
        { name: 'plain', value: 'a%20b' },
        { name: 'deep', value: '1', path: '/deep/' },
        { name: 'dated', value: '2', expires: 2_000_000_000 },
      ]);
      expect(await p.evaluate('() => document.cookie.split("; ").sort()')).toEqual([
        'dated=2',
        'plain=a%20b',
      ]);
      const jar = await c.cookies(pages.url);
      expect(jar.map((k) => k.name).sort()).toEqual(['dated', 'plain']);
      expect(jar.find((k) => k.name === 'dated')).toMatchObject({
        expires: 2_000_000_000,
        path: '/',
        domain: '127.0.0.1',
      });
      expect(jar.find((k) => k.name === 'plain')).toMatchObject({
        value: 'a%20b',
        expires: -1,
        httpOnly: false,
        secure: false,
      });
      expect((await c.cookies(`${pages.url}deep/page`)).map((k) => k.name).sort()).toEqual([
        'dated',
        'deep',
        'plain',
      ]);

      await c.clearCookies();
      expect(await c.cookies(`${pages.url}deep/page`)).toEqual([]);
      expect(await p.evaluate('() => document.cookie')).toBe('');
    });

    it('without a URL, lists every cookie of the context, whatever its site', async () => {
      const { context: c, page: p } = await page();
      await p.evaluate(`() => { document.cookie = 'here=1; path=/'; }`);
      await p.goto(`http://a.example.test:${pages.port}/sub/page`);
      await p.evaluate(`() => { document.cookie = 'there=2; domain=example.test; path=/sub'; }`);
      const all = (await c.cookies()).map((k) => `${k.name}@${k.domain.replace(/^\./, '')}${k.path}`);
      expect(all.sort()).toEqual(['here@127.0.0.1/', 'there@example.test/sub']);
    });

    it('clicks with the real mouse, on an element a script found', async () => {
      const { page: p } = await page();
      const button = await p.evaluate<ElementRef>('() => document.getElementById("last")');
      await p.click(button);
      expect(await p.evaluate('() => window.clicks')).toEqual([{ id: 'last', trusted: true }]);
    });

    it('presses keys and types with the real keyboard', async () => {
      const { page: p } = await page();
      const focused = () => p.evaluate('() => document.activeElement.id');
      await p.press('Tab');
      expect(await focused()).toBe('first');
      await p.press('Tab');
      await p.type('Grüße 1+1');
      expect(await p.evaluate('() => document.getElementById("field").value')).toBe('Grüße 1+1');
      await p.press('Tab');
      expect(await focused()).toBe('last');
      await p.press('Shift+Tab');
      expect(await focused()).toBe('field');
      expect(await p.evaluate('() => document.hasFocus()')).toBe(true);
    });

    it('evaluates: JSON back, elements back, promises awaited, errors thrown, in a frame too', async () => {
      const { page: p } = await page();
      expect(
        await p.evaluate('(n) => ({ n, list: [1, "two", null, true], nested: { deep: n * 2 } })', 21),
      ).toEqual({
        n: 21,
        list: [1, 'two', null, true],
        nested: { deep: 42 },
      });
      expect(
        await p.evaluate('async () => { await new Promise((r) => setTimeout(r, 50)); return "later"; }'),
      ).toBe('later');
      const element = await p.evaluate<ElementRef>('() => document.querySelector("input")');
      expect(element).toHaveProperty('__element');
      // An element goes back into the page as itself.
      expect(await p.evaluate('(el) => el.id', element)).toBe('field');
      await expect(p.evaluate('() => { throw new TypeError("nope"); }')).rejects.toThrow(/TypeError: nope/);
      expect(await p.evaluate('() => window.notThere')).toBeUndefined();
      expect(await p.evaluate('() => null')).toBeNull();
      // undefined and null inside a result stay apart, as in Playwright (an element's missing dataset key).
      expect(await p.evaluate('() => [undefined, null, { a: undefined, b: null }]')).toEqual([
        undefined,
        null,
        { a: undefined, b: null },
      ]);

      await p.evaluate(`() => new Promise((resolve) => {
        const frame = document.createElement('iframe');
        frame.src = '/framed';
        frame.onload = resolve;
        document.body.append(frame);
      })`);
      expect(await p.evaluate('() => location.pathname', undefined, '/framed')).toBe('/framed');
      expect(await p.evaluate('() => location.pathname')).toBe('/');
    });

    it('hears console errors and warnings, uncaught exceptions and unhandled rejections', async () => {
      const c = await context();
      const p = await c.newPage();
      const heard: ConsoleEntry[] = [];
      p.onConsole((entry) => heard.push(entry));
      await p.goto(`${pages.url}noisy`);
      await expect
        .poll(async () => {
          await p.evaluate('() => new Promise((r) => setTimeout(r, 20))');
          return heard;
        })
        .toEqual(
          expect.arrayContaining([
            { kind: 'error', text: 'an error 42' },
            { kind: 'warning', text: 'a warning' },
            { kind: 'pageerror', text: 'thrown later' },
            { kind: 'pageerror', text: 'never caught' },
          ]),
        );
      expect(heard).toHaveLength(4);
    });

    it('sets the viewport and takes a screenshot of it', async () => {
      const { page: p } = await page();
      await p.setViewport({ width: 700, height: 500 });
      expect(await p.evaluate('() => [innerWidth, innerHeight]')).toEqual([700, 500]);
      const png = await p.screenshot();
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(700); // the IHDR width
    });

    it('sends the host names it was launched with to 127.0.0.1', async () => {
      const { page: p } = await page(`http://www.shop.example.test:${pages.port}/here`);
      expect(await p.evaluate('() => [location.hostname, document.title]')).toEqual([
        'www.shop.example.test',
        'engine self-test',
      ]);
      expect(pages.requests).toContain(`www.shop.example.test:${pages.port}/here`);
      // Only the page's own requests reach the server (no favicon, nothing of the engine's).
      expect(pages.requests.filter((r) => /favicon|__/.test(r))).toEqual([]);
    });

    it('emulates a dark colour scheme and reduced motion per context', async () => {
      const dark = await context({ colorScheme: 'dark', reducedMotion: 'reduce' });
      const p = await dark.newPage();
      await p.goto(pages.url);
      const media =
        '() => ["(prefers-color-scheme: dark)", "(prefers-reduced-motion: reduce)"].map((q) => matchMedia(q).matches)';
      expect(await p.evaluate(media)).toEqual([true, true]);
      const plain = await page();
      expect(await plain.page.evaluate(media)).toEqual([false, false]);
    });
  });
}
