// The allowlist sanitizer behind `html: true`. It never hands the string to the browser's HTML parser
// (innerHTML, DOMParser, <template>): those parse hostile markup and are Trusted Types sinks. Instead
// it finds exactly these tags, written exactly so, and builds them with createElement:
//   <a href="…"> (one href, quoted, resolving to http, https or mailto; rel="noopener noreferrer" added),
//   <strong> <em> <b> <i> <p> and their closing tags, <br>, <br/>.
// Tag names and `href` in any case. Anything else, however close (another attribute, an unquoted
// href, a javascript: link, a stray closing tag), stays in as visible text. Entities are not decoded,
// in text or in href: since anything that is not an allowed tag is text already, `<` and `&` can be
// written as they are, and `&amp;` shows as written. One rule, nothing decoded twice, fewer bytes.

import { h } from './dom';

const TAG = /<(?:\/(a|strong|em|b|i|p)|(strong|em|b|i|p)|(br)\s*\/?|a\s+href\s*=\s*("[^"]*"|'[^']*'))\s*>/gi;

/** Whether a link may go there: http, https or mailto, once resolved the way the link will be. */
function safeUrl(u: string): boolean {
  try {
    return /^(https?|mailto):$/.test(new URL(u, document.baseURI).protocol);
  } catch {
    return false;
  }
}

/** A text with a little markup, as DOM nodes; see above for what is kept. */
export function sanitize(html: string): DocumentFragment {
  const root = document.createDocumentFragment();
  // Where text and elements go: the innermost open element.
  let cur: ParentNode = root;
  let at = 0;
  // append() with a string makes a text node: nothing is parsed.
  const text = (s: string) => cur.append(s);
  html.replace(TAG, (all: string, close?: string, tag?: string, br?: string, quoted?: string, i?: number) => {
    text(html.slice(at, i));
    at = i! + all.length;
    const href = quoted && quoted.slice(1, -1);
    const open = close && (cur as Element).closest?.(close);
    if (open) cur = open.parentNode!;
    // A closing tag with nothing of its name open, or a link to a place not allowed: text.
    else if (close || (quoted && !safeUrl(href!))) text(all);
    else {
      const el = h((tag || br || 'a') as 'a', quoted ? { href, rel: 'noopener noreferrer' } : null);
      cur.append(el);
      if (!br) cur = el;
    }
    return '';
  });
  text(html.slice(at));
  return root;
}

/**
 * A config text for a slot that may carry markup: titles and descriptions (banner, preferences,
 * categories, services, the GPC note). Labels, button names and links stay plain text always: they name
 * controls, and a link inside a control's name would be a control inside a control.
 */
export const txt = (s: string, html?: boolean): Node | string => (html ? sanitize(s) : s);
