// Hostile texts: known XSS payloads (./xss-payloads.ts) through every text slot of the banner and the
// preferences, category and service labels and descriptions, with `html: true` and without. Nothing
// may run (no dialog, no canary call, no canary file loaded), and the consent UI may hold no
// event-handler attribute, no javascript:/data: link and no element beyond its own and the allowlist.
import { expect, it } from 'vitest';
import { describeBrowser, type TestPage, useBrowser } from './harness';
import { PAYLOADS } from './xss-payloads';

/** Each payload as written (alert opens a dialog) and calling the page's canary instead. */
const ALL = [
  ...PAYLOADS,
  ...PAYLOADS.filter((p) => p.includes('alert')).map((p) => p.replace(/alert/g, '__xss')),
];

/** Runs every payload through every slot in the page; returns what went wrong, per payload. */
function runPayloads(t: TestPage, html: boolean, payloads: string[]) {
  return t.page.evaluate(
    async ({ html, payloads }) => {
      const CG = window.ConsentGate;
      const UI = new Set([
        'DIV',
        'H2',
        'P',
        'BUTTON',
        'A',
        'INPUT',
        'LABEL',
        'SECTION',
        'FIELDSET',
        'LEGEND',
        'SPAN',
      ]);
      const ALLOW = new Set(['A', 'STRONG', 'EM', 'B', 'I', 'BR', 'P']);
      const SAFE = new Set(['http:', 'https:', 'mailto:']);
      // Slots that may carry markup with html: true, and slots that are always plain text.
      // (A category is a div of .cg-body: its head, its description, the GPC note, its services.)
      const MARKUP = [
        '#cg-banner-title',
        '#cg-banner-desc',
        '#cg-prefs-title',
        '#cg-prefs-desc',
        '.cg-note',
        '.cg-body > div > .cg-desc',
        'fieldset > .cg-desc',
      ];
      const PLAIN = [
        '.cg-banner button',
        '.cg-banner .cg-actions > a',
        '.cg-prefs .cg-actions button',
        '.cg-body label[for]',
        '.cg-body > div > div > span',
        'legend',
        'fieldset label',
      ];
      const scriptsBefore = document.scripts.length;
      const problems: string[] = [];
      let slotsChecked = 0;

      for (const p of payloads) {
        const say = (what: string) => problems.push(`${JSON.stringify(p)}: ${what}`);
        const t = p;
        CG.init({
          html,
          policyUrl: '/privacy',
          texts: {
            banner: { title: t, description: t, acceptAll: t, rejectAll: t, preferences: t, readMore: t },
            preferences: {
              title: t,
              description: t,
              acceptAll: t,
              rejectAll: t,
              save: t,
              close: t,
              accept: t,
              decline: t,
              alwaysOn: t,
              gpc: t,
              saved: t,
            },
          },
          categories: {
            necessary: {
              label: t,
              description: t,
              required: true,
              services: { session: { label: t, description: t } },
            },
            analytics: {
              label: t,
              description: t,
              gpc: true,
              services: { ga: { label: t, description: t } },
            },
          },
        });
        CG.showPreferences();
        // Give anything that loads or fires later (onerror, onload, ontoggle…) its chance.
        await new Promise((r) => setTimeout(r, 25));

        const roots = [...document.querySelectorAll('.cg-root')];
        if (roots.length !== 2) say(`expected the banner and the preferences, found ${roots.length} roots`);
        for (const el of roots.flatMap((r) => [r, ...r.querySelectorAll('*')])) {
          if (!UI.has(el.tagName) && !ALLOW.has(el.tagName)) say(`<${el.tagName}> in the UI`);
          for (const a of el.getAttributeNames()) {
            if (/^on/i.test(a)) say(`${el.tagName} has ${a}`);
            if (
              /^(style|src|srcdoc|action|formaction|data|background|dynsrc|lowsrc|poster|xlink:href|target)$/i.test(
                a,
              )
            )
              say(`${el.tagName} has ${a}`);
          }
          const href = el.getAttribute('href');
          if (href !== null && !SAFE.has(new URL(href, document.baseURI).protocol))
            say(`${el.tagName} href ${href}`);
          if (el.tagName === 'A' && el.closest(MARKUP.join()) && el.getAttributeNames().join() !== 'href,rel')
            say(`link with ${el.getAttributeNames()}`);
        }
        for (const sel of MARKUP) {
          for (const slot of document.querySelectorAll(sel)) {
            slotsChecked++;
            const inside = [...slot.querySelectorAll('*')];
            if (html)
              inside.filter((e) => !ALLOW.has(e.tagName)).forEach((e) => say(`<${e.tagName}> in ${sel}`));
            else if (inside.length || slot.textContent !== p)
              say(`${sel} is not the text as written: ${slot.innerHTML}`);
          }
        }
        for (const sel of PLAIN) {
          for (const slot of document.querySelectorAll(sel)) {
            slotsChecked++;
            const inside = [...slot.querySelectorAll('*')].filter(
              (e) => !(sel === 'fieldset label' && e.tagName === 'INPUT'),
            );
            if (inside.length || slot.textContent !== p)
              say(`${sel} is not the text as written: ${slot.innerHTML}`);
          }
        }
        const close = document.querySelector('.cg-prefs > :first-child > button');
        if (close?.getAttribute('aria-label') !== p) say('the close button is not named by the text');

        CG.acceptAll();
        await new Promise((r) => setTimeout(r, 0));
        const status = document.querySelector('[role="status"]');
        if (!status || status.children.length || status.textContent !== p)
          say('the saved announcement is not the text as written');
        CG.destroy();
        document.cookie = 'cg_consent=; max-age=0; path=/';
      }

      // Nothing the payloads describe may exist anywhere in the page.
      if (document.scripts.length !== scriptsBefore)
        problems.push(`scripts went from ${scriptsBefore} to ${document.scripts.length}`);
      const foreign = document.querySelectorAll(
        'img, iframe, frame, svg, math, object, embed, video, audio, style, base, form, template, marquee, details, body [onload], meta[http-equiv]',
      );
      if (foreign.length) problems.push(`foreign elements: ${[...foreign].map((e) => e.tagName)}`);
      return { problems, slotsChecked, runs: (window as unknown as { __xssRuns: string[] }).__xssRuns };
    },
    { html, payloads },
  );
}

