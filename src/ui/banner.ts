import { h } from './dom';
import { text } from './sanitize';
import { categories } from './preferences';
import type { Host } from './controller';
import type { ConsentPatch } from '../types';

/**
 * The banner (without `close`) or the preferences (with it: what Close does): a dialog named by its
 * title and described by its text, a head with the title (and Close), a body with the text (and the
 * categories), and the actions. These start with Accept all and Decline all, which share one style
 * and size so that neither is the easier choice. The banner is modal when `ui.blocking`; its
 * Preferences button opens them the way any data-cg-open="preferences" element on the page does,
 * and it has a Read more link when the config has a policy URL. (The UI lives outside any form, so
 * its buttons need no type="button".)
 */
export function dialog(host: Host, modal: boolean | undefined, close: false | (() => void)): HTMLElement {
  const id = close ? 'cg-prefs' : 'cg-banner';
  const b = host.texts.banner;
  const p = host.texts.preferences;
  const t = close ? p : b;
  const url = host.s.policyUrl;
  /** What the visitor changed in the preferences: Save records the decision shown. */
  const patch: ConsentPatch = {};
  return h(
    'div',
    {
      class: id,
      role: 'dialog',
      'aria-modal': modal || null,
      'aria-labelledby': id + '-title',
      'aria-describedby': id + '-desc',
    },
    h(
      'div',
      null,
      text(host, 'h2', t.title, null, id + '-title'),
      close && h('button', { 'aria-label': p.close, onclick: close }, '×'),
    ),
    h(
      'div',
      { class: 'cg-body' },
      text(host, 'p', t.description, 'cg-desc', id + '-desc'),
      ...(close ? categories(host, patch) : []),
    ),
    h(
      'div',
      { class: 'cg-actions' },
      h('button', { class: 'cg-btn cg-main', onclick: host.acceptAll }, t.acceptAll),
      h('button', { class: 'cg-btn cg-main', onclick: host.rejectAll }, t.rejectAll),
      ...(close
        ? [h('button', { class: 'cg-btn', onclick: () => host.save(patch) }, p.save)]
        : [
            h('button', { class: 'cg-btn', 'data-cg-open': 'preferences' }, b.preferences),
            url && h('a', { href: url }, b.readMore),
          ]),
    ),
  );
}
