import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import dts from 'rollup-plugin-dts';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('./package.json', 'utf8'));
/** Our license notice, kept by the minifier like every other /*! comment (js-cookie's MIT notice too). */
const banner = `/*! consent-gate ${version} | MIT License */`;

const ts = (opts = {}) => typescript({ tsconfig: './tsconfig.json', ...opts });
// The preamble is V8's hint to compile every function at once, off the main thread, instead of
// parsing each one lazily a second time when it is first called: all of them are, on every page.
const min = () =>
  terser({
    ecma: 2021,
    compress: { passes: 3, unsafe_arrows: true, pure_getters: true },
    // The error class keeps its name (ConsentGateConfigError.name, err.constructor.name), as in the npm builds.
    mangle: { reserved: ['ConsentGateConfigError'] },
    format: { comments: /^!/, ascii_only: true, preamble: '//# allFunctionsCalledOnLoad' },
  });
/** Self-contained declarations, one per module format: .d.ts beside the .mjs, .d.cts beside the .cjs. */
const types = (input, name) => ({
  input,
  output: [
    { file: `dist/${name}.d.ts`, format: 'es' },
    { file: `dist/${name}.d.cts`, format: 'es' },
  ],
  plugins: [dts({ tsconfig: './tsconfig.json' })],
});

// The add-ons: each its own small file that never bundles the library (it gets what it needs from
// use()), for npm (ESM + CommonJS) and for a script tag after consent-gate.min.js.
const addons = ['embeds', 'autoblock', 'consent-log'].flatMap((name) => [
  {
    input: `src/${name}.ts`,
    output: [
      { file: `dist/consent-gate.${name}.mjs`, format: 'es' },
      { file: `dist/consent-gate.${name}.cjs`, format: 'cjs', exports: 'named' },
    ],
    plugins: [ts()],
  },
  types(`src/${name}.ts`, `consent-gate.${name}`),
  {
    input: `src/${name}-iife.ts`,
    output: { file: `dist/consent-gate.${name}.min.js`, format: 'iife', banner },
    plugins: [ts(), min()],
  },
]);

// consent-gate/server and consent-gate/server/node (ESM + CommonJS + types), and the
// consent-gate-server command: for servers, so js-cookie, the database packages (optional peer
// dependencies, loaded only when a store is opened) and Node's built-ins stay imports.
const serverExternal = ['js-cookie', '@electric-sql/pglite', 'pg', /^node:/];
const server = [
  ['src/server/index.ts', 'consent-gate.server'],
  ['src/server/node/index.ts', 'consent-gate.server-node'],
]
  .flatMap(([input, name]) => [
    {
      input,
      external: serverExternal,
      output: [
        { file: `dist/${name}.mjs`, format: 'es' },
        { file: `dist/${name}.cjs`, format: 'cjs', exports: 'named' },
      ],
      plugins: [ts()],
    },
    { ...types(input, name), external: serverExternal },
  ])
  .concat({
    input: 'src/server/cli/bin.ts',
    external: serverExternal,
    output: { file: 'dist/consent-gate.server-cli.mjs', format: 'es', banner: '#!/usr/bin/env node' },
    plugins: [ts()],
  });

export default [
  // npm: ESM + CommonJS, js-cookie left as a dependency.
  {
    input: 'src/index.ts',
    external: ['js-cookie'],
    output: [
      { file: 'dist/consent-gate.mjs', format: 'es' },
      { file: 'dist/consent-gate.cjs', format: 'cjs', exports: 'named' },
    ],
    plugins: [ts()],
  },
  // Types: one self-contained declaration file per module format. Node reads .d.ts beside the .mjs as
  // ESM and .d.cts beside the .cjs as CommonJS; one file for both would lie to `require` users.
  {
    input: 'src/index.ts',
    external: ['js-cookie'],
    output: [
      { file: 'dist/consent-gate.d.ts', format: 'es' },
      { file: 'dist/consent-gate.d.cts', format: 'es' },
    ],
    plugins: [dts({ tsconfig: './tsconfig.json' })],
  },
  // consent-gate/services: presets, plain data; types bundled the same way as the main entry's.
  {
    input: 'src/services/index.ts',
    output: [
      { file: 'dist/services.mjs', format: 'es' },
      { file: 'dist/services.cjs', format: 'cjs', exports: 'named' },
    ],
    plugins: [ts()],
  },
  {
    input: 'src/services/index.ts',
    output: [
      { file: 'dist/services.d.ts', format: 'es' },
      { file: 'dist/services.d.cts', format: 'es' },
    ],
    plugins: [dts({ tsconfig: './tsconfig.json' })],
  },
  // Script tag: one minified IIFE with js-cookie inside.
  {
    input: 'src/iife.ts',
    output: { file: 'dist/consent-gate.min.js', format: 'iife', banner },
    plugins: [resolve({ browser: true }), ts(), min()],
  },
  ...addons,
  // consent-gate.presets.min.js: the presets of consent-gate/services for a script-tag config, by name.
  {
    input: 'src/presets-iife.ts',
    output: { file: 'dist/consent-gate.presets.min.js', format: 'iife', banner },
    plugins: [ts(), min()],
  },
  // `consent-gate audit` (package.json "bin"): Node, tldts bundled (the Public Suffix List, offline),
  // playwright-core left to the site's own install (an optional peer dependency).
  {
    input: 'src/audit/cli.ts',
    external: ['playwright-core', /^node:/],
    output: { file: 'dist/consent-gate.cli.mjs', format: 'es', banner: '#!/usr/bin/env node' },
    plugins: [resolve(), ts({ tsconfig: './tsconfig.audit.json' })],
  },
  ...server,
];
