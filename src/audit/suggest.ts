// A consent-gate config for what the audit saw: a category for each kind of preset matched, the
// presets in it, and the cookies and scripts no preset names, left for the owner to classify. It
// must pass the library's own validator, so that it can be pasted as it is.
import { validate } from '../config/validate';
import { presetById } from './presets';
import type { CookieRecord, RequestRecord, StorageRecord, Suggestion } from './types';

const CATEGORY_TEXTS: Record<string, { label: string; description: string }> = {
  necessary: {
    label: 'Strictly necessary',
    description: 'Needed for the site to work, for example to remember the choice you make here.',
  },
  preferences: {
    label: 'Preferences',
    description: 'Chat, maps and other features that remember your settings.',
  },
  analytics: { label: 'Analytics', description: 'Tools that measure how the site is used.' },
  marketing: { label: 'Marketing', description: 'Advertising and the measurement of advertising.' },
};
const ORDER = ['necessary', 'preferences', 'analytics', 'marketing'];

/** A pattern as JSON configs write it: a string, or "/source/flags". */
const asJson = (p: string | RegExp) => (typeof p === 'string' ? p : `/${p.source}/${p.flags}`);

export function suggestConfig(records: {
  cookies: CookieRecord[];
  requests: RequestRecord[];
  storage: StorageRecord[];
}): Suggestion {
  const seen = new Map<string, Set<string>>();
  const note = (id: string | undefined, what: string) => {
    if (!id) return;
    seen.set(id, (seen.get(id) ?? new Set()).add(what));
  };
  for (const r of records.requests)
    if (r.service) note(r.service.id, new URL(r.url).host + new URL(r.url).pathname);
  for (const c of records.cookies) if (c.service) note(c.service.id, `cookie ${c.name}`);
  for (const s of records.storage) if (s.service) note(s.service.id, `${s.kind} ${s.key}`);

  const categories: Record<string, any> = { necessary: { ...CATEGORY_TEXTS.necessary, required: true } };
  const services: Suggestion['services'] = [];
  for (const [id, what] of seen) {
    const preset = presetById(id);
    if (!preset) continue;
    // Advertising is what Global Privacy Control asks to leave off: consent-gate declines a gpc category under it.
    const gpc = preset.category === 'marketing' ? { gpc: true } : {};
    const category = (categories[preset.category] ??= {
      ...CATEGORY_TEXTS[preset.category],
      ...gpc,
      services: {},
    });
    category.services ??= {};
    category.services[id] = {
      label: preset.label,
      ...(preset.description ? { description: preset.description } : {}),
      cookies: preset.cookies.map(asJson),
      blocks: preset.blocks.map(asJson),
    };
    services.push({ id, label: preset.label, category: preset.category, seen: [...what].slice(0, 5) });
  }
  const ordered: Record<string, unknown> = {};
  for (const id of ORDER) if (categories[id]) ordered[id] = categories[id];

  const unknownCookies: Suggestion['unknownCookies'] = [];
  const cookieSeen = new Set<string>();
  for (const c of records.cookies) {
    const key = `${c.name}|${c.domain}`;
    if (c.class !== 'unknown' || cookieSeen.has(key)) continue;
    cookieSeen.add(key);
    unknownCookies.push({
      name: c.name,
      domain: c.domain,
      setBy: c.setBy,
      ...(c.script ? { script: c.script } : {}),
    });
  }
  const unknownScripts: Suggestion['unknownScripts'] = [];
  const scriptSeen = new Set<string>();
  for (const r of records.requests) {
    const url = r.url.split(/[?#]/)[0];
    if (!r.thirdParty || r.service || !['script', 'document'].includes(r.type) || scriptSeen.has(url))
      continue;
    scriptSeen.add(url);
    unknownScripts.push({ url, site: r.site, type: r.type === 'document' ? 'frame' : 'script' });
  }

  const config = { categories: ordered };
  // Throws ConsentGateConfigError if the audit ever wrote a config the library would refuse.
  validate(config);
  return { config, services, unknownCookies, unknownScripts };
}
