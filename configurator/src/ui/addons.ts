// The add-ons: embed placeholders, auto-blocking, the consent log. Each is a file of its own that
// the snippet loads only when it is on.
import { h } from './dom';
import { checkField, textField } from './fields';
import type { App, Section } from './app';

export function addonsSection(app: App): Section {
  return {
    name: 'addons',
    build() {
      const { addons } = app.draft;
      return h(
        'div',
        { tabIndex: -1 },
        checkField({
          label: 'Embed placeholders (about 1.6 kB)',
          checked: addons.embeds,
          focus: 'embeds',
          hint: 'A held-back <iframe data-src data-category data-service> (YouTube, maps…) shows a placeholder with a Load button that accepts just that service.',
          onChange: (v) => {
            addons.embeds = v;
            app.rebuild('texts', 'addons');
          },
        }),
        checkField({
          label: 'Auto-blocking by URL (about 1.2 kB)',
          checked: addons.autoblock,
          focus: 'autoblock',
          hint: 'Scripts and iframes that other code adds later wait for consent when their URL matches a service’s block patterns. Tags in your HTML still need marking up. The snippet then loads without defer, so that it runs before your own scripts.',
          onChange: (v) => {
            addons.autoblock = v;
            app.rebuild('categories', 'addons');
          },
        }),
        textField({
          label: 'Consent log URL (optional, about 0.8 kB)',
          path: 'consentLog.url',
          value: addons.consentLogUrl,
          type: 'url',
          code: true,
          focus: 'consent-log',
          placeholder: 'https://example.com/consent',
          hint: 'Every decision is posted there as proof of consent, for example to npx consent-gate-server serve. The preview never sends to it.',
          onInput: (v) => {
            addons.consentLogUrl = v;
            app.changed();
          },
        }),
      );
    },
  };
}
