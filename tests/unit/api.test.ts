import { describe, expect, it, vi } from 'vitest';
import { screen, within, fireEvent } from '@testing-library/dom';
import * as cg from '../../src/index';
import { validate } from '../../src/config/validate';
import { readConsent } from '../../src/storage/cookies';
import { decisionJSON, demoConfig, freshPage, setConsentCookie, storedConsent } from './helpers';

freshPage();

describe('events', () => {
  it('consent and change fire through on(), config callbacks and window CustomEvents', () => {
    const onConsent = vi.fn();
    const onChange = vi.fn();
    const seen: string[] = [];
    const listener = (e: Event) =>
      seen.push(e.type + ':' + JSON.stringify((e as CustomEvent).detail.categories));
    window.addEventListener('consent-gate:consent', listener);
    window.addEventListener('consent-gate:change', listener);
    const viaOn = vi.fn();
    const off = cg.on('change', viaOn);
    cg.init(demoConfig({ onConsent, onChange }));
    cg.rejectAll();
    expect(onConsent).toHaveBeenCalledOnce();
    expect(onChange.mock.calls[0][1]).toEqual({
      categories: ['necessary', 'analytics', 'marketing'],
      services: { analytics: ['google-analytics', 'hotjar'] },
    });
    expect(seen).toEqual([
      'consent-gate:consent:{"necessary":true,"analytics":false,"marketing":false}',
      'consent-gate:change:{"necessary":true,"analytics":false,"marketing":false}',
    ]);
    // The same decision again: consent fires, change does not.
    cg.rejectAll();
    expect(onConsent).toHaveBeenCalledTimes(2);
    expect(onChange).toHaveBeenCalledOnce();
    off();
    cg.update({ marketing: true });
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(onChange.mock.calls[1][1]).toEqual({ categories: ['marketing'], services: {} });
    expect(viaOn).toHaveBeenCalledOnce();
    window.removeEventListener('consent-gate:consent', listener);
    window.removeEventListener('consent-gate:change', listener);
  });

  it('a page load with a stored decision fires consent once and change never', () => {
    setConsentCookie(decisionJSON());
    const onConsent = vi.fn();
    const onChange = vi.fn();
    cg.init(demoConfig({ onConsent, onChange }));
    expect(onConsent).toHaveBeenCalledOnce();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('banner and preferences events fire on show and hide', () => {
    const seen: string[] = [];
    for (const e of ['banner:show', 'banner:hide', 'preferences:show', 'preferences:hide'] as const)
      cg.on(e, () => seen.push(e));
    cg.init(demoConfig());
    cg.showPreferences();
    cg.hidePreferences();
    cg.acceptAll();
    expect(seen).toEqual(['banner:show', 'preferences:show', 'preferences:hide', 'banner:hide']);
  });

  it('an error in a site callback does not stop the decision', () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    cg.init(
      demoConfig({
        onConsent: () => {
          throw new Error('site bug');
        },
      }),
    );
    cg.acceptAll();
    expect(storedConsent()).not.toBeNull();
    expect(err).toHaveBeenCalledWith('consent-gate: a callback threw', expect.any(Error));
  });

  it('on() with a handler that is no function, or an event that does not exist, says so at once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const err = vi.spyOn(console, 'error');
    const off = cg.on('consent', 5 as never);
    cg.on('consnet' as never, () => {});
    expect(warn.mock.calls.map((c) => c[0])).toEqual([
      'consent-gate: on("consent", …): the handler must be a function (got number)',
      'consent-gate: on("consnet"): no such event; the events are consent, change, banner:show, banner:hide, preferences:show, preferences:hide',
    ]);
    expect(off).not.toThrow();
    // Nothing registered: nothing fails later.
    cg.init(demoConfig());
    cg.acceptAll();
    expect(err).not.toHaveBeenCalled();
  });

  it('the consent-gate:change window event carries the changes, as on("change") does', () => {
    const fromOn = vi.fn();
    const fromWindow: unknown[] = [];
    const listener = (e: Event) => fromWindow.push((e as Event & { changes: unknown }).changes);
    addEventListener('consent-gate:change', listener);
    try {
      cg.on('change', fromOn);
      cg.init(demoConfig());
      cg.rejectAll();
      cg.update({ analytics: { hotjar: true } });
      expect(fromWindow).toEqual([fromOn.mock.calls[0][1], fromOn.mock.calls[1][1]]);
      expect(fromWindow[1]).toEqual({ categories: ['analytics'], services: { analytics: ['hotjar'] } });
    } finally {
      removeEventListener('consent-gate:change', listener);
    }
  });

  it('an unsubscribe function still works after destroy()', () => {
    const off = cg.on('change', () => {});
    cg.destroy();
    expect(off).not.toThrow();
  });
});

