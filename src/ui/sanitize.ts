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

/** One token: an allowed tag (closing, opening, <br>, a link), or a run of text, or a lone `<`. */
const TOKEN =
  /<(?:\/(a|strong|em|b|i|p)|(strong|em|b|i|p)|(br)\s*\/?|a\s+href\s*=\s*("[^"]*"|'[^']*'))\s*>|[^<]+|</gi;

/** A text with a little markup, as DOM nodes; see above for what is kept. */
export function sanitize(html: string): DocumentFragment {
  const root = new DocumentFragment();
  // Where text and elements go: the innermost open element.
  let current: ParentNode = root;
  for (const [all, close, tag, br, quoted] of html.matchAll(TOKEN)) {
    // A link resolves as the browser would resolve it: an unparsable href has protocol ':'.
    const el = h(
      (tag || br || 'a') as 'a',
      quoted ? { href: quoted.slice(1, -1), rel: 'noopener noreferrer' } : null,
    );
    // A closing tag closes the innermost open element of its name, and whatever is open inside it.
    const open = close ? (current as Element).closest?.(close) : null;
    if (open) current = open.parentNode!;
    else if (tag || br || (quoted && /^(https?|mailto):$/.test(el.protocol))) {
      current.append(el);
      if (!br) current = el;
    }
    // Text, a closing tag with nothing of its name open, a link to a place not allowed: as text.
    // append() with a string makes a text node: nothing is parsed.
    else current.append(all);
  }
  return root;
}
