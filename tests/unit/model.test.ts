import { describe, expect, it, vi } from 'vitest';
import { validate } from '../../src/config/validate';
import { accepted, diff, patch, record, uuid } from '../../src/consent/model';
import { demoConfig } from './helpers';

const s = validate(demoConfig());

/** The demo config with marketing marked gpc: true, under a GPC signal or not. */
function gpcSettings(signal: boolean) {
  const g = validate(
    demoConfig({ categories: { ...demoConfig().categories, marketing: { label: 'Marketing', gpc: true } } }),
  );
  g.gpc = signal;
  return g;
}

describe('consent model', () => {
  it('accepts only required categories before a decision', () => {
    expect(accepted(s, null, 'necessary')).toBe(true);
    expect(accepted(s, null, 'analytics')).toBe(false);
    expect(accepted(s, null, 'analytics', 'google-analytics')).toBe(false);
    expect(accepted(s, null, 'unknown')).toBe(false);
    expect(accepted(s, null, 'toString')).toBe(false);
  });

  it('lets a service follow its category unless declined on its own', () => {
    const c = {
      categories: { necessary: true, analytics: true, marketing: false },
      services: { analytics: { hotjar: false } },
    };
    expect(accepted(s, c, 'analytics', 'google-analytics')).toBe(true);
    expect(accepted(s, c, 'analytics', 'hotjar')).toBe(false);
    // A service registered later in an accepted category is accepted.
    expect(accepted(s, c, 'analytics', 'added-later')).toBe(true);
    expect(accepted(s, c, 'marketing', 'anything')).toBe(false);
  });

  it('update({ cat: bool }) sets a category and all its services', () => {
    const on = patch(s, null, { analytics: true });
    expect(on.categories).toEqual({ necessary: true, analytics: true, marketing: false });
    expect(on.services.analytics).toEqual({ 'google-analytics': true, hotjar: true });
    const off = patch(s, on, { analytics: false });
    expect(off.services.analytics).toEqual({ 'google-analytics': false, hotjar: false });
  });

  it('accepting one service turns its category on and leaves the others declined', () => {
    const c = patch(s, null, { analytics: { 'google-analytics': true } });
    expect(c.categories.analytics).toBe(true);
    expect(accepted(s, c, 'analytics', 'google-analytics')).toBe(true);
    expect(accepted(s, c, 'analytics', 'hotjar')).toBe(false);
  });

  it('declining every service of a category turns it off; declining one keeps it on', () => {
    const on = patch(s, null, true);
    const one = patch(s, on, { analytics: { hotjar: false } });
    expect(one.categories.analytics).toBe(true);
    const none = patch(s, one, { analytics: { 'google-analytics': false } });
    expect(none.categories.analytics).toBe(false);
  });

  it('ignores required and unknown categories in a patch, and __proto__ service keys', () => {
    const c = patch(s, null, JSON.parse('{"necessary":false,"nope":true,"analytics":{"__proto__":true}}'));
    expect(c.categories.necessary).toBe(true);
    expect('nope' in c.categories).toBe(false);
    expect(Object.getPrototypeOf(c.services.analytics)).toBe(Object.prototype);
    // Nor does a __proto__ key accept anything: the category stays off.
    expect(c.categories.analytics).toBe(false);
  });

  it('keeps decisions on services this page does not list', () => {
    const base = {
      categories: { necessary: true, analytics: true, marketing: false },
      services: { analytics: { youtube: false } },
    };
    expect(patch(s, base, {}).services.analytics.youtube).toBe(false);
  });

  it('patch() with true accepts everything but what a GPC signal keeps off', () => {
    expect(patch(s, null, true).categories).toEqual({ necessary: true, analytics: true, marketing: true });
    const g = gpcSettings(true);
    expect(patch(g, null, true).categories).toEqual({ necessary: true, analytics: true, marketing: false });
    expect(patch(g, null, false).categories).toEqual({ necessary: true, analytics: false, marketing: false });
    // Switched on explicitly, it is on.
    expect(patch(g, patch(g, null, true), { marketing: true }).categories.marketing).toBe(true);
  });

  it('opt-in mode: nothing but required categories before a decision, default or not', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const o = validate(
      demoConfig({
        categories: { ...demoConfig().categories, analytics: { label: 'Analytics', default: true } },
      }),
    );
    expect(patch(o, null, {}).categories).toEqual({ necessary: true, analytics: false, marketing: false });
  });

  it('opt-out mode: categories marked default are accepted before a decision, unless GPC keeps them off', () => {
    const cats = demoConfig().categories;
    const config = (gpc: boolean) => {
      const o = validate(
        demoConfig({
          mode: 'opt-out',
          categories: {
            ...cats,
            analytics: { ...cats.analytics, default: true },
            marketing: { label: 'Marketing', default: true, gpc: true },
          },
        }),
      );
      o.gpc = gpc;
      return o;
    };
    expect(patch(config(false), null, {}).categories).toEqual({
      necessary: true,
      analytics: true,
      marketing: true,
    });
    expect(accepted(config(false), null, 'analytics', 'hotjar')).toBe(true);
    expect(patch(config(true), null, {}).categories).toEqual({
      necessary: true,
      analytics: true,
      marketing: false,
    });
    // A decision replaces the defaults; a patch starts from them.
    expect(accepted(config(false), patch(config(false), null, false), 'analytics')).toBe(false);
    expect(patch(config(false), null, { marketing: false }).categories).toEqual({
      necessary: true,
      analytics: true,
      marketing: false,
    });
  });

  it('diff lists what changed, and everything on the first decision', () => {
    const first = patch(s, null, false);
    expect(diff(s, null, first)).toEqual({
      categories: ['necessary', 'analytics', 'marketing'],
      services: { analytics: ['google-analytics', 'hotjar'] },
    });
    const next = patch(s, first, { analytics: { hotjar: true } });
    expect(diff(s, first, next)).toEqual({ categories: ['analytics'], services: { analytics: ['hotjar'] } });
    expect(diff(s, next, next)).toEqual({ categories: [], services: {} });
  });

  it('makes UUID v4 ids', () => {
    const ids = new Set(Array.from({ length: 200 }, uuid));
    expect(ids.size).toBe(200);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('records keep the id and first date across updates', () => {
    const t1 = new Date('2026-11-24T12:00:00.000Z');
    const first = record(s, null, patch(s, null, false), t1);
    expect(first).toMatchObject({ revision: 0, givenAt: t1.toISOString(), updatedAt: t1.toISOString() });
    const t2 = new Date('2026-11-25T08:00:00.000Z');
    const second = record(gpcSettings(true), first, patch(s, null, true), t2);
    expect(second).toMatchObject({
      id: first.id,
      givenAt: t1.toISOString(),
      updatedAt: t2.toISOString(),
      gpc: true,
    });
    expect(record(gpcSettings(false), first, patch(s, null, true), t2).gpc).toBeUndefined();
  });

  it('change lists a markup-only service whose decision changed', () => {
    const s = validate(demoConfig());
    const on = patch(s, null, { analytics: true });
    const next = patch(s, on, { analytics: { matomo: false } });
    expect(diff(s, on, next)).toEqual({ categories: [], services: { analytics: ['matomo'] } });
  });
});
