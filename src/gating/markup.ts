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

/**
 * While the page is parsed, a script that nothing follows yet may still be receiving its text:
 * it waits for the next mutation, or DOMContentLoaded.
 */
function unfinished(el: Element): boolean {
  if (document.readyState != 'loading' || el.tagName != 'SCRIPT') return false;
  for (let n: Node | null = el; n; n = n.parentNode) if (n.nextSibling) return false;
  return true;
}

/** Releases every gated element in the document that the verdict allows, in document order. */
export function releaseMarkup(allow: Verdict, nonce?: string): void {
  document.querySelectorAll<HTMLElement>(SELECTOR).forEach((el) => {
    if (released.has(el) || unfinished(el)) return;
    const d = el.dataset;
    const cat = d.category!;
    const neg = cat[0] == '!';
    const ok = () => allow(neg ? cat.slice(1) : cat, d.service, neg);
    if (!ok()) return;
    released.add(el);
    const src = d.src;
    if (el.tagName == 'SCRIPT') {
      const attrs = [...el.attributes].filter((a) => a.name != 'type' && a.name != 'data-src');
      run({
        attrs: attrs.map((a) => [a.name, a.value]),
        src,
        text: el.textContent!,
        async: el.hasAttribute('async'),
        type: d.type,
        nonce: nonce || el.nonce,
        replace: el,
        // Not allowed any more when its turn comes: held back again, for a later acceptance.
        ok: () => ok() || !released.delete(el),
      });
    } else {
      el.removeAttribute('data-src');
      // A string for an iframe, img or video; an <embed>'s src needs Trusted Types' blessing.
      el.setAttribute('src', trusted('createScriptURL', src!));
    }
  });
}
