// scripts/serve.mjs, the static server behind the demo and these browser tests. Plain Node, no
// browser needed, so these run even where Chromium is missing.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { startServer } from '../../scripts/serve.mjs';
import { ROOT } from './harness';

/** A GET with the path sent exactly as written: fetch() would normalise away the ../ we are testing. */
function rawGet(port: number, rawPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: rawPath }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

describe('scripts/serve.mjs', () => {
  let dir: string;
  let outside: string;
  let server: { url: string; port: number; close(): Promise<void> };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'cg-serve-'));
    outside = await mkdtemp(path.join(tmpdir(), 'cg-outside-'));
    await writeFile(path.join(outside, 'secret.txt'), 'secret');
    await mkdir(path.join(dir, 'site', 'sub'), { recursive: true });
    await writeFile(path.join(dir, 'site', 'index.html'), '<p>home</p>');
    await writeFile(path.join(dir, 'site', 'sub', 'index.html'), '<p>sub</p>');
    for (const name of ['a.js', 'a.mjs', 'a.css', 'a.json', 'a.png', 'a.svg']) {
      await writeFile(path.join(dir, 'site', name), 'x');
    }
    await symlink(outside, path.join(dir, 'site', 'escape'));
    await mkdir(path.join(dir, 'lib'));
    await writeFile(path.join(dir, 'lib', 'lib.js'), 'lib');
    server = await startServer({
      port: 0,
      mounts: { '/lib/': path.join(dir, 'lib'), '/': path.join(dir, 'site') },
      headers: (urlPath: string) =>
        urlPath.endsWith('.html') || urlPath.endsWith('/') ? { 'X-Test': urlPath } : undefined,
    });
  });

  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  it('picks a free port for port 0 and reports its URL', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it.each([
    ['a.js', 'text/javascript'],
    ['a.mjs', 'text/javascript'],
    ['a.css', 'text/css'],
    ['a.json', 'application/json'],
    ['a.png', 'image/png'],
    ['a.svg', 'image/svg+xml'],
    ['', 'text/html'],
  ])('serves /%s as %s, uncached', async (file, type) => {
    const res = await fetch(new URL(file, server.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(type);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('serves index.html for a folder, redirecting to the trailing slash first', async () => {
    const res = await fetch(new URL('sub', server.url), { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/sub/');
    expect(await (await fetch(new URL('sub/', server.url))).text()).toBe('<p>sub</p>');
  });

  it('routes by the longest mount prefix', async () => {
    expect(await (await fetch(new URL('lib/lib.js', server.url))).text()).toBe('lib');
  });

  it('answers 404 for a missing file', async () => {
    const res = await fetch(new URL('nope.js', server.url));
    expect(res.status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/..%2f..%2fetc%2fpasswd',
    '/lib/..%2f..%2f' + 'etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/escape/secret.txt',
  ])('refuses to leave its folders: %s', async (rawPath) => {
    expect([403, 404]).toContain(await rawGet(server.port, rawPath));
  });

  it('adds the headers the function returns for a path', async () => {
    expect((await fetch(server.url)).headers.get('x-test')).toBe('/');
    expect((await fetch(new URL('a.js', server.url))).headers.get('x-test')).toBeNull();
  });

  it('serves the demo by default and prints its address when run directly', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'serve.mjs')], {
      env: { ...process.env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
          if (out.includes('\n')) resolve(out.split('\n')[0]);
        });
        child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
      });
      expect(line).toMatch(/^consent-gate demo: http:\/\/localhost:\d+\/$/);
      const port = Number(/:(\d+)\//.exec(line)![1]);
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('data-cg-open="preferences"');
      expect((await fetch(`http://127.0.0.1:${port}/vendor/gtag-stand-in.js`)).status).toBe(200);
    } finally {
      child.kill();
    }
  });
});
