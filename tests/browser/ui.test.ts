// The banner and the preferences as people use them: by keyboard alone, with large text, on a
// narrow screen, in every layout. The demo page takes the ui options from its address
// (examples/options.js), e.g. /?layout=bar&position=top&theme=dark&blocking=1&lang=ar.
import { expect, it } from 'vitest';
import type { Locator, Page, PageOptions, TestPage } from './harness';
import {
  describeBrowser,
  banner,
  itNeeding,
  button,
  categorySwitch,
  parseConsentCookie,
  preferences,
  serviceRadio,
  useBrowser,
} from './harness';

const LAYOUTS = [
  'layout=box&position=bottom',
  'layout=box&position=top-left',
  'layout=box&position=bottom-left',
  'layout=box&position=top-right',
  'layout=bar&position=bottom',
  'layout=bar&position=top',
  'layout=cloud&position=bottom',
  'layout=cloud&position=top',
];

const NARROW = [
  'layout=box&position=bottom',
  'layout=box&position=top-left',
  'layout=bar&position=top',
  'layout=cloud&position=bottom',
];

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Whether `b` covers all of `a`. */
const hidden = (a: Box, b: Box) =>
  a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;

/**
 * After two animation frames (the library checks the focused control against the banner in one):
 * what has focus, its box, whether it is inside the consent UI, and the banner's box.
 */
const focused = (page: Page) =>
  page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const el = document.activeElement as HTMLElement;
    const box = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    return {
      box: box(el),
      banner: box(document.querySelector('.cg-banner')!),
      inUI: !!el.closest('.cg-root'),
      // Tabbed past the last control: focus is nowhere on the page.
      none: el == document.body,
      name: el.tagName + ' ' + (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30),
    };
  });

const bannerBox = (page: Page) =>
  page.locator('.cg-banner').evaluate((el) => el.getBoundingClientRect().toJSON() as Box);
const rootClass = (page: Page) => page.locator('.cg-root').first().getAttribute('class');

