// Every browser test goes through useBrowser() (harness.ts), which fails a test on any console error
// or warning and any uncaught exception in the page that the test did not declare with expectConsole.
// A file that launched Chromium or opened pages on its own would bypass that check: this finds one.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const DIR = new URL('./', import.meta.url);
const files = readdirSync(DIR).filter((name) => name.endsWith('.test.ts') && name !== 'quiet.test.ts');

describe('browser test files', () => {
  it.each(files)('%s opens pages only through useBrowser()', (name) => {
    const source = readFileSync(new URL(name, DIR), 'utf8');
    const usesBrowser = /\bnewPage\(|\blaunch\(|from 'playwright-core'|\bchromium\./.test(source);
    if (!usesBrowser) return; // e.g. serve.test.ts: the static server alone, over HTTP
    expect(source).toMatch(/\buseBrowser\(/);
    expect(source).not.toMatch(/\blaunch\(|\bchromium\.launch|\.newContext\(/);
  });
});
