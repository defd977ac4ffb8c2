// The core side of the integrations issue: add-ons, opt-out mode at init, cross-tab sync, the consent
// log and Consent Mode options. The browser suite covers the same in Chromium; these pin the logic.
import { describe, expect, it, vi } from 'vitest';
import * as cg from '../../src/index';
import { consentLog } from '../../src/consent-log';
import type { AddonHost } from '../../src/types';
import { decisionJSON, demoConfig, freshPage, setConsentCookie } from './helpers';

freshPage();

describe('add-ons: use()', () => {
  it('starts an add-on at init with the host, at once when init already ran, and stops it at destroy', () => {
    const stop = vi.fn();
    const addon = vi.fn((_host: AddonHost) => stop);
    const remove = cg.use(addon);
    cg.use(addon); // the same one twice counts once
    expect(addon).not.toHaveBeenCalled();
    cg.init(demoConfig());
    expect(addon).toHaveBeenCalledOnce();
    const host = addon.mock.calls[0][0];
    expect(host.categories.analytics.services['google-analytics'].label).toBe('Google Analytics');
    expect(host.texts().embed.load).toBe('Load {service}');
    expect(host.isAccepted('analytics')).toBe(false);
    host.update({ analytics: { hotjar: true } });
    expect(cg.isAccepted('analytics', 'hotjar')).toBe(true);
    expect(cg.isAccepted('analytics', 'google-analytics')).toBe(false);

    cg.destroy();
    expect(stop).toHaveBeenCalledOnce();
    cg.init(demoConfig());
    expect(addon).toHaveBeenCalledTimes(2);
    remove();
    cg.destroy();
    cg.init(demoConfig());
    expect(addon).toHaveBeenCalledTimes(2);

    const late = vi.fn();
    const removeLate = cg.use(late);
    expect(late).toHaveBeenCalledOnce();
    removeLate();
  });

  it('a failing add-on is reported and init goes on', () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    const remove = cg.use(() => {
      throw new Error('add-on bug');
    });
    cg.init(demoConfig());
    expect(err).toHaveBeenCalledWith('consent-gate: an add-on failed to start', expect.any(Error));
    expect(document.querySelector('[role="dialog"]')).not.toBeNull();
    remove();
  });

  it('starts add-ons before gated scripts run, with the stored decision already read', () => {
    setConsentCookie(decisionJSON());
    const seen: boolean[] = [];
    const onAccept = vi.fn(() => seen.push(true));
    const remove = cg.use(
      (host) => void seen.push(host.isAccepted('analytics') && !onAccept.mock.calls.length),
    );
    const config = demoConfig();
    config.categories.analytics.services!['google-analytics'].onAccept = onAccept;
    cg.init(config);
    expect(seen).toEqual([true, true]);
    remove();
  });
});

describe('opt-out mode at init', () => {
  const optOut = (gpc = false) => {
    const config = demoConfig({ mode: 'opt-out' });
    config.categories.analytics.default = true;
    config.categories.marketing = {
      label: 'Marketing',
      default: true,
      gpc,
      services: { ads: { label: 'Ads', onAccept: vi.fn() } },
    };
    return config;
  };

  it('runs default categories before a decision, still asks, and stores nothing', () => {
    const config = optOut();
    const ga = vi.fn();
    const reject = vi.fn();
    Object.assign(config.categories.analytics.services!['google-analytics'], {
      onAccept: ga,
      onReject: reject,
    });
    cg.init(config);
    expect(ga).toHaveBeenCalledOnce();
    expect(config.categories.marketing.services!.ads.onAccept).toHaveBeenCalledOnce();
    expect(cg.getConsent()).toBeNull();
    expect(document.cookie).not.toContain('cg_consent');
    expect(document.querySelector('[role="dialog"]')).not.toBeNull();
    // Declining later: onReject for what was running, no second onAccept.
    expect(reject).not.toHaveBeenCalled();
    cg.update({ analytics: false });
    expect(reject).toHaveBeenCalledOnce();
    expect(ga).toHaveBeenCalledOnce();
    expect(cg.getConsent()!.categories).toEqual({ necessary: true, analytics: false, marketing: true });
  });

  it('keeps a gpc category off by default under a GPC signal', () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    const config = optOut(true);
    cg.init(config);
    delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    expect(cg.isAccepted('analytics')).toBe(true);
    expect(cg.isAccepted('marketing')).toBe(false);
    expect(config.categories.marketing.services!.ads.onAccept).not.toHaveBeenCalled();
  });

  it('runs the services of a required category before a decision in opt-in mode too', () => {
    const onAccept = vi.fn();
    cg.init(
      demoConfig({
        categories: {
          necessary: { label: 'Necessary', required: true, services: { csrf: { label: 'CSRF', onAccept } } },
          analytics: { label: 'Analytics' },
        },
      }),
    );
    expect(onAccept).toHaveBeenCalledOnce();
  });
});