describeBrowser('banner and preferences in the browser', () => {
  const browser = useBrowser();

  async function open(query = '', width = 1280, height = 800, media: PageOptions = {}) {
    const t = await browser.newPage(query || '/', { viewport: { width, height }, ...media });
    await t.page.locator('.cg-banner').waitFor();
    return t;
  }

  it('is reached, used and reopened by keyboard alone', async () => {
    const t = await open('/');
    const { page } = t;
    const b = banner(page);
    // The banner comes first in the reading order: the first Tab lands on it.
    await page.keyboard.press('Tab');
    await expect
      .poll(() => button(b, 'Accept all').evaluate((el) => el == document.activeElement))
      .toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const opener = button(b, 'Preferences');
    expect(await opener.evaluate((el) => el == document.activeElement)).toBe(true);

    // Open, then Escape: closed unsaved, focus back on the opener.
    await page.keyboard.press('Enter');
    const prefs = preferences(page);
    await prefs.waitFor();
    const close = button(prefs, 'Close');
    expect(await close.evaluate((el) => el == document.activeElement)).toBe(true);
    expect(await close.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await prefs.waitFor({ state: 'detached' });
    expect(await opener.evaluate((el) => el == document.activeElement)).toBe(true);
    expect(await t.cookie('cg_consent')).toBeUndefined();

    // Again, and this time change Google Analytics with the arrow keys.
    await page.keyboard.press('Enter');
    await prefs.waitFor();
    // The focus stays inside: Shift+Tab from the first control wraps to the last, Tab back.
    await page.keyboard.press('Shift+Tab');
    expect(await button(prefs, 'Save').evaluate((el) => el == document.activeElement)).toBe(true);
    await page.keyboard.press('Tab');
    expect(await close.evaluate((el) => el == document.activeElement)).toBe(true);
    // Close → Analytics switch (the required one is disabled) → the Google Analytics group.
    await page.keyboard.press('Tab');
    expect(await categorySwitch(prefs, 'Analytics').evaluate((el) => el == document.activeElement)).toBe(
      true,
    );
    await page.keyboard.press('Tab');
    const decline = serviceRadio(prefs, 'Google Analytics', 'Decline');
    const accept = serviceRadio(prefs, 'Google Analytics', 'Accept');
    expect(await decline.evaluate((el) => el == document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowLeft');
    expect(await accept.isChecked()).toBe(true);
    expect(await accept.evaluate((el) => el == document.activeElement)).toBe(true);
    // Accepting the service turned its category on.
    expect(await categorySwitch(prefs, 'Analytics').isChecked()).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await decline.isChecked()).toBe(true);
    await page.keyboard.press('ArrowLeft');
    expect(await accept.isChecked()).toBe(true);

    // One Tab leaves the radio group for Accept all; then Decline all, Save.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    expect(await button(prefs, 'Save').evaluate((el) => el == document.activeElement)).toBe(true);
    // And Tab from the last control wraps to the first.
    await page.keyboard.press('Tab');
    expect(await close.evaluate((el) => el == document.activeElement)).toBe(true);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await prefs.waitFor({ state: 'detached' });
    await b.waitFor({ state: 'detached' });
    const stored = parseConsentCookie((await t.cookie('cg_consent'))!.value);
    expect(stored.services.analytics['google-analytics']).toBe(true);
    expect(await page.locator('.cg-sr[role="status"]').textContent()).toBe('Your choices have been saved.');
    expect(await page.locator('[inert]').count()).toBe(0);

    // Withdrawing is as easy: Tab to the footer link, Enter, and the preferences show the decision.
    const footer = page.getByRole('link', { name: 'Cookie preferences', exact: true });
    for (let i = 0; i < 20 && !(await footer.evaluate((el) => el == document.activeElement)); i++)
      await page.keyboard.press('Tab');
    expect(await footer.evaluate((el) => el == document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await prefs.waitFor();
    expect(await close.evaluate((el) => el == document.activeElement)).toBe(true);
    expect(await serviceRadio(prefs, 'Google Analytics', 'Accept').isChecked()).toBe(true);
    await page.keyboard.press('Escape');
    await prefs.waitFor({ state: 'detached' });
    expect(await footer.evaluate((el) => el == document.activeElement)).toBe(true);
  });

  it('announces a save through a status region that was there, empty, before', async () => {
    const t = await open('/');
    const status = t.page.locator('.cg-sr[role="status"]');
    // Screen readers announce a change to a live region, not a region that arrives with its text.
    expect(await status.textContent()).toBe('');
    await status.evaluate((el) => ((el as any).__before = true));
    await button(banner(t.page), 'Decline all').click();
    expect(await status.textContent()).toBe('Your choices have been saved.');
    expect(await status.evaluate((el) => (el as any).__before)).toBe(true);
  });

  for (const width of [1280, 320]) {
    itNeeding(
      { width },
      `gives Accept all and Decline all the same style, size and rank in every layout, ${width} px wide`,
      async () => {
        const props = [
          'backgroundColor',
          'color',
          'fontFamily',
          'fontSize',
          'fontWeight',
          'borderTopWidth',
          'borderTopStyle',
          'borderTopColor',
          'borderRadius',
          'paddingTop',
          'paddingLeft',
          'textDecorationLine',
          'opacity',
        ];
        const compare = async (scope: Locator, where: string) => {
          const [a, d] = await Promise.all(
            ['Accept all', 'Decline all'].map((name) =>
              button(scope, name).evaluate((el, props) => {
                const cs = getComputedStyle(el) as unknown as Record<string, string>;
                const r = el.getBoundingClientRect();
                return {
                  style: Object.fromEntries(props.map((p) => [p, cs[p]])),
                  width: r.width,
                  height: r.height,
                  top: r.top,
                  left: r.left,
                };
              }, props),
            ),
          );
          expect(d.style, where).toEqual(a.style);
          expect(Math.abs(a.width - d.width), where + ': width').toBeLessThanOrEqual(1);
          expect(Math.abs(a.height - d.height), where + ': height').toBeLessThanOrEqual(1);
          // Side by side on one row, Accept first in the reading direction; or, where a row each keeps
          // every language's labels on one line, one above the other in the same column, Accept on top.
          if (Math.abs(a.top - d.top) <= 1) expect(a.left, where + ': order').toBeLessThan(d.left);
          else {
            expect(a.top, where + ': order').toBeLessThan(d.top);
            expect(Math.abs(a.left - d.left), where + ': column').toBeLessThanOrEqual(1);
          }
        };
        for (const q of ['layout=box', 'layout=bar', 'layout=cloud', 'layout=box&theme=dark']) {
          const t = await open('/?' + q, width);
          await compare(banner(t.page), `banner ${q} at ${width}px`);
          await button(banner(t.page), 'Preferences').click();
          await compare(preferences(t.page), `preferences ${q} at ${width}px`);
          await t.context.close();
        }
      },
    );
  }

  for (const [width, height, zoom] of [
    [1280, 800, ''],
    [320, 640, ''],
    [320, 640, '200%'],
  ] as const) {
    // Below 30em every layout is a full-width sheet on its edge: fewer cases are different there.
    let cases: readonly string[] = width < 400 ? NARROW : LAYOUTS;
    if (zoom) cases = ['layout=box', 'layout=bar&position=top', 'layout=cloud'];
    for (const q of cases) {
      itNeeding(
        { width },
        `never hides a focused page control behind the banner (WCAG 2.4.11): ${q}, ${width} px ${zoom}`,
        async () => {
          const t = await open('/?' + q, width, height);
          const { page } = t;
          if (zoom) await page.evaluate((z) => (document.documentElement.style.fontSize = z), zoom);
          // Through the banner and every control of the demo page.
          for (let i = 0; i < 13; i++) {
            await page.keyboard.press('Tab');
            const f = await focused(page);
            if (f.inUI || f.none) continue;
            const b = f.banner;
            // At normal size, no part of it is covered (2.4.12, AAA). With 200 % text on a phone a
            // tall control may not fit beside the banner: then at least part of it shows (2.4.11, AA).
            if (zoom) expect(hidden(f.box, b), `${f.name} hidden behind the banner`).toBe(false);
            else expect(overlap(f.box, b), `${f.name} behind the banner`).toBe(false);
          }
        },
      );
    }
  }

  for (const q of LAYOUTS) {
    it(`scrolls focused controls clear of the banner, which stays put where it can: ${q}`, async () => {
      const t = await open('/fixtures/links.html?' + q);
      const { page } = t;
      const before = await rootClass(page);
      // Down through the banner and the links, then back up: controls come into view at either edge.
      for (let i = 0; i < 42; i++) {
        await page.keyboard.press(i < 23 ? 'Tab' : 'Shift+Tab');
        const f = await focused(page);
        if (!f.inUI && !f.none)
          expect(overlap(f.box, f.banner), `${f.name} behind the banner: ${JSON.stringify(f)}`).toBe(false);
        // With room to scroll above and below, scroll-padding does it all: the banner stays put.
        expect(await rootClass(page), `banner moved at ${f.name}`).toBe(before);
      }
    });
  }

  it('moves out of the way where scrolling cannot help, and leaves nothing behind', async () => {
    const t = await open('/?layout=bar&position=top');
    const { page } = t;
    // The masthead links sit under a top bar on a page scrolled to the top.
    await page.keyboard.press('Tab');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    const f = await focused(page);
    expect(f.name).toContain('A');
    expect(f.inUI).toBe(false);
    expect(await rootClass(page)).toContain('cg-bottom');
    expect(overlap(f.box, await bannerBox(page))).toBe(false);
    expect(
      await page.evaluate(() => getComputedStyle(document.documentElement).scrollPaddingBottom),
    ).not.toBe('auto');
    await button(banner(page), 'Decline all').click();
    // Not even an empty style="" (serialized, as a strict-CSP audit would see it).
    expect(await page.evaluate(() => document.documentElement.outerHTML.slice(0, 100))).not.toMatch(
      /^<html[^>]*style=/,
    );
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollPaddingBottom)).toBe(
      'auto',
    );
  });

  it('does not shift the page when the banner appears', async () => {
    const t = await open('/?layout=bar&position=top');
    const { page } = t;
    await button(banner(page), 'Accept all').click();
    const where = () =>
      page.evaluate(() => [
        document.querySelector('h1')!.getBoundingClientRect().top,
        document.documentElement.scrollHeight,
        scrollY,
      ]);
    const before = await where();
    await page.evaluate(() => window.ConsentGate.reset());
    await banner(page).waitFor();
    expect(await where()).toEqual(before);
  });

  it('places each layout where its options say', async () => {
    const cases: [string, (b: Box, w: number, h: number) => boolean][] = [
      [
        'layout=box',
        (b, w, h) => Math.round(w - b.x - b.width) == 16 && Math.round(h - b.y - b.height) == 16,
      ],
      ['layout=box&position=top-left', (b) => Math.round(b.x) == 16 && Math.round(b.y) == 16],
      [
        'layout=box&position=bottom-left',
        (b, _w, h) => Math.round(b.x) == 16 && Math.round(h - b.y - b.height) == 16,
      ],
      [
        'layout=box&position=top-right',
        (b, w) => Math.round(w - b.x - b.width) == 16 && Math.round(b.y) == 16,
      ],
      ['layout=bar', (b, w, h) => b.x == 0 && b.width == w && Math.round(b.y + b.height) == h],
      ['layout=bar&position=top', (b, w) => b.x == 0 && b.width == w && b.y == 0],
      [
        'layout=cloud',
        (b, w, h) =>
          Math.abs(b.x - (w - b.x - b.width)) <= 1 && b.width > 600 && Math.round(h - b.y - b.height) == 16,
      ],
      [
        'layout=cloud&position=top',
        (b, w) => Math.abs(b.x - (w - b.x - b.width)) <= 1 && Math.round(b.y) == 16,
      ],
      [
        'layout=cloud&position=top-right',
        (b, w) => Math.round(w - b.x - b.width) == 16 && Math.round(b.y) == 16 && b.width > 600,
      ],
      // Right to left: the default corner is the end of the reading direction, the left.
      ['lang=ar', (b) => Math.round(b.x) == 16],
    ];
    for (const [q, ok] of cases) {
      const t = await open('/?' + q);
      const b = await bannerBox(t.page);
      const [w, h] = await t.page.evaluate(() => [
        document.documentElement.clientWidth,
        document.documentElement.clientHeight,
      ]);
      expect(ok(b, w, h), `${q}: ${JSON.stringify(b)} in ${w}×${h}`).toBe(true);
      await t.context.close();
    }
  });

  itNeeding(
    { width: 320 },
    'makes every layout a full-width sheet on its edge on a narrow screen',
    async () => {
      for (const q of ['layout=box&position=top-left', 'layout=cloud']) {
        const t = await open('/?' + q, 320, 640);
        const b = await bannerBox(t.page);
        expect(b.x, q).toBe(0);
        expect(b.width, q).toBe(320);
        await t.context.close();
      }
    },
  );

  it('lays out right to left in a right-to-left language', async () => {
    // The wide bar puts Accept all and Decline all side by side (the box gives each a row).
    const t = await open('/?lang=ar&layout=bar');
    const root = t.page.locator('.cg-root').first();
    expect(await root.getAttribute('dir')).toBe('rtl');
    expect(await root.getAttribute('lang')).toBe('ar');
    // Accept all comes first in the reading direction: on the right.
    const [a, d] = await Promise.all(
      [0, 1].map((i) =>
        t.page
          .locator('.cg-banner .cg-main')
          .nth(i)
          .evaluate((el) => el.getBoundingClientRect().left),
      ),
    );
    expect(a).toBeGreaterThan(d);
    // And the switch knob moves right to left.
    await t.page.locator('.cg-banner .cg-btn:not(.cg-main)').click();
    const sw = t.page.locator('.cg-prefs [role=switch]:not(:disabled)');
    const knob = () => sw.evaluate((el) => getComputedStyle(el, '::before').insetInlineStart);
    expect(await knob()).toBe('4px');
    await sw.click();
    await expect.poll(knob).toBe('24px');
  });

  for (const [width, height] of [
    [1280, 800],
    [320, 640],
  ] as const) {
    itNeeding(
      { width },
      `stays usable at 200 % text size and ${width} px wide: nothing cut off or out of reach`,
      async () => {
        for (const q of ['layout=box', 'layout=bar&position=top', 'layout=cloud']) {
          const t = await open('/?' + q, width, height);
          const { page } = t;
          await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
          const check = async (where: string) => {
            const problems = await page.evaluate(() => {
              const out: string[] = [];
              const vw = document.documentElement.clientWidth;
              for (const el of document.querySelectorAll<HTMLElement>(
                '.cg-root:not([inert]) :is(button, a, input, h2, p)',
              )) {
                const r = el.getBoundingClientRect();
                const name =
                  el.tagName +
                  ' ' +
                  (el.textContent || el.getAttribute('aria-label') || el.id).trim().slice(0, 20);
                if (r.left < 0 || r.right > vw + 0.5) out.push(`${name} sticks out of the window`);
                if (el.scrollWidth > el.clientWidth + 1 && el.tagName != 'INPUT')
                  out.push(`${name}: its text overflows`);
              }
              for (const el of document.querySelectorAll<HTMLElement>('.cg-banner, .cg-prefs, .cg-body')) {
                if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.className} scrolls sideways`);
              }
              return out;
            });
            expect(problems, where).toEqual([]);
            // Every control can be reached by keyboard and is then on screen, uncovered.
            const controls = page.locator('.cg-root:not([inert]) :is(button, a, input:not(:disabled))');
            for (let i = 0; i < (await controls.count()); i++) {
              const c = controls.nth(i);
              await c.focus();
              const hit = await c.evaluate((el) => {
                const r = el.getBoundingClientRect();
                const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return (
                  !!at &&
                  (el == at ||
                    el.contains(at) ||
                    (at as Element).contains(el) ||
                    at.closest('label')?.contains(el))
                );
              });
              expect(hit, `${where}: control ${i} visible when focused`).toBe(true);
            }
          };
          await check(`banner ${q} at ${width}px`);
          await button(banner(page), 'Preferences').click();
          await preferences(page).waitFor();
          await check(`preferences ${q} at ${width}px`);
          await t.context.close();
        }
      },
    );
  }

  it('blocks the page when ui.blocking is set, until a decision', async () => {
    const t = await open('/?blocking=1&layout=cloud');
    const { page } = t;
    const b = banner(page);
    expect(await b.getAttribute('aria-modal')).toBe('true');
    // Focus moves in; the page behind is inert; Tab wraps inside the banner.
    expect(await button(b, 'Accept all').evaluate((el) => el == document.activeElement)).toBe(true);
    expect(await page.locator('main').evaluate((el) => !!el.closest('[inert]'))).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(
      await b.getByRole('link', { name: 'Read more' }).evaluate((el) => el == document.activeElement),
    ).toBe(true);
    await page.keyboard.press('Tab');
    expect(await button(b, 'Accept all').evaluate((el) => el == document.activeElement)).toBe(true);
    // Escape does not dismiss a banner that needs a decision.
    await page.keyboard.press('Escape');
    expect(await b.isVisible()).toBe(true);
    // The page cannot be clicked.
    await page
      .getByRole('link', { name: 'Cookie preferences' })
      .click({ force: true, timeout: 1000 })
      .catch(() => {});
    expect(await preferences(page).count()).toBe(0);
    // Preferences open over it and close back to it.
    await button(b, 'Preferences').focus();
    await page.keyboard.press('Enter');
    await preferences(page).waitFor();
    await page.keyboard.press('Escape');
    await preferences(page).waitFor({ state: 'detached' });
    expect(await button(b, 'Preferences').evaluate((el) => el == document.activeElement)).toBe(true);
    expect(await page.locator('main').evaluate((el) => !!el.closest('[inert]'))).toBe(true);
    // A decision frees the page.
    await button(b, 'Decline all').click();
    await b.waitFor({ state: 'detached' });
    expect(await page.locator('[inert]').count()).toBe(0);
    expect(await page.locator('.cg-block').count()).toBe(0);
  });

  it('follows the system colour scheme with theme auto', async () => {
    const bg = (t: TestPage) =>
      t.page.locator('.cg-banner').evaluate((el) => getComputedStyle(el).backgroundColor);
    const light = await open('/?theme=auto');
    expect(await bg(light)).toBe('rgb(255, 255, 255)');
    const dark = await open('/?theme=auto', 1280, 800, { colorScheme: 'dark' });
    expect(await bg(dark)).toBe('rgb(28, 33, 40)');
  });

  it('turns animations off under prefers-reduced-motion', async () => {
    const t = await open('/', 1280, 800, { reducedMotion: 'reduce' });
    await button(banner(t.page), 'Preferences').click();
    const sw = t.page.locator('.cg-prefs [role=switch]:not(:disabled)');
    expect(await sw.evaluate((el) => getComputedStyle(el).transitionDuration)).toBe('0s');
    expect(await sw.evaluate((el) => getComputedStyle(el, '::before').transitionDuration)).toBe('0s');
  });
});
