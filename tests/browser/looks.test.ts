// What a visitor sees (issue 13, "The UI, looked at"), on fixtures/theme.html:
// - each theme carries its colour scheme down to the form controls (the dark theme's radios were
//   white circles: `.cg-root { color-scheme: light }` outranked `:where(.cg-dark)`), and the embeds
//   placeholder follows ui.theme (it stayed a white box);
// - the bar layout on a 1280 px screen keeps its buttons in one row beside the text (it wrapped into
//   two rows: a 136 px bar over the site's header).
import type { Page } from './harness';
import { expect, it } from 'vitest';
import { describeBrowser, banner, button, DEFAULT_TITLE, preferences, useBrowser } from './harness';

const LIGHT = { scheme: 'light', bg: 'rgb(255, 255, 255)', fg: 'rgb(31, 35, 40)' };
const DARK = { scheme: 'dark', bg: 'rgb(28, 33, 40)', fg: 'rgb(230, 237, 243)' };

/** [ui.theme, the browser's prefers-color-scheme, what the visitor should get] */
const CASES: [string, 'light' | 'dark', typeof LIGHT][] = [
  ['light', 'light', LIGHT],
  ['light', 'dark', LIGHT],
  ['dark', 'light', DARK],
  ['dark', 'dark', DARK],
  ['auto', 'light', LIGHT],
  ['auto', 'dark', DARK],
];

const looks = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const cs = getComputedStyle(el);
    return { scheme: cs.colorScheme, bg: cs.backgroundColor, fg: cs.color };
  });

describeBrowser('how the UI looks', () => {
  const browser = useBrowser();

  for (const [theme, browserScheme, want] of CASES) {
    it(`theme ${theme} in a ${browserScheme} browser: ${want.scheme} banner, radios and embed placeholder`, async () => {
      const t = await browser.newPage(`/fixtures/theme.html?theme=${theme}`, { colorScheme: browserScheme });
      await banner(t.page, DEFAULT_TITLE).waitFor();
      expect(await looks(t.page, '.cg-banner')).toEqual(want);

      // The placeholder: the theme's background and text, and its buttons in the same scheme.
      const placeholder = t.page.getByRole('group', { name: 'Product tour', exact: true });
      await placeholder.waitFor();
      expect(await looks(t.page, '.cg-embed')).toEqual(want);
      expect((await looks(t.page, '.cg-embed .cg-btn >> nth=0')).scheme).toBe(want.scheme);

      // An unselected radio is drawn by the browser in the scheme it inherits.
      await button(banner(t.page, DEFAULT_TITLE), 'Preferences').click();
      const prefs = preferences(t.page);
      await prefs.waitFor();
      const radio = prefs
        .getByRole('radiogroup', { name: 'VideoTube', exact: true })
        .getByRole('radio', { name: 'Accept', exact: true });
      expect(await radio.isChecked()).toBe(false);
      expect(await radio.evaluate((el) => getComputedStyle(el).colorScheme)).toBe(want.scheme);
      expect((await looks(t.page, '.cg-prefs')).bg).toBe(want.bg);
    });
  }

  /** The banner's box, and the boxes of its text and of each action. */
  const barBoxes = (page: Page) =>
    page.locator('.cg-banner').evaluate((el) => {
      const box = (e: Element) => {
        const r = e.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
      };
      return {
        bar: box(el),
        text: box(el.querySelector('.cg-desc')!),
        actions: [...el.querySelectorAll('.cg-actions > *')].map(box),
      };
    });

  for (const [lang, title, most] of [
    ['en', DEFAULT_TITLE, 120],
    ['de', 'Wir verwenden Cookies', 140],
  ] as const) {
    it(`bar layout at 1280 px (${lang}): the buttons in one row beside the text, the bar ≤ ${most} px`, async () => {
      const t = await browser.newPage();
      await t.page.setViewportSize({ width: 1280, height: 800 });
      await t.goto(`/fixtures/theme.html?layout=bar&lang=${lang}`);
      await banner(t.page, title).waitFor();
      const { bar, text, actions } = await barBoxes(t.page);
      expect(actions).toHaveLength(4);
      // One row: every action overlaps the first one's vertical band.
      for (const a of actions) {
        expect(a.top).toBeLessThan(actions[0].bottom);
        expect(a.bottom).toBeGreaterThan(actions[0].top);
      }
      // Beside the text (at the end of the line, after it), not under it.
      expect(actions[0].left).toBeGreaterThan(text.right);
      expect(actions[0].top).toBeLessThan(text.bottom);
      expect(bar.height).toBeLessThanOrEqual(most);
      // Accept all and Decline all stay alike.
      expect(actions[0].right - actions[0].left).toBeCloseTo(actions[1].right - actions[1].left, 0);
    });
  }

  it('bar layout at 900 px: the text beside two rows of buttons, as before', async () => {
    const t = await browser.newPage();
    await t.page.setViewportSize({ width: 900, height: 800 });
    await t.goto('/fixtures/theme.html?layout=bar');
    await banner(t.page, DEFAULT_TITLE).waitFor();
    const { text, actions } = await barBoxes(t.page);
    expect(actions[0].left).toBeGreaterThan(text.right);
    expect(actions[2].top).toBeGreaterThanOrEqual(actions[0].bottom);
  });
});
