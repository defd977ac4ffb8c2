import { h } from './dom';
import { txt } from './sanitize';
import type { Host } from './controller';

/** A paragraph of config text (a description, a note), which `html: true` lets carry markup; none without a text. */
export const para = (host: Host, text: string | undefined, id?: string, cls = 'cg-desc') => text && h('p', { id, class: cls }, txt(text, host.s.html));

export const button = (text: string, onclick: () => void, cls = 'cg-btn') => h('button', { class: cls, onclick }, text);

/**
 * A dialog ('banner' or 'prefs') named by its title and described by its text. Its actions start
 * with Accept all and Decline all, which share one style and size so that neither is the easier
 * choice. (The UI lives outside any form, so its buttons need no type="button".)
 */
export function dialog(
  host: Host,
  name: string,
  modal: boolean | undefined,
  t: { title: string; description: string; acceptAll: string; rejectAll: string },
  layout: (title: Node, desc: Node) => Node[],
  ...more: (Node | false | undefined | '')[]
): HTMLElement {
  const id = 'cg-' + name;
  return h(
    'div',
    { class: id, role: 'dialog', 'aria-modal': modal || null, 'aria-labelledby': id + '-title', 'aria-describedby': id + '-desc' },
    ...layout(h('h2', { id: id + '-title' }, txt(t.title, host.s.html)), para(host, t.description, id + '-desc') as Node),
    h('div', { class: 'cg-actions' }, button(t.acceptAll, host.acceptAll, 'cg-btn cg-main'), button(t.rejectAll, host.rejectAll, 'cg-btn cg-main'), ...more),
  );
}

/**
 * The first-visit banner: modal when `ui.blocking`; a Read more link when the config has a policy URL.
 * Its Preferences button opens them the way any data-cg-open="preferences" element on the page does.
 */
export function banner(host: Host): HTMLElement {
  const t = host.texts.banner;
  const url = host.s.policyUrl;
  return dialog(
    host,
    'banner',
    host.s.ui.blocking,
    t,
    (title, desc) => [title, desc],
    h('button', { class: 'cg-btn', 'data-cg-open': 'preferences' }, t.preferences),
    url && h('a', { class: 'cg-link', href: url }, t.readMore),
  );
}
