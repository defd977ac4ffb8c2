import { useEffect, useSyncExternalStore } from 'react';
import { destroy, getConsentSnapshot, init, showPreferences, subscribe, type Config } from 'consent-gate';

/** The visitor's decision, or null before one; the component renders again when it changes. */
export function useConsent() {
  // The third argument is the snapshot for server rendering: no decision is known there.
  return useSyncExternalStore(subscribe, getConsentSnapshot, () => null);
}

/** Starts consent-gate once, at the top of the app. */
export function ConsentGate({ config }: { config: Config }) {
  // StrictMode runs this twice in development (mount, unmount, mount): destroy() makes the
  // second init() a fresh start, and no gated script runs twice.
  useEffect(() => {
    init(config);
    return destroy;
  }, [config]);
  return null;
}

export function AnalyticsStatus() {
  const consent = useConsent();
  return (
    <p>
      Analytics {consent?.categories.analytics ? 'on' : 'off'}{' '}
      <button onClick={showPreferences}>Cookie preferences</button>
    </p>
  );
}
