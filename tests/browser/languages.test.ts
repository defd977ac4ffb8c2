// Equal prominence in every shipped language: Accept all and Decline all get the same box, the same
// style, one line each wherever English has one line, Accept first in the reading order, at every
// width from 320 px, in every layout, in the banner and in the preferences. And right to left in
// Arabic and Hebrew. One page per language: the layouts are switched by their root class (the way
// the config's ui.layout sets them) and the viewport is resized, so that 40 languages stay fast.
import { beforeAll, expect, it } from 'vitest';
import type { Page } from './harness';
import { describeBrowser, engineCannot, useBrowser } from './harness';
import { LANGUAGES } from '../support/languages';

const LAYOUTS = ['cg-box', 'cg-bar', 'cg-cloud'] as const;
/** 320 to 1280 px (past it nothing changes) in steps of 8, and both sides of every breakpoint (30em, 32rem + 2rem, 50em). */
const ALL_WIDTHS = [
  ...Array.from({ length: (1280 - 320) / 8 + 1 }, (_, i) => 320 + i * 8),
  479,
  481,
  543,
  545,
  799,
  801,
].sort((a, b) => a - b);
/** The widths this engine's driver can give (WebKit's none under 447 px: see the skipped test below). */
const WIDTHS = ALL_WIDTHS.filter((width) => engineCannot({ width }) === undefined);
const NOT_MEASURED = ALL_WIDTHS.filter((width) => !WIDTHS.includes(width));
const STYLE = [
  'backgroundColor',
  'color',
  'fontFamily',
  'fontSize',
  'fontWeight',
  'paddingTop',
  'paddingLeft',
];

interface Button {
  left: number;
  right: number;
  top: number;
  width: number;
  height: number;
  lines: number;
  overflows: boolean;
  style: Record<string, string>;
}
/** Keyed `${dialog} ${layout} ${width}`: [Accept all, Decline all]. */
type Measures = Map<string, [Button, Button]>;

/** Both main buttons of both dialogs in every layout, at the page's current width. */
const measure = (page: Page) =>
  page.evaluate((STYLE) => {
    const out: [string, unknown][] = [];
    const root = document.querySelector('.cg-root:has(.cg-banner)') as HTMLElement;
    const original = root.className;
    // The banner is set aside (hidden) while the preferences are open: shown for the measuring.
    root.hidden = false;
    const box = (el: HTMLElement) => {
      const r = el.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(el);
      // Line boxes of the label: distinct tops of its text fragments.
      const tops = new Set([...range.getClientRects()].map((q) => Math.round(q.top)));
      const cs = getComputedStyle(el) as unknown as Record<string, string>;
      return {
        left: r.left,
        right: r.right,
        top: r.top,
        width: r.width,
        height: r.height,
        lines: tops.size,
        overflows: el.scrollWidth > el.clientWidth + 1,
        style: Object.fromEntries(STYLE.map((p) => [p, cs[p]])),
      };
    };
    const main = (dialog: string) =>
      [...document.querySelectorAll<HTMLElement>(`${dialog} .cg-main`)].map(box);
    // The preferences look the same in every layout; the banner's layout comes from its root class.
    const prefs = main('.cg-prefs');
    for (const layout of ['cg-box', 'cg-bar', 'cg-cloud']) {
      root.className = original.replace(/\bcg-(box|bar|cloud)\b/, layout);
      out.push([`banner ${layout.slice(3)}`, main('.cg-banner')]);
      out.push([`prefs ${layout.slice(3)}`, prefs]);
    }
    root.className = original;
    root.hidden = true;
    return out;
  }, STYLE);

