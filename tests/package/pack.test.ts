// What `npm publish` would ship: exactly the builds, the types for each module system, the stylesheet
// and its readable source; and package.json settings that bundlers read.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CODES } from '../support/languages';

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
      // The consent-gate command (package.json "bin"): the site audit.
      'dist/consent-gate.cli.mjs',
      ...['cjs', 'd.cts', 'd.ts', 'min.js', 'mjs'].map((x) => `dist/consent-gate.consent-log.${x}`),
      'dist/consent-gate.css',
      'dist/consent-gate.css.d.cts',
      'dist/consent-gate.css.d.ts',
      'dist/consent-gate.d.cts',
      'dist/consent-gate.d.ts',
      ...['cjs', 'css', 'css.d.cts', 'css.d.ts', 'd.cts', 'd.ts', 'min.js', 'mjs'].map(
        (x) => `dist/consent-gate.embeds.${x}`,
      ),
      'dist/consent-gate.min.js',
      'dist/consent-gate.mjs',
      // The service presets by name, for a script-tag config.
      'dist/consent-gate.presets.min.js',
      // consent-gate/server, consent-gate/server/node and the consent-gate-server command.
      'dist/consent-gate.server-cli.mjs',
      ...['cjs', 'd.cts', 'd.ts', 'mjs'].map((x) => `dist/consent-gate.server-node.${x}`),
      ...['cjs', 'd.cts', 'd.ts', 'mjs'].map((x) => `dist/consent-gate.server.${x}`),
      ...CODES.map((c) => `dist/i18n/${c}.json`).sort(),
      'dist/services.cjs',
      'dist/services.d.cts',
      'dist/services.d.ts',
      'dist/services.mjs',
      // The Subresource Integrity hash of each file a page loads by tag, for CDN users.
      'dist/sri.json',
      'embeds.css.d.ts',
      'embeds/package.json',
      'package.json',
      'server/node/package.json',
      'server/package.json',
      // For resolvers older than package.json "exports" (TypeScript's node10).
      'services/package.json',
      'styles.css.d.ts',
      'styles/consent-gate.css',
      'styles/embeds.css',
    ]);
  });

  it('lets bundlers drop unused code but keep `import "consent-gate/styles.css"`', () => {
    // sideEffects: false would let webpack drop the stylesheet import as unused.
    expect(pkg.sideEffects).toEqual(['*.css']);
    expect(pkg.exports['./styles.css'].default).toBe('./dist/consent-gate.css');
  });

  it('types every stylesheet export, for TypeScript 6 and later (TS2882 without them)', () => {
    for (const entry of ['./styles.css', './embeds.css']) {
      const { types } = pkg.exports[entry];
      expect(Object.keys(types)).toEqual(['import', 'require']);
      for (const file of Object.values(types) as string[]) {
        expect(readFileSync(`${ROOT}${file}`, 'utf8')).toMatch(/^export \{\};$/m);
      }
    }
  });

  it('says where it comes from, so that the registry page links back and README images load', () => {
    expect(pkg.repository).toEqual({
      type: 'git',
      url: 'git+https://github.com/consent-gate/consent-gate.git',
    });
    expect(pkg.homepage).toBe('https://github.com/consent-gate/consent-gate#readme');
    expect(pkg.bugs).toEqual({ url: 'https://github.com/consent-gate/consent-gate/issues' });
    // On the registry a relative image path shows nothing: the README's images are absolute.
    const readme = readFileSync(`${ROOT}README.md`, 'utf8');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)].map((m) => m[1]);
    expect(images.length).toBeGreaterThan(0);
    for (const src of images) expect(src).toMatch(/^https:\/\//);
  });
});
