// node scripts/configurator-screenshots.mjs: the configurator's screenshots for docs/configurator.md,
// taken in the system Chromium (never a downloaded one) after `npm run build`. Each is a step of
// the run-through in that page, done the way a person does it: by role and name.
import { existsSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const ROOT = new URL('../', import.meta.url);
const OUT = new URL('docs/screenshots/', ROOT);
const CHROME =
  process.env.CHROME_PATH ||
  ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
if (!CHROME) throw new Error('No Chromium found: install one (apt-get install chromium) or set CHROME_PATH.');
if (!existsSync(new URL('dist/configurator/index.html', ROOT)))
  throw new Error('dist/configurator/ is missing: run `npm run build` first.');

mkdirSync(OUT, { recursive: true });
const server = await startServer({ port: 0 });
const browser = await chromium.launch({
  executablePath: CHROME,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});

const shot = async (target, name) => {
  // No hover or focus ring left over from the clicks.
  const page = 'mouse' in target ? target : target.page();
  await page.mouse.move(0, 0);
  await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
  await page.waitForTimeout(400);
  await target.screenshot({ path: new URL(`configurator-${name}.png`, OUT).pathname });
  console.log(`docs/screenshots/configurator-${name}.png`);
};

try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
  page.on('pageerror', (e) => console.error(e.message));
  await page.goto(`${server.url}configurator/`);
  const preview = page.getByRole('region', { name: 'Preview' });
  const frame = preview.frameLocator('iframe');
  await frame.getByRole('dialog', { name: 'We use cookies' }).waitFor();
  await shot(page, 'start');

  // 1. Google Analytics from the presets.
  await page.getByRole('searchbox', { name: 'Search the presets' }).fill('google');
  await page.getByRole('button', { name: 'Add Google Analytics', exact: true }).click();
  await shot(page.locator('.preset-picker'), 'presets');
  await shot(page.getByRole('group', { name: 'Google Analytics' }), 'service');

  // 2. German, always; 3. the dark theme.
  await page.getByRole('checkbox', { name: 'Deutsch (German)' }).check();
  await page
    .getByRole('combobox', { name: 'Language the banner shows' })
    .selectOption({ label: 'Always Deutsch' });
  await page.getByRole('radio', { name: 'Dark', exact: true }).check();
  // As the page's note says: the categories' own names in the banner's language.
  const rename = async (group, label, description) => {
    const card = page.getByRole('group', { name: group, exact: true });
    await card.getByRole('textbox', { name: 'Description', exact: true }).first().fill(description);
    await card.getByRole('textbox', { name: 'Name', exact: true }).fill(label);
  };
  await rename(
    'Strictly necessary',
    'Unbedingt erforderlich',
    'Nötig, damit die Website funktioniert, zum Beispiel um Ihre Auswahl hier zu speichern.',
  );
  await rename(
    'Analytics',
    'Statistik',
    'Hilft uns zu verstehen, wie die Website genutzt wird, damit wir sie verbessern können.',
  );
  await rename(
    'Marketing',
    'Marketing',
    'Werbung und die Messung von Anzeigen, auch durch andere Unternehmen.',
  );
  await page
    .getByRole('group', { name: 'Google Analytics preset', exact: true })
    .getByRole('textbox', { name: 'Description', exact: true })
    .fill('Webanalyse von Google: zählt Besuche und misst, wie Seiten genutzt werden.');
  await frame.getByRole('dialog', { name: 'Wir verwenden Cookies' }).waitFor();
  await page.evaluate(() => scrollTo(0, 0));
  await shot(preview, 'preview-de-dark');
  await page.getByRole('button', { name: 'Open the preferences', exact: true }).click();
  await page.getByRole('radio', { name: 'Phone', exact: true }).check();
  await frame.getByRole('dialog', { name: 'Cookie-Einstellungen' }).waitFor();
  await shot(preview, 'preview-phone');
  await page.getByRole('radio', { name: 'Desktop', exact: true }).check();

  // The library's own error, next to the field.
  const days = page.getByRole('spinbutton', { name: 'Keep a decision for (days)' });
  await days.fill('500');
  await page.getByText('The library refuses this.').first().waitFor();
  await days.evaluate((el) => el.closest('.field').scrollIntoView({ block: 'center' }));
  await shot(page, 'error');
  await days.fill('182');
  await page.getByText('The library accepts this config.').waitFor();

  // The snippet.
  await page.getByRole('textbox', { name: 'Where your site serves the files' }).fill('/consent-gate/');
  await shot(page.getByRole('region', { name: '6. Your snippet' }), 'snippet');
} finally {
  await browser.close();
  await server.close();
}
