// Held-back markup: <script type="text/plain" data-category>, and iframe/img/video with data-src.
import { run, trusted } from './scripts';

/** Elements already released in this page: nothing runs twice. */
const released = new WeakSet<Element>();

/**
 * Decides for a gated element. `negated` is set for `data-category="!analytics"`, which runs
 * once the category (or service) is declined.
 */
export type Verdict = (category: string, service: string | undefined, negated: boolean) => boolean;

/** Releases every gated element in the document that the verdict allows, in document order. */
export function releaseMarkup(allow: Verdict, nonce?: string): void {
  document.querySelectorAll<HTMLElement>('script[type="text/plain"][data-category],[data-category][data-src]').forEach((el) => {
    const d = el.dataset;
    const cat = d.category!;
    const neg = cat[0] == '!';
    const ok = () => allow(cat.slice(+neg), d.service, neg);
    const script = el.tagName == 'SCRIPT';
    // While the page is parsed, a script that nothing follows yet (the document's last node is in it)
    // may still be receiving its text: it waits for the next mutation, or DOMContentLoaded.
    let last: Node = document;
    while (last.lastChild) last = last.lastChild;
    if (released.has(el) || (script && el.contains(last) && document.readyState == 'loading') || !ok()) return;
    released.add(el);
    if (script)
      run({
        attrs: el.getAttributeNames().filter((a) => a != 'type' && a != 'data-src').map((a) => [a, el.getAttribute(a)!]),
        src: d.src,
        text: (el as HTMLScriptElement).text,
        async: el.hasAttribute('async'),
        type: d.type,
        nonce: nonce || el.nonce,
        replace: el,
        // Not allowed any more when its turn comes: held back again, for a later acceptance.
        ok: () => ok() || !released.delete(el),
      });
    else {
      // A string for an iframe, img or video; an <embed>'s src needs Trusted Types' blessing.
      el.setAttribute('src', trusted(d.src!, 1));
      el.removeAttribute('data-src');
    }
  });
}
