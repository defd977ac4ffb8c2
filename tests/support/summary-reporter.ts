import type { Reporter, TestModule } from 'vitest/node';

type Counts = { passed: number; failed: number; skipped: number };

/**
 * Ends a run with plain lines that any CI can read whatever the runner (vitest's own summary is
 * coloured and laid out for people): one per browser engine that ran, `browser-firefox: N passed,
 * N failed, N skipped`, each followed by the reasons its tests were skipped for, where they gave one
 * (`  skipped 19: webkit cannot: ...`), then the total, `tests: N passed, N failed, N skipped`.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    const total: Counts = { passed: 0, failed: 0, skipped: 0 };
    const engines = new Map<string, Counts>();
    /** Per engine: skip reason -> how many tests. */
    const reasons = new Map<string, Map<string, number>>();
    for (const m of modules) {
      const project = m.project.name;
      const engine = project.startsWith('browser-') ? project : undefined;
      if (engine && !engines.has(engine)) engines.set(engine, { passed: 0, failed: 0, skipped: 0 });
      const counts = [total, ...(engine ? [engines.get(engine)!] : [])];
      const add = (key: keyof Counts) => counts.forEach((n) => n[key]++);
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state == 'passed') add('passed');
        else if (state == 'failed') add('failed');
        else {
          add('skipped');
          const result = t.result();
          const note = result.state == 'skipped' ? result.note : undefined;
          if (engine && note) {
            const byNote = reasons.get(engine) ?? new Map<string, number>();
            byNote.set(note, (byNote.get(note) ?? 0) + 1);
            reasons.set(engine, byNote);
          }
        }
      }
      // A file that failed to load has no tests to count, but it is a failure.
      if (m.state() == 'failed' && ![...m.children.allTests()].length) add('failed');
    }
    const line = (n: Counts) => `${n.passed} passed, ${n.failed} failed, ${n.skipped} skipped`;
    const perEngine = [...engines].sort(([a], [b]) => a.localeCompare(b));
    const lines = perEngine.flatMap(([engine, n]) => [
      `${engine}: ${line(n)}`,
      ...[...(reasons.get(engine) ?? [])].map(([note, count]) => `  skipped ${count}: ${note}`),
    ]);
    process.stdout.write(`\n${lines.map((l) => `${l}\n`).join('')}tests: ${line(total)}\n`);
  }
}
