import { h } from './dom';
import { txt } from './sanitize';
import type { Host } from './controller';

/**
 * The first-visit banner: a dialog named by its title and described by its text; modal when
 * `ui.blocking`. Accept all and Decline all share one style and size, so that neither is the
 * easier choice. (The UI lives outside any form, so its buttons need no type="button".)
 */
export function banner(host: Host, preferences: () => void): HTMLElement {
  const t = host.texts.banner;
  const url = host.s.policyUrl;
  return h(
    'div',
    { class: 'cg-banner', role: 'dialog', 'aria-modal': host.s.ui.blocking && 'true', 'aria-labelledby': 'cg-banner-title', 'aria-describedby': 'cg-banner-desc' },
    h('h2', { id: 'cg-banner-title', class: 'cg-title' }, txt(t.title, host.s.html)),
    h('p', { id: 'cg-banner-desc', class: 'cg-desc' }, txt(t.description, host.s.html)),
    h(
      'div',
      { class: 'cg-actions' },
      h('button', { class: 'cg-btn cg-main', onclick: host.acceptAll }, t.acceptAll),
      h('button', { class: 'cg-btn cg-main', onclick: host.rejectAll }, t.rejectAll),
      h('button', { class: 'cg-btn', onclick: preferences }, t.preferences),
      url && h('a', { class: 'cg-link', href: url }, t.readMore),
    ),
  );
}
