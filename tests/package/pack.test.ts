// What `npm publish` would ship: exactly the builds, the types for each module system, the stylesheet
// and its readable source; and package.json settings that bundlers read.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));

describe('the published package', () => {
  it('holds the builds, both types entries, presets, translations, the stylesheets, README and package.json, nothing else', () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const run = spawnSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const [{ files }] = JSON.parse(run.stdout);
    expect(files.map((f: { path: string }) => f.path).sort()).toEqual([
      'LICENSE',
      'README.md',
      'autoblock/package.json',
      'consent-log/package.json',
      ...['cjs', 'd.cts', 'd.ts', 'min.js', 'mjs'].map((x) => `dist/consent-gate.autoblock.${x}`),
      'dist/consent-gate.cjs',
      ...['cjs', 'd.cts', 'd.ts', 'min.js', 'mjs'].map((x) => `dist/consent-gate.consent-log.${x}`),
      'dist/consent-gate.css',
      'dist/consent-gate.d.cts',
      'dist/consent-gate.d.ts',
      ...['cjs', 'css', 'd.cts', 'd.ts', 'min.js', 'mjs'].map((x) => `dist/consent-gate.embeds.${x}`),
      'dist/consent-gate.min.js',
      'dist/consent-gate.mjs',
      // consent-gate/server, consent-gate/server/node and the consent-gate-server command.
      'dist/consent-gate.server-cli.mjs',
      ...['cjs', 'd.cts', 'd.ts', 'mjs'].map((x) => `dist/consent-gate.server-node.${x}`),
      ...['cjs', 'd.cts', 'd.ts', 'mjs'].map((x) => `dist/consent-gate.server.${x}`),
      ...['ar', 'cs', 'da', 'de', 'en', 'es', 'fr', 'he', 'it', 'ja', 'nl', 'pl', 'pt', 'sv', 'zh'].map(
        (c) => `dist/i18n/${c}.json`,
      ),
      'dist/services.cjs',
      'dist/services.d.cts',
      'dist/services.d.ts',
      'dist/services.mjs',
      'embeds/package.json',
      'package.json',
      'server/node/package.json',
      'server/package.json',
      // For resolvers older than package.json "exports" (TypeScript's node10).
      'services/package.json',
      'styles/consent-gate.css',
      'styles/embeds.css',
    ]);
  });

  it('lets bundlers drop unused code but keep `import "consent-gate/styles.css"`', () => {
    // sideEffects: false would let webpack drop the stylesheet import as unused.
    expect(pkg.sideEffects).toEqual(['*.css']);
    expect(pkg.exports['./styles.css']).toBe('./dist/consent-gate.css');
  });
});
