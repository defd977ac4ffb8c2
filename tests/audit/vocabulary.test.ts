// The words the audit looks for: every language consent-gate ships (read when it runs, so that a
// translation added later is in without a change here), and the wordings of other consent managers.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allPhrases, normalise, phrasesFor, shippedTexts } from '../../src/audit/vocabulary';

const I18N = fileURLToPath(new URL('../../i18n/', import.meta.url));

describe('vocabulary', () => {
  it('has every language of i18n/, with its accept, reject and settings texts', () => {
    const texts = shippedTexts(I18N);
    const files = readdirSync(I18N).filter((f) => f.endsWith('.json'));
    expect(Object.keys(texts).sort()).toEqual(files.map((f) => f.slice(0, -5).toLowerCase()).sort());
    expect(texts.de).toEqual({
      accept: ['Alle akzeptieren', 'Alle akzeptieren', 'Akzeptieren'],
      reject: ['Alle ablehnen', 'Alle ablehnen', 'Ablehnen'],
      settings: ['Einstellungen', 'Cookie-Einstellungen'],
      save: ['Speichern'],
    });
    for (const [lang, t] of Object.entries(texts)) {
      expect(t.accept.length, lang).toBeGreaterThan(0);
      expect(t.reject.length, lang).toBeGreaterThan(0);
    }
  });

  it('normalises names: case, spaces, symbols around', () => {
    expect(normalise('  ✓ Accept\n ALL! ')).toBe('accept all');
    expect(normalise('Tout\u00a0refuser')).toBe('tout refuser');
  });

  it('looks in the page’s language and English first', () => {
    const phrases = allPhrases(shippedTexts(I18N));
    const german = phrasesFor('de-AT', phrases);
    expect(new Set(german.map(([, , lang]) => lang))).toEqual(new Set(['de', 'en']));
    expect(german).toContainEqual(['alle ablehnen', 'reject', 'de']);
    expect(phrasesFor(undefined, phrases)).toBe(phrases);
    // Other consent managers' wordings are in too.
    expect(phrases).toContainEqual(['reject all', 'reject', 'en']);
    expect(phrases).toContainEqual(['accept only necessary', 'reject', 'en']);
  });
});
