// How the banner looks: layout, position, theme, blocking, and the custom properties that matter
// most (accent, background, text and button text colours per theme; corner radius; font).
import { h, uid } from './dom';
import { checkField, numberField, radioGroup, register, selectField, textField } from './fields';
import type { App, Section } from './app';
import type { Colours } from '../model/draft';

const COLOURS: [keyof Colours, string, string, string][] = [
  [
    'accent',
    'Accent colour',
    '--cg-accent',
    'Links, switches, and the Accept all and Decline all buttons (always alike).',
  ],
  ['btnFg', 'Button text colour', '--cg-btn-fg', 'The text on those buttons.'],
  ['bg', 'Background', '--cg-bg', 'The banner and the dialog.'],
  ['fg', 'Text colour', '--cg-fg', 'Titles and text.'],
];

const FONTS: [string, string][] = [
  ['', 'The library’s (the visitor’s system font)'],
  ['inherit', 'Your site’s font (inherit)'],
  ['Georgia, "Times New Roman", serif', 'A serif font (Georgia)'],
  ['custom', 'Another font-family list…'],
];

export function lookSection(app: App): Section {
  function colourField(
    theme: 'light' | 'dark',
    key: keyof Colours,
    label: string,
    property: string,
    hint: string,
  ) {
    const { draft } = app;
    const defaults = app.catalog.themes[theme];
    const id = uid('f');
    const hintId = uid('hint');
    const value = draft.style[theme][key];
    const fallback = defaults[property] ?? '#000000';
    // <input type=color> takes only #rrggbb.
    const shownValue = value || (/^#[0-9a-f]{6}$/i.test(fallback) ? fallback : '#000000');
    const state = h('span', { class: 'hint' }, value ? value : `${fallback} (the library’s)`);
    const input = h('input', {
      id,
      type: 'color',
      value: shownValue,
      'data-focus': `colour-${theme}-${key}`,
      oninput: (e: Event) => {
        draft.style[theme][key] = (e.target as HTMLInputElement).value;
        state.textContent = draft.style[theme][key];
        reset.disabled = false;
        app.changed();
      },
    });
    const reset = h(
      'button',
      {
        type: 'button',
        class: 'quiet',
        disabled: !value,
        'data-focus': `colour-${theme}-${key}-reset`,
        onclick: () => {
          draft.style[theme][key] = '';
          app.rebuild('look');
          app.announce(`${label} (${theme}) is the library’s again.`);
        },
      },
      `Use the library’s ${label.toLowerCase()}`,
    );
    const messages = register(`style.${theme}.${key}`, input, `${label} (${theme} theme)`, hintId);
    return h(
      'div',
      { class: 'field colour' },
      h('label', { for: id }, label),
      h('div', { class: 'row' }, input, state, reset),
      h('p', { class: 'hint', id: hintId }, hint),
      messages,
    );
  }

  return {
    name: 'look',
    build() {
      const { draft } = app;
      const themes: ('light' | 'dark')[] = draft.ui.theme === 'auto' ? ['light', 'dark'] : [draft.ui.theme];
      const custom = !FONTS.some(([v]) => v === draft.style.font && v !== 'custom');
      return h(
        'div',
        { tabIndex: -1 },
        radioGroup({
          label: 'Layout',
          path: 'ui.layout',
          value: draft.ui.layout,
          focus: 'layout',
          options: [
            ['box', 'Box', 'a card in a corner'],
            ['bar', 'Bar', 'the full width of the window'],
            ['cloud', 'Cloud', 'a wide card, centred'],
          ],
          onChange: (v) => {
            draft.ui.layout = v as typeof draft.ui.layout;
            app.changed();
          },
        }),
        selectField({
          label: 'Position',
          path: 'ui.position',
          value: draft.ui.position,
          focus: 'position',
          hint: 'On a plain edge a box sits at the end of the reading direction; a bar spans the width either way. Below 30em every layout becomes a sheet along its edge.',
          options: [
            ['bottom', 'Bottom'],
            ['top', 'Top'],
            ['bottom-left', 'Bottom left'],
            ['bottom-right', 'Bottom right'],
            ['top-left', 'Top left'],
            ['top-right', 'Top right'],
          ],
          onChange: (v) => {
            draft.ui.position = v as typeof draft.ui.position;
            app.changed();
          },
        }),
        radioGroup({
          label: 'Theme',
          path: 'ui.theme',
          value: draft.ui.theme,
          focus: 'theme',
          options: [
            ['light', 'Light'],
            ['dark', 'Dark'],
            ['auto', 'Follow the visitor’s setting', 'light or dark, as their system is'],
          ],
          onChange: (v) => {
            draft.ui.theme = v as typeof draft.ui.theme;
            app.rebuild('look');
          },
        }),
        checkField({
          label: 'Block the page until the visitor decides',
          path: 'ui.blocking',
          checked: draft.ui.blocking,
          focus: 'blocking',
          hint: 'The page is dimmed and cannot be used until they accept or decline. Off, the page stays usable and the banner never hides what has focus.',
          onChange: (v) => {
            draft.ui.blocking = v;
            app.changed();
          },
        }),
        ...themes.map((theme) =>
          h(
            'fieldset',
            { class: 'colours' },
            h('legend', {}, theme === 'light' ? 'Colours of the light theme' : 'Colours of the dark theme'),
            ...COLOURS.map(([key, label, property, hint]) => colourField(theme, key, label, property, hint)),
          ),
        ),
        numberField({
          label: 'Corner radius (rem)',
          path: 'style.radius',
          value: draft.style.radius,
          min: 0,
          max: 3,
          step: 0.125,
          focus: 'radius',
          hint: 'Empty: the library’s 0.75 rem. 0 gives square corners; buttons get two thirds of it.',
          onInput: (v) => {
            draft.style.radius = v;
            app.changed();
          },
        }),
        selectField({
          label: 'Font',
          value: custom ? 'custom' : draft.style.font,
          focus: 'font',
          options: FONTS,
          onChange: (v) => {
            draft.style.font = v === 'custom' ? draft.style.font || 'system-ui, sans-serif' : v;
            app.rebuild('look');
          },
        }),
        custom
          ? textField({
              label: 'Font-family list',
              path: 'style.font',
              value: draft.style.font,
              code: true,
              focus: 'font-custom',
              hint: 'As in CSS: "Inter", system-ui, sans-serif. The font must be on your pages already.',
              onInput: (v) => {
                draft.style.font = v;
                app.changed();
              },
            })
          : null,
      );
    },
  };
}