describe('cross-tab', () => {
  const later = (ms: number) => new Date(Date.now() + ms).toISOString();

  it('takes over a newer valid decision from the cookie when the tab is shown again, firing its own events', () => {
    cg.init(demoConfig());
    const consent = vi.fn();
    const change = vi.fn();
    cg.on('consent', consent);
    cg.on('change', change);
    // Another tab decided: only the cookie tells.
    setConsentCookie(decisionJSON());
    document.dispatchEvent(new Event('visibilitychange'));
    expect(cg.isAccepted('analytics')).toBe(true);
    expect(document.querySelector('[role="dialog"]')).toBeNull();
    expect(consent).toHaveBeenCalledOnce();
    expect(change).toHaveBeenCalledOnce();

    // Restored from the back/forward cache, nothing new: nothing happens.
    const restored = () => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    restored();
    expect(consent).toHaveBeenCalledOnce();

    // A later decision declining analytics: a plain page show (a fresh load, which init read) is not
    // looked at; a page restored from the cache is.
    setConsentCookie(
      decisionJSON({
        updatedAt: later(1000),
        categories: { necessary: true, analytics: false, marketing: false },
      }),
    );
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }));
    expect(cg.isAccepted('analytics')).toBe(true);
    restored();
    expect(cg.isAccepted('analytics')).toBe(false);
    expect(change).toHaveBeenCalledTimes(2);
    expect(change.mock.calls[1][1].categories).toEqual(['analytics']);
  });

  it('takes its own decisions, first and later ones, GPC or not, for nothing new when the tab is shown again', () => {
    for (const gpc of [false, true]) {
      if (gpc) Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
      cg.init(
        demoConfig({
          categories: {
            necessary: { label: 'N', required: true },
            analytics: { label: 'A', gpc: true, services: { ga: { label: 'GA' } } },
          },
        }),
      );
      const consent = vi.fn();
      cg.on('consent', consent);
      cg.acceptAll();
      cg.update({ analytics: { ga: false } });
      expect(consent).toHaveBeenCalledTimes(2);
      document.dispatchEvent(new Event('visibilitychange'));
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      expect(consent).toHaveBeenCalledTimes(2);
      cg.destroy();
      delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
      document.cookie = 'cg_consent=; max-age=0; path=/';
    }
  });

  it('ignores a tampered or missing cookie: the decision in force stays', () => {
    cg.init(demoConfig());
    cg.acceptAll();
    setConsentCookie('{"id":"x","categories":{"analytics":false}}');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(cg.isAccepted('analytics')).toBe(true);
  });
});

