// The Svelte recipe of docs/frameworks.md: `{ subscribe }` as a store, `$consent` in a component.
import { describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import { derived, get } from 'svelte/store';
import { fireEvent, screen } from '@testing-library/dom';
import * as cg from 'consent-gate';
import AnalyticsStatus from './recipes/AnalyticsStatus.svelte';
import { consent } from './recipes/consent-store';
import { decisionJSON, demoConfig, freshPage, setConsentCookie } from '../unit/helpers';

freshPage();

describe('Svelte: { subscribe } is a store', () => {
  it('$consent shows the decision and follows it; unmounting destroys', () => {
    const component = mount(AnalyticsStatus, {
      target: document.body.appendChild(document.createElement('div')),
      props: { config: demoConfig() },
    });
    flushSync();
    screen.getByText(/Analytics off/);
    fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
    flushSync();
    screen.getByText(/Analytics on/);
    fireEvent.click(screen.getByRole('button', { name: 'Cookie preferences' }));
    screen.getByRole('dialog', { name: 'Cookie preferences' });
    unmount(component);
    flushSync();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('get() and derived() read it as Svelte reads any store', () => {
    const analytics = derived(consent, ($consent) => !!$consent?.categories.analytics);
    const seen: boolean[] = [];
    const stop = analytics.subscribe((on) => seen.push(on));
    expect(get(consent)).toBeNull();
    setConsentCookie(decisionJSON());
    cg.init(demoConfig());
    expect(get(consent)?.categories.analytics).toBe(true);
    cg.rejectAll();
    stop();
    expect(seen).toEqual([false, true, false]);
  });
});
