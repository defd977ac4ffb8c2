// The draft in the address: it comes back as it went, and a damaged or edited link never throws.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeDraft, encodeDraft, normalize } from '../../../configurator/src/model/address';
import { newDraft } from '../../../configurator/src/model/draft';

describe('the draft in the address', () => {
  it('comes back as it went, compressed (deflate-raw, base64url)', async () => {
    const draft = newDraft();
    draft.categories[1].services.push({
      preset: 'google-analytics',
      id: 'google-analytics',
      label: 'GA',
      description: 'd',
      cookies: [],
      blocks: [],
      scriptUrl: '',
    });
    draft.languages = ['de'];
    draft.texts.de = { banner: { title: 'Hallo ✓' } };
    draft.ui.theme = 'dark';
    const hash = await encodeDraft(draft);
    expect(hash).toMatch(/^draft=1\.[A-Za-z0-9_-]+$/);
    expect(hash.length).toBeLessThan(JSON.stringify(draft).length);
    expect((await decodeDraft('#' + hash)).draft).toEqual(draft);
  });

  it('says nothing without a draft, and why when it cannot read one', async () => {
    expect(await decodeDraft('')).toEqual({});
    expect(await decodeDraft('#section-2')).toEqual({});
    const hash = await encodeDraft(newDraft());
    expect((await decodeDraft(hash.slice(0, -10))).problem).toMatch(/damaged/);
    expect((await decodeDraft('draft=9.abc')).problem).toMatch(/unknown format/);
    expect((await decodeDraft('draft=1.%%%')).problem).toMatch(/damaged/);
  });

  it('reads the plain form too (for a browser without CompressionStream)', async () => {
    const draft = newDraft();
    const plain = btoa(JSON.stringify(draft)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    expect((await decodeDraft(`draft=0.${plain}`)).draft).toEqual(draft);
  });

  it('turns anything into a draft of the right shape (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const d = normalize(value);
        expect(Array.isArray(d.categories)).toBe(true);
        expect(typeof d.policyUrl).toBe('string');
        expect(['opt-in', 'opt-out']).toContain(d.mode);
      }),
    );
    const bad = normalize({
      categories: [{ id: 1, label: ['x'], services: [{ id: 'a', cookies: [1, 'b'] }, 7] }],
      ui: { layout: 'huge', theme: 'dark' },
      style: { light: { accent: 'red; }' } },
      texts: { en: { banner: { title: 'T', acceptAll: 5 } }, __proto__: { x: 1 } },
    });
    expect(bad.categories[0]).toMatchObject({
      id: 'category',
      label: '',
      services: [{ id: 'a', cookies: ['b'] }],
    });
    expect(bad.ui).toEqual({ layout: 'box', position: 'bottom', theme: 'dark', blocking: false });
    expect(bad.style.light.accent).toBe('');
    expect(bad.texts).toEqual({ en: { banner: { title: 'T' } } });
  });
});

describe('label texts from a link', () => {
  it('keep only strings in their places', () => {
    const d = normalize({
      labels: {
        de: {
          analytics: { label: 'Statistik', description: 3, services: { ga: { label: 'GA', x: 1 }, y: 2 } },
          bad: 1,
        },
      },
    });
    expect(d.labels).toEqual({
      de: { analytics: { label: 'Statistik', services: { ga: { label: 'GA' } } } },
    });
  });
});
