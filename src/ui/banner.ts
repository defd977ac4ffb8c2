import { h } from './dom';
import { txt } from './sanitize';
import type { Host } from './controller';

/**
 * Config text in a `tag` element: a title, a description, a note, which `html: true` lets carry
 * markup. None without a text.
 */
export const text = (host: Host, tag: 'h2' | 'p', s: string | undefined, cls: string | null, id?: string) =>
  s && h(tag, { class: cls, id }, txt(s, host.s.html));

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
    ...layout(text(host, 'h2', t.title, null, id + '-title') as Node, text(host, 'p', t.description, 'cg-desc', id + '-desc') as Node),
    h(
      'div',
      { class: 'cg-actions' },
      h('button', { class: 'cg-btn cg-main', onclick: host.acceptAll }, t.acceptAll),
      h('button', { class: 'cg-btn cg-main', onclick: host.rejectAll }, t.rejectAll),
      ...more,
    ),
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
    url && h('a', { href: url }, t.readMore),
  );
}
