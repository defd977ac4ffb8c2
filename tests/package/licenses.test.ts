// License notices survive minification: the script-tag files carry ours, and consent-gate.min.js,
// which bundles js-cookie, carries js-cookie's MIT notice too (its license asks for it).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFileSync(ROOT + file, 'utf8');
const { version } = JSON.parse(read('package.json'));
const jsCookie = JSON.parse(read('node_modules/js-cookie/package.json')).version;

describe('license notices in the minified files', () => {
  it.each([
    'dist/consent-gate.min.js',
    'dist/consent-gate.embeds.min.js',
    'dist/consent-gate.autoblock.min.js',
    'dist/consent-gate.consent-log.min.js',
    'dist/consent-gate.presets.min.js',
  ])('%s opens with the consent-gate notice', (file) => {
    const head = read(file).split('\n').slice(0, 2);
    expect(head).toContain(`/*! consent-gate ${version} | MIT License */`);
  });

  it('consent-gate.min.js keeps the notice of the js-cookie it bundles', () => {
    expect(read('dist/consent-gate.min.js')).toContain(`/*! js-cookie v${jsCookie} | MIT */`);
  });
});
