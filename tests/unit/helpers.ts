import { afterEach, vi } from 'vitest';
import { destroy } from '../../src/index';
import type { Config } from '../../src/types';

/** The reference banner's situation: a required category and Analytics with Google Analytics. */
export function demoConfig(extra: Partial<Config> = {}): Config {
  return {
    policyUrl: '/privacy',
    categories: {
      necessary: { label: 'Strictly necessary', required: true },
      analytics: {
        label: 'Analytics',
        description: 'Tools that measure how the site is used.',
        services: {
          'google-analytics': { label: 'Google Analytics', cookies: ['_gid', /^_ga/] },
          hotjar: { label: 'Hotjar', cookies: ['_hj'] },
        },
      },
      marketing: { label: 'Marketing' },
    },
    ...extra,
  };
}

export function clearCookies() {
  for (const c of document.cookie.split('; ')) {
    const name = c.split('=')[0];
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
}

/** The stored consent cookie's value, parsed. */
export function storedConsent(name = 'cg_consent') {
  const pair = document.cookie.split('; ').find((c) => c.startsWith(name + '='));
  return pair ? JSON.parse(decodeURIComponent(pair.slice(name.length + 1))) : null;
}

/** A valid stored decision for demoConfig(), to be tweaked by a test. */
export function decisionJSON(over: Record<string, unknown> = {}) {
  const now = new Date().toISOString();
  return JSON.stringify({
    id: '3f1c2b9e-8f7a-4c3d-9b2a-1e2f3a4b5c6d',
    revision: 0,
    givenAt: now,
    updatedAt: now,
    categories: { necessary: true, analytics: true, marketing: false },
    services: { analytics: { 'google-analytics': true, hotjar: false } },
    ...over,
  });
}

export function setConsentCookie(value: string, name = 'cg_consent') {
  document.cookie = `${name}=${encodeURIComponent(value)}; path=/`;
}

/** Each test starts from an empty page, no cookies and no running instance. */
export function freshPage() {
  afterEach(() => {
    // Mocks first: a test may have made document.cookie throw.
    vi.restoreAllMocks();
    destroy();
    clearCookies();
    document.body.innerHTML = '';
    document.head.innerHTML = '';
  });
}
