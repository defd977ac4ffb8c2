// Issue 13, in every engine with the real stylesheet (the unit tests, tests/unit/banner-aside.test.ts and
// text-direction.test.ts, hold the markup): the banner is out of sight while the preferences are open
// and back, focused where the visitor left it, when they close without a decision; and a site's
// English text in an Arabic page keeps its full stop at its end.
import { expect, it } from 'vitest';
import { anyDialog, banner, button, describeBrowser, preferences, useBrowser } from './harness';

describeBrowser('the banner while the preferences are open', () => {
  const browser = useBrowser();

  for (const query of ['/?layout=bar', '/?layout=cloud&blocking=1']) {
    it(`${query}: out of sight, back after Escape with focus on Preferences, gone after Save`, async () => {
      const t = await browser.newPage();
      const { page } = t;
      await t.goto(query);
      const b = banner(page);
      await b.waitFor();
      await button(b, 'Preferences').focus();
      await page.keyboard.press('Enter');
      const prefs = preferences(page);
      await prefs.waitFor();
      expect(await page.locator('.cg-banner').isVisible()).toBe(false);

      await page.keyboard.press('Escape');
      await prefs.waitFor({ state: 'detached' });
      expect(await b.isVisible()).toBe(true);
      expect(await button(b, 'Preferences').evaluate((el) => el == document.activeElement)).toBe(true);

      await page.keyboard.press('Enter');
      await button(prefs, 'Save').click();
      await expect.poll(() => anyDialog(page).count()).toBe(0);
    });
  }
});

describeBrowser('config texts in a right-to-left page', () => {
  const browser = useBrowser();

  it('an English description in the Arabic preferences ends with its full stop on the right', async () => {
    const t = await browser.newPage();
    const { page } = t;
    await t.goto('/?lang=ar');
    await page.locator('.cg-banner').waitFor();
    await page.locator('.cg-banner [data-cg-open]').click();
    const desc = page.getByText(
      'Needed for the site to work, for example to remember the choice you make here.',
    );
    // Where the last word's last letter and the full stop are drawn: left to right, the stop is on
    // the right of "here"; in the dialog's right-to-left direction it would be drawn on its left.
    const [letter, stop] = await desc.evaluate((el) => {
      const text = el.firstChild!;
      const end = text.textContent!.length;
      return [end - 2, end - 1].map((i) => {
        const range = document.createRange();
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        return range.getBoundingClientRect().left;
      });
    });
    expect(stop).toBeGreaterThan(letter);
    expect(await desc.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
  });
});
