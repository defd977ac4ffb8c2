// An existing config back into a draft: what the form edits comes back the same, what it does not
// is kept and named, and what is not a config says what is wrong.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { configText, ImportError, importConfig, parseConfig } from '../../../configurator/src/model/import';
import { toConfig } from '../../../configurator/src/model/config';
import { newDraft, type Draft } from '../../../configurator/src/model/draft';
import { PRESETS } from '../../../configurator/src/model/presets';
import { scriptSnippet } from '../../../configurator/src/model/snippet';
import { EN } from '../../../src/config/texts';
import { SHIPPED } from './support';

const again = (draft: Draft) => toConfig(importConfig(toConfig(draft, SHIPPED), SHIPPED, EN).draft, SHIPPED);

describe('importConfig', () => {
  it('reads the README’s quick-start config', () => {
    const { draft, notes } = importConfig(
      {
        policyUrl: '/privacy',
        categories: {
          necessary: { label: 'Strictly necessary', required: true },
          analytics: {
            label: 'Analytics',
            description: 'Tools that measure how the site is used.',
            services: { 'google-analytics': { label: 'Google Analytics', cookies: ['_gid', '/^_ga/'] } },
          },
        },
      },
      SHIPPED,
      EN,
    );
    expect(draft.categories.map((c) => c.id)).toEqual(['necessary', 'analytics']);
    // Cookies of its own: the preset's id, imported as the owner's own service, and said so.
    expect(draft.categories[1].services[0]).toMatchObject({
      id: 'google-analytics',
      cookies: ['_gid', '/^_ga/'],
    });
    expect(draft.categories[1].services[0].preset).toBeUndefined();
    expect(notes.join('\n')).toMatch(/google-analytics: the id of a preset/);
  });

  it('recognises a preset written out by the configurator, so it stays a preset', () => {
    const draft = newDraft();
    draft.categories[1].services.push({
      preset: 'hotjar',
      id: 'hotjar',
      label: 'Hotjar',
      description: 'x',
      cookies: [],
      blocks: [],
      scriptUrl: 'https://static.hotjar.com/c/hotjar-1.js',
    });
    const back = importConfig(toConfig(draft, SHIPPED), SHIPPED, EN);
    expect(back.draft.categories[1].services[0]).toMatchObject({
      preset: 'hotjar',
      scriptUrl: 'https://static.hotjar.com/c/hotjar-1.js',
    });
    expect(back.notes).toEqual([]);
  });

  it('keeps what the form does not edit, says so, and writes it out again', () => {
    const config = {
      html: true,
      nonce: 'abc',
      cookie: { name: 'consent', sameSite: 'Strict', expiresAfterDays: 90 },
      categories: {
        analytics: {
          label: 'Analytics',
          services: { x: { label: 'X', scripts: [{ inline: 'track()' }], onAcceptNote: 1 } },
        },
      },
    };
    const { draft, notes } = importConfig(config, SHIPPED, EN);
    expect(notes).toEqual([
      'categories.analytics.services.x.scripts: 1 script(s) kept as imported (the form edits one script URL).',
      'categories.analytics.services.x.onAcceptNote: kept as imported.',
      'cookie.name, cookie.sameSite: kept as imported.',
      'html: kept as imported.',
      'nonce: kept as imported.',
    ]);
    const out = toConfig(draft, SHIPPED);
    expect(out.html).toBe(true);
    expect(out.nonce).toBe('abc');
    expect(out.cookie).toEqual({ name: 'consent', sameSite: 'Strict', expiresAfterDays: 90 });
    expect(out.categories.analytics.services.x).toEqual({
      label: 'X',
      scripts: [{ inline: 'track()' }],
      onAcceptNote: 1,
    });
  });

  it('turns inline translations into edits over the shipped texts, and keeps URL ones', () => {
    const { draft } = importConfig(
      {
        categories: { a: { label: 'A' } },
        language: 'auto',
        translations: {
          de: { ...SHIPPED.de, banner: { ...(SHIPPED.de as any).banner, title: 'Hallo' } },
          fr: '/i18n/fr.json',
        },
        texts: { banner: { title: EN.banner.title, acceptAll: 'OK' } },
      },
      SHIPPED,
      EN,
    );
    expect(draft.languages).toEqual(['de', 'fr']);
    expect(draft.texts.de).toEqual({ banner: { title: 'Hallo' } });
    expect(draft.texts.en).toEqual({ banner: { acceptAll: 'OK' } });
    expect(draft.translationUrls).toEqual({ fr: '/i18n/fr.json' });
  });

  it('refuses what is not a config, saying why', () => {
    expect(() => importConfig([], SHIPPED, EN)).toThrow(ImportError);
    expect(() => importConfig({ policyUrl: '/p' }, SHIPPED, EN)).toThrow(/no "categories"/);
    expect(() => parseConfig('')).toThrow(/nothing to import/);
    expect(() => parseConfig('{\n  "categories": {\n    necessary: {}\n  }\n}')).toThrow(
      /not JSON at line 3, column 5/,
    );
  });

  it('finds the config inside a pasted snippet', () => {
    const draft = newDraft();
    const snippet = scriptSnippet(draft, toConfig(draft, SHIPPED), '1');
    expect(JSON.parse(configText(snippet))).toEqual(toConfig(draft, SHIPPED));
    expect(configText('  {"a":1}  ')).toBe('{"a":1}');
  });

  it('gives back the same config for any draft the form can make (property)', () => {
    const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
    const text = fc.string({ maxLength: 12 });
    const service = fc.oneof(
      fc.record({
        preset: fc.constantFrom(...PRESETS.map((p) => p.id)),
        scriptUrl: fc.constantFrom('', 'https://x.test/a.js'),
        label: text,
      }),
      fc.record({
        id,
        label: text,
        description: text,
        cookies: fc.array(fc.constantFrom('a', '/^b_/', 'c'), { maxLength: 3 }),
        scriptUrl: fc.constantFrom('', '/s.js'),
      }),
    );
    const category = fc.record({
      id,
      label: text,
      description: text,
      required: fc.boolean(),
      gpc: fc.boolean(),
      optOutDefault: fc.boolean(),
      services: fc.array(service, { maxLength: 3 }),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(category, { minLength: 1, maxLength: 4, selector: (c) => c.id }),
        fc.constantFrom('opt-in', 'opt-out'),
        fc.subarray(Object.keys(SHIPPED), { maxLength: 3 }),
        fc.option(fc.integer({ min: 1, max: 395 }), { nil: null }),
        fc.boolean(),
        (categories, mode, languages, days, gcm) => {
          const draft = newDraft();
          draft.mode = mode as Draft['mode'];
          draft.languages = languages;
          draft.days = days ?? 182;
          draft.gcm.on = gcm;
          draft.categories = categories.map((c) => {
            const taken = new Set<string>();
            return {
              ...c,
              services: c.services
                .map((s) =>
                  'preset' in s
                    ? { id: s.preset, description: '', cookies: [], blocks: [], ...s }
                    : { blocks: [], ...s },
                )
                .filter((s) => !taken.has(s.id) && taken.add(s.id)),
            };
          });
          expect(again(draft)).toEqual(toConfig(draft, SHIPPED));
        },
      ),
      { numRuns: 200 },
    );
  });
});
