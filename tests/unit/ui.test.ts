import { describe, expect, it, vi } from 'vitest';
import { screen, within, fireEvent } from '@testing-library/dom';
import * as cg from '../../src/index';
import { decisionJSON, demoConfig, freshPage, setConsentCookie, storedConsent } from './helpers';

freshPage();

const banner = () => screen.getByRole('dialog', { name: 'We use cookies' });
const prefs = () => screen.getByRole('dialog', { name: 'Cookie preferences' });
const click = (el: HTMLElement) => fireEvent.click(el);

describe('banner', () => {
  it('is a dialog named by its title and described by its text, with the contract buttons and link', () => {
    cg.init(demoConfig());
    const b = banner();
    expect(b.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(b.getAttribute('aria-describedby')!)!.textContent).toMatch(/cookies/);
    within(b).getByRole('button', { name: 'Accept all' });
    within(b).getByRole('button', { name: 'Decline all' });
    within(b).getByRole('button', { name: 'Preferences' });
    expect(within(b).getByRole('link', { name: 'Read more' }).getAttribute('href')).toBe('/privacy');
    // Placed first in the reading order.
    expect(document.body.firstElementChild!.contains(b)).toBe(true);
  });

  it('has no Read more link without a policyUrl', () => {
    cg.init(demoConfig({ policyUrl: undefined }));
    expect(within(banner()).queryByRole('link')).toBeNull();
  });

  it('Accept all records the decision and removes the banner', () => {
    cg.init(demoConfig());
    click(within(banner()).getByRole('button', { name: 'Accept all' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(storedConsent().categories).toEqual({ necessary: true, analytics: true, marketing: true });
    expect(screen.getByRole('status').textContent).toBe('Your choices have been saved.');
  });

  it('Decline all keeps only required categories', () => {
    cg.init(demoConfig());
    click(within(banner()).getByRole('button', { name: 'Decline all' }));
    expect(storedConsent().categories).toEqual({ necessary: true, analytics: false, marketing: false });
    expect(storedConsent().services).toEqual({ analytics: { 'google-analytics': false, hotjar: false } });
  });

  it('is not built at all for a returning visitor with a valid decision', () => {
    setConsentCookie(decisionJSON());
    cg.init(demoConfig());
    expect(document.body.children.length).toBe(0);
    expect(cg.isAccepted('analytics', 'google-analytics')).toBe(true);
  });

  it('takes texts from the config', () => {
    cg.init(demoConfig({ texts: { banner: { title: 'Cookie user preferences', acceptAll: 'OK' } } }));
    const b = screen.getByRole('dialog', { name: 'Cookie user preferences' });
    within(b).getByRole('button', { name: 'OK' });
  });

  it('shows texts as text, never as markup', () => {
    cg.init(demoConfig({ texts: { banner: { title: '<img src=x onerror="window.pwned=1">' } } }));
    expect(document.querySelector('img')).toBeNull();
    screen.getByRole('dialog', { name: '<img src=x onerror="window.pwned=1">' });
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
});

describe('preferences', () => {
  const open = () => {
    cg.init(demoConfig());
    const opener = within(banner()).getByRole('button', { name: 'Preferences' });
    opener.focus();
    click(opener);
    return opener;
  };

  it('is a modal dialog with a switch per category and an Accept/Decline group per service', () => {
    open();
    const p = prefs();
    expect(p.getAttribute('aria-modal')).toBe('true');
    const necessary = within(p).getByRole('switch', { name: 'Strictly necessary' }) as HTMLInputElement;
    expect(necessary.checked && necessary.disabled).toBe(true);
    const analytics = within(p).getByRole('switch', { name: 'Analytics' }) as HTMLInputElement;
    expect(analytics.checked).toBe(false);
    // Described by its category's description.
    expect(document.getElementById(analytics.getAttribute('aria-describedby')!)!.textContent).toBe(
      'Tools that measure how the site is used.',
    );
    const ga = within(p).getByRole('radiogroup', { name: 'Google Analytics' });
    // Nothing is pre-selected in favour of consent.
    expect((within(ga).getByRole('radio', { name: 'Accept' }) as HTMLInputElement).checked).toBe(false);
    for (const name of ['Accept all', 'Decline all', 'Save', 'Close'])
      within(p).getByRole('button', { name });
    // The page behind is inert, the banner (set aside: hidden) included; not the status region: an
    // inert live region is not heard.
    expect(document.querySelector('.cg-banner')!.closest('[inert][hidden]')).not.toBeNull();
    expect(document.querySelector('[role="status"]')!.closest('[inert]')).toBeNull();
    expect(document.activeElement).toBe(within(p).getByRole('button', { name: 'Close' }));
  });

  it('Save keeps one accepted service and closes preferences and banner', () => {
    open();
    const ga = within(prefs()).getByRole('radiogroup', { name: 'Google Analytics' });
    click(within(ga).getByRole('radio', { name: 'Accept' }));
    // Accepting one service turns its category on.
    expect((within(prefs()).getByRole('switch', { name: 'Analytics' }) as HTMLInputElement).checked).toBe(
      true,
    );
    click(within(prefs()).getByRole('button', { name: 'Save' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(cg.isAccepted('analytics', 'google-analytics')).toBe(true);
    expect(cg.isAccepted('analytics', 'hotjar')).toBe(false);
  });

  it('a category switch sets all its services', () => {
    open();
    const p = prefs();
    click(within(p).getByRole('switch', { name: 'Analytics' }));
    for (const name of ['Google Analytics', 'Hotjar']) {
      expect(
        (
          within(within(p).getByRole('radiogroup', { name })).getByRole('radio', {
            name: 'Accept',
          }) as HTMLInputElement
        ).checked,
      ).toBe(true);
    }
    // Declining the last accepted service turns the category off again.
    click(
      within(within(p).getByRole('radiogroup', { name: 'Google Analytics' })).getByRole('radio', {
        name: 'Decline',
      }),
    );
    click(
      within(within(p).getByRole('radiogroup', { name: 'Hotjar' })).getByRole('radio', { name: 'Decline' }),
    );
    expect((within(p).getByRole('switch', { name: 'Analytics' }) as HTMLInputElement).checked).toBe(false);
  });

  it('Escape closes without saving, the banner stays, focus returns to the opener', () => {
    const opener = open();
    fireEvent.keyDown(prefs(), { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Cookie preferences' })).toBeNull();
    expect(storedConsent()).toBeNull();
    banner();
    expect(document.activeElement).toBe(opener);
    expect(document.querySelector('[inert]')).toBeNull();
  });

  it('Tab wraps from the last control to the first and back', () => {
    open();
    const p = prefs();
    const close = within(p).getByRole('button', { name: 'Close' });
    const save = within(p).getByRole('button', { name: 'Save' });
    save.focus();
    fireEvent.keyDown(save, { key: 'Tab' });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(close, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(save);
  });

  it('shows the current decision when reopened', () => {
    setConsentCookie(decisionJSON());
    cg.init(demoConfig());
    cg.showPreferences();
    const p = prefs();
    expect((within(p).getByRole('switch', { name: 'Analytics' }) as HTMLInputElement).checked).toBe(true);
    expect(
      (
        within(within(p).getByRole('radiogroup', { name: 'Hotjar' })).getByRole('radio', {
          name: 'Decline',
        }) as HTMLInputElement
      ).checked,
    ).toBe(true);
    expect((within(p).getByRole('switch', { name: 'Marketing' }) as HTMLInputElement).checked).toBe(false);
  });

  it('opens from any element with data-cg-open="preferences"', () => {
    setConsentCookie(decisionJSON());
    document.body.innerHTML = '<footer><a href="#" data-cg-open="preferences">Cookie settings</a></footer>';
    cg.init(demoConfig());
    const link = screen.getByRole('link', { name: 'Cookie settings' });
    link.focus();
    click(link);
    click(within(prefs()).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(link);
  });

  it('Close does not save; Accept all inside the preferences does', () => {
    const spy = vi.fn();
    cg.on('consent', spy);
    open();
    click(within(prefs()).getByRole('button', { name: 'Close' }));
    expect(spy).not.toHaveBeenCalled();
    cg.showPreferences();
    click(within(prefs()).getByRole('button', { name: 'Accept all' }));
    expect(spy).toHaveBeenCalledOnce();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('Escape closes the preferences even after a click moved focus to the page body', () => {
    cg.init(demoConfig());
    cg.showPreferences();
    (document.activeElement as HTMLElement).blur();
    expect(document.activeElement).toBe(document.body);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Cookie preferences' })).toBeNull();
  });

  it('closing gives every part of the page back the inert it had, whatever page code did meanwhile', () => {
    document.body.innerHTML = '<main>Page</main><aside inert>Already inert</aside>';
    const [main, aside] = [document.querySelector('main')!, document.querySelector('aside')!];
    cg.init(demoConfig());
    cg.showPreferences();
    expect(main.hasAttribute('inert')).toBe(true);
    // Page code takes inert away while the dialog is open (or another dialog of the page does).
    main.removeAttribute('inert');
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(main.hasAttribute('inert')).toBe(false);
    expect(aside.hasAttribute('inert')).toBe(true);
    expect(banner().parentElement!.hasAttribute('inert')).toBe(false);
  });

  it('shows a translation-less service label in the preferences and the radio group works by name', () => {
    cg.init(demoConfig());
    cg.showPreferences();
    within(screen.getByRole('radiogroup', { name: 'Hotjar' })).getByRole('radio', { name: 'Decline' });
  });
});

describe('ui options', () => {
  it('puts layout, position and theme on the root as classes, and the language direction', () => {
    cg.init(demoConfig({ ui: { layout: 'box', position: 'top-left', theme: 'dark' } }));
    const root = banner().parentElement!;
    expect(root.className.split(' ').sort()).toEqual(['cg-box', 'cg-dark', 'cg-left', 'cg-root', 'cg-top']);
    expect(root.getAttribute('dir')).toBe('ltr');
    expect(banner().hasAttribute('aria-modal')).toBe(false);
    cg.showPreferences();
    expect(prefs().parentElement!.className).toContain('cg-dark');
  });

  it('destroy() before DOMContentLoaded leaves nothing to come: no banner, no status region', () => {
    // Loaded in <head> before <body> exists: the UI waits for DOMContentLoaded.
    const body = vi.spyOn(Document.prototype, 'body', 'get').mockReturnValue(null as never);
    cg.init(demoConfig());
    cg.destroy();
    body.mockRestore();
    document.dispatchEvent(new Event('DOMContentLoaded', { bubbles: true }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('has a status region, empty, from the moment the banner is shown', () => {
    cg.init(demoConfig());
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('');
    click(within(banner()).getByRole('button', { name: 'Accept all' }));
    expect(screen.getByRole('status')).toBe(status);
    expect(status.textContent).toBe('Your choices have been saved.');
  });

  it('blocking: a modal banner, the page inert behind it, Escape ignored, freed by a decision', () => {
    document.body.innerHTML = '<main><a href="/x">Page link</a></main>';
    cg.init(demoConfig({ ui: { blocking: true } }));
    const b = banner();
    expect(b.getAttribute('aria-modal')).toBe('true');
    expect(b.parentElement!.classList.contains('cg-block')).toBe(true);
    expect(document.querySelector('main')!.hasAttribute('inert')).toBe(true);
    expect(screen.getByRole('status').hasAttribute('inert')).toBe(false);
    expect(document.activeElement).toBe(within(b).getByRole('button', { name: 'Accept all' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(banner()).toBe(b);
    // Tab wraps between the first and the last control.
    const more = within(b).getByRole('link', { name: 'Read more' });
    more.focus();
    fireEvent.keyDown(more, { key: 'Tab' });
    expect(document.activeElement).toBe(within(b).getByRole('button', { name: 'Accept all' }));
    click(within(b).getByRole('button', { name: 'Decline all' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.querySelector('[inert]')).toBeNull();
  });
});
