// Held-back markup: <script type="text/plain" data-category>, iframe/img/video with data-src, and a
// <video data-category> whose <source> children carry data-src.
import { run, trusted } from './scripts';
import { accepted, type Choices } from '../consent/model';
import { hasOwn } from '../util';
import { warn } from '../log';
import type { Settings } from '../config/validate';

/** Elements already released in this page: nothing runs twice. */
const released = new WeakSet<Element>();

/**
 * Releases every gated element in the document that the decision in `state` allows, in document
 * order. `data-category="!analytics"` runs once the category (or service) is declined. The decision
 * is read again when a script's turn comes: the one in force then decides.
 */
export function releaseMarkup(state: { s: Settings; consent: Choices | null }): void {
  const { s } = state;
  // While the page is parsed, a script that nothing follows yet (the document's last node is in it)
  // may still be receiving its text: it waits for the next mutation, or DOMContentLoaded.
  let last: Node = document;
  while (last.lastChild) last = last.lastChild;
  document
    .querySelectorAll<HTMLElement>(
      'script[type="text/plain"][data-category],[data-category][data-src],video[data-category]',
    )
    .forEach((el) => {
      const d = el.dataset;
      const svc = d.service;
      const neg = d.category![0] == '!';
      const cat = d.category!.slice(+neg);
      // An unknown category is never accepted, nor declined: nothing to release, now or later.
      if (!hasOwn(s.categories, cat))
        return warn(`data-category="${cat}" is not a category of the config: it stays blocked`);
      if (svc && !hasOwn(s.categories[cat].services, svc))
        warn(`data-service="${svc}" is not in categories.${cat}.services: list it so that visitors see it`);
      const ok = () => {
        const c = state.consent;
        const yes = accepted(s, c, cat, svc);
        return neg ? !!c && !yes : yes;
      };
      const script = el.tagName == 'SCRIPT';
      if (released.has(el) || (script && el.contains(last) && document.readyState == 'loading') || !ok())
        return;
      if (script)
        run(
          {
            // src and type from data-src and data-type; every other field is set below, over any data-* of the same name.
            ...d,
            attrs: Object.fromEntries(
              el
                .getAttributeNames()
                .filter((a) => a != 'type' && a != 'data-src')
                .map((a) => [a, el.getAttribute(a)!]),
            ),
            inline: (el as HTMLScriptElement).text,
            async: el.hasAttribute('async'),
            replace: el,
            nonce: s.nonce,
            ok,
          },
          released,
          el,
        );
      // A string for an iframe, img or video; an <embed>'s src needs Trusted Types' blessing. A video's
      // children with data-src (<source>, <track>) go with it, but not one gated on its own (it waits
      // for its own category); the video then chooses again among its sources: load(), once.
      else {
        let kid: unknown;
        for (const x of [el, ...el.children] as HTMLElement[]) {
          const { src, category } = x.dataset;
          if (src && (x == el || !category))
            (x.setAttribute('src', trusted(src, 1)), x.removeAttribute('data-src'), (kid = x != el));
        }
        // A <source> released on its own category: its video chooses again too.
        ((kid ? el : el.tagName == 'SOURCE' ? el.parentElement : null) as HTMLMediaElement | null)?.load?.();
      }
    });
}
