import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const ts = (opts = {}) => typescript({ tsconfig: './tsconfig.json', ...opts });

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
      { name: 'types-entry', generateBundle() { this.emitFile({ type: 'asset', fileName: 'consent-gate.d.ts', source: "export * from './types/index.js';\n" }); } },
    ],
  },
  // consent-gate/services: presets, plain data. Their declarations come from the build above,
  // which emits one .d.ts per file of src/.
  {
    input: 'src/services/index.ts',
    output: [
      { file: 'dist/services.mjs', format: 'es' },
      { file: 'dist/services.cjs', format: 'cjs', exports: 'named' },
    ],
    plugins: [
      ts(),
      { name: 'types-entry', generateBundle() { this.emitFile({ type: 'asset', fileName: 'services.d.ts', source: "export * from './types/services/index.js';\n" }); } },
    ],
  },
  // Script tag: one minified IIFE with js-cookie inside.
  {
    input: 'src/iife.ts',
    output: { file: 'dist/consent-gate.min.js', format: 'iife' },
    plugins: [
      resolve({ browser: true }),
      ts(),
      terser({ ecma: 2021, compress: { passes: 3, unsafe_arrows: true, pure_getters: true }, format: { comments: false, ascii_only: true } }),
    ],
  },
];
