// npm run screenshots: renders the demo page with every banner layout in light and dark, the
// preferences, a right-to-left language and a 320 px phone to PNG files in docs/screenshots/,
// with the system Chromium (never a downloaded one). Run `npm run build` first (npm run does).
import { existsSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const ROOT = new URL('../', import.meta.url);
const OUT = new URL('docs/screenshots/', ROOT);
const CHROME =
  process.env.CHROME_PATH ||
  [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ].find((p) => existsSync(p));
if (!CHROME) throw new Error('No Chromium found: install one (apt-get install chromium) or set CHROME_PATH.');

/** [file name, demo query, viewport width, height, open the preferences?] */
const SHOTS = [];
for (const layout of ['box', 'bar', 'cloud']) {
  for (const theme of ['light', 'dark'])
    SHOTS.push([`${layout}-${theme}`, `layout=${layout}&theme=${theme}`, 1024, 640, false]);
}
SHOTS.push(
  ['box-top-left-light', 'layout=box&position=top-left', 1024, 640, false],
  ['bar-top-dark', 'layout=bar&position=top&theme=dark', 1024, 640, false],
  // A laptop screen: the bar keeps its buttons in one row beside the text.
  ['bar-1280-light', 'layout=bar', 1280, 720, false],
  ['blocking-cloud-light', 'layout=cloud&blocking=1', 1024, 640, false],
  ['preferences-light', 'theme=light', 1024, 640, true],
  ['preferences-dark', 'theme=dark', 1024, 640, true],
  ['rtl-ar-box-light', 'lang=ar', 1024, 640, false],
  ['rtl-ar-preferences-dark', 'lang=ar&theme=dark', 1024, 640, true],
  ['phone-320-box-light', 'layout=box', 320, 640, false],
  ['phone-320-preferences-dark', 'theme=dark', 320, 640, true],
  // One per script (docs/languages.md): Latin (the longest German and Polish labels on a phone),
  // Cyrillic, Greek, Arabic on a phone, CJK; then the scripts that need fonts of their own.
  ['lang-de-phone-320', 'lang=de', 320, 640, false],
  // The demo's own category texts in German, beside the shipped file (translations.de.categories).
  ['lang-de-preferences-light', 'lang=de', 1024, 640, true],
  ['lang-pl-preferences-light', 'lang=pl', 1024, 640, true],
  ['lang-bg-box-light', 'lang=bg', 1024, 640, false],
  ['lang-el-preferences-light', 'lang=el', 1024, 640, true],
  ['lang-ar-phone-320', 'lang=ar', 320, 640, false],
  ['lang-zh-Hant-box-light', 'lang=zh-Hant', 1024, 640, false],
  ['lang-ja-preferences-dark', 'lang=ja&theme=dark', 1024, 640, true],
  ['lang-ko-bar-light', 'lang=ko&layout=bar', 1024, 640, false],
  ['lang-hi-box-light', 'lang=hi', 1024, 640, false],
  ['lang-th-box-light', 'lang=th', 1024, 640, false],
);

mkdirSync(OUT, { recursive: true });
const server = await startServer({
  port: 0,
  mounts: { '/dist/': new URL('dist', ROOT).pathname, '/': new URL('examples', ROOT).pathname },
});
const browser = await chromium.launch({
  executablePath: CHROME,
  args: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  for (const [name, query, width, height, prefs] of SHOTS) {
    const page = await browser.newPage({ viewport: { width, height } });
    page.on('pageerror', (e) => console.error(`${name}: ${e.message}`));
    await page.goto(`${server.url}?${query}`);
    await page.locator('.cg-banner').waitFor();
    if (prefs) {
      await page.locator('.cg-banner .cg-btn:not(.cg-main)').click();
      await page.locator('.cg-prefs').waitFor();
    }
    // No hover or focus ring left over from the click; fonts and the switch transition settled.
    await page.mouse.move(0, 0);
    await page.evaluate(() =>
      document.activeElement instanceof HTMLElement ? document.activeElement.blur() : 0,
    );
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(250);
    await page.screenshot({ path: new URL(`${name}.png`, OUT).pathname });
    await page.close();
    console.log(`docs/screenshots/${name}.png`);
  }
} finally {
  await browser.close();
  await server.close();
}
