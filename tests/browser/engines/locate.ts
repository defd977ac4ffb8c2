// Bundles in-page.ts (Testing Library's role, name and label queries) into one script, once per test
// worker, and runs locator operations in a page, injecting that script the first time a document
// needs it.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type { EnginePage } from './driver';

let bundle: Promise<string> | undefined;

/** The source of a function expression that installs window.__cgLocate. */
function installer(): Promise<string> {
  bundle ??= build({
    entryPoints: [fileURLToPath(new URL('./in-page.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__cgLocate',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  }).then((result) => `() => { ${result.outputFiles[0]!.text}; window.__cgLocate = __cgLocate; }`);
  return bundle;
}

const MISSING = '__cgLocateMissing';

/**
 * Run `body` (source of a function expression `(a, L) => ...`, L being window.__cgLocate) with `arg`
 * in the page or in the frame whose URL contains `frameUrl`.
 */
export async function inPage<T>(page: EnginePage, body: string, arg: unknown, frameUrl?: string): Promise<T> {
  const fn = `(a) => window.__cgLocate ? (${body})(a, window.__cgLocate) : '${MISSING}'`;
  const first = await page.evaluate<T | typeof MISSING>(fn, arg, frameUrl);
  if (first !== MISSING) return first as T;
  await page.evaluate(await installer(), undefined, frameUrl);
  return page.evaluate<T>(fn, arg, frameUrl);
}
