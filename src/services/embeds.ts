// Embedded media and widgets. Most of them set their cookies on the vendor's domain
// (third-party): listed for the cookie policy, out of the site's reach.
import type { ServicePreset } from './preset';

/** YouTube embeds (also privacy-enhanced mode, youtube-nocookie.com) and the IFrame Player API. */
export const youtube: ServicePreset = {
  id: 'youtube',
  label: 'YouTube',
  description: 'Embedded YouTube videos; YouTube sets its cookies on its own domain.',
  category: 'marketing',
  cookies: [],
  blocks: ['youtube.com/embed/', 'youtube-nocookie.com/embed/', 'youtube.com/iframe_api'],
  thirdPartyCookies: ['YSC', 'VISITOR_INFO1_LIVE', 'YEC', 'PREF'],
};

/** Vimeo player embeds and the Player API. With `?dnt=1` on the embed URL Vimeo sets no new cookies. */
export const vimeo: ServicePreset = {
  id: 'vimeo',
  label: 'Vimeo',
  description: 'Embedded Vimeo videos; Vimeo sets its cookies on its own domain.',
  category: 'analytics',
  cookies: [],
  blocks: ['player.vimeo.com/'],
  thirdPartyCookies: ['vuid', 'player', 'flags', 'player_clearance'],
};

/** Google Maps embeds (iframes) and the Maps JavaScript API. */
export const googleMaps: ServicePreset = {
  id: 'google-maps',
  label: 'Google Maps',
  description: 'Embedded maps; Google sets its cookies on its own domain.',
  category: 'preferences',
  cookies: [],
  blocks: [/\/\/(?:www\.|maps\.)?google\.[a-z.]+\/maps\/embed/, 'maps.googleapis.com/maps/api/js'],
  thirdPartyCookies: ['NID'],
};

/** Intercom Messenger (chat): `intercom-id-<app>`, `intercom-session-<app>`, `intercom-device-id-<app>`, all first-party. */
export const intercom: ServicePreset = {
  id: 'intercom',
  label: 'Intercom',
  description: "Chat with the site's team.",
  category: 'preferences',
  cookies: [/^intercom-(?:id|session|device-id)-/],
  blocks: ['widget.intercom.io/', 'js.intercomcdn.com/'],
};

/**
 * Google reCAPTCHA. `necessary`: Google calls `_GRECAPTCHA` a necessary cookie set for its risk
 * analysis, and a form it protects cannot be sent without it. Some authorities ask for consent
 * all the same: put it in a category the visitor can decline if yours do.
 */
export const recaptcha: ServicePreset = {
  id: 'recaptcha',
  label: 'Google reCAPTCHA',
  description: 'Protects forms against spam; Google sets its cookie on its own domain.',
  category: 'necessary',
  cookies: [],
  blocks: ['google.com/recaptcha/', 'recaptcha.net/recaptcha/', 'gstatic.com/recaptcha/'],
  thirdPartyCookies: ['_GRECAPTCHA'],
};
