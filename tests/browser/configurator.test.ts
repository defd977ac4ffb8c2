// The configurator (dist/configurator/, served here under /dist/configurator/), used the way a site
// owner uses it: by role and name, with the mouse and with the keyboard alone. The snippet it
// gives is pasted into a blank page next to dist/ and must work there with the library alone.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Page } from './harness';
import { expect, it } from 'vitest';
import { describeBrowser, parseConsentCookie, ROOT, SOON, useBrowser, type TestPage } from './harness';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const CONFIGURATOR = '/dist/configurator/';

/**
 * axe-core on the page and, run there too, inside the preview frame: axe cannot reach into a
 * sandboxed frame from the page, so each frame is checked on its own and the findings added up.
 */
async function axeViolations(t: TestPage): Promise<string[]> {
  const out: string[] = [];
  // The page and the preview (not the held-back embed in the preview: an empty about:blank).
  for (const [where, frame] of [
    ['page', t.page],
    ['preview', t.page.frame('/dist/configurator/preview.html')],
  ] as const) {
    await frame.addScriptTag({ path: AXE });
    const violations: { id: string; impact: string; help: string; nodes: { target: unknown[] }[] }[] =
      await frame.evaluate(async (tags: string[]) => {
        // Each frame on its own (iframes: false), and no fetching of stylesheets a sandbox may not read.
        const result = await (window as any).axe.run(document, {
          runOnly: { type: 'tag', values: tags },
          iframes: false,
          preload: false,
        });
        return result.violations;
      }, TAGS);
    for (const v of violations)
      out.push(
        `${where}: ${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
      );
  }
  return out;
}

const preview = (page: Page) => page.getByRole('region', { name: 'Preview' }).frameLocator('iframe');
const field = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** The words that describe a control (aria-describedby), as a screen reader reads them after its name. */
function description(page: Page, name: string, role: 'textbox' | 'spinbutton' = 'textbox') {
  return page.getByRole(role, { name, exact: true }).evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

/** Presses Tab (or Shift+Tab) until `target` has focus; fails after `max` presses. */
async function tabTo(page: Page, target: ReturnType<Page['getByRole']>, back = false, max = 300) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`tabTo: never reached ${target}`);
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement;
    return el.labels?.[0]?.textContent ?? el.textContent ?? '';
  });

/**
 * What Copy and Download config hand over, recorded in the page: no engine-neutral clipboard or
 * download API exists. Copy still goes to the real clipboard (or its fallback); a download's
 * anchor is not followed (no file lands anywhere), its Blob is kept for the test to read.
 */
function recordHandOvers(t: TestPage): void {
  t.addInitScript(() => {
    const w = window as any;
    const writeText = Clipboard.prototype.writeText;
    Clipboard.prototype.writeText = function (text: string) {
      w.__copied = text;
      return writeText.call(this, text);
    };
    const blobs = new Map<string, Blob>();
    const createObjectURL = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob) => {
      const url = createObjectURL(blob);
      blobs.set(url, blob);
      return url;
    };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      const blob = blobs.get(this.href);
      if (!this.hasAttribute('download') || !blob) return click.call(this);
      w.__download = blob.text().then((text) => ({ name: this.download, text }));
    };
  });
}

const copied = (page: Page): Promise<string> => page.evaluate(() => (window as any).__copied);

describeBrowser('the configurator', () => {
  const browser = useBrowser();

  it('builds a config as a person would, and its snippet works on a blank page with the library alone', async () => {
    const t = await browser.newPage();
    recordHandOvers(t);
    await t.goto(CONFIGURATOR);
    const page = t.page;

    // Google Analytics from the presets.
    await page.getByRole('searchbox', { name: 'Search the presets' }).fill('google analytics');
    await button(page, 'Add Google Analytics').click();
    await button(page, 'Remove Google Analytics').waitFor();
    // German texts, shown whatever the page says.
    await page.getByRole('checkbox', { name: 'Deutsch (German)' }).check();
    await page
      .getByRole('combobox', { name: 'Language the banner shows' })
      .selectOption({ label: 'Always Deutsch' });
    // The dark theme.
    await page.getByRole('radio', { name: 'Dark', exact: true }).check();
    // The blank page below serves the library from /dist/.
    await field(page, 'Where your site serves the files').fill('/dist/');

    // The preview runs the library on the draft: German, dark, with Google Analytics listed.
    const frame = preview(page);
    const previewBanner = frame.getByRole('dialog', { name: 'Wir verwenden Cookies' });
    await previewBanner.waitFor();
    await button(page, 'Open the preferences').click();
    const prefs = frame.getByRole('dialog', { name: 'Cookie-Einstellungen' });
    await prefs.getByRole('radiogroup', { name: 'Google Analytics' }).waitFor();
    expect(
      await page.getByRole('region', { name: 'Preview' }).getByRole('status').first().textContent(),
    ).toBe('The library accepts this config.');

    await button(page, 'Copy').click();
    await page.getByText('The script tag is copied').waitFor();
    const snippet = await copied(page);
    expect(snippet).toBe(await field(page, 'Script tag').inputValue());
    expect(snippet).toContain('"google-analytics"');

    // A blank page next to dist/, with the snippet and the site's Google Analytics tag, marked up,
    // visited in a browser of its own (a fresh context: no cookies).
    const site = await browser.newPage();
    site.server.respond('/site/', {
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: `<!doctype html><html><head><meta charset="utf-8"><title>Blank page</title>
<link rel="icon" href="data:,">
${snippet}
<script type="text/plain" data-category="analytics" data-service="google-analytics">
  window.__gaRuns = (window.__gaRuns || 0) + 1;
</script>
</head><body><main><h1>A page</h1></main></body></html>`,
    });
    await site.goto('/site/');
    const banner = site.page.getByRole('dialog', { name: 'Wir verwenden Cookies' });
    await banner.waitFor();
    // Dark: the library's dark background (#1c2128).
    expect(await banner.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(28, 33, 40)');
    await site.settle();
    expect(await site.gaRuns()).toBeUndefined();

    await banner.getByRole('button', { name: 'Alle akzeptieren', exact: true }).click();
    await expect.poll(() => site.gaRuns(), SOON).toBe(1);
    const stored = parseConsentCookie((await site.cookie('cg_consent'))!.value);
    expect(stored.categories).toEqual({ necessary: true, analytics: true, marketing: true });
    expect(stored.services.analytics).toEqual({ 'google-analytics': true });
  });

  it('shows the library’s own error next to the field it names, in words, and clears it when fixed', async () => {
    const t = await browser.newPage(CONFIGURATOR);
    const page = t.page;
    const days = page.getByRole('spinbutton', { name: 'Keep a decision for (days)' });
    await days.fill('500');
    await expect
      .poll(() => description(page, 'Keep a decision for (days)', 'spinbutton'), SOON)
      .toContain('The library refuses this. It must be a number of days from 1 to 395.');
    expect(await days.getAttribute('aria-invalid')).toBe('true');
    expect(await description(page, 'Keep a decision for (days)', 'spinbutton')).toContain(
      'ConsentGateConfigError: cookie.expiresAfterDays must be a number of days from 1 to 395',
    );
    // The reason regulators give, beside the library's verdict.
    expect(await description(page, 'Keep a decision for (days)', 'spinbutton')).toMatch(
      /longer than 13 months/,
    );
    const verdict = page.getByRole('region', { name: 'Preview' }).getByRole('status').first();
    expect(await verdict.textContent()).toMatch(
      /^The library refuses this config: Keep a decision for \(days\)\./,
    );
    // On the site nothing would show: neither does the preview.
    await expect.poll(() => preview(page).getByRole('dialog').count(), SOON).toBe(0);

    await days.fill('182');
    await expect.poll(() => verdict.textContent(), SOON).toBe('The library accepts this config.');
    expect(await days.getAttribute('aria-invalid')).toBeNull();

    // An id the markup cannot use: on the category's id field.
    const analyticsId = page
      .getByRole('group', { name: 'Analytics' })
      .getByRole('textbox', { name: 'Id (for your markup)' });
    await analyticsId.fill('1st');
    await expect.poll(() => analyticsId.getAttribute('aria-invalid'), SOON).toBe('true');
    expect(await verdict.textContent()).toContain(
      'It must be made of letters, digits, - and _, starting with a letter; it is “1st”.',
    );
    await page
      .getByRole('region', { name: 'Checks' })
      .getByRole('button', { name: 'Go to Analytics: Id' })
      .click();
    expect(await analyticsId.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('works with the keyboard alone: presets, reordering, the theme, the preview, Copy', async () => {
    const t = await browser.newPage();
    recordHandOvers(t);
    await t.goto(CONFIGURATOR);
    const page = t.page;

    await tabTo(page, page.getByRole('searchbox', { name: 'Search the presets' }));
    await page.keyboard.type('hotjar');
    await tabTo(page, button(page, 'Add Hotjar'));
    await page.keyboard.press('Enter');
    // The button became Remove Hotjar; focus is on it, not lost to the page.
    expect(await focused(page)).toBe('Remove Hotjar');
    await page.getByText('Hotjar added to Analytics.').waitFor();

    // Marketing up twice: second, then first; at the top its Move up is disabled and focus stays in the card.
    await tabTo(page, button(page, 'Move up Marketing'), true);
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('Move up Marketing');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('Move down Marketing');
    const order = await page.locator('.card-head > h3').allTextContents();
    expect(order).toEqual(['Marketing', 'Strictly necessary', 'Analytics']);

    // The theme with the arrow keys, as in any radio group.
    await tabTo(page, page.getByRole('radio', { name: 'Light', exact: true }));
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: 'Dark', exact: true }).isChecked()).toBe(true);

    // The way to the snippet: a button near the top, then on from its heading.
    await tabTo(page, button(page, 'Go to your snippet'), true);
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('6. Your snippet');
    await tabTo(page, button(page, 'Copy'), false, 40);
    await page.keyboard.press('Enter');
    await page.getByText('The script tag is copied').waitFor();
    // The preview comes after the form.
    await tabTo(page, button(page, 'Open the preferences'), false, 40);
    await page.keyboard.press('Enter');
    await preview(page).getByRole('dialog', { name: 'Cookie preferences' }).waitFor();
    expect(await copied(page)).toContain('"hotjar"');
  });

  it('finds no accessibility violations (axe-core), also with messages, every fold open and the preview’s dialog', async () => {
    const t = await browser.newPage(CONFIGURATOR);
    const page = t.page;
    await preview(page).getByRole('dialog', { name: 'We use cookies' }).waitFor();
    expect(await axeViolations(t)).toEqual([]);

    await button(page, 'Add Google Ads').click();
    await page.getByRole('spinbutton', { name: 'Keep a decision for (days)' }).fill('400');
    await page
      .getByRole('radio', { name: 'Opt-out: chosen categories run until the visitor declines' })
      .check();
    await page.getByRole('checkbox', { name: 'Tell Google tags what the visitor chose' }).check();
    await page.getByRole('checkbox', { name: /^Use the usual map/ }).uncheck();
    await page.getByRole('checkbox', { name: 'Embed placeholders (about 1.6 kB)' }).check();
    await page.getByRole('checkbox', { name: 'Auto-blocking by URL (about 1.2 kB)' }).check();
    await page.getByRole('radio', { name: 'Follow the visitor’s setting' }).check();
    const closed = page.locator('details:not([open]) > summary');
    while ((await closed.count()) > 0) await closed.first().click();
    await expect
      .poll(
        () => page.getByRole('region', { name: 'Preview' }).getByRole('status').first().textContent(),
        SOON,
      )
      .toMatch(/refuses/);
    expect(await axeViolations(t)).toEqual([]);

    // With the error fixed, the preview's preferences over the page.
    await page.getByRole('spinbutton', { name: 'Keep a decision for (days)' }).fill('300');
    await button(page, 'Open the preferences').click();
    await preview(page).getByRole('dialog', { name: 'Cookie preferences' }).waitFor();
    expect(await axeViolations(t)).toEqual([]);
  });

  it('keeps the draft in the address: a reload or the link elsewhere shows the same draft', async () => {
    const t = await browser.newPage(CONFIGURATOR);
    const page = t.page;
    await button(page, 'Add Matomo').click();
    await page.getByRole('radio', { name: 'Bar', exact: true }).check();
    await expect.poll(() => page.evaluate(() => location.hash), SOON).toMatch(/^#draft=1\./);
    const link = await page.getByRole('textbox', { name: 'Link to this draft' }).inputValue();
    await expect.poll(() => page.evaluate(() => location.href), SOON).toBe(link);

    const other = await browser.newPage();
    await other.page.goto(link);
    await button(other.page, 'Remove Matomo from Analytics').waitFor();
    expect(await other.page.getByRole('radio', { name: 'Bar', exact: true }).isChecked()).toBe(true);
    expect(await field(other.page, 'Script tag').inputValue()).toBe(
      await field(page, 'Script tag').inputValue(),
    );
  });

  it('imports a pasted config, says what it kept, and Undo brings the draft back', async () => {
    const t = await browser.newPage(CONFIGURATOR);
    const page = t.page;
    await page.getByText('Import an existing config').click();
    await field(page, 'Paste a config').fill(
      JSON.stringify({
        policyUrl: '/datenschutz',
        html: true,
        categories: {
          necessary: { label: 'Notwendig', required: true },
          stats: { label: 'Statistik', services: { matomo: { label: 'Matomo' } } },
        },
      }),
    );
    await button(page, 'Import what I pasted').click();
    await page.getByText('Imported the pasted config: 2 categories, 1 services.').waitFor();
    await page.getByText('html: kept as imported.').waitFor();
    expect(await page.locator('.card-head > h3').allTextContents()).toEqual(['Notwendig', 'Statistik']);
    expect(await field(page, 'Script tag').inputValue()).toContain('"html": true');

    await field(page, 'Paste a config').fill('{ "categories": ');
    await button(page, 'Import what I pasted').click();
    await page.getByText(/Not imported\. This is not JSON/).waitFor();
    expect(await page.locator('.card-head > h3').allTextContents()).toEqual(['Notwendig', 'Statistik']);

    await button(page, 'Undo: the import').click();
    expect(await page.locator('.card-head > h3').allTextContents()).toEqual([
      'Strictly necessary',
      'Analytics',
      'Marketing',
    ]);
  });

  it('downloads the config as JSON, and the file imports back into the same draft', async () => {
    const t = await browser.newPage();
    recordHandOvers(t);
    await t.goto(CONFIGURATOR);
    const page = t.page;
    await button(page, 'Add Hotjar').click();
    await page.getByRole('radio', { name: 'Cloud', exact: true }).check();
    const snippet = await field(page, 'Script tag').inputValue();
    await button(page, 'Download config').click();
    const download: { name: string; text: string } = await page.waitForFunction(
      () => (window as any).__download,
    );
    expect(download.name).toBe('consent-gate-config.json');
    const config = JSON.parse(download.text);
    expect(snippet).toContain(JSON.stringify(config, null, 2));

    await button(page, 'Start over').click();
    expect(await field(page, 'Script tag').inputValue()).not.toContain('hotjar');
    await page.getByText('Import an existing config').click();
    await page
      .getByLabel('Or choose a config file')
      .setInputFiles([{ name: download.name, mimeType: 'application/json', text: download.text }]);
    await page.getByText(/^Imported .*: 3 categories, 1 services\.$/).waitFor();
    expect(await field(page, 'Script tag').inputValue()).toBe(snippet);
  });

  it('previews a returning visit, a GPC signal and the phone width', async () => {
    const t = await browser.newPage(CONFIGURATOR);
    const page = t.page;
    const frame = preview(page);
    await frame.getByRole('dialog', { name: 'We use cookies' }).waitFor();
    await page.getByRole('radio', { name: 'Returning visit' }).check();
    await expect.poll(() => frame.getByRole('dialog').count(), SOON).toBe(0);
    await frame.getByText('Analytics: held back').waitFor();

    await page.getByRole('checkbox', { name: 'Browser sends GPC' }).check();
    await button(page, 'Open the preferences').click();
    await frame
      .getByText(/Global Privacy Control/)
      .first()
      .waitFor();

    await page.getByRole('radio', { name: 'Phone' }).check();
    await expect
      .poll(
        () =>
          page
            .getByRole('region', { name: 'Preview' })
            .locator('iframe')
            .evaluate((f) => f.getBoundingClientRect().width),
        SOON,
      )
      .toBe(360);
  });

  it('works opened from the disk (file://), preview included', async () => {
    const t = await browser.newPage();
    await t.page.goto(pathToFileURL(`${ROOT}dist/configurator/index.html`).href);
    await preview(t.page).getByRole('dialog', { name: 'We use cookies' }).waitFor();
    await button(t.page, 'Add YouTube').click();
    expect(await field(t.page, 'Script tag').inputValue()).toContain('"youtube"');
  });
});
