// The hook points docs/tcf.md (IAB TCF, GPP and other consent tools) promises, driven the way its examples do.
import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/dom';
import { getConsent, hideBanner, init, isAccepted, on, update } from '../../src/index';
import { decisionJSON, demoConfig, freshPage, setConsentCookie } from './helpers';

freshPage();

type TCData = { eventStatus: string; purpose: { consents: Record<number, boolean> } };
type TCListener = (tcData: TCData, success: boolean) => void;

describe('hooks for a registered CMP', () => {
  it('a CMP that asks through __tcfapi drives the decision; consent-gate only gates', () => {
    // What a registered CMP exposes: addEventListener calls back now and on every later event.
    let listener: TCListener = () => {};
    const tcfapi = (cmd: string, version: number, cb: TCListener) => {
      expect([cmd, version]).toEqual(['addEventListener', 2]);
      listener = cb;
    };
    const consents = vi.fn();
    on('consent', consents);

    // The example of docs/tcf.md, as a site would run it.
    init(demoConfig());
    hideBanner();
    tcfapi('addEventListener', 2, (tcData, success) => {
      if (!success || !['tcloaded', 'useractioncomplete'].includes(tcData.eventStatus)) return;
      const p = tcData.purpose.consents;
      const want = { analytics: !!(p[1] && p[8]), marketing: !!(p[1] && p[3] && p[4]) };
      if (!getConsent() || Object.entries(want).some(([cat, v]) => isAccepted(cat) != v)) update(want);
    });

    expect(screen.queryByRole('dialog', { name: 'We use cookies' })).toBeNull();
    listener({ eventStatus: 'cmpuishown', purpose: { consents: {} } }, true);
    expect(getConsent()).toBeNull();
    expect(isAccepted('analytics')).toBe(false);

    listener({ eventStatus: 'useractioncomplete', purpose: { consents: { 1: true, 8: true } } }, true);
    expect(getConsent()!.categories).toEqual({ necessary: true, analytics: true, marketing: false });
    expect(isAccepted('analytics', 'google-analytics')).toBe(true);
    expect(consents).toHaveBeenCalledOnce();

    // tcloaded repeats the same choices: no second decision is recorded.
    listener({ eventStatus: 'tcloaded', purpose: { consents: { 1: true, 8: true } } }, true);
    expect(consents).toHaveBeenCalledOnce();

    listener(
      { eventStatus: 'useractioncomplete', purpose: { consents: { 1: true, 3: true, 4: true } } },
      true,
    );
    expect(getConsent()!.categories).toEqual({ necessary: true, analytics: false, marketing: true });
    expect(consents).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('dialog', { name: 'We use cookies' })).toBeNull();
  });

  it('the load-time consent event reaches a window listener added before init, not one added after', () => {
    setConsentCookie(decisionJSON());
    const before = vi.fn();
    const after = vi.fn();
    const take = (fn: typeof before) => (e: Event) => fn((e as CustomEvent).detail);
    const early = take(before);
    const late = take(after);
    addEventListener('consent-gate:consent', early);
    init(demoConfig());
    addEventListener('consent-gate:consent', late);
    expect(before).toHaveBeenCalledOnce();
    expect(before.mock.calls[0][0].services.analytics).toEqual({ 'google-analytics': true, hotjar: false });
    expect(after).not.toHaveBeenCalled();
    // Which is why late code reads the decision first.
    expect(getConsent()!.categories.analytics).toBe(true);
    removeEventListener('consent-gate:consent', early);
    removeEventListener('consent-gate:consent', late);
  });
});
