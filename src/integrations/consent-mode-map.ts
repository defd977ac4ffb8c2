import type { ConsentModeMap } from '../types';

/**
 * Google Consent Mode's types and the category each follows when a config says `consentMode: true`
 * (docs/consent-mode.md). Read by the config check and by the configurator, which writes it out.
 */
export const DEFAULT_CONSENT_MODE_MAP: Readonly<Required<ConsentModeMap>> = {
  analytics_storage: 'analytics',
  ad_storage: 'marketing',
  ad_user_data: 'marketing',
  ad_personalization: 'marketing',
  functionality_storage: 'preferences',
  personalization_storage: 'preferences',
  security_storage: 'granted',
};
