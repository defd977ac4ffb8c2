// The config's own category and service texts per language (issue 13): `translations.<code>.categories`,
// inline, in a fetched file, or beside the URL of one; the same fallback and one warning per language;
// errors that name the path; and the same texts hashed in the browser and rebuilt on the server.
import { describe, expect, it, vi, afterEach } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/dom';
import * as cg from '../../src/index';
import { ConsentGateConfigError } from '../../src/index';
import { validate } from '../../src/config/validate';
import { textsFor } from '../../src/config/language';
import { hashTexts, shownText } from '../../src/integrations/consent-log';
import { textsShown } from '../../src/server/texts';
import { EN } from '../../src/config/texts';
import { demoConfig, freshPage } from './helpers';
import type { Translation } from '../../src/types';

freshPage();
afterEach(() => vi.unstubAllGlobals());

/** The German UI texts, as a shipped file has them (here only the titles differ from English). */
const deUi = {
  banner: { ...EN.banner, title: 'Wir verwenden Cookies' },
  preferences: { ...EN.preferences, title: 'Cookie-Einstellungen' },
  embed: EN.embed,
};

/** The site's own texts in German: every category text and service description demoConfig() has. */
const deCategories: Translation['categories'] = {
  necessary: { label: 'Unbedingt erforderlich' },
  analytics: {
    label: 'Statistik',
    description: 'Werkzeuge, die messen, wie die Website genutzt wird.',
    services: { hotjar: { label: 'Hotjar-Umfragen', description: 'Umfragen auf der Seite.' } },
  },
  marketing: { label: 'Werbung' },
};

const openPreferences = (title: string) => {
  cg.showPreferences();
  return screen.getByRole('dialog', { name: title });
};

