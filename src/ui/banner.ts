import { h, type Markup } from './dom';
import { choiceButtons, dialog } from './dialog';
import type { Host } from './controller';

/**
 * The banner, the first layer: its title and text, Accept all and Decline all, a Preferences button
 * that opens the preferences the way any data-cg-open="preferences" element on the page does, and a
 * Read more link when the config has a policy URL. Modal when `ui.blocking`.
 */
export function banner(host: Host, markup: Markup, modal: boolean): HTMLElement {
  const texts = host.texts.banner;
  const { policyUrl } = host.settings;
  return dialog({
    id: 'cg-banner',
    modal,
    title: texts.title,
    description: texts.description,
    markup,
    actions: [
      ...choiceButtons(host, texts),
      h('button', { class: 'cg-btn', 'data-cg-open': 'preferences' }, texts.preferences),
      policyUrl && h('a', { href: policyUrl }, texts.readMore),
    ],
  });
}
