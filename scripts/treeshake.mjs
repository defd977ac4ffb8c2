// What an app pays for consent-gate when a bundler tree-shakes the ESM build: two tiny apps, one
// importing only `init` and `isAccepted`, one importing everything, bundled the way an app would be
// (rollup + node-resolve, js-cookie from node_modules, minified with terser), measured gzip -9.
//
//   node scripts/treeshake.mjs          prints both figures (needs dist/, run `npm run build` first)
//   import { treeshake } from ...       used by scripts/size.mjs
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ESM = path.join(ROOT, 'dist', 'consent-gate.mjs');

/** The apps. Each uses what it imports, so that the bundler cannot drop it. */
export const APPS = {
  'import { init, isAccepted }': `
    import { init, isAccepted } from 'consent-gate';
    init(window.siteConfig);
    window.analyticsOn = isAccepted('analytics');
  `,
  'import * (everything)': `
    import * as ConsentGate from 'consent-gate';
    window.ConsentGate = ConsentGate;
  `,
};

/** Serves the app's source and points `consent-gate` at the built ESM file, as an installed package would. */
function app(source) {
  return {
    name: 'treeshake-app',
    resolveId(id) {
      if (id === '\0app') return id;
      if (id === 'consent-gate') return ESM;
      return null;
    },
    load(id) {
      return id === '\0app' ? source : null;
    },
  };
}

/** Bundles one app; returns its minified size and gzip -9 size (zlib, like size-limit). */
async function bundle(source) {
  const build = await rollup({
    input: '\0app',
    plugins: [app(source), resolve({ browser: true }), terser({ ecma: 2021, format: { comments: false } })],
    onwarn(warning) {
      throw new Error(`treeshake: rollup warned while bundling: ${warning.message}`);
    },
  });
  try {
    const { output } = await build.generate({ format: 'iife' });
    const code = output[0].code;
    return { min: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
  } finally {
    await build.close();
  }
}

/** @returns {Promise<{ name: string, min: number, gzip: number }[]>} */
export async function treeshake() {
  if (!existsSync(ESM))
    throw new Error('treeshake: dist/consent-gate.mjs is missing; run `npm run build` first');
  const results = [];
  for (const [name, source] of Object.entries(APPS)) results.push({ name, ...(await bundle(source)) });
  return results;
}

export function formatTreeshake(results) {
  const width = Math.max(...results.map((r) => r.name.length));
  const lines = results.map(
    (r) =>
      `  ${r.name.padEnd(width)}  ${r.gzip.toLocaleString('en').padStart(6)} B gzip -9 (zlib)   (${r.min.toLocaleString('en')} B minified)`,
  );
  const [least, all] = results;
  const saved = all.gzip - least.gzip;
  lines.push(
    `  the minimal import leaves out ${saved.toLocaleString('en')} B gzip (${((100 * saved) / all.gzip).toFixed(1)} %)`,
  );
  return ['Tree-shaking (dist/consent-gate.mjs + js-cookie; rollup, node-resolve, terser):', ...lines].join(
    '\n',
  );
}

const invoked = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invoked) {
  try {
    console.log(formatTreeshake(await treeshake()));
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
}
