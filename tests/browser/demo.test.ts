// The reference situation, on the demo page (examples/index.html): a first visit, the three ways to
// decide, a reload after each, and withdrawing consent later. Google Analytics is the local stand-in
// gated by markup; it counts its runs in window.__gaRuns.
import { expect, it } from 'vitest';
import {
  describeBrowser,
  anyDialog,
  banner,
  button,
  categorySwitch,
  decide,
  preferences,
  serviceRadio,
  SOON,
  useBrowser,
} from './harness';

describeBrowser('demo page', () => {
  const browser = useBrowser();

  it('shows the banner on a first visit and loads no Google Analytics', async () => {
    const t = await browser.newPage('/');
    const dialog = banner(t.page);
    await dialog.waitFor();

    // The reference banner's parts, by role and name.
    // Described by its text: aria-describedby must point at something that says something.
    const description = await dialog.evaluate((element) =>
      (element.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
        .join(' ')
        .trim(),
    );
    expect(description).not.toBe('');
    await button(dialog, 'Accept all').waitFor();
    await button(dialog, 'Decline all').waitFor();
    await button(dialog, 'Preferences').waitFor();
    expect(await dialog.getByRole('link', { name: 'Read more', exact: true }).getAttribute('href')).toBe(
      '/privacy.html',
    );

    await t.settle();
    expect(t.gaRequested()).toBe(false);
    expect(await t.gaRuns()).toBeUndefined();
    expect(await t.cookie('_ga')).toBeUndefined();
    expect(await t.page.locator('#ga-status').textContent()).toBe('Google Analytics stand-in: not loaded');
  });

  it('runs Google Analytics once, without a reload, after Accept all', async () => {
    const t = await browser.newPage('/');
    // Survives only if the page is not reloaded.
    await t.page.evaluate(() => ((window as any).__samePage = true));

    await decide(t.page, 'Accept all');

    await expect.poll(() => t.gaRuns(), SOON).toBe(1);
    await t.settle();
    expect(await t.gaRuns()).toBe(1);
    expect(await t.page.evaluate(() => (window as any).__samePage)).toBe(true);
    expect(await t.page.locator('#ga-status').textContent()).toBe(
      'Google Analytics stand-in: loaded (run 1)',
    );
    expect(await t.cookie('_ga')).toBeDefined();
    // The inline half of the tag ran too, after defining gtag itself.
    expect(await t.page.evaluate(() => (window as any).dataLayer?.length)).toBe(2);
  });

  it('keeps the decision over a reload: no banner at all, Google Analytics runs once again', async () => {
    const t = await browser.newPage('/');
    await decide(t.page, 'Accept all');
    await expect.poll(() => t.gaRuns(), SOON).toBe(1);

    await t.reload();
    await expect.poll(() => t.gaRuns(), SOON).toBe(1);
    await t.settle();
    expect(await t.gaRuns()).toBe(1);
    expect(await anyDialog(t.page).count()).toBe(0);
  });

  it('never loads Google Analytics after Decline all, also not after a reload', async () => {
    const t = await browser.newPage('/');
    await decide(t.page, 'Decline all');
    await t.settle();

    await t.reload();
    await t.settle();
    expect(await anyDialog(t.page).count()).toBe(0);
    expect(t.gaRequested()).toBe(false);
    expect(await t.gaRuns()).toBeUndefined();
    expect(await t.cookie('_ga')).toBeUndefined();
  });

  it('accepts Google Analytics alone in the preferences, and deletes its cookies when declined later', async () => {
    const t = await browser.newPage('/');
    await button(banner(t.page), 'Preferences').click();
    const prefs = preferences(t.page);
    await prefs.waitFor();
    // Before any decision nothing is pre-selected in favour of consent.
    expect(await categorySwitch(prefs, 'Analytics').isChecked()).toBe(false);

    await serviceRadio(prefs, 'Google Analytics', 'Accept').check();
    await button(prefs, 'Save').click();
    await prefs.waitFor({ state: 'hidden' });
    await banner(t.page).waitFor({ state: 'hidden' });
    // The reference: it "must load at once, without a page reload".
    await expect.poll(() => t.gaRuns(), SOON).toBe(1);

    await t.reload();
    await expect.poll(() => t.gaRuns(), SOON).toBe(1);
    expect(await t.page.evaluate(() => window.ConsentGate.isAccepted('analytics', 'google-analytics'))).toBe(
      true,
    );
    expect(await t.cookie('_ga')).toBeDefined();
    expect(await t.cookie('_gid')).toBeDefined();

    // Withdraw through the footer link.
    await t.page.getByRole('link', { name: 'Cookie preferences', exact: true }).click();
    await prefs.waitFor();
    expect(await serviceRadio(prefs, 'Google Analytics', 'Accept').isChecked()).toBe(true);
    await serviceRadio(prefs, 'Google Analytics', 'Decline').check();
    await button(prefs, 'Save').click();
    await prefs.waitFor({ state: 'hidden' });

    await expect.poll(() => t.cookie('_ga'), SOON).toBeUndefined();
    expect(await t.cookie('_gid')).toBeUndefined();
    expect(await t.page.evaluate(() => window.ConsentGate.isAccepted('analytics', 'google-analytics'))).toBe(
      false,
    );
    expect(await t.cookie('cg_consent')).toBeDefined();
  });

  it('reopens the preferences from the footer link after a decision; Escape closes them and returns focus', async () => {
    const t = await browser.newPage('/');
    await decide(t.page, 'Accept all');

    // By keyboard, as the contract asks: focus the link, press Enter.
    const link = t.page.getByRole('link', { name: 'Cookie preferences', exact: true });
    await link.focus();
    await t.page.keyboard.press('Enter');
    const prefs = preferences(t.page);
    await prefs.waitFor();
    expect(await prefs.getAttribute('aria-modal')).toBe('true');
    // They show the current decision, and focus is inside.
    expect(await categorySwitch(prefs, 'Analytics').isChecked()).toBe(true);
    expect(await serviceRadio(prefs, 'Google Analytics', 'Accept').isChecked()).toBe(true);
    const focusInside = () => prefs.evaluate((dialog) => dialog.contains(document.activeElement));
    expect(await focusInside()).toBe(true);
    // Focus stays inside while it is open, whichever way the visitor tabs.
    for (const key of [...Array(10).fill('Tab'), ...Array(12).fill('Shift+Tab')]) {
      await t.page.keyboard.press(key);
      expect(await focusInside(), `focus left the dialog after ${key}`).toBe(true);
    }

    await t.page.keyboard.press('Escape');
    await prefs.waitFor({ state: 'hidden' });
    expect(await link.evaluate((element) => element === document.activeElement)).toBe(true);
    // A decision exists, so closing the preferences brings no banner back.
    expect(await banner(t.page).count()).toBe(0);
  });

  it('follows Read more to the privacy page, which has the same banner and footer link', async () => {
    const t = await browser.newPage('/');
    await banner(t.page).getByRole('link', { name: 'Read more', exact: true }).click();
    await t.page.waitForURL(t.url('/privacy.html'));

    // Still no decision, so the banner asks here too; deciding here holds for the whole site.
    await decide(t.page, 'Decline all');
    await t.page
      .getByRole('contentinfo')
      .getByRole('link', { name: 'Cookie preferences', exact: true })
      .click();
    const prefs = preferences(t.page);
    await prefs.waitFor();
    expect(await serviceRadio(prefs, 'Google Analytics', 'Decline').isChecked()).toBe(true);
    await button(prefs, 'Close').click();
    await prefs.waitFor({ state: 'hidden' });

    await t.goto('/');
    await t.settle();
    expect(await anyDialog(t.page).count()).toBe(0);
    expect(t.gaRequested()).toBe(false);
  });
});
