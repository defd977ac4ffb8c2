// Automated accessibility checks (axe-core) of the demo page with the banner up and with the
// preferences open. axe cannot prove a UI accessible, but what it does flag is real.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeBrowser } from './chromium';
import { banner, button, preferences, useBrowser, type TestPage } from './harness';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function axeViolations(t: TestPage): Promise<string[]> {
  await t.page.addScriptTag({ content: AXE_SOURCE });
  const violations: Violation[] = await t.page.evaluate(async () => {
    const result = await (window as any).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations;
  });
  // One readable line per violation, so a failure says what and where.
  return violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

describeBrowser('accessibility (axe-core)', () => {
  const browser = useBrowser();

  it('finds no WCAG A/AA violations with the banner shown', async () => {
    const t = await browser.newPage('/');
    await banner(t.page).waitFor();
    expect(await axeViolations(t)).toEqual([]);
  });

  it('finds no WCAG A/AA violations with the preferences open', async () => {
    const t = await browser.newPage('/');
    await button(banner(t.page), 'Preferences').click();
    await preferences(t.page).waitFor();
    expect(await axeViolations(t)).toEqual([]);
  });
});
