// examples/ssr-server.mjs: the Google Analytics tag is in the HTML only for a visitor who accepted
// it, and a request with Sec-GPC: 1 does not get it by default.
import Cookies from 'js-cookie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs example without type declarations
import { startSsrExample } from '../../examples/ssr-server.mjs';
import { needBuild } from './support/cli';

let site: { url: string; close(): Promise<void> };
beforeAll(async () => {
  needBuild();
  site = await startSsrExample({ port: 0 });
});
afterAll(() => site?.close());

const cookie = (analytics: boolean, extra: Record<string, unknown> = {}) => {
  const t = new Date().toISOString();
  const value = JSON.stringify({
    id: '3f1c2b9e-8f7a-4c3d-9b2a-1e2f3a4b5c6d',
    revision: 0,
    givenAt: t,
    updatedAt: t,
    categories: { necessary: true, analytics },
    services: { analytics: { 'google-analytics': analytics } },
    ...extra,
  });
  return `cg_consent=${Cookies.converter.write(value, 'cg_consent')}`;
};

async function page(headers: Record<string, string> = {}) {
  const res = await fetch(site.url, { headers });
  expect(res.status).toBe(200);
  expect(res.headers.get('vary')).toBe('Cookie, Sec-GPC');
  const html = await res.text();
  return { html, tag: html.includes('https://www.googletagmanager.com/gtag/js?id=G-EXAMPLE1') };
}

describe('the server-rendered page', () => {
  it('renders the tag for a visitor who accepted it, and not for one who declined it', async () => {
    expect((await page({ cookie: cookie(true) })).tag).toBe(true);
    const declined = await page({ cookie: cookie(false) });
    expect(declined.tag).toBe(false);
    expect(declined.html).toContain('<!-- Google Analytics: not accepted, not rendered -->');
  });

  it('declines by default for a browser that sends GPC; an explicit acceptance still counts', async () => {
    expect((await page()).tag).toBe(true);
    const gpc = await page({ 'sec-gpc': '1' });
    expect(gpc.tag).toBe(false);
    expect(gpc.html).toContain('your browser sends GPC');
    expect((await page({ 'sec-gpc': '1', cookie: cookie(true) })).tag).toBe(true);
  });

  it('reads a tampered or expired cookie as no decision, as the browser does', async () => {
    expect((await page({ 'sec-gpc': '1', cookie: cookie(true).slice(0, -6) })).tag).toBe(false);
    const old = new Date(Date.now() - 200 * 864e5).toISOString();
    expect((await page({ 'sec-gpc': '1', cookie: cookie(true, { givenAt: old, updatedAt: old }) })).tag).toBe(
      false,
    );
    expect((await page({ 'sec-gpc': '1', cookie: cookie(true, { revision: 1 }) })).tag).toBe(false);
  });

  it('serves the library it uses', async () => {
    const res = await fetch(new URL('/dist/consent-gate.min.js', site.url));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('ConsentGate');
  });
});
