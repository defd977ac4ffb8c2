import { chromium } from 'playwright-core';
import { startServer } from './scripts/serve.mjs';
const server = await startServer({ port: 0, mounts: { '/dist/': './dist', '/fixtures/': './tests/browser/fixtures', '/': './examples' } });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new','--no-sandbox','--disable-gpu'] });
const page = await browser.newPage();
page.on('console', (m) => console.log(m.text()));
await page.goto(server.url);
await page.waitForSelector('.cg-banner');
await page.evaluate(() => {
  const sp = CSSStyleDeclaration.prototype.setProperty, rp = CSSStyleDeclaration.prototype.removeProperty;
  CSSStyleDeclaration.prototype.setProperty = function (...a) { console.log('set', a[0], new Error().stack.split('\n')[2]); return sp.apply(this, a); };
  CSSStyleDeclaration.prototype.removeProperty = function (...a) { console.log('remove', a[0], this.length); return rp.apply(this, a); };
  const ra = Element.prototype.removeAttribute;
  Element.prototype.removeAttribute = function (n) { if (n == 'style') console.log('removeAttr style', this.tagName); return ra.call(this, n); };
});
await page.click('.cg-main');
await page.waitForTimeout(200);
console.log('after', await page.evaluate(() => document.documentElement.outerHTML.slice(0, 40)));
await browser.close(); await server.close();
