// Shared by the configurator's unit tests: the shipped translations as the build hands them to the
// page (every i18n/<code>.json but English), and the library's verdict on a config through its
// public API, the way the preview asks for it.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { destroy, init } from '../../../src/index';
import type { Shipped } from '../../../configurator/src/model/config';

const I18N = join(dirname(fileURLToPath(import.meta.url)), '../../../i18n/');

export const SHIPPED: Shipped = Object.fromEntries(
  readdirSync(I18N)
    .filter((f) => f.endsWith('.json') && f !== 'en.json')
    .map((f) => [f.slice(0, -5), JSON.parse(readFileSync(I18N + f, 'utf8'))]),
);

/** Theme defaults as the build reads them from styles/consent-gate.css. */
export const THEMES = {
  light: {
    '--cg-bg': '#fff',
    '--cg-fg': '#1f2328',
    '--cg-muted': '#4b5563',
    '--cg-accent': '#1d4ed8',
    '--cg-btn-fg': '#fff',
    '--cg-focus': '#b45309',
  },
  dark: {
    '--cg-bg': '#1c2128',
    '--cg-fg': '#e6edf3',
    '--cg-muted': '#b1bac4',
    '--cg-accent': '#8ab4ff',
    '--cg-btn-fg': '#0d1117',
    '--cg-focus': '#f0b429',
  },
};

/**
 * What the library says of a config given as JSON: null when `init` takes it, else its error.
 * Warnings are collected, not printed.
 */
export function verdict(config: unknown): { error: Error | null; warnings: string[] } {
  const spy = vi.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    init(JSON.parse(JSON.stringify(config)));
    return { error: null, warnings: spy.mock.calls.map((c) => c.join(' ')) };
  } catch (e) {
    return { error: e as Error, warnings: spy.mock.calls.map((c) => c.join(' ')) };
  } finally {
    destroy();
    spy.mockRestore();
    document.body.innerHTML = '';
  }
}
