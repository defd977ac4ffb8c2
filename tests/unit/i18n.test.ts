import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EN } from '../../src/config/texts';
// @ts-expect-error: a plain .mjs build script without type declarations
import { check } from '../../scripts/build-i18n.mjs';

// A path, not a URL: under jsdom the global URL is jsdom's, which node:fs refuses.
const dir = join(dirname(fileURLToPath(import.meta.url)), '../../i18n');
const CODES = ['ar', 'cs', 'da', 'de', 'en', 'es', 'fr', 'he', 'it', 'ja', 'nl', 'pl', 'pt', 'sv', 'zh'];

type Tree = { [key: string]: string | Tree };
const load = (code: string): Tree => JSON.parse(readFileSync(join(dir, `${code}.json`), 'utf8'));

/** [['banner.title', 'We use cookies'], …] in file order. */
const flat = (t: Tree, prefix = ''): [string, unknown][] =>
  Object.entries(t).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? flat(v, prefix + k + '.') : [[prefix + k, v] as [string, unknown]],
  );
const placeholders = (s: string) => (s.match(/\{[^}]*\}/g) ?? []).sort();

const en = load('en');
const enFlat = new Map(flat(en));

describe('translation files', () => {
  it('are exactly the shipped languages, English and the RTL ones (ar, he) included', () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5))
      .sort();
    expect(files).toEqual(CODES);
  });

  it('en.json is the built-in English', () => {
    // EN gains its embed section with issue #3; until then en.json carries it ahead of EN.
    for (const section of Object.keys(EN) as (keyof typeof EN)[]) expect(en[section]).toEqual(EN[section]);
    expect(Object.keys(en).sort()).toEqual([...new Set([...Object.keys(EN), 'embed'])].sort());
  });

  describe.each(CODES)('%s', (code) => {
    // Read in each test, so that a missing or broken file fails its own tests with its name.
    const entries = () => flat(load(code));
    const get = (path: string) => entries().find(([p]) => p === path)?.[1] as string;

    it('has exactly the English keys, each a non-empty plain string', () => {
      expect(
        entries()
          .map(([p]) => p)
          .sort(),
      ).toEqual([...enFlat.keys()].sort());
      for (const [p, v] of entries()) {
        expect(typeof v, p).toBe('string');
        expect((v as string).trim(), p).not.toBe('');
        expect(v, `${p} must be plain text`).not.toMatch(/<\/?[a-z!][^>]*>/i);
      }
    });

    it('keeps every placeholder of the English text', () => {
      for (const [p, v] of entries())
        expect(placeholders(v as string), p).toEqual(placeholders(enFlat.get(p) as string));
    });

    it('tells accepting and declining apart, in labels of a similar length', () => {
      for (const [yes, no] of [
        ['banner.acceptAll', 'banner.rejectAll'],
        ['preferences.acceptAll', 'preferences.rejectAll'],
        ['preferences.accept', 'preferences.decline'],
      ]) {
        expect(get(yes), yes).not.toBe(get(no));
        // Equal prominence starts with the words: neither label dwarfs the other.
        const [a, b] = [get(yes).length, get(no).length].sort((x, y) => x - y);
        expect(b / a, `${yes} / ${no}`).toBeLessThanOrEqual(1.5);
      }
    });
  });

  it.each(CODES.filter((c) => c !== 'en'))('%s is translated, not copied from English', (code) => {
    const t = new Map(flat(load(code)));
    for (const p of [
      'banner.title',
      'banner.description',
      'preferences.description',
      'preferences.gpc',
      'embed.message',
    ])
      expect(t.get(p), p).not.toBe(enFlat.get(p));
  });

  it('ar and he are written in their scripts', () => {
    expect(load('ar').banner).toMatchObject({ title: expect.stringMatching(/[\u0600-\u06ff]/) });
    expect(load('he').banner).toMatchObject({ title: expect.stringMatching(/[\u0590-\u05ff]/) });
  });
});

describe('build-i18n check', () => {
  it('passes every shipped file', () => {
    for (const code of CODES) expect(check(en, load(code)), code).toEqual([]);
  });

  it('names each missing, extra, empty, markup or placeholder problem by key', () => {
    const t = load('de') as { banner: Tree; preferences: Tree; embed: Tree };
    delete t.banner.readMore;
    t.banner.extra = 'x';
    t.preferences.save = '  ';
    t.preferences.close = '<b>Zu</b>';
    t.embed.load = 'Laden';
    expect(check(en, t)).toEqual([
      'banner.readMore: missing',
      'banner.extra: not an English key (typo, or remove it)',
      'preferences.save: must be a non-empty string',
      'preferences.close: contains markup; texts are plain text',
      'embed.load: placeholders [], English has ["{service}"]',
    ]);
    expect(check(en, { ...t, embed: 'x' })).toContain('embed: must be an object');
  });
});
