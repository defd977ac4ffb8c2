// The React recipe of docs/frameworks.md, run with React's own useSyncExternalStore, in StrictMode.
import { describe, expect, it, vi } from 'vitest';
import { createElement, StrictMode, useSyncExternalStore } from 'react';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { fireEvent, screen, within } from '@testing-library/dom';
import * as cg from 'consent-gate';
import { AnalyticsStatus, ConsentGate, useConsent } from './recipes/react';
import { decisionJSON, demoConfig, freshPage, setConsentCookie } from '../unit/helpers';

freshPage();
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Renders `element` into a fresh root; returns the root, to unmount. */
async function render(element: React.ReactElement): Promise<Root> {
  const container = document.body.appendChild(document.createElement('div'));
  const root = createRoot(container);
  await act(async () => root.render(element));
  return root;
}

const app = (config = demoConfig()) =>
  createElement(StrictMode, null, createElement(ConsentGate, { config }), createElement(AnalyticsStatus));

describe('React: useSyncExternalStore(subscribe, getConsentSnapshot)', () => {
  it('renders the decision and follows it, with init() twice under StrictMode harmless', async () => {
    let shown = 0;
    const count = () => shown++;
    addEventListener('consent-gate:banner:show', count);
    const root = await render(app());
    removeEventListener('consent-gate:banner:show', count);
    // StrictMode ran the effect twice: init, destroy, init; each init showed the banner.
    expect(shown).toBe(2);
    // One banner: the second init() came after destroy(), so it neither warned nor built a second one.
    expect(screen.getAllByRole('dialog', { name: 'We use cookies' })).toHaveLength(1);
    screen.getByText(/Analytics off/);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
    });
    screen.getByText(/Analytics on/);
    // The component's own button opens the preferences; a change there renders again.
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Cookie preferences' }));
    });
    const prefs = screen.getByRole('dialog', { name: 'Cookie preferences' });
    await act(async () => {
      fireEvent.click(within(prefs).getByRole('button', { name: 'Decline all' }));
    });
    screen.getByText(/Analytics off/);
    await act(async () => root.unmount());
    // Unmounted: destroy() ran, nothing of the UI is left.
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('a returning visitor: rendered with the stored decision, no banner, scripts run once', async () => {
    setConsentCookie(decisionJSON());
    const view = document.defaultView as unknown as { runs: number };
    view.runs = 0;
    const config = demoConfig();
    config.categories.analytics.services!['google-analytics'].scripts = [
      { inline: 'document.defaultView.runs++' },
    ];
    const root = await render(app(config));
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    screen.getByText(/Analytics on/);
    expect(screen.queryByRole('dialog')).toBeNull();
    // StrictMode's init, destroy, init ran the gated script once.
    expect(view.runs).toBe(1);
    await act(async () => root.unmount());
  });

  it('renders a bounded number of times: the snapshot is the same object until the decision changes', async () => {
    let renders = 0;
    function Counter() {
      renders++;
      const consent = useConsent();
      return createElement('p', null, consent ? 'decided' : 'undecided');
    }
    cg.init(demoConfig());
    const root = await render(createElement(Counter));
    const before = renders;
    // Unrelated work that reads the snapshot again does not render again.
    await act(async () => {
      cg.showBanner();
      cg.hideBanner();
    });
    expect(renders).toBe(before);
    await act(async () => cg.acceptAll());
    screen.getByText('decided');
    expect(renders).toBe(before + 1);
    await act(async () => root.unmount());
  });

  it('control: getConsent() (a new copy at every call) is no snapshot, and React says so', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    setConsentCookie(decisionJSON());
    cg.init(demoConfig());
    function Copies() {
      const consent = useSyncExternalStore(cg.subscribe, cg.getConsent);
      return createElement('p', null, consent ? 'decided' : 'undecided');
    }
    const root = await render(createElement(Copies)).catch((e) => e);
    expect(error.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(
      /The result of getSnapshot should be cached/,
    );
    if (root && 'unmount' in root) await act(async () => root.unmount());
  });
});
