// axe-core in the page under test: one readable line per WCAG A/AA violation.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { TestPage } from './harness';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export async function axeViolations(t: TestPage): Promise<string[]> {
  await t.page.addScriptTag({ content: AXE_SOURCE });
  const violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] =
    await t.page.evaluate(async () => {
      const result = await (window as any).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      });
      return result.violations;
    });
  return violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}
