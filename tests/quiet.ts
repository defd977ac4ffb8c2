// Tests are quiet: console output that a test did not ask for fails it. A test that expects a
// warning or an error spies on that console method itself (vi.spyOn(console, 'warn')) and asserts on
// it; the spy takes the call, so it does not count here.
import { afterEach, beforeEach } from 'vitest';

let heard: string[] = [];

for (const method of ['error', 'warn', 'log', 'info', 'debug'] as const) {
  const original = console[method].bind(console);
  console[method] = (...args: unknown[]) => {
    heard.push(`console.${method}: ${args.map(String).join(' ')}`);
    original(...args);
  };
}

beforeEach(() => {
  heard = [];
});

afterEach(() => {
  if (heard.length) throw new Error(`Unexpected console output:\n  ${heard.join('\n  ')}`);
});
