// consent-gate/server and consent-gate/server/node as users import them: by the package name, from
// ESM and CommonJS, in plain Node without a DOM; each exports what the contract names.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function node(args: string[], code: string): unknown {
  const run = spawnSync(process.execPath, [...args, '-e', code], { cwd: ROOT, encoding: 'utf8' });
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  return JSON.parse(run.stdout);
}

const CHECK = `
  const names = Object.keys(server).filter((k) => k !== 'default' && k !== '__esModule').sort();
  const config = { categories: { necessary: { label: 'N', required: true }, analytics: { label: 'A' } } };
  const t = new Date().toISOString();
  const consent = { id: '3f1c2b9e-8f7a-4c3d-9b2a-1e2f3a4b5c6d', revision: 0, givenAt: t, updatedAt: t,
    categories: { necessary: true, analytics: true }, services: {} };
  const cookie = server.consentCookie(consent, config).split(';')[0];
  const read = server.readConsent(new Request('https://x.example/', { headers: { cookie } }), config);
  console.log(JSON.stringify({ names, nodeNames: Object.keys(nodePart).filter((k) => k !== 'default' && k !== '__esModule').sort(),
    accepted: server.isAccepted(read, config, 'analytics'), noDom: typeof document === 'undefined' }));
`;

const EXPECTED = {
  names: [
    'ConsentGateConfigError',
    'consentCookie',
    'createConsentHandler',
    'hasGpc',
    'isAccepted',
    'poolDatabase',
    'readConsent',
    'sqlStore',
    'textsShown',
  ],
  nodeNames: [
    'DataDirInUseError',
    'MissingPackageError',
    'nodeListener',
    'openStore',
    'pgliteStore',
    'postgresStore',
    'toRequest',
    'translationFiles',
    'writeResponse',
  ],
  accepted: true,
  noDom: true,
};

describe('consent-gate/server in Node', () => {
  beforeAll(() => {
    if (!existsSync(`${ROOT}dist/consent-gate.server.mjs`))
      throw new Error('dist/ is missing: run `npm run build` first.');
  });

  it('require() by the package name', () => {
    expect(
      node(
        [],
        `const server = require('consent-gate/server'); const nodePart = require('consent-gate/server/node');${CHECK}`,
      ),
    ).toEqual(EXPECTED);
  });

  it('import by the package name', () => {
    expect(
      node(
        ['--input-type=module'],
        `import * as server from 'consent-gate/server'; import * as nodePart from 'consent-gate/server/node';${CHECK}`,
      ),
    ).toEqual(EXPECTED);
  });
});
