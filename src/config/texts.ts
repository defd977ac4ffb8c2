import type { Texts } from '../types';

/** The built-in English texts; every other language falls back to these. */
export const EN: Texts = {
  banner: {
    title: 'We use cookies',
    description:
      'We use cookies to make this site work and, if you agree, to see how it is used. If you decline, some parts may not work as well.',
    acceptAll: 'Accept all',
    rejectAll: 'Decline all',
    preferences: 'Preferences',
    readMore: 'Read more',
  },
  preferences: {
    title: 'Cookie preferences',
    description:
      'Choose which cookies this site may use. You can change this later from the cookie preferences link on every page.',
    acceptAll: 'Accept all',
    rejectAll: 'Decline all',
    save: 'Save',
    close: 'Close',
    accept: 'Accept',
    decline: 'Decline',
    alwaysOn: 'Always on',
    gpc: 'Your browser asks sites not to sell or share your data (Global Privacy Control), so this stays off unless you switch it on.',
    saved: 'Your choices have been saved.',
  },
  embed: {
    message: 'This content is hosted by {service}, which may set cookies.',
    load: 'Load {service}',
    preferences: 'Cookie preferences',
  },
};
