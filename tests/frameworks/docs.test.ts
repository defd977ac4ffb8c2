// docs/frameworks.md shows the recipes the other tests in this folder run, word for word.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const page = read('../../docs/frameworks.md');

describe('docs/frameworks.md', () => {
  it.each(['react.tsx', 'vue.ts', 'consent-store.ts', 'AnalyticsStatus.svelte'])(
    'holds recipes/%s as it is tested',
    (file) => {
      const code = read('./recipes/' + file).trimEnd();
      expect(page).toContain('\n' + code + '\n```');
    },
  );
});
