import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/dom';
import * as cg from '../../src/index';
import { validate } from '../../src/config/validate';
import { pickLanguage, dir } from '../../src/config/language';
import { EN } from '../../src/config/texts';
import { demoConfig, freshPage } from './helpers';
import type { Texts } from '../../src/types';

freshPage();
afterEach(() => {
  document.documentElement.lang = '';
  vi.unstubAllGlobals();
});

/** A complete German translation of the banner, the rest English (as a file would have it all). */
const de = {
  banner: {
    title: 'Wir verwenden Cookies',
    description: 'Beschreibung',
    acceptAll: 'Alle akzeptieren',
    rejectAll: 'Alle ablehnen',
    preferences: 'Einstellungen',
    readMore: 'Mehr erfahren',
  },
  preferences: { ...EN.preferences, close: 'Schließen' },
  embed: EN.embed,
};
const he: Texts = { ...EN, banner: { ...EN.banner, title: 'אנחנו משתמשים בעוגיות' } };

const languages = (list: string[]) => vi.spyOn(navigator, 'languages', 'get').mockReturnValue(list);

describe('language', () => {
  const s = validate(demoConfig({ translations: { de, 'pt-BR': de, he } }));

  it('auto: <html lang> first, then the browser languages, then English; a region falls back to its base', () => {
    languages(['fr-FR', 'he-IL']);
    document.documentElement.lang = 'de-AT';
    expect(pickLanguage(s)).toBe('de');
    document.documentElement.lang = '';
    expect(pickLanguage(s)).toBe('he');
    languages(['fr']);
    expect(pickLanguage(s)).toBe('en');
    languages(['pt-br']);
    expect(pickLanguage(s)).toBe('pt-BR');
    expect(pickLanguage(s, 'DE-ch')).toBe('de');
  });

  it('knows right-to-left languages', () => {
    expect([dir('ar'), dir('he-IL'), dir('fa'), dir('de'), dir('en')]).toEqual([
      'rtl',
      'rtl',
      'rtl',
      'ltr',
      'ltr',
    ]);
  });

  it('shows the picked language with lang and dir on the UI, and switches live', async () => {
    document.documentElement.lang = 'he';
    cg.init(demoConfig({ translations: { de, he } }));
    const b = screen.getByRole('dialog', { name: 'אנחנו משתמשים בעוגיות' });
    expect(b.closest('[dir]')!.getAttribute('dir')).toBe('rtl');
    expect(b.closest('[lang]')!.getAttribute('lang')).toBe('he');
    await cg.setLanguage('de');
    within(screen.getByRole('dialog', { name: 'Wir verwenden Cookies' })).getByRole('button', {
      name: 'Alle ablehnen',
    });
    expect(screen.getByRole('dialog').closest('[dir]')!.getAttribute('dir')).toBe('ltr');
    cg.showPreferences();
    within(screen.getByRole('dialog', { name: 'Cookie preferences' })).getByRole('button', {
      name: 'Schließen',
    });
    await cg.setLanguage('en');
    screen.getByRole('dialog', { name: 'Cookie preferences' });
    // The banner, set aside while the preferences are open, is back in English.
    cg.hidePreferences();
    screen.getByRole('dialog', { name: 'We use cookies' });
  });

  it('fetches a translation given as a URL only when it is shown', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify(de)));
    vi.stubGlobal('fetch', fetch);
    cg.init(demoConfig({ language: 'en', translations: { de: '/i18n/de.json' } }));
    screen.getByRole('dialog', { name: 'We use cookies' });
    expect(fetch).not.toHaveBeenCalled();
    await cg.setLanguage('de');
    expect(fetch).toHaveBeenCalledWith('/i18n/de.json');
    screen.getByRole('dialog', { name: 'Wir verwenden Cookies' });
  });

  it('waits for a fetched translation before showing the banner on a first visit', async () => {
    let answer!: (r: Response) => void;
    vi.stubGlobal('fetch', () => new Promise<Response>((r) => (answer = r)));
    // Fetched files are cached for the page, so each test uses its own URL.
    cg.init(demoConfig({ language: 'de', translations: { de: '/slow/de.json' } }));
    expect(screen.queryByRole('dialog')).toBeNull();
    answer(new Response(JSON.stringify(de)));
    await screen.findByRole('dialog', { name: 'Wir verwenden Cookies' });
  });

  it('the language asked for last wins, though an earlier one arrives later', async () => {
    let answer!: (r: Response) => void;
    vi.stubGlobal('fetch', () => new Promise<Response>((r) => (answer = r)));
    const fr = { ...de, banner: { ...de.banner, title: 'Nous utilisons des cookies' } };
    cg.init(demoConfig({ language: 'en', translations: { de: '/race/de.json', fr } }));
    const slow = cg.setLanguage('de');
    await cg.setLanguage('fr');
    await screen.findByRole('dialog', { name: 'Nous utilisons des cookies' });
    answer(new Response(JSON.stringify(de)));
    await slow;
    await new Promise((r) => setTimeout(r, 0));
    expect(screen.getByRole('dialog', { name: 'Nous utilisons des cookies' })).toBeTruthy();
    expect(screen.queryByRole('dialog', { name: 'Wir verwenden Cookies' })).toBeNull();
  });

  it('a setLanguage() while the first banner waits for its translation: the banner still comes, in the later language', async () => {
    let answer!: (r: Response) => void;
    vi.stubGlobal('fetch', () => new Promise<Response>((r) => (answer = r)));
    const fr = { ...de, banner: { ...de.banner, title: 'Nous utilisons des cookies' } };
    cg.init(demoConfig({ language: 'de', translations: { de: '/race2/de.json', fr } }));
    await cg.setLanguage('fr');
    answer(new Response(JSON.stringify(de)));
    await screen.findByRole('dialog', { name: 'Nous utilisons des cookies' });
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
  });

  it('callers that come while a translation loads share one request', async () => {
    let answer!: (r: Response) => void;
    const fetch = vi.fn(() => new Promise<Response>((r) => (answer = r)));
    vi.stubGlobal('fetch', fetch);
    cg.init(demoConfig({ language: 'de', translations: { de: '/shared/de.json' } }));
    cg.showPreferences();
    cg.showBanner();
    answer(new Response(JSON.stringify(de)));
    await screen.findByRole('button', { name: 'Schließen' });
    // The banner waited behind the preferences, in German too.
    cg.hidePreferences();
    screen.getByRole('dialog', { name: 'Wir verwenden Cookies' });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('falls back to English, saying why, when a translation cannot be loaded or is invalid', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.stubGlobal('fetch', async () => new Response('{"banner":{"title":42}}'));
    cg.init(demoConfig({ language: 'de', translations: { de: '/bad/de.json' } }));
    await screen.findByRole('dialog', { name: 'We use cookies' });
    expect(err.mock.calls[0][0]).toContain('translations.de: /bad/de.json could not be loaded');
    expect(String(err.mock.calls[0][1])).toContain('translations.de.banner.title must be a string');
  });

  it('a translation that failed to load is fetched again the next time it is asked for, English shown meanwhile', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    const fetch = vi
      .fn()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(new Response(JSON.stringify(de)));
    vi.stubGlobal('fetch', fetch);
    cg.init(demoConfig({ language: 'de', translations: { de: '/flaky/de.json' } }));
    const english = await screen.findByRole('dialog', { name: 'We use cookies' });
    expect(err).toHaveBeenCalledOnce();
    // What is shown is English, and says so.
    expect(english.parentElement!.lang).toBe('en');
    await cg.setLanguage('de');
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('dialog', { name: 'Wir verwenden Cookies' }).parentElement!.lang).toBe('de');
  });

  it('a language the config has no texts for is said, and English shown; a region of a known one is not', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    cg.init(demoConfig({ translations: { de } }));
    await cg.setLanguage('xx');
    expect(warn.mock.calls.map((c) => c[0])).toEqual([
      'consent-gate: setLanguage("xx"): the config has no translation for "xx"; English is shown',
    ]);
    screen.getByRole('dialog', { name: 'We use cookies' });
    warn.mockClear();
    for (const code of ['de-AT', 'en-GB', 'auto', 'EN']) await cg.setLanguage(code);
    expect(warn).not.toHaveBeenCalled();
    // The config's own language option too.
    cg.destroy();
    cg.init(demoConfig({ language: 'fr', translations: { de } }));
    expect(warn.mock.calls.map((c) => c[0])).toEqual([
      'consent-gate: language: the config has no translation for "fr"; English is shown',
    ]);
  });

  it('a missing key falls back to English and warns once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const partial = { banner: { title: 'Titel' } };
    cg.init(demoConfig({ language: 'de', translations: { de: partial } }));
    screen.getByRole('dialog', { name: 'Titel' });
    screen.getByRole('button', { name: 'Accept all' });
    await cg.setLanguage('de');
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0][0]).toMatch(
      /^consent-gate: translations\.de lacks banner\.description, .*preferences\.title.*; English, or the config.s own text, is shown$/,
    );
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
