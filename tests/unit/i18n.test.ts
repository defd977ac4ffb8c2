import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EN } from '../../src/config/texts';
import { checkTexts as libraryCheck } from '../../src/config/validate';
import { dir as direction } from '../../src/config/dir';
import { CODES, EU, LANGUAGES } from '../support/languages';
// @ts-expect-error: a plain .mjs build script without type declarations
import { check } from '../../scripts/build-i18n.mjs';

// A path, not a URL: under jsdom the global URL is jsdom's, which node:fs refuses.
const dir = join(dirname(fileURLToPath(import.meta.url)), '../../i18n');

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
    expect(files).toEqual([...CODES].sort());
  });

  it('cover every official EU language and the others issue 18 asks for', () => {
    const beyond = [
      'nb',
      'is',
      'tr',
      'uk',
      'ru',
      'ar',
      'he',
      'ja',
      'zh',
      'zh-Hant',
      'ko',
      'hi',
      'id',
      'th',
      'vi',
    ];
    for (const code of [...EU, ...beyond, 'pt-BR']) expect(CODES, code).toContain(code);
    expect(CODES.length).toBeGreaterThanOrEqual(40);
  });

  it("each have a glossary with a translator's note and a place for the second pass", () => {
    for (const code of CODES.filter((c) => c !== 'en')) {
      const md = readFileSync(join(dir, 'glossary', `${code}.md`), 'utf8');
      for (const heading of ['## Decisions', '## Glossary', "## Translator's note", '## Second pass'])
        expect(md, `i18n/glossary/${code}.md ${heading}`).toContain(heading);
      // The ten terms that matter legally, each with a source.
      for (const term of [
        'cookie',
        'consent',
        'accept all',
        'decline all',
        'preferences',
        'strictly necessary',
        'analytics',
        'marketing',
        'service',
        'withdraw',
      ])
        expect(md, `i18n/glossary/${code}.md: ${term}`).toMatch(
          new RegExp(`^\\| ${term} \\|[^|]+\\|[^|]*\\S[^|]*\\|`, 'm'),
        );
    }
  });

  it('are laid out right to left exactly for the right-to-left scripts', () => {
    for (const { code, rtl } of LANGUAGES) expect(direction(code), code).toBe(rtl ? 'rtl' : 'ltr');
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

    it("passes the library's own check of a fetched translation, unchanged", () => {
      const t = load(code);
      expect(libraryCheck(t, `translations.${code}`)).toEqual(t);
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
        expect(get(yes).toLowerCase(), yes).not.toBe(get(no).toLowerCase());
        // Equal prominence starts with the words: neither button label dwarfs the other. (The
        // service radios are words beside a control, not boxes: Icelandic Samþykkja / Hafna is
        // what the language has.)
        if (yes.endsWith('All')) {
          const [a, b] = [get(yes).length, get(no).length].sort((x, y) => x - y);
          expect(b / a, `${yes} / ${no}`).toBeLessThanOrEqual(1.5);
        }
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

  const SCRIPT: Record<string, RegExp> = {
    Arabic: /[\u0600-\u06ff]/,
    Hebrew: /[\u0590-\u05ff]/,
    Cyrillic: /[\u0400-\u04ff]/,
    Greek: /[\u0370-\u03ff]/,
    CJK: /[\u3040-\u30ff\u4e00-\u9fff]/,
    Hangul: /[\uac00-\ud7af]/,
    Thai: /[\u0e00-\u0e7f]/,
    Devanagari: /[\u0900-\u097f]/,
  };
  it.each(LANGUAGES.filter((l) => l.script !== 'Latin'))('$code is written in its script ($script)', (l) => {
    for (const [p, v] of flat(load(l.code))) expect(v, p).toMatch(SCRIPT[l.script]);
  });

  it('Simplified and Traditional Chinese differ where the scripts do', () => {
    expect(load('zh').preferences).toMatchObject({ save: '保存', close: '关闭' });
    expect(load('zh-Hant').preferences).toMatchObject({ save: '儲存', close: '關閉' });
  });

  it('pt is European and pt-BR Brazilian Portuguese', () => {
    expect(load('pt').preferences).toMatchObject({ save: 'Guardar' });
    expect(load('pt-BR').preferences).toMatchObject({ save: 'Salvar' });
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
