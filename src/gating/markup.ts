// Held-back markup: <script type="text/plain" data-category>, and iframe/img/video with data-src.
import { run, trusted } from './scripts';

const SELECTOR = 'script[type="text/plain"][data-category],[data-category][data-src]';

/** Elements already released in this page: nothing runs twice. */
const released = new WeakSet<Element>();

/**
 * Decides for a gated element. `negated` is set for `data-category="!analytics"`, which runs
 * once the category (or service) is declined.
 */
export type Verdict = (category: string, service: string | undefined, negated: boolean) => boolean;

/** Releases every gated element in the document that the verdict allows, in document order. */
export function releaseMarkup(allow: Verdict, nonce?: string): void {
  document.querySelectorAll<HTMLElement>(SELECTOR).forEach((el) => {
    if (released.has(el)) return;
    const d = el.dataset;
    const cat = d.category!;
    const neg = cat[0] == '!';
    if (!allow(neg ? cat.slice(1) : cat, d.service, neg)) return;
    released.add(el);
    const src = d.src;
    if (el.tagName == 'SCRIPT') {
      const attrs = [...el.attributes].filter((a) => a.name != 'type' && a.name != 'data-src' && a.name != 'data-type' && a.name != 'nonce');
      run({
        attrs: attrs.map((a) => [a.name, a.value]),
        src,
        text: el.textContent!,
        async: el.hasAttribute('async'),
        type: d.type,
        nonce: nonce || el.nonce,
        replace: el,
      });
    } else {
      el.removeAttribute('data-src');
      // A string for an iframe, img or video; an <embed>'s src needs Trusted Types' blessing.
      el.setAttribute('src', trusted('createScriptURL', src!));
    }
  });
}
