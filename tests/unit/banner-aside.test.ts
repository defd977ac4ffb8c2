// The banner is set aside while the preferences are open (issue 13), not left dimmed behind them: it
// comes back, with focus on the control that opened the preferences, when they close without a
// decision; a decision made in the preferences takes it away for good.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/dom';
import * as cg from '../../src/index';
import { EN } from '../../src/config/texts';
import { demoConfig, freshPage, storedConsent } from './helpers';

freshPage();

const banner = () => screen.queryByRole('dialog', { name: 'We use cookies' });
const prefs = () => screen.getByRole('dialog', { name: 'Cookie preferences' });
const bannerRoot = () => document.querySelector<HTMLElement>('.cg-root:has(> .cg-banner)');

/** A first visit, the preferences opened from the banner's Preferences button (focused, as a click or Enter does). */
function openFromBanner(config = demoConfig()) {
  cg.init(config);
  const button = within(banner()!).getByRole('button', { name: 'Preferences' });
  button.focus();
  fireEvent.click(button);
  prefs();
  return button;
}

describe('the banner while the preferences are open', () => {
  for (const blocking of [false, true]) {
    describe(blocking ? 'blocking banner' : 'non-blocking banner', () => {
      const config = () => demoConfig({ ui: { blocking } });

      it('is hidden, and back with focus on its Preferences button after Escape', () => {
        const button = openFromBanner(config());
        expect(banner()).toBeNull();
        expect(bannerRoot()!.hidden).toBe(true);
        // Focus is inside the preferences, not on the hidden banner.
        expect(prefs().contains(document.activeElement)).toBe(true);

        fireEvent.keyDown(prefs(), { key: 'Escape' });
        expect(screen.queryByRole('dialog', { name: 'Cookie preferences' })).toBeNull();
        expect(banner()).not.toBeNull();
        expect(bannerRoot()!.hidden).toBe(false);
        expect(document.activeElement).toBe(button);
        expect(storedConsent()).toBeNull();
      });

      it('is back after Close, and opens the preferences again', () => {
        openFromBanner(config());
        fireEvent.click(within(prefs()).getByRole('button', { name: 'Close' }));
        fireEvent.click(within(banner()!).getByRole('button', { name: 'Preferences' }));
        expect(banner()).toBeNull();
        prefs();
      });

      it('stays gone after a decision in the preferences, with no banner:show on the way', () => {
        const events: string[] = [];
        for (const name of ['banner:show', 'banner:hide', 'preferences:hide'] as const)
          cg.on(name, () => events.push(name));
        openFromBanner(config());
        events.length = 0;
        fireEvent.click(within(prefs()).getByRole('button', { name: 'Save' }));
        expect(screen.queryByRole('dialog')).toBeNull();
        expect(bannerRoot()).toBeNull();
        expect(storedConsent().categories.analytics).toBe(false);
        expect(events).toEqual(['banner:hide', 'preferences:hide']);
        expect(document.querySelector('[inert]')).toBeNull();
      });
    });
  }

  it('opened from a page link: the banner comes back and focus goes back to the link', () => {
    document.body.innerHTML =
      '<footer><a href="#" data-cg-open="preferences">Cookie preferences</a></footer>';
    cg.init(demoConfig());
    const link = screen.getByRole('link', { name: 'Cookie preferences' });
    link.focus();
    fireEvent.click(link);
    expect(banner()).toBeNull();
    fireEvent.keyDown(prefs(), { key: 'Escape' });
    expect(banner()).not.toBeNull();
    expect(document.activeElement).toBe(link);
  });

  it('a banner asked for while the preferences are open waits behind them', () => {
    cg.init(demoConfig());
    cg.hideBanner();
    cg.showPreferences();
    cg.showBanner();
    expect(banner()).toBeNull();
    cg.hidePreferences();
    expect(banner()).not.toBeNull();
  });

  it('a language switch with both open keeps the banner aside', async () => {
    const de = {
      ...EN,
      banner: { ...EN.banner, title: 'Wir verwenden Cookies' },
      preferences: { ...EN.preferences, title: 'Cookie-Einstellungen' },
    };
    openFromBanner(demoConfig({ translations: { de } }));
    await cg.setLanguage('de');
    screen.getByRole('dialog', { name: 'Cookie-Einstellungen' });
    expect(screen.queryByRole('dialog', { name: 'Wir verwenden Cookies' })).toBeNull();
    cg.hidePreferences();
    screen.getByRole('dialog', { name: 'Wir verwenden Cookies' });
  });
});
