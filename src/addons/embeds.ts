// Contextual consent for embeds: an <iframe data-src data-category data-service> that is held back
// shows, in its place and at its size, a placeholder that names the service, loads it on request
// (accepting that one service) and opens the preferences. The library itself releases the iframe;
// this add-on only covers it until then.
import { h } from '../ui/dom';
import { dir } from '../config/dir';
import { hasOwn } from '../util';
import type { Addon } from '../types';

/** Iframes held back by markup (or by the auto-blocking add-on). */
const SELECTOR = 'iframe[data-src][data-category]';

/** Numbers the placeholders' ids. */
let placeholders = 0;

export const embeds: Addon = (host) => {
  /** Covered iframes: their placeholder and the inline display they had. */
  const covered = new Map<HTMLIFrameElement, [HTMLElement, string]>();

  function cover(f: HTMLIFrameElement) {
    const { category: cat, service: svc } = f.dataset as { category: string; service?: string };
    const def = svc && host.categories[cat].services[svc];
    const texts = host.texts();
    // The service's name in the language shown, where the translation gives one.
    let label = (svc && texts.categories?.[cat]?.services?.[svc]?.label) || (def && def.label) || svc;
    if (!label) {
      try {
        label = new URL(f.dataset.src!, location.href).hostname;
      } catch {
        label = f.dataset.src!;
      }
    }
    const fill = (text: string) => text.split('{service}').join(label!);
    const t = texts.embed;
    placeholders += 1;
    const id = 'cg-embed-' + placeholders;
    // The same box: the size it has on screen; a percentage stays one (it follows the layout), plus
    // the iframe's own border and padding where they come on top of it.
    const box = f.getBoundingClientRect();
    const cs = getComputedStyle(f);
    const size = (a: 'width' | 'height') => {
      const v = f.getAttribute(a) || '';
      return /%$/.test(v)
        ? `calc(${v} + ${box[a] - parseFloat(cs[a]) || 0}px)`
        : (box[a] || parseFloat(v) || (a == 'width' ? 300 : 150)) + 'px';
    };
    const ph = h(
      'div',
      {
        // In the banner's theme (the validated config always has ui.theme): its colours and controls.
        class: 'cg-root cg-embed cg-' + host.config.ui!.theme,
        role: 'group',
        'aria-label': f.title || label,
        'aria-describedby': id,
        lang: host.language(),
        dir: dir(host.language()),
      },
      h(
        'div',
        { class: 'cg-embed-in' },
        h('p', { id, class: 'cg-embed-msg' }, fill(t.message)),
        h(
          'div',
          { class: 'cg-actions' },
          // Without a service to accept, loading would take a whole category: that is the preferences' job.
          svc &&
            h(
              'button',
              { class: 'cg-btn cg-main', onclick: () => host.update({ [cat]: { [svc]: true } }) },
              fill(t.load),
            ),
          h('button', { class: 'cg-btn', onclick: host.showPreferences }, t.preferences),
        ),
      ),
    );
    // CSSOM, not a style attribute: allowed under a strict CSP. An inline-block that scrolls sits on
    // the line like an iframe does (its bottom on the baseline), so nothing moves when it loads.
    const style = ph.style;
    style.width = size('width');
    style.height = size('height');
    style.display = cs.display == 'inline' ? 'inline-block' : 'block';
    style.verticalAlign = cs.verticalAlign;
    covered.set(f, [ph, f.style.display]);
    f.style.display = 'none';
    f.before(ph);
  }

  function uncover(f: HTMLIFrameElement) {
    const [ph, display] = covered.get(f)!;
    const focused = ph.contains(document.activeElement);
    covered.delete(f);
    ph.remove();
    f.style.display = display;
    // The visitor pressed Load: keep their place, on the content they asked for.
    if (focused) f.focus();
  }

  /** Held back and not covered yet: `!category` embeds load when declined; unknown categories stay blocked (the library warns). */
  function due(f: HTMLIFrameElement) {
    const { category: cat, service: svc } = f.dataset;
    return !covered.has(f) && cat![0] != '!' && hasOwn(host.categories, cat!) && !host.isAccepted(cat!, svc);
  }

  /** Covers the iframes the page now holds back in the page's language. */
  function relabel() {
    for (const [f, [ph]] of [...covered]) {
      if (ph.lang == host.language()) continue;
      uncover(f);
      cover(f);
    }
  }

  function sync() {
    for (const f of document.querySelectorAll<HTMLIFrameElement>(SELECTOR)) if (due(f)) cover(f);
    // Released (the library took data-src away) or removed from the page.
    for (const f of [...covered.keys()]) if (!f.hasAttribute('data-src') || !f.isConnected) uncover(f);
    // Covered at once in the texts at hand, and again in the page's language once its texts are in:
    // a returning visitor's page has not loaded them (no banner), and they may come from a fetch.
    if (covered.size) host.ready(relabel);
  }

  const mo = new MutationObserver(sync);
  mo.observe(document, { childList: true, subtree: true });
  const off = host.on('consent', sync);
  sync();
  return () => {
    mo.disconnect();
    off();
    for (const f of [...covered.keys()]) uncover(f);
  };
};
