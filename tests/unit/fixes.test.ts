// Regressions found in review: each test failed before its fix.
import { describe, expect, it, vi } from 'vitest';
import { screen, within, fireEvent } from '@testing-library/dom';
import * as cg from '../../src/index';
import { validate } from '../../src/config/validate';
import { diff, patch } from '../../src/consent/model';
import { decisionJSON, demoConfig, freshPage, setConsentCookie, storedConsent } from './helpers';
import type { Config } from '../../src/types';

freshPage();
const flush = () => new Promise((r) => setTimeout(r, 0));
const jsdomGlobal = () => document.defaultView as unknown as { n: number };

describe('review fixes', () => {
  // Scripts run once per page (the test file), so each test gives its scripts a tag of its own.
  const withRequiredService = (onAccept = vi.fn(), tag = ''): Config => ({
    categories: {
      necessary: {
        label: 'N',
        required: true,
        services: {
          lb: { label: 'Load balancer', scripts: [{ inline: 'document.defaultView.n++' + tag }], onAccept },
        },
      },
      analytics: {
        label: 'A',
        services: { ga: { label: 'GA', scripts: [{ inline: 'document.defaultView.n += 100' + tag }] } },
      },
    },
  });

  it('runs required services (scripts and onAccept) at once, before any decision, and only once', async () => {
    jsdomGlobal().n = 0;
    const onAccept = vi.fn();
    cg.init(withRequiredService(onAccept));
    await flush();
    expect(jsdomGlobal().n).toBe(1);
    expect(onAccept).toHaveBeenCalledOnce();
    cg.rejectAll();
    await flush();
    expect(jsdomGlobal().n).toBe(1);
    expect(onAccept).toHaveBeenCalledOnce();
  });

  it('destroy() then init() does not run configured scripts a second time', async () => {
    jsdomGlobal().n = 0;
    cg.init(withRequiredService(vi.fn(), ';'));
    cg.acceptAll();
    cg.destroy();
    cg.init(withRequiredService(vi.fn(), ';'));
    await flush();
    expect(jsdomGlobal().n).toBe(101);
  });

  it('update() never reads a non-boolean as consent', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    cg.init(demoConfig());
    cg.update({ analytics: 'no' as never, marketing: null as never });
    expect(cg.isAccepted('analytics')).toBe(false);
    expect(cg.isAccepted('marketing')).toBe(false);
    expect(warn.mock.calls.map((c) => c[0]).join('\n')).toMatch(
      /update\(\): "analytics" is not a category of the config or not true, false or a map: nothing changed/,
    );
    // Inside a map too: only true and false; anything else stops the whole call.
    cg.update({ analytics: { hotjar: 'yes' as never } });
    expect(cg.isAccepted('analytics')).toBe(false);
    expect(storedConsent()).toBeNull();
    expect(warn.mock.calls.map((c) => c[0]).join('\n')).toMatch(
      /update\(\): analytics\.hotjar is not true or false: nothing changed/,
    );
    cg.update({ analytics: { hotjar: false } });
    expect(storedConsent().services.analytics).toEqual({ 'google-analytics': false, hotjar: false });
  });

  it('an update() with a wrong entry stores nothing, announces nothing and leaves the banner up', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const seen: string[] = [];
    for (const type of ['consent', 'change', 'banner:hide']) cg.on(type as never, () => seen.push(type));
    cg.init(demoConfig());
    // (Each warning is given once per page: three different ones.)
    for (const bad of [{ nope: true }, { marketing: 'yes' }, { analytics: true, other: false }])
      cg.update(bad as never);
    expect(warn).toHaveBeenCalledTimes(3);
    expect(
      warn.mock.calls.every((c) =>
        / is not a category of the config or not true, false or a map: nothing changed$/.test(c[0]),
      ),
    ).toBe(true);
    expect(storedConsent()).toBeNull();
    expect(cg.getConsent()).toBeNull();
    expect(seen).toEqual([]);
    expect(screen.getByRole('dialog', { name: 'We use cookies' })).toBeTruthy();
  });

  it('update() names a service id the category does not list (a typo shows), and still takes it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    cg.init(demoConfig());
    cg.update({ analytics: { google_analytics: true } });
    expect(warn.mock.calls.map((c) => c[0])).toEqual([
      'consent-gate: update(): "google_analytics" is not in categories.analytics.services',
    ]);
    // Taken as a service of the markup alone would be: its category on, the listed ones declined.
    expect(cg.isAccepted('analytics', 'google_analytics')).toBe(true);
    expect(cg.isAccepted('analytics', 'google-analytics')).toBe(false);
    warn.mockClear();
    cg.update({ analytics: { 'google-analytics': true }, marketing: false });
    expect(warn).not.toHaveBeenCalled();
  });

  it('a cookie lifetime given as a string is a config error', () => {
    expect(() => validate(demoConfig({ cookie: { expiresAfterDays: '30' as never } }))).toThrow(
      'cookie.expiresAfterDays must be a number of days from 1 to 395 (got "30")',
    );
    expect(() => validate(demoConfig({ cookie: { sameSite: 1 as never } }))).toThrow(
      'cookie.sameSite must be one of: Lax, Strict, None (got number)',
    );
  });

  it('warns about a misspelt option even when it is part of a known one', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    validate({ ...demoConfig(), text: {}, lang: 'de' });
    expect(warn.mock.calls.map((c) => c[0])).toEqual([
      'consent-gate: unknown option "text" ignored',
      'consent-gate: unknown option "lang" ignored',
    ]);
  });

  it('Escape closes the preferences even after a click moved focus to the page body', () => {
    cg.init(demoConfig());
    cg.showPreferences();
    (document.activeElement as HTMLElement).blur();
    expect(document.activeElement).toBe(document.body);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Cookie preferences' })).toBeNull();
  });

  it('an unsubscribe function still works after destroy()', () => {
    const off = cg.on('change', () => {});
    cg.destroy();
    expect(off).not.toThrow();
  });

  it('register() accepts ids that are Object.prototype names', async () => {
    setConsentCookie(decisionJSON());
    cg.init(demoConfig());
    const onAccept = vi.fn();
    cg.register('analytics', 'constructor', { label: 'C', onAccept });
    expect(onAccept).toHaveBeenCalledOnce();
  });

  it('change lists a markup-only service whose decision changed', () => {
    const s = validate(demoConfig());
    const on = patch(s, null, { analytics: true });
    const next = patch(s, on, { analytics: { matomo: false } });
    expect(diff(s, on, next)).toEqual({ categories: [], services: { analytics: ['matomo'] } });
  });

  it('while the page is parsed, a gated script that nothing follows yet waits (its text may be incomplete)', async () => {
    setConsentCookie(decisionJSON());
    const state = vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    jsdomGlobal().n = 0;
    document.body.innerHTML =
      '<script type="text/plain" data-category="analytics">document.defaultView.n++</script>';
    cg.init(demoConfig());
    await flush();
    expect(jsdomGlobal().n).toBe(0);
    document.body.append(document.createElement('p'));
    await flush();
    expect(jsdomGlobal().n).toBe(1);
    state.mockRestore();
  });

  it('shows a translation-less service label in the preferences and the radio group works by name', () => {
    cg.init(demoConfig());
    cg.showPreferences();
    within(screen.getByRole('radiogroup', { name: 'Hotjar' })).getByRole('radio', { name: 'Decline' });
  });

  describe('second size round (each failed before its fix)', () => {
    it('update() with something other than an object decides nothing and warns', () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      cg.init(demoConfig());
      for (const bad of [true, 1, 'analytics', () => 0, null]) (cg.update as (x: unknown) => void)(bad);
      expect(cg.getConsent()).toBeNull();
      expect(cg.isAccepted('analytics')).toBe(false);
      expect(warn).toHaveBeenCalledWith('consent-gate: update() takes an object');
      screen.getByRole('dialog', { name: 'We use cookies' });
    });

    it('keys another script put on Object.prototype are no category, service or choice', () => {
      const proto = Object.prototype as Record<string, unknown>;
      proto.ads = { required: true };
      proto.marketing = true;
      // js-cookie copies inherited keys into the cookie's attributes, so the decision may not be stored
      // (a warning says so): it still holds for the page, and must grant nothing.
      vi.spyOn(console, 'warn').mockImplementation(() => {});
      try {
        cg.init(demoConfig());
        expect(cg.isAccepted('ads')).toBe(false);
        const consent = vi.fn();
        cg.on('consent', consent);
        // Saved from the preferences unchanged: marketing stays off.
        cg.showPreferences();
        fireEvent.click(
          within(screen.getByRole('dialog', { name: 'Cookie preferences' })).getByRole('button', {
            name: 'Save',
          }),
        );
        expect(cg.getConsent()!.categories).toEqual({ necessary: true, analytics: false, marketing: false });
        expect(() => cg.update({ analytics: false })).not.toThrow();
        expect(consent).toHaveBeenCalledTimes(2);
      } finally {
        delete proto.ads;
        delete proto.marketing;
      }
    });

    it("the banner's Preferences button works under a page that stops click propagation", () => {
      const stop = (e: Event) => e.stopPropagation();
      document.body.addEventListener('click', stop);
      try {
        cg.init(demoConfig());
        fireEvent.click(screen.getByRole('button', { name: 'Preferences' }));
        screen.getByRole('dialog', { name: 'Cookie preferences' });
      } finally {
        document.body.removeEventListener('click', stop);
      }
    });

    it('starts where navigator.languages is missing', () => {
      const d = Object.getOwnPropertyDescriptor(Navigator.prototype, 'languages')!;
      Object.defineProperty(Navigator.prototype, 'languages', { get: () => undefined, configurable: true });
      try {
        cg.init(demoConfig());
        screen.getByRole('dialog', { name: 'We use cookies' });
      } finally {
        Object.defineProperty(Navigator.prototype, 'languages', d);
      }
    });
  });
});
