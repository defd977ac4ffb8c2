import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { matchLanguage } from '../../src/config/match-language';
import { pickLanguage } from '../../src/config/language';
import { validate } from '../../src/config/validate';
import { demoConfig } from './helpers';
import { CODES } from '../support/languages';

// Every language the package ships, as a site that loads them all would list them.
const SHIPPED = CODES;

describe('matchLanguage', () => {
  it.each([
    // Exact, whatever the case or separator, and returned as the site spells it.
    ['pt-BR', 'pt-BR'],
    ['pt-br', 'pt-BR'],
    ['PT_BR', 'pt-BR'],
    ['de', 'de'],
    ['zh-hant', 'zh-Hant'],
    // A region falls back to its language.
    ['de-AT', 'de'],
    ['de-CH', 'de'],
    ['fr-CA', 'fr'],
    ['pt-PT', 'pt'],
    ['pt-AO', 'pt'],
    ['en-GB', 'en'],
    ['es-419', 'es'],
    ['sr-Latn-RS', undefined],
    // Chinese by script: Traditional in Taiwan, Hong Kong and Macau, Simplified elsewhere.
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-Hant-TW', 'zh-Hant'],
    ['zh-Hant-HK', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['zh-CN', 'zh'],
    ['zh-SG', 'zh'],
    ['zh-Hans', 'zh'],
    ['zh-Hans-CN', 'zh'],
    ['zh-Hans-HK', 'zh'],
    ['zh', 'zh'],
    // Norwegian: Bokmål for nb, the bare no, and Nynorsk (whose readers read Bokmål).
    ['nb', 'nb'],
    ['nb-NO', 'nb'],
    ['no', 'nb'],
    ['no-NO', 'nb'],
    ['nn', 'nb'],
    ['nn-NO', 'nb'],
    // Nothing to offer.
    ['fa', undefined],
    ['', undefined],
  ])('%s → %s', (wanted, expected) => {
    expect(matchLanguage(wanted, SHIPPED)).toBe(expected);
  });

  it('falls back to another region of the language rather than to nothing', () => {
    expect(matchLanguage('pt-PT', ['en', 'pt-BR'])).toBe('pt-BR');
    expect(matchLanguage('pt', ['en', 'pt-BR'])).toBe('pt-BR');
    expect(matchLanguage('de', ['en', 'de-CH'])).toBe('de-CH');
    expect(matchLanguage('he', ['en', 'he-IL'])).toBe('he-IL');
  });

  it('takes whichever Chinese the site has when its own script is missing', () => {
    expect(matchLanguage('zh-TW', ['en', 'zh'])).toBe('zh');
    expect(matchLanguage('zh-CN', ['en', 'zh-Hant'])).toBe('zh-Hant');
    expect(matchLanguage('zh-TW', ['en', 'zh-Hans', 'zh-Hant'])).toBe('zh-Hant');
    expect(matchLanguage('zh-CN', ['en', 'zh-Hans', 'zh-Hant'])).toBe('zh-Hans');
  });

  it('serves a Norwegian site that calls its file no', () => {
    expect(matchLanguage('nb-NO', ['en', 'no'])).toBe('no');
    expect(matchLanguage('nn', ['en', 'no'])).toBe('no');
  });

  it('prefers an exact regional file to the base language', () => {
    expect(matchLanguage('pt-BR', ['en', 'pt', 'pt-BR'])).toBe('pt-BR');
    expect(matchLanguage('pt-PT', ['en', 'pt-BR', 'pt'])).toBe('pt');
    expect(matchLanguage('de-AT', ['de', 'de-AT'])).toBe('de-AT');
  });

  it('answers a code the site has, or nothing, for any tag', () => {
    fc.assert(
      fc.property(fc.string(), fc.subarray(SHIPPED), (wanted, have) => {
        const found = matchLanguage(wanted, have);
        expect(found === undefined || have.includes(found)).toBe(true);
      }),
    );
  });

  it('finds every shipped code from itself, in any case', () => {
    for (const code of SHIPPED) {
      expect(matchLanguage(code, SHIPPED)).toBe(code);
      expect(matchLanguage(code.toUpperCase(), SHIPPED)).toBe(code);
    }
  });
});

describe("language: 'auto' picks by that rule", () => {
  afterEach(() => {
    document.documentElement.lang = '';
  });
  const s = validate(
    demoConfig({
      translations: Object.fromEntries(SHIPPED.filter((c) => c != 'en').map((c) => [c, `/i18n/${c}.json`])),
    }),
  );
  const browser = (list: string[]) => vi.spyOn(navigator, 'languages', 'get').mockReturnValue(list);

  it('from <html lang> first', () => {
    browser(['fr-FR']);
    for (const [lang, expected] of [
      ['zh-TW', 'zh-Hant'],
      ['zh-CN', 'zh'],
      ['nn-NO', 'nb'],
      ['pt-BR', 'pt-BR'],
      ['de-AT', 'de'],
      ['EL', 'el'],
    ]) {
      document.documentElement.lang = lang;
      expect(pickLanguage(s), lang).toBe(expected);
    }
  });

  it("then from navigator.languages, in the browser's order", () => {
    browser(['fa-IR', 'zh-HK', 'en']);
    expect(pickLanguage(s)).toBe('zh-Hant');
    browser(['no', 'en']);
    expect(pickLanguage(s)).toBe('nb');
    browser(['fa', 'sr', 'en-US']);
    expect(pickLanguage(s)).toBe('en');
    browser([]);
    expect(pickLanguage(s)).toBe('en');
  });

  it('finds every shipped language from <html lang>, also with a region', () => {
    browser([]);
    for (const code of SHIPPED) {
      document.documentElement.lang = code;
      expect(pickLanguage(s), code).toBe(code);
      if (!code.includes('-') && code != 'zh') {
        document.documentElement.lang = `${code}-XX`;
        expect(pickLanguage(s), `${code}-XX`).toBe(code);
      }
    }
  });

  it('and for a code given in the config', () => {
    expect(pickLanguage(s, 'zh-Hant-TW')).toBe('zh-Hant');
    expect(pickLanguage(s, 'pt_br')).toBe('pt-BR');
  });
});