describeBrowser('every language keeps Accept all and Decline all equal', () => {
  const browser = useBrowser();

  async function measureLanguage(code: string): Promise<{ all: Measures; page: Page }> {
    const t = await browser.newPage();
    const { page } = t;
    await page.setViewportSize({ width: 1280, height: 800 });
    await t.goto(`/?lang=${code}`);
    await page.locator(`.cg-root[lang="${code}"] .cg-banner`).waitFor();
    // The preferences over the banner: both dialogs are measured at once.
    await page.locator('.cg-banner [data-cg-open]').click();
    await page.locator('.cg-prefs').waitFor();
    await page.evaluate(() => document.fonts.ready);
    const all: Measures = new Map();
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      for (const [where, pair] of await measure(page)) all.set(`${where} ${width}`, pair as [Button, Button]);
    }
    return { all, page };
  }

  let english: Measures;
  beforeAll(async () => {
    english = (await measureLanguage('en')).all;
  });

  it('measures English at every width, one line each everywhere', () => {
    expect(english.size).toBe(WIDTHS.length * LAYOUTS.length * 2);
    const wrapped = [...english].filter(([, [a, d]]) => a.lines > 1 || d.lines > 1).map(([k]) => k);
    expect(wrapped).toEqual([]);
  });

  // Every language's tests measure the widths the engine can give; what it cannot is said here once.
  if (NOT_MEASURED.length) {
    const reason = engineCannot({ width: NOT_MEASURED[0]! });
    it(`every language at ${NOT_MEASURED[0]} to ${NOT_MEASURED.at(-1)} px`, (context) =>
      context.skip(`${browser.engine} cannot: ${reason}`));
  }

  for (const { code, rtl } of LANGUAGES) {
    it(`${code}: same box, same style, one line where English has one, Accept first${rtl ? ', right to left' : ''}`, async () => {
      const { all, page } = await measureLanguage(code);
      const problems: string[] = [];
      for (const [where, [a, d]] of all) {
        const [en] = english.get(where)!;
        if (Math.abs(a.width - d.width) > 1 || Math.abs(a.height - d.height) > 1)
          problems.push(`${where}: boxes ${a.width}x${a.height} / ${d.width}x${d.height}`);
        if (JSON.stringify(a.style) !== JSON.stringify(d.style)) problems.push(`${where}: styles differ`);
        if (en.lines === 1 && (a.lines !== 1 || d.lines !== 1))
          problems.push(`${where}: ${a.lines} / ${d.lines} lines where English has one`);
        if (a.overflows || d.overflows) problems.push(`${where}: a label overflows its button`);
        const sameRow = Math.abs(a.top - d.top) <= 1;
        const beforeInRow = rtl ? a.right > d.right : a.left < d.left;
        const acceptFirst = sameRow ? beforeInRow : a.top < d.top;
        if (!acceptFirst) problems.push(`${where}: Decline all comes before Accept all`);
      }
      expect(problems.slice(0, 20), `${problems.length} problem(s)`).toEqual([]);

      const root = page.locator('.cg-root:has(.cg-banner)');
      expect(await root.getAttribute('lang')).toBe(code);
      expect(await root.getAttribute('dir')).toBe(rtl ? 'rtl' : 'ltr');
      if (rtl) {
        // Text starts on the right, and a wide box sits in the bottom-left corner (the reading end).
        // The preferences closed first: the banner is set aside while they are open.
        await page.keyboard.press('Escape');
        await page.locator('.cg-banner').waitFor();
        await page.setViewportSize({ width: 1280, height: 800 });
        const layout = await page.evaluate(() => {
          const desc = document.querySelector('.cg-banner .cg-desc') as HTMLElement;
          return {
            align: getComputedStyle(desc).textAlign,
            direction: getComputedStyle(desc).direction,
            left: document.querySelector('.cg-banner')!.getBoundingClientRect().left,
          };
        });
        expect(layout).toEqual({ align: 'start', direction: 'rtl', left: 16 });
      }
    });
  }
});

describeBrowser("language: 'auto' in the browser", () => {
  const browser = useBrowser();
  const have = LANGUAGES.map((l) => l.code).filter((c) => c !== 'en');

  for (const [html, languages, expected] of [
    ['', ['zh-TW', 'en-US'], 'zh-Hant'],
    ['', ['zh-HK'], 'zh-Hant'],
    ['', ['zh-CN', 'en'], 'zh'],
    ['', ['de-AT', 'en'], 'de'],
    ['', ['pt-BR', 'pt'], 'pt-BR'],
    ['', ['pt-PT'], 'pt'],
    ['', ['nn-NO', 'en'], 'nb'],
    ['', ['no'], 'nb'],
    ['', ['fa-IR', 'he-IL'], 'he'],
    ['', ['sr-RS'], 'en'],
    ['el', ['en-GB'], 'el'],
    ['fr-CA', ['de-DE'], 'fr'],
  ] as const) {
    it(`<html lang="${html}">, navigator.languages ${JSON.stringify(languages)} → ${expected}`, async () => {
      const t = await browser.newPage();
      // What the browser reports: set before any script of the page runs.
      t.addInitScript(
        (list) => {
          Object.defineProperty(Navigator.prototype, 'languages', { get: () => list });
        },
        languages as readonly string[],
      );
      await t.goto(`/fixtures/auto-language.html?html=${html}&have=${have.join(',')}`);
      const root = t.page.locator(`.cg-root[lang="${expected}"]`);
      await root.locator('.cg-banner').waitFor();
      const title = await root.locator('.cg-banner h2').textContent();
      // English is built in (not offered as a file here); dist/i18n/en.json is the same text.
      const { banner } = await (await fetch(t.url(`/dist/i18n/${expected}.json`))).json();
      expect(title).toBe(banner.title);
    });
  }
});
