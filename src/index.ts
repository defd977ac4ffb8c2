/**
 * consent-gate: a small, accessible cookie consent manager.
 * @packageDocumentation
 */
export {
  init,
  getConsent,
  getConsentSnapshot,
  subscribe,
  isAccepted,
  acceptAll,
  rejectAll,
  update,
  showBanner,
  hideBanner,
  showPreferences,
  hidePreferences,
  register,
  on,
  reset,
  destroy,
  setLanguage,
  use,
} from './core';
export { ConsentGateConfigError } from './config/error';
export type * from './types';
