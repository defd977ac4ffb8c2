// Advertising pixels and marketing tools: conversion measurement, audiences, CRM tracking.
import type { ServicePreset } from './preset';

/** Google Ads conversion tracking and remarketing: `_gcl_au`, `_gcl_aw`, `_gcl_dc`…, `_gac_<property>`. */
export const googleAds: ServicePreset = {
  id: 'google-ads',
  label: 'Google Ads',
  description: 'Measures conversions from Google ads and builds remarketing lists.',
  category: 'marketing',
  cookies: [/^_gcl_/, /^_gac_/],
  // Only Ads ids (AW-, DC-) on gtag.js: G- ids belong to Google Analytics.
  blocks: [
    /googletagmanager\.com\/gtag\/js\?(?:.*&)?id=(?:AW|DC)-/,
    'googleadservices.com/pagead/conversion',
    'googleads.g.doubleclick.net/',
  ],
  thirdPartyCookies: ['IDE', 'test_cookie'],
};

/** Meta Pixel (Facebook, Instagram). Facebook's login and social plugins (sdk.js) are not blocked by it. */
export const metaPixel: ServicePreset = {
  id: 'meta-pixel',
  label: 'Meta Pixel',
  description: 'Measures Facebook and Instagram ads and builds audiences for them.',
  category: 'marketing',
  cookies: ['_fbp', '_fbc'],
  blocks: [/connect\.facebook\.net\/[\w-]+\/fbevents\.js/, 'connect.facebook.net/signals/'],
  thirdPartyCookies: ['fr'],
};

/** LinkedIn Insight Tag. */
export const linkedInInsight: ServicePreset = {
  id: 'linkedin-insight',
  label: 'LinkedIn Insight Tag',
  description: 'Measures LinkedIn ads and builds audiences for them.',
  category: 'marketing',
  cookies: ['li_fat_id', 'li_giant', 'ln_or'],
  blocks: ['snap.licdn.com/li.lms-analytics/'],
  thirdPartyCookies: ['bcookie', 'bscookie', 'lidc', 'li_sugr', 'UserMatchHistory', 'AnalyticsSyncHistory'],
};

/** TikTok Pixel (first-party cookies are on by default in its settings). */
export const tiktokPixel: ServicePreset = {
  id: 'tiktok-pixel',
  label: 'TikTok Pixel',
  description: 'Measures TikTok ads and builds audiences for them.',
  category: 'marketing',
  cookies: ['_ttp', '_tt_enable_cookie', /^ttcsid/],
  blocks: ['analytics.tiktok.com/i18n/pixel/'],
};

/** Pinterest Tag. */
export const pinterestTag: ServicePreset = {
  id: 'pinterest-tag',
  label: 'Pinterest Tag',
  description: 'Measures Pinterest ads and builds audiences for them.',
  category: 'marketing',
  cookies: ['_pin_unauth', '_epik', '_derived_epik'],
  blocks: ['s.pinimg.com/ct/'],
  thirdPartyCookies: [
    '_pinterest_sess',
    '_pinterest_ct',
    '_pinterest_ct_rt',
    '_pinterest_ct_ua',
    '_routing_id',
  ],
};

/** X (Twitter) Pixel; `oct.js` is the older conversion tag. */
export const xPixel: ServicePreset = {
  id: 'x-pixel',
  label: 'X (Twitter) Pixel',
  description: 'Measures ads on X and builds audiences for them.',
  category: 'marketing',
  cookies: ['_twclid'],
  blocks: ['static.ads-twitter.com/uwt.js', 'static.ads-twitter.com/oct.js'],
  thirdPartyCookies: ['personalization_id', 'muc_ads', 'guest_id'],
};

/** Microsoft Advertising (Bing Ads) Universal Event Tracking. */
export const microsoftAdvertising: ServicePreset = {
  id: 'microsoft-advertising',
  label: 'Microsoft Advertising',
  description: 'Measures Microsoft (Bing) ads and builds remarketing lists.',
  category: 'marketing',
  cookies: ['_uetsid', '_uetvid', '_uetmsclkid'],
  blocks: ['bat.bing.com/'],
  thirdPartyCookies: ['MUID'],
};

/**
 * HubSpot tracking code and what its loader pulls in (analytics, ads pixel, collected forms,
 * chat), on every data centre (`js.`, `js-eu1.`…). Its own consent cookies (`__hs_opt_out`,
 * `__hs_do_not_track`…) stay.
 */
export const hubspot: ServicePreset = {
  id: 'hubspot',
  label: 'HubSpot',
  description: "Tracks visits for the site's marketing and sales tools.",
  category: 'marketing',
  cookies: ['__hstc', 'hubspotutk', '__hssc', '__hssrc', 'messagesUtk'],
  blocks: [
    'hs-scripts.com/',
    'hs-analytics.net/',
    'hsadspixel.net/',
    'hscollectedforms.net/',
    'usemessages.com/',
  ],
};
