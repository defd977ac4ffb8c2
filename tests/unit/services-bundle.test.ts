// @vitest-environment node
// The built consent-gate/services entry as a site's bundler sees it: resolved by package name
// through package.json "exports", bundled with rollup, node-resolve and terser.
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollup } from 'rollup';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import * as services from '../../src/services/index';

const root = resolve(__dirname, '../..');
const presets = Object.values(services).filter(
  (v) => typeof v == 'object' && v !== null && 'id' in v,
) as services.ServicePreset[];
let dir = '';

/** A site's bundle of `entry`, minified as a site would ship it. */
async function bundle(entry: string): Promise<string> {
  const file = join(dir, 'entry.mjs');
  writeFileSync(file, entry);
  // An import that does not resolve would be left external, silently: make it fail instead.
  const build = await rollup({
    input: file,
    plugins: [nodeResolve()],
    onwarn: (w) => {
      throw new Error(w.message);
    },
  });
  const { output } = await build.generate({
    format: 'es',
    plugins: [terser({ format: { comments: false } })],
  });
  await build.close();
  return output[0].code;
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist/services.mjs')))
    throw new Error('dist/services.mjs is missing: run `npm run build` first');
  // A scratch site with consent-gate installed (linked), outside the repository.
  dir = mkdtempSync(join(tmpdir(), 'cg-services-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules/consent-gate'), 'dir');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('consent-gate/services as a package entry', () => {
  it('resolves for require() to the CommonJS build, with every preset', () => {
    const req = createRequire(join(dir, 'site.cjs'));
    expect(req.resolve('consent-gate/services')).toBe(join(root, 'dist/services.cjs'));
    const cjs = req('consent-gate/services');
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(services).sort());
    expect(cjs.googleAnalytics.cookies).toEqual(services.googleAnalytics.cookies);
  });

  it('tree-shakes: a bundle importing only googleAnalytics carries no other preset', async () => {
    const one = await bundle("export { googleAnalytics } from 'consent-gate/services';\n");
    const all = await bundle("export * from 'consent-gate/services';\n");
    expect(one).toContain('Google Analytics');
    expect(one).toContain('google-analytics');
    for (const p of presets.filter((p) => p.id != 'google-analytics')) {
      expect(all, p.id).toContain(p.label);
      expect(one, p.id).not.toContain(p.label);
      expect(one, p.id).not.toContain(`"${p.id}"`);
    }
    expect(one).not.toContain('servicesFrom');
    const size = (s: string) => `${s.length} B (${gzipSync(s, { level: 9 }).length} B gzip)`;
    process.stdout.write(
      `consent-gate/services bundled: googleAnalytics alone ${size(one)}; all ${presets.length} presets ${size(all)}\n`,
    );
    expect(one.length * 10).toBeLessThan(all.length);
  });
});
