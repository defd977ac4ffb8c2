// What a cookie is for, as far as the audit can tell from the outside. Only two kinds need no
// consent: the record of the visitor's choice itself (every consent manager keeps one), and what the
// site owner declares strictly necessary (--necessary). A preset names trackers; anything else is
// unknown, which is not the same as allowed: the owner has to say what it is.
import { serviceForCookie, type ServiceRef } from './presets';

/** `tracker`: a preset outside `necessary`; `necessary`: a necessary preset or declared so; `consent`: a consent record. */
export type CookieClass = 'tracker' | 'necessary' | 'consent' | 'unknown';

/**
 * Cookies in which consent managers keep the visitor's choice: consent-gate (cg_consent, or any name
 * with "consent" in it, as the name is configurable), vanilla-cookieconsent, OneTrust, Cookiebot,
 * Didomi, Usercentrics, CookieYes, Complianz, Borlabs, iubenda, Axeptio, Klaro, Osano, Quantcast
 * (the IAB TCF strings), tarteaucitron, Cookie Notice, GDPR Cookie Compliance, Cookie Script.
 */
const CONSENT_RECORDS: RegExp[] = [
  /consent/i,
  /^cc_cookie$/,
  /^OptanonAlertBoxClosed$/,
  /^CookieConsentBulkSetting/,
  /^didomi_token$/,
  /^uc_/,
  /^cmplz_/,
  /^borlabs-cookie$/,
  /^_iub_cs-/,
  /^axeptio_/,
  /^klaro$/,
  /^euconsent(-v2)?$/,
  /^addtl_consent$/,
  /^usprivacy$/,
  /^tarteaucitron$/,
  /^cookie_notice_accepted$/,
  /^moove_gdpr_popup$/,
  /^viewed_cookie_policy$/,
  /^cookielawinfo-checkbox-/,
  /^CookieScriptConsent$/,
  /^cookiesAccepted$/,
];

/** True when the name is one a consent manager keeps its record of the choice in. */
export function isConsentRecord(name: string): boolean {
  return CONSENT_RECORDS.some((re) => re.test(name));
}

/** Cookie names the site owner declares strictly necessary: exact names, or RegExps. */
export type NecessaryList = (string | RegExp)[];

export interface Classified {
  class: CookieClass;
  service?: ServiceRef;
}

/** The class of a cookie (or a storage key) by its name and whether it sits on the page's own site. */
export function classifyCookie(name: string, firstParty: boolean, necessary: NecessaryList = []): Classified {
  const service = serviceForCookie(name, firstParty);
  if (necessary.some((m) => (typeof m === 'string' ? m === name : m.test(name)))) {
    return { class: 'necessary', service };
  }
  if (service) return { class: service.category === 'necessary' ? 'necessary' : 'tracker', service };
  if (isConsentRecord(name)) return { class: 'consent' };
  return { class: 'unknown' };
}
