import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const ts = (opts = {}) => typescript({ tsconfig: './tsconfig.json', ...opts });
const min = () => terser({ ecma: 2021, compress: { passes: 3, unsafe_arrows: true, pure_getters: true }, format: { comments: false } });
/** A types entry beside a build, pointing at the emitted declarations. */
const typesEntry = (fileName, from) => ({
  name: 'types-entry',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName, source: `export * from './types/${from}.js';\n` });
  },
});

// The add-ons: each its own small file that never bundles the library (it gets what it needs from
// use()), for npm (ESM + CommonJS) and for a script tag after consent-gate.min.js.
const addons = ['embeds', 'autoblock'].flatMap((name) => [
  {
    input: `src/${name}.ts`,
    output: [
      { file: `dist/consent-gate.${name}.mjs`, format: 'es' },
      { file: `dist/consent-gate.${name}.cjs`, format: 'cjs', exports: 'named' },
    ],
    plugins: [ts(), typesEntry(`consent-gate.${name}.d.ts`, name)],
  },
  {
    input: `src/${name}-iife.ts`,
    output: { file: `dist/consent-gate.${name}.min.js`, format: 'iife' },
    plugins: [ts(), min()],
  },
]);

export default [
  // npm: ESM + CommonJS, js-cookie left as a dependency; types emitted beside them.
  {
    input: 'src/index.ts',
    external: ['js-cookie'],
    output: [
      { file: 'dist/consent-gate.mjs', format: 'es' },
      { file: 'dist/consent-gate.cjs', format: 'cjs', exports: 'named' },
    ],
    plugins: [
      ts({ declaration: true, declarationDir: 'dist/types', outDir: 'dist', rootDir: 'src' }),
      // The contract's single types entry, pointing at the emitted declarations.
      typesEntry('consent-gate.d.ts', 'index'),
    ],
  },
  // Script tag: one minified IIFE with js-cookie inside.
  {
    input: 'src/iife.ts',
    output: { file: 'dist/consent-gate.min.js', format: 'iife' },
    plugins: [resolve({ browser: true }), ts(), min()],
  },
  ...addons,
];