describe('API', () => {
  it('getConsent returns null before a decision and a copy after', () => {
    cg.init(demoConfig());
    expect(cg.getConsent()).toBeNull();
    cg.acceptAll();
    const c = cg.getConsent()!;
    c.categories.marketing = false;
    expect(cg.isAccepted('marketing')).toBe(true);
  });

  it('writes the contract cookie: id, revision, times, categories, services', () => {
    cg.init(demoConfig({ revision: 3 }));
    cg.update({ analytics: { hotjar: true } });
    const c = storedConsent();
    expect(Object.keys(c)).toEqual(['id', 'revision', 'givenAt', 'updatedAt', 'categories', 'services']);
    expect(c.revision).toBe(3);
    expect(c.givenAt).toBe(c.updatedAt);
    expect(c.categories).toEqual({ necessary: true, analytics: true, marketing: false });
    expect(c.services.analytics).toEqual({ 'google-analytics': false, hotjar: true });
  });

  it('a raised revision asks again', () => {
    setConsentCookie(decisionJSON());
    cg.init(demoConfig({ revision: 1 }));
    screen.getByRole('dialog', { name: 'We use cookies' });
    expect(cg.isAccepted('analytics')).toBe(false);
  });

  it('a second init without destroy is ignored with a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    cg.init(demoConfig());
    cg.init(demoConfig());
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
    expect(warn.mock.calls[0][0]).toMatch(/init\(\) called again without destroy\(\): ignored/);
  });

  it('reset forgets the decision and shows the banner; destroy removes everything', () => {
    setConsentCookie(decisionJSON());
    cg.init(demoConfig());
    cg.reset();
    expect(storedConsent()).toBeNull();
    expect(cg.getConsent()).toBeNull();
    screen.getByRole('dialog', { name: 'We use cookies' });
    cg.destroy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(cg.isAccepted('analytics')).toBe(false);
    cg.init(demoConfig());
    screen.getByRole('dialog', { name: 'We use cookies' });
  });

  it('API calls before init warn instead of throwing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    cg.acceptAll();
    expect(warn).toHaveBeenCalledWith('consent-gate: acceptAll() needs init() first');
    expect(cg.getConsent()).toBeNull();
  });

  it('Google Consent Mode: default before anything, update after a decision, as arguments objects', () => {
    const w = window as unknown as { dataLayer: IArguments[] };
    w.dataLayer = [];
    cg.init(demoConfig({ googleConsentMode: true }));
    cg.update({ analytics: true });
    const calls = w.dataLayer.map((a) => [...a]);
    expect(Object.prototype.toString.call(w.dataLayer[0])).toBe('[object Arguments]');
    expect(calls[0]).toEqual([
      'consent',
      'default',
      expect.objectContaining({
        analytics_storage: 'denied',
        ad_storage: 'denied',
        security_storage: 'granted',
        wait_for_update: 500,
      }),
    ]);
    expect(calls[1]).toEqual([
      'consent',
      'update',
      expect.objectContaining({ analytics_storage: 'granted', ad_storage: 'denied' }),
    ]);
  });
});

describe('getConsentSnapshot() and subscribe()', () => {
  it('the snapshot is one frozen object until the decision changes; getConsent() still gives copies', () => {
    expect(cg.getConsentSnapshot()).toBeNull();
    cg.init(demoConfig());
    expect(cg.getConsentSnapshot()).toBeNull();
    cg.update({ analytics: { hotjar: true } });
    const first = cg.getConsentSnapshot()!;
    expect(cg.getConsentSnapshot()).toBe(first);
    expect(first.services.analytics).toEqual({ 'google-analytics': false, hotjar: true });
    // Frozen all the way down: the decision in force cannot be changed through it.
    for (const part of [first, first.categories, first.services, first.services.analytics])
      expect(Object.isFrozen(part)).toBe(true);
    expect(() => ((first.categories as Record<string, boolean>).marketing = true)).toThrow(TypeError);
    expect(cg.isAccepted('marketing')).toBe(false);
    expect(cg.getConsent()).toEqual(first);
    expect(cg.getConsent()).not.toBe(cg.getConsent());
    cg.acceptAll();
    const second = cg.getConsentSnapshot()!;
    expect(second).not.toBe(first);
    expect(second.categories.marketing).toBe(true);
    cg.reset();
    expect(cg.getConsentSnapshot()).toBeNull();
  });

  it('subscribe() calls back at once and at each change: decisions, reset, init and destroy', () => {
    setConsentCookie(decisionJSON());
    const heard: unknown[] = [];
    const off = cg.subscribe((consent) => heard.push(consent && consent.categories.analytics));
    // Before init: no decision known.
    expect(heard).toEqual([null]);
    cg.init(demoConfig());
    expect(heard).toEqual([null, true]);
    // The same decision again changes nothing: nobody is called.
    cg.showBanner();
    cg.hideBanner();
    expect(heard).toEqual([null, true]);
    cg.rejectAll();
    cg.reset();
    expect(heard).toEqual([null, true, false, null]);
    cg.acceptAll();
    cg.destroy();
    expect(heard).toEqual([null, true, false, null, true, null]);
    // A subscription lasts across destroy() and init().
    cg.init(demoConfig());
    expect(heard).toEqual([null, true, false, null, true, null, true]);
    off();
    cg.rejectAll();
    expect(heard).toHaveLength(7);
  });

  it('each subscription is its own: the same listener twice hears twice, and stops one at a time', () => {
    cg.init(demoConfig());
    const listener = vi.fn();
    const offFirst = cg.subscribe(listener);
    cg.subscribe(listener);
    listener.mockClear();
    cg.acceptAll();
    expect(listener).toHaveBeenCalledTimes(2);
    offFirst();
    cg.rejectAll();
    expect(listener).toHaveBeenCalledTimes(3);
    expect(listener).toHaveBeenLastCalledWith(cg.getConsentSnapshot());
  });

  it('a decision taken over from another tab reaches subscribers too', () => {
    cg.init(demoConfig());
    const listener = vi.fn();
    cg.subscribe(listener);
    setConsentCookie(decisionJSON());
    document.dispatchEvent(new Event('visibilitychange'));
    expect(listener).toHaveBeenLastCalledWith(expect.objectContaining({ id: JSON.parse(decisionJSON()).id }));
  });

  it('subscribe() with something that is no function says so and keeps nothing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const off = cg.subscribe(42 as never);
    expect(warn).toHaveBeenCalledWith(
      'consent-gate: subscribe(): the listener must be a function (got number)',
    );
    expect(off).not.toThrow();
    cg.init(demoConfig());
    cg.acceptAll();
  });
});

