import { h } from './dom';
import { txt } from './sanitize';
import type { Texts } from '../types';

export interface BannerActions {
  acceptAll(): void;
  rejectAll(): void;
  preferences(): void;
}

/**
 * The first-visit banner: a non-modal dialog named by its title and described by its text.
 * Accept all and Decline all share one style so that neither is the easier choice.
 * (The UI lives outside any form, so its buttons need no type="button".)
 */
export function banner(t: Texts['banner'], policyUrl: string | undefined, a: BannerActions, html?: boolean): HTMLElement {
  return h(
    'div',
    { class: 'cg-banner', role: 'dialog', 'aria-labelledby': 'cg-banner-title', 'aria-describedby': 'cg-banner-desc' },
    h('h2', { id: 'cg-banner-title', class: 'cg-title' }, txt(t.title, html)),
    h('p', { id: 'cg-banner-desc', class: 'cg-desc' }, txt(t.description, html)),
    h(
      'div',
      { class: 'cg-actions' },
      h('button', { class: 'cg-btn cg-main', onclick: a.acceptAll }, t.acceptAll),
      h('button', { class: 'cg-btn cg-main', onclick: a.rejectAll }, t.rejectAll),
      h('button', { class: 'cg-btn', onclick: a.preferences }, t.preferences),
      policyUrl && h('a', { class: 'cg-link', href: policyUrl }, t.readMore),
    ),
  );
}
