// Presets by name in a script-tag config (issue 13): `{ "preset": "googleAnalytics" }` resolved from
// consent-gate.presets.min.js, whichever order its tag and the library's run in; without the file,
// the config error names it and nothing is shown. One page per order, written to
// tests/browser/fixtures/generated/presets/ (git-ignored), as tests/browser/addon-order.test.ts does.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { banner, button, DEFAULT_TITLE, describeBrowser, preferences, ROOT, useBrowser } from './harness';

const DIR = path.join(ROOT, 'tests/browser/fixtures/generated/presets');

const tag = (file: string, how: string) => `<script src="/dist/${file}"${how ? ' ' + how : ''}></script>`;
const library = (how: string) => tag('consent-gate.min.js', how);
const presets = (how: string) => tag('consent-gate.presets.min.js', how);

const CONFIG = {
  categories: {
    necessary: { label: 'Strictly necessary', required: true },
    analytics: {
      label: 'Analytics',
      services: {
        'google-analytics': { preset: 'googleAnalytics', description: 'Our own words about it.' },
        hotjar: { preset: 'hotjar' },
      },
    },
  },
};

const page = (title: string, tags: string[]) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/dist/consent-gate.css" />
    <script type="application/json" id="consent-gate-config">${JSON.stringify(CONFIG)}</script>
    ${tags.join('\n    ')}
  </head>
  <body><h1>${title}</h1></body>
</html>
`;

/** [file, what it shows, the tags in the order they appear] */
const ORDERS: [string, string, string[]][] = [
  ['presets-first', 'presets plain, library defer after it', [presets(''), library('defer')]],
  ['both-defer', 'library defer, presets defer after it', [library('defer'), presets('defer')]],
  ['library-plain-first', 'library plain, presets plain after it', [library(''), presets('')]],
  ['both-async', 'library async, presets async', [library('async'), presets('async')]],
];

describeBrowser('presets by name in a script-tag config', () => {
  const browser = useBrowser();

  beforeAll(() => {
    mkdirSync(DIR, { recursive: true });
    for (const [file, title, tags] of ORDERS)
      writeFileSync(path.join(DIR, `${file}.html`), page(title, tags));
    writeFileSync(
      path.join(DIR, 'no-presets.html'),
      page('library without the presets file', [library('defer')]),
    );
  });
  afterAll(() => rmSync(DIR, { recursive: true, force: true }));

  for (const [file, title] of ORDERS) {
    it(title, async () => {
      const t = await browser.newPage(`/fixtures/generated/presets/${file}.html`);
      const b = banner(t.page, DEFAULT_TITLE);
      await b.waitFor();
      await button(b, 'Preferences').click();
      const prefs = preferences(t.page);
      await prefs.getByRole('radiogroup', { name: 'Google Analytics', exact: true }).waitFor();
      expect(await prefs.getByText('Our own words about it.').count()).toBe(1);
      expect(await prefs.getByText('Heatmaps, session recordings and on-page surveys.').count()).toBe(1);
      // The preset's cookie names came with it: a declined Google Analytics loses its cookies.
      await t.page.evaluate(() => (document.cookie = '_ga=GA1.1.1; path=/'));
      await button(prefs, 'Decline all').click();
      expect(await t.page.evaluate(() => document.cookie)).not.toContain('_ga=');
    });
  }

  it('without the presets file: a config error that names it, and no banner', async () => {
    const t = await browser.newPage();
    t.expectConsole(
      'error',
      /categories\.analytics\.services\.google-analytics\.preset must be a preset of consent-gate\.presets\.min\.js, which is not loaded/,
    );
    await t.goto('/fixtures/generated/presets/no-presets.html');
    await expect.poll(() => t.page.evaluate(() => document.readyState)).toBe('complete');
    await t.page.waitForTimeout(100);
    expect(await t.page.getByRole('dialog', { includeHidden: true }).count()).toBe(0);
  });
});