describe('update()', () => {
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

  it('update() with something other than an object decides nothing and warns', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    cg.init(demoConfig());
    for (const bad of [true, 1, 'analytics', () => 0, null]) (cg.update as (x: unknown) => void)(bad);
    expect(cg.getConsent()).toBeNull();
    expect(cg.isAccepted('analytics')).toBe(false);
    expect(warn).toHaveBeenCalledWith('consent-gate: update() takes an object');
    screen.getByRole('dialog', { name: 'We use cookies' });
  });
});

describe('the cookie jar', () => {
  it('of duplicate consent cookies (host and parent domain) takes the newest valid one, in either order', () => {
    const s = validate(demoConfig());
    const day = new Date(Date.now() - 864e5).toISOString();
    const older = encodeURIComponent(decisionJSON({ updatedAt: day, givenAt: day }));
    const newer = encodeURIComponent(
      decisionJSON({ categories: { necessary: true, analytics: false, marketing: false } }),
    );
    const jar = vi.spyOn(Document.prototype, 'cookie', 'get');
    // document.cookie lists both copies; which comes first depends on their paths and ages.
    jar.mockReturnValue(`a=1; cg_consent=${older}; cg_consent=${newer}`);
    expect(readConsent(s)?.categories.analytics).toBe(false);
    jar.mockReturnValue(`cg_consent=${newer}; cg_consent=${older}`);
    expect(readConsent(s)?.categories.analytics).toBe(false);
    // A tampered copy beside a valid one is passed over; two tampered ones are no decision.
    jar.mockReturnValue(`cg_consent=%E0%A4%A; cg_consent=${older}`);
    expect(readConsent(s)?.categories.analytics).toBe(true);
    jar.mockReturnValue('cg_consent={"id":1}; cg_consent=garbage');
    expect(readConsent(s)).toBeNull();
  });

  it('with cookies refused, the decision still holds for the page', () => {
    const desc = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
    vi.spyOn(Document.prototype, 'cookie', 'set').mockImplementation(() => {});
    vi.spyOn(Document.prototype, 'cookie', 'get').mockImplementation(function (this: Document) {
      return desc.get!.call(this);
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    cg.init(demoConfig());
    cg.acceptAll();
    expect(cg.isAccepted('analytics')).toBe(true);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /the decision could not be stored: cookies blocked, or cookie\.domain\/sameSite refused/,
      ),
    );
  });

  it('where document.cookie throws (a sandboxed frame), asks, decides, declines and resets without an exception', () => {
    const denied = () => {
      throw new DOMException(
        'The document is sandboxed and lacks the allow-same-origin flag.',
        'SecurityError',
      );
    };
    vi.spyOn(Document.prototype, 'cookie', 'get').mockImplementation(denied);
    vi.spyOn(Document.prototype, 'cookie', 'set').mockImplementation(denied);
    cg.init(demoConfig());
    expect(screen.getByRole('dialog', { name: 'We use cookies' })).toBeTruthy();
    cg.acceptAll();
    expect(cg.isAccepted('analytics', 'google-analytics')).toBe(true);
    cg.rejectAll(); // deletes the declined services' cookies: none can be read
    expect(cg.isAccepted('analytics')).toBe(false);
    cg.reset();
    expect(cg.getConsent()).toBeNull();
    expect(screen.getByRole('dialog', { name: 'We use cookies' })).toBeTruthy();
  });
});

// Last in the file: the decision it makes may not be stored, and the warning that says so is given once per page.
describe('keys on Object.prototype', () => {
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
});