describe('consent log', () => {
  it('is an add-on: without it, consentLog sends nothing and the first decision says what is missing', async () => {
    const beacon = vi.fn((_url: string, _body: string) => true);
    Object.defineProperty(navigator, 'sendBeacon', { value: beacon, configurable: true });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    cg.init(demoConfig({ consentLog: { url: '/log' } }));
    cg.acceptAll();
    cg.rejectAll();
    await new Promise((r) => setTimeout(r, 20));
    expect(beacon).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0][0]).toMatch(/consentLog needs the consent-log add-on/);
    warn.mockRestore();
    delete (navigator as { sendBeacon?: unknown }).sendBeacon;
  });

  it('the add-on without consentLog in the config says so and does nothing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const off = cg.use(consentLog);
    cg.init(demoConfig());
    expect(warn.mock.calls[0][0]).toMatch(/consent log add-on needs consentLog: \{ url \}/);
    cg.acceptAll();
    off();
    warn.mockRestore();
  });

  it('sends each decision, not a load with a stored one, as text with a SHA-256 of the texts', async () => {
    const off = cg.use(consentLog);
    const beacon = vi.fn((_url: string, _body: string) => true);
    Object.defineProperty(navigator, 'sendBeacon', { value: beacon, configurable: true });
    setConsentCookie(decisionJSON());
    cg.init(demoConfig({ consentLog: { url: '/log' } }));
    await new Promise((r) => setTimeout(r, 20));
    expect(beacon).not.toHaveBeenCalled();

    cg.rejectAll();
    await vi.waitFor(() => expect(beacon).toHaveBeenCalledOnce());
    const [url, body] = beacon.mock.calls[0];
    expect(url).toBe('/log');
    expect(typeof body).toBe('string');
    expect(JSON.parse(body)).toEqual({
      consent: cg.getConsent(),
      revision: 0,
      language: 'en',
      url: location.href,
      userAgent: navigator.userAgent,
      gpc: false,
      textsHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      hashAlgorithm: 'SHA-256',
    });
    off();
    delete (navigator as { sendBeacon?: unknown }).sendBeacon;
  });

  it('the fingerprint follows the texts and labels, not the scripts or cookies', async () => {
    const off = cg.use(consentLog);
    const beacon = vi.fn((_url: string, _body: string) => true);
    Object.defineProperty(navigator, 'sendBeacon', { value: beacon, configurable: true });
    const hashOf = async (config: ReturnType<typeof demoConfig>) => {
      beacon.mockClear();
      cg.init({ ...config, consentLog: { url: '/log' } });
      cg.acceptAll();
      await vi.waitFor(() => expect(beacon).toHaveBeenCalledOnce());
      cg.destroy();
      return JSON.parse(beacon.mock.calls[0][1]).textsHash;
    };
    const base = await hashOf(demoConfig());
    const other = demoConfig();
    other.categories.analytics.services!['google-analytics'].cookies = ['_other'];
    expect(await hashOf(other)).toBe(base);
    const relabelled = demoConfig();
    relabelled.categories.analytics.label = 'Statistics';
    expect(await hashOf(relabelled)).not.toBe(base);
    expect(await hashOf(demoConfig({ texts: { banner: { title: 'Cookies?' } } }))).not.toBe(base);
    off();
    delete (navigator as { sendBeacon?: unknown }).sendBeacon;
  });
});

describe('Google Consent Mode options', () => {
  it('pushes the set commands right after the default, and no wait_for_update when it is 0', () => {
    const w = window as unknown as { dataLayer: IArguments[] };
    w.dataLayer = [];
    cg.init(
      demoConfig({
        googleConsentMode: {
          analytics_storage: 'analytics',
          urlPassthrough: true,
          adsDataRedaction: true,
          waitForUpdate: 0,
        },
      }),
    );
    cg.acceptAll();
    expect(w.dataLayer.map((a) => [...a])).toEqual([
      ['consent', 'default', { analytics_storage: 'denied' }],
      ['set', 'ads_data_redaction', true],
      ['set', 'url_passthrough', true],
      ['consent', 'update', { analytics_storage: 'granted' }],
    ]);
    expect(w.dataLayer.every((a) => Object.prototype.toString.call(a) == '[object Arguments]')).toBe(true);
  });
});
