// The built package in plain Node, where there is no DOM (server-side rendering, a build script):
// importing it must not throw, init() with a valid config does nothing, a bad config still throws
// ConsentGateConfigError. Each case runs in a fresh `node` process, exactly as a user's code would.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const VALID = `{ categories: { necessary: { label: 'Necessary', required: true }, analytics: { label: 'Analytics',
  services: { ga: { label: 'GA', scripts: [{ src: '/ga.js' }], cookies: ['_gid', /^_ga/] } } } } }`;
const BAD = `{ categories: { analytics: { label: 'Analytics', services: { ga: { label: 'GA', scripts: [{ src: 1 }] } } } } }`;

/** What the snippet prints. It must exit cleanly and print nothing else: no warning, no error. */
function node(args: string[], code: string): string {
  const run = spawnSync(process.execPath, [...args, '-e', code], { cwd: ROOT, encoding: 'utf8' });
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  return run.stdout;
}

/** The checks, given `cg` (the module) in scope; prints one JSON line. */
const CHECKS = `
  const out = {};
  out.noDom = typeof document === 'undefined' && typeof window === 'undefined';
  out.exports = Object.keys(cg).filter((k) => k !== 'default' && k !== '__esModule').sort();
  out.init = cg.init(${VALID});
  out.consent = cg.getConsent();
  out.snapshot = cg.getConsentSnapshot();
  out.heard = [];
  cg.subscribe((c) => out.heard.push(c))();
  out.accepted = cg.isAccepted('analytics');
  const off = cg.on('consent', () => {});
  off();
  cg.destroy();
  try { cg.init(${BAD}); out.bad = 'did not throw'; }
  catch (e) { out.bad = [e instanceof cg.ConsentGateConfigError, e instanceof Error, e.name, e.message]; }
  console.log(JSON.stringify(out));
`;

const EXPORTS = [
  'ConsentGateConfigError',
  'acceptAll',
  'destroy',
  'getConsent',
  'getConsentSnapshot',
  'hideBanner',
  'hidePreferences',
  'init',
  'isAccepted',
  'on',
  'register',
  'rejectAll',
  'reset',
  'setLanguage',
  'showBanner',
  'showPreferences',
  'subscribe',
  'update',
  'use',
];

const EXPECTED = {
  noDom: true,
  exports: EXPORTS,
  consent: null,
  snapshot: null,
  heard: [null],
  accepted: false,
  bad: [
    true,
    true,
    'ConsentGateConfigError',
    'categories.analytics.services.ga.scripts[0].src must be a string (got number)',
  ],
};

describe('the package in Node, without a DOM', () => {
  beforeAll(() => {
    if (!existsSync(`${ROOT}dist/consent-gate.cjs`))
      throw new Error('dist/ is missing: run `npm run build` first.');
  });

  it.each([
    ['require() of dist/consent-gate.cjs', [], `const cg = require('./dist/consent-gate.cjs');${CHECKS}`],
    ['require() by the package name (exports "require")', [], `const cg = require('consent-gate');${CHECKS}`],
    [
      'import() of dist/consent-gate.mjs',
      ['--input-type=module'],
      `const cg = await import('./dist/consent-gate.mjs');${CHECKS}`,
    ],
    [
      'import by the package name (exports "import")',
      ['--input-type=module'],
      `import * as cg from 'consent-gate';${CHECKS}`,
    ],
  ])('%s: imports, init() validates and does nothing else', (_case, args, code) => {
    const result = JSON.parse(node(args, code));
    expect(result).toEqual(EXPECTED);
  });

  it('resolves the package name to the right build for each module system', () => {
    expect(node([], `console.log(require.resolve('consent-gate'))`).trim()).toBe(
      `${ROOT}dist/consent-gate.cjs`,
    );
    expect(node(['--input-type=module'], `console.log(import.meta.resolve('consent-gate'))`).trim()).toBe(
      `file://${ROOT}dist/consent-gate.mjs`,
    );
    expect(node([], `console.log(require.resolve('consent-gate/styles.css'))`).trim()).toBe(
      `${ROOT}dist/consent-gate.css`,
    );
  });
});
