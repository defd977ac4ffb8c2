// Automated accessibility checks (axe-core) of the demo page with the banner up and with the
// preferences open: every layout, light and dark, at 320 and 1280 px wide. axe cannot prove a UI
// accessible, but what it does flag is real. The demo takes the ui options from its address
// (examples/options.js): /?layout=bar&theme=dark.
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import {
  describeBrowser,
  banner,
  button,
  itNeeding,
  preferences,
  useBrowser,
  type TestPage,
} from './harness';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function axeViolations(t: TestPage): Promise<string[]> {
  await t.page.addScriptTag({ path: AXE });
  const violations: Violation[] = await t.page.evaluate(async (tags) => {
    const result = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations;
  }, TAGS);
  // One readable line per violation, so a failure says what and where.
  return violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

describeBrowser('accessibility (axe-core)', () => {
  const browser = useBrowser();

  async function open(width: number, query: string, dark = false): Promise<TestPage> {
    return browser.newPage('/' + query, {
      viewport: { width, height: width < 400 ? 640 : 800 },
      colorScheme: dark ? 'dark' : 'light',
    });
  }

  for (const width of [320, 1280]) {
    for (const theme of ['light', 'dark']) {
      for (const layout of ['box', 'bar', 'cloud']) {
        itNeeding(
          { width },
          `finds no violations with the ${layout} banner, ${theme}, ${width} px wide`,
          async () => {
            const t = await open(width, `?layout=${layout}&theme=${theme}`);
            await banner(t.page).waitFor();
            expect(await axeViolations(t)).toEqual([]);
          },
        );
      }

      itNeeding(
        { width },
        `finds no violations with the preferences open, ${theme}, ${width} px wide`,
        async () => {
          const t = await open(width, `?theme=${theme}`);
          await button(banner(t.page), 'Preferences').click();
          await preferences(t.page).waitFor();
          expect(await axeViolations(t)).toEqual([]);
        },
      );
    }
  }

  it('finds no violations with theme auto in a dark browser', async () => {
    const t = await open(1280, '?layout=cloud&theme=auto', true);
    await banner(t.page).waitFor();
    // The dark values really apply (not the light defaults).
    expect(await banner(t.page).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      'rgb(28, 33, 40)',
    );
    expect(await axeViolations(t)).toEqual([]);
  });

  it('finds no violations with a blocking banner', async () => {
    const t = await open(1280, '?blocking=1&layout=cloud');
    await banner(t.page).waitFor();
    expect(await axeViolations(t)).toEqual([]);
  });

  it('finds no violations in a right-to-left language', async () => {
    const t = await open(1280, '?lang=ar');
    await t.page.locator('.cg-root[dir="rtl"] .cg-banner').waitFor();
    expect(await axeViolations(t)).toEqual([]);
  });
});
