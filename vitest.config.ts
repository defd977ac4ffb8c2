import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

const ENGINES = ['chromium', 'firefox', 'webkit'] as const;

// Projects: fast jsdom unit tests of the source; the built package in Node and its public types;
// real-browser tests of the built dist/ files in Chromium, Firefox and WebKit (browser-<engine>).
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'jsdom',
          setupFiles: ['tests/quiet.ts'],
          restoreMocks: true,
        },
      },
      {
        test: {
          // The built package as users get it: Node without a DOM, and package.json "exports".
          name: 'package',
          include: ['tests/package/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/quiet.ts'],
        },
      },
      {
        test: {
          // The public types of the built package: tsc checks tests/types; a type error fails the run.
          name: 'types',
          typecheck: {
            enabled: true,
            only: true,
            include: ['tests/types/**/*.test-d.ts'],
            tsconfig: './tsconfig.test.json',
            // By path: typescript-6 and typescript-7 (devDependencies) also install a `tsc` command.
            checker: 'node_modules/typescript/bin/tsc',
          },
        },
      },
      ...ENGINES.map((engine) => ({
        test: {
          // The same browser suite in each engine (tests/browser/engines/index.ts); the harness reads
          // the engine from CONSENT_GATE_ENGINE.
          name: `browser-${engine}`,
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          env: { CONSENT_GATE_ENGINE: engine },
          // Node-side console; the page's console goes through the harness (tests/browser/harness.ts).
          setupFiles: ['tests/quiet.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // One browser of an engine at a time: the machine has two cores.
          fileParallelism: false,
        },
      })),
      {
        test: {
          // consent-gate audit: pure parts, the command, and the fixture sites audited in Chromium.
          name: 'audit',
          include: ['tests/audit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/quiet.ts'],
          testTimeout: 90_000,
          hookTimeout: 60_000,
          // One audit at a time (each runs two Chromium profiles): the machine has two cores.
          fileParallelism: false,
        },
      },
      {
        // The recipes of docs/frameworks.md with React, Vue and Svelte themselves, in jsdom. They import
        // 'consent-gate' as the docs do; here that is the source. Svelte's client runtime needs the
        // browser condition.
        plugins: [svelte()],
        esbuild: { jsx: 'automatic' },
        resolve: {
          conditions: ['browser'],
          alias: { 'consent-gate': fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
        },
        test: {
          name: 'frameworks',
          include: ['tests/frameworks/**/*.test.ts'],
          environment: 'jsdom',
          setupFiles: ['tests/quiet.ts'],
          restoreMocks: true,
        },
      },
      {
        test: {
          // consent-gate/server in Node: reading decisions, the endpoint, the stores (embedded PGlite and
          // a throwaway PostgreSQL cluster, both started by the global setup), the command, the example.
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/quiet.ts'],
          globalSetup: ['tests/server/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // The heavy server tests, on their own so that their time shows: 10,000 receipts from 100
          // clients in each store, SIGKILL under load, 1,000 hostile bodies, slow and endless bodies.
          name: 'server-reliability',
          include: ['tests/server-reliability/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/quiet.ts'],
          globalSetup: ['tests/server/support/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 60_000,
          // One load at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