describeBrowser('hostile texts', () => {
  const browser = useBrowser();

  async function page() {
    // A Global Privacy Control signal, so that the GPC note (a text slot too) is shown.
    const t = await browser.newPage(undefined, { gpc: true });
    // Every dialog any frame of the page opens, recorded in the top page (no engine-neutral dialog
    // event exists): a payload that runs alert() is caught however it got in.
    t.addInitScript(() => {
      const record = (line: string) => ((window.top as any).__dialogs ??= []).push(line);
      for (const kind of ['alert', 'confirm', 'prompt']) {
        (window as any)[kind] = (message?: unknown) => void record(`${kind}: ${String(message)}`);
      }
    });
    await t.goto('/fixtures/xss.html');
    const dialogs = (): Promise<string[]> => t.page.evaluate(() => (window as any).__dialogs ?? []);
    return { t, dialogs };
  }

  it(`has ${PAYLOADS.length} payloads, at least 50`, () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(PAYLOADS).size).toBe(PAYLOADS.length);
  });

  for (const html of [false, true]) {
    it(`runs none of them, in any slot, with html: ${html}`, async () => {
      const { t, dialogs } = await page();
      const result = await runPayloads(t, html, ALL);
      await t.settle();
      expect(result.problems).toEqual([]);
      // Banner: 2 markup + 4 plain; preferences: 2 + (2 + 3 per category) markup-or-plain slots…
      expect(result.slotsChecked).toBeGreaterThanOrEqual(ALL.length * 20);
      expect(result.runs).toEqual([]);
      expect(await t.page.evaluate(() => (window as unknown as { __xssRuns: string[] }).__xssRuns)).toEqual(
        [],
      );
      expect(await dialogs()).toEqual([]);
      expect(t.requested('/fixtures/xss-canary')).toBe(false);
    });
  }

  it('the detectors see a payload that does get in (control)', async () => {
    const { t, dialogs } = await page();
    // What a text slot fed to innerHTML would do: this must trip every alarm the tests above rely on.
    await t.page.evaluate(() => {
      window.ConsentGate.init({ categories: { necessary: { label: 'Necessary', required: true } } });
      document.querySelector('#cg-banner-desc')!.innerHTML =
        '<img src=/nothing-here onerror="__xss(1);alert(2)"><script src="/fixtures/xss-canary.js"></script><iframe src="/fixtures/xss-canary.html"></iframe>';
    });
    await expect.poll(dialogs, { timeout: 5_000 }).toEqual(['alert: 2']);
    await expect.poll(() => t.status('/nothing-here')).toEqual([404]);
    await expect.poll(() => t.requested('/fixtures/xss-canary.html')).toBe(true);
    await expect
      .poll(async () =>
        (await t.page.evaluate(() => (window as unknown as { __xssRuns: string[] }).__xssRuns))
          .slice()
          .sort(),
      )
      .toEqual(['__xss(1)', 'xss-canary.js loaded']);
    const result = await runPayloads(t, true, []);
    expect(result.problems.join()).toMatch(/foreign elements: IMG,IFRAME/);
  });
});