describe('category and service texts per language', () => {
  it('shows the labels and descriptions of the language, and the config’s own in the others', async () => {
    const warn = vi.spyOn(console, 'warn');
    cg.init(demoConfig({ language: 'de', translations: { de: { ...deUi, categories: deCategories } } }));
    const prefs = openPreferences('Cookie-Einstellungen');
    const analytics = within(prefs).getByRole('switch', { name: 'Statistik' });
    expect(document.getElementById(analytics.getAttribute('aria-describedby')!)!.textContent).toBe(
      'Werkzeuge, die messen, wie die Website genutzt wird.',
    );
    within(prefs).getByRole('switch', { name: 'Unbedingt erforderlich' });
    within(prefs).getByRole('group', { name: 'Werbung' });
    // A service label the translation gives, and one it leaves (a name, the same in German).
    const hotjar = within(prefs).getByRole('radiogroup', { name: 'Hotjar-Umfragen' });
    within(hotjar).getByText('Umfragen auf der Seite.');
    within(prefs).getByRole('radiogroup', { name: 'Google Analytics' });
    expect(within(prefs).queryByText('Analytics')).toBeNull();
    expect(warn).not.toHaveBeenCalled();

    await cg.setLanguage('en');
    const english = screen.getByRole('dialog', { name: 'Cookie preferences' });
    within(english).getByRole('switch', { name: 'Analytics' });
    within(english).getByRole('radiogroup', { name: 'Hotjar' });
  });

  it('a text the translation lacks is the config’s own, all of them said in one warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const partial = { ...deUi, categories: { analytics: { label: 'Statistik (teilweise)' } } };
    cg.init(demoConfig({ language: 'de', translations: { de: partial } }));
    const prefs = openPreferences('Cookie-Einstellungen');
    within(prefs).getByRole('switch', { name: 'Statistik (teilweise)' });
    within(prefs).getByRole('switch', { name: 'Strictly necessary' });
    within(prefs).getByText('Tools that measure how the site is used.');
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0][0]).toBe(
      'consent-gate: translations.de lacks categories.necessary.label, categories.analytics.description, ' +
        "categories.marketing.label; English, or the config's own text, is shown",
    );
  });

  it('and in the same warning as the texts it lacks', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const partial = { banner: { title: 'Nur der Titel' }, categories: { marketing: { label: 'Reklame' } } };
    cg.init(demoConfig({ language: 'de', translations: { de: partial } }));
    openPreferences('Cookie preferences');
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0][0]).toMatch(
      /^consent-gate: translations\.de lacks banner\.description, .*embed\.preferences, categories\.necessary\.label, categories\.analytics\.label, categories\.analytics\.description; /,
    );
  });

  it('a translation of the UI alone (a shipped file) leaves the labels as written, without a warning', () => {
    const warn = vi.spyOn(console, 'warn');
    cg.init(demoConfig({ language: 'de', translations: { de: deUi } }));
    within(openPreferences('Cookie-Einstellungen')).getByRole('switch', { name: 'Analytics' });
    expect(warn).not.toHaveBeenCalled();
  });

  it('come from a fetched translation file too', async () => {
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ ...deUi, categories: deCategories })));
    cg.init(demoConfig({ language: 'de', translations: { de: '/site/de-with-labels.json' } }));
    await screen.findByRole('dialog', { name: 'Wir verwenden Cookies' });
    within(openPreferences('Cookie-Einstellungen')).getByRole('switch', { name: 'Statistik' });
  });

  it('beside the URL of a file: the file’s texts, the config’s over them', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify(deUi)));
    vi.stubGlobal('fetch', fetch);
    const de = { url: '/dist/i18n/de.json', banner: { title: 'Cookies bei uns' }, categories: deCategories };
    cg.init(demoConfig({ language: 'de', translations: { de } }));
    const banner = await screen.findByRole('dialog', { name: 'Cookies bei uns' });
    expect(fetch).toHaveBeenCalledWith('/dist/i18n/de.json');
    fireEvent.click(within(banner).getByRole('button', { name: 'Preferences' }));
    const prefs = screen.getByRole('dialog', { name: 'Cookie-Einstellungen' });
    within(prefs).getByRole('switch', { name: 'Statistik' });
  });

  it('name the path of a bad value', () => {
    const bad = (de: unknown) => () => validate(demoConfig({ translations: { de: de as Translation } }));
    expect(bad({ categories: { analytics: { label: 1 } } })).toThrow(
      new ConsentGateConfigError('translations.de.categories.analytics.label must be a string (got number)'),
    );
    expect(bad({ categories: { analytics: { services: { hotjar: { description: null } } } } })).toThrow(
      'translations.de.categories.analytics.services.hotjar.description must be a string (got null)',
    );
    expect(bad({ categories: { analytics: { lable: 'Statistik' } } })).toThrow(
      'translations.de.categories.analytics.lable must be one of: label, description, services',
    );
    expect(bad({ categories: { analytics: 'Statistik' } })).toThrow(
      'translations.de.categories.analytics must be an object (got "Statistik")',
    );
    expect(bad({ url: 5 })).toThrow('translations.de.url must be a string (got number)');
  });

  it('a fetched file with a bad category text falls back to English, naming the path', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const file = { ...deUi, categories: { analytics: { description: ['x'] } } };
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(file)));
    cg.init(demoConfig({ language: 'de', translations: { de: '/bad/de-labels.json' } }));
    await screen.findByRole('dialog', { name: 'We use cookies' });
    expect(String(error.mock.calls[0][1])).toContain(
      'translations.de.categories.analytics.description must be a string (got an array)',
    );
  });
});

describe('the texts hash', () => {
  const config = demoConfig({ translations: { de: { ...deUi, categories: deCategories } } });

  it('covers the labels of the language shown, as the server rebuilds them with the same code', async () => {
    const s = validate(config);
    const browser = await hashTexts(s, textsFor(s, 'de'));
    const server = await textsShown(config, 'de');
    expect(server.hash).toBe(browser[1]);
    expect(server.shown).toContain('Statistik');
    expect(server.shown).toContain('Hotjar-Umfragen');
    // Another German label is another version of the texts.
    const relabelled = demoConfig({
      translations: { de: { ...deUi, categories: { ...deCategories, marketing: { label: 'Reklame' } } } },
    });
    expect((await textsShown(relabelled, 'de')).hash).not.toBe(server.hash);
    // English is what it always was: no labels of other languages in it.
    const english = validate(demoConfig());
    expect((await textsShown(config, 'en')).shown).toBe(shownText(english, textsFor(english, 'en')));
  });

  it('a translation by URL with labels beside it: the file from the server’s copy, the labels from the config', async () => {
    const byUrl = demoConfig({
      translations: { de: { url: '/dist/i18n/de.json', categories: deCategories } },
    });
    const s = validate(byUrl);
    const browser = await hashTexts(s, textsFor(s, 'de', deUi));
    const server = await textsShown(byUrl, 'de', { de: deUi });
    expect(server.hash).toBe(browser[1]);
    expect(server.shown).toContain('Wir verwenden Cookies');
    expect(server.shown).toContain('Statistik');
  });
});
