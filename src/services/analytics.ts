// Analytics and product-analytics tools. Cookie names as each vendor documents them; patterns
// where the name carries a site, property or key id.
import type { ServicePreset } from './preset';

/** Google Analytics 4 (gtag.js). `_gid`, `_gat*` and `_dc_gtm_*` are the Universal Analytics cookies, still left in many browsers. */
export const googleAnalytics: ServicePreset = {
  id: 'google-analytics',
  label: 'Google Analytics',
  description: "Google's web analytics: counts visits and measures how pages are used.",
  category: 'analytics',
  cookies: ['_ga', /^_ga_/, '_gid', /^_gat/, /^_dc_gtm_/],
  // Only measurement ids (G-…): a gtag.js URL with an AW- or DC- id belongs to Google Ads.
  blocks: [/googletagmanager\.com\/gtag\/js\?(?:.*&)?id=G-/, 'google-analytics.com/analytics.js'],
};

/** Google Tag Manager. It sets no cookies itself; the tags in the container do. */
export const googleTagManager: ServicePreset = {
  id: 'google-tag-manager',
  label: 'Google Tag Manager',
  description: "Loads the site's measurement and marketing tags; sets no cookies itself.",
  category: 'analytics',
  cookies: [],
  blocks: ['googletagmanager.com/gtm.js', 'googletagmanager.com/ns.html'],
};

/** Microsoft Clarity. */
export const microsoftClarity: ServicePreset = {
  id: 'microsoft-clarity',
  label: 'Microsoft Clarity',
  description: 'Heatmaps and session recordings of how visitors use the site (Microsoft).',
  category: 'analytics',
  cookies: ['_clck', '_clsk'],
  blocks: ['www.clarity.ms/tag/', 'scripts.clarity.ms/'],
  thirdPartyCookies: ['CLID', 'ANONCHK', 'MR', 'MUID', 'SM'],
};

/** Hotjar. Every Hotjar cookie starts with `_hj` (`_hjSessionUser_<site>`, `_hjSession_<site>`, `_hjTLDTest`…). */
export const hotjar: ServicePreset = {
  id: 'hotjar',
  label: 'Hotjar',
  description: 'Heatmaps, session recordings and on-page surveys.',
  category: 'analytics',
  cookies: [/^_hj/],
  blocks: ['static.hotjar.com/', 'script.hotjar.com/'],
};

/**
 * Matomo (self-hosted or Matomo Cloud): `_pk_id.<site>.<hash>`, `_pk_ses.…`, `_pk_ref.…`,
 * `_pk_cvar.…`, `_pk_hsr.…`, `_pk_testcookie`. Its own consent cookies (`mtm_consent*`) stay.
 * Self-hosted Tag Manager containers (`/js/container_….js`) have no fixed URL: mark them up.
 */
export const matomo: ServicePreset = {
  id: 'matomo',
  label: 'Matomo',
  description: 'Web analytics: counts visits and measures how pages are used.',
  category: 'analytics',
  cookies: [/^_pk_/],
  blocks: [/\/(?:matomo|piwik)\.js(?:[?#]|$)/, 'cdn.matomo.cloud/'],
};

/** Plausible Analytics sets no cookies at all. */
export const plausible: ServicePreset = {
  id: 'plausible',
  label: 'Plausible Analytics',
  description: 'Counts visits without setting any cookies.',
  category: 'analytics',
  cookies: [],
  blocks: ['plausible.io/js/'],
};

/** Mixpanel (`mp_<project token>_mixpanel`). Its opt-out cookie `__mp_opt_in_out_<token>` stays. */
export const mixpanel: ServicePreset = {
  id: 'mixpanel',
  label: 'Mixpanel',
  description: 'Product analytics: events, funnels and retention.',
  category: 'analytics',
  cookies: [/^mp_.+_mixpanel$/],
  blocks: ['mxpnl.com/libs/'],
};

/** Segment Analytics.js. The destinations it loads set cookies of their own. */
export const segment: ServicePreset = {
  id: 'segment',
  label: 'Segment',
  description: 'Collects events on the site and forwards them to other tools.',
  category: 'analytics',
  cookies: ['ajs_anonymous_id', 'ajs_user_id', 'ajs_group_id'],
  blocks: ['cdn.segment.com/'],
};

/** Amplitude: `AMP_<first 10 characters of the API key>`, `AMP_MKTG_<…>`; the legacy SDK wrote `amp_<6>`. */
export const amplitude: ServicePreset = {
  id: 'amplitude',
  label: 'Amplitude',
  description: 'Product analytics: events and user journeys.',
  category: 'analytics',
  // Not /^AMP_/: that would also take Google Analytics' AMP_TOKEN.
  cookies: [/^AMP_(?:MKTG_)?\w{10}$/, /^amp_\w{6}$/],
  blocks: ['cdn.amplitude.com/'],
};

/** PostHog (`ph_<project API key>_posthog`). */
export const posthog: ServicePreset = {
  id: 'posthog',
  label: 'PostHog',
  description: 'Product analytics and session recordings.',
  category: 'analytics',
  cookies: [/^ph_.+_posthog$/],
  // us-assets.i.posthog.com/static/array.js, eu-…, and the older app.posthog.com/static/…
  blocks: ['posthog.com/static/'],
};
