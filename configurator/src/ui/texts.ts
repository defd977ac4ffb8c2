// Texts and languages: the policy link, the languages the site offers (from the shipped
// translations, whatever the build found in i18n/), which one is shown, and every text of each,
// starting from the shipped wording.
import { h } from './dom';
import { checkField, selectField, textField } from './fields';
import type { App, Section } from './app';
import { LABEL_TRANSLATIONS } from '../model/label-translations';
import type { TextEdits } from '../model/draft';

/** What each text is, for its field's label. */
const WHAT: Record<string, Record<string, string>> = {
  banner: {
    title: 'Title',
    description: 'Text',
    acceptAll: 'Accept all button',
    rejectAll: 'Decline all button',
    preferences: 'Preferences button',
    readMore: 'Read more link',
  },
  preferences: {
    title: 'Title',
    description: 'Text',
    acceptAll: 'Accept all button',
    rejectAll: 'Decline all button',
    save: 'Save button',
    close: 'Close button',
    accept: 'Accept (a service)',
    decline: 'Decline (a service)',
    alwaysOn: 'Always on (a required category)',
    gpc: 'Note under a category that Global Privacy Control keeps off',
    saved: 'Said to screen readers once choices are saved',
  },
  embed: {
    message: 'Placeholder text ({service} is the service’s name)',
    load: 'Load button',
    preferences: 'Cookie preferences button',
  },
};
const SECTIONS: Record<string, string> = {
  banner: 'Banner',
  preferences: 'Preferences dialog',
  embed: 'Embed placeholders (embeds add-on)',
};
const LONG = new Set(['description', 'gpc', 'message']);

/** A language's name in itself, and in English when that differs: "Deutsch (German)". */
export function languageName(code: string): { own: string; english: string } {
  const named = (locale: string) => {
    try {
      return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
    } catch {
      return code;
    }
  };
  const own = named(code);
  return { own: own.charAt(0).toLocaleUpperCase(code) + own.slice(1), english: named('en') };
}

export function languageLabel(code: string): HTMLElement {
  const { own, english } = languageName(code);
  return h('span', {}, h('span', { lang: code }, own), own === english ? '' : ` (${english})`);
}

export function textsSection(app: App): Section {
  let editing = 'en';
  const { shipped, english } = app.catalog;
  const base = (code: string): Record<string, Record<string, string>> =>
    (code === 'en' ? english : (shipped[code] ?? english)) as any;

  function textFields(code: string): HTMLElement[] {
    const { draft } = app;
    const edits: TextEdits = (draft.texts[code] ??= {});
    const from = base(code);
    const out: HTMLElement[] = [];
    for (const [section, keys] of Object.entries(WHAT)) {
      if (section === 'embed' && !draft.addons.embeds) continue;
      const fields = h('div', {});
      const group = h(
        'details',
        { class: 'texts', open: section === 'banner' },
        h('summary', {}, SECTIONS[section]),
        fields,
      );
      for (const key of Object.keys(keys)) {
        const shippedText = from[section]?.[key] ?? '';
        fields.append(
          textField({
            label: keys[key],
            path: code === 'en' ? `texts.${section}.${key}` : `translations.${code}.${section}.${key}`,
            value: edits[section]?.[key] ?? shippedText,
            multiline: LONG.has(key),
            focus: `text-${section}-${key}`,
            onInput: (v) => {
              if (v === shippedText) {
                delete edits[section]?.[key];
                if (edits[section] && !Object.keys(edits[section]).length) delete edits[section];
              } else (edits[section] ??= {})[key] = v;
              app.changed();
            },
          }),
        );
      }
      // The field's own language, for spell checking and screen readers.
      fields.setAttribute('lang', code);
      group.querySelectorAll('label, .hint').forEach((el) => el.setAttribute('lang', 'en'));
      out.push(group);
    }
    return out;
  }

  function labelFields(code: string): HTMLElement | null {
    if (!LABEL_TRANSLATIONS || code === 'en') return null;
    const { draft } = app;
    const byCategory = (draft.labels[code] ??= {});
    const group = h(
      'fieldset',
      { class: 'texts', lang: code },
      h('legend', { lang: 'en' }, 'Names of your categories and services'),
    );
    for (const c of draft.categories) {
      const t = (byCategory[c.id] ??= {});
      const field = (
        label: string,
        path: string,
        value: string,
        placeholder: string,
        set: (v: string) => void,
      ) =>
        textField({
          label,
          path,
          value,
          placeholder,
          onInput: (v) => {
            set(v);
            app.changed();
          },
        });
      group.append(
        field(
          `${c.label || c.id}: name`,
          `translations.${code}.categories.${c.id}.label`,
          t.label ?? '',
          c.label,
          (v) => (t.label = v),
        ),
        field(
          `${c.label || c.id}: description`,
          `translations.${code}.categories.${c.id}.description`,
          t.description ?? '',
          c.description,
          (v) => (t.description = v),
        ),
      );
      for (const s of c.services) {
        const st = ((t.services ??= {})[s.id] ??= {});
        group.append(
          field(
            `${s.label || s.id}: name`,
            `translations.${code}.categories.${c.id}.services.${s.id}.label`,
            st.label ?? '',
            s.label,
            (v) => (st.label = v),
          ),
          field(
            `${s.label || s.id}: description`,
            `translations.${code}.categories.${c.id}.services.${s.id}.description`,
            st.description ?? '',
            s.description,
            (v) => (st.description = v),
          ),
        );
      }
    }
    return group;
  }

  return {
    name: 'texts',
    fallback: () => 'edit-language',
    build() {
      const { draft } = app;
      if (editing !== 'en' && !draft.languages.includes(editing)) editing = 'en';
      const codes = Object.keys(shipped).sort((a, b) =>
        languageName(a).english.localeCompare(languageName(b).english),
      );

      const languages = h(
        'fieldset',
        { class: 'languages' },
        h('legend', {}, 'Languages of your site'),
        h(
          'p',
          { class: 'hint' },
          'English is built into the library. Each language you tick goes into the snippet with its texts (about 0.6 kB each), so there is no file to host and the banner never waits for one.',
        ),
        h(
          'div',
          { class: 'columns' },
          codes.map((code) => {
            const field = checkField({
              label: code,
              checked: draft.languages.includes(code),
              focus: `lang-${code}`,
              onChange: (on) => {
                if (on) draft.languages.push(code);
                else {
                  draft.languages = draft.languages.filter((c) => c !== code);
                  if (draft.language === code) draft.language = 'auto';
                }
                if (on) editing = code;
                app.rebuild('texts');
              },
            });
            field.querySelector('label')!.replaceChildren(languageLabel(code));
            return field;
          }),
        ),
      );

      const shownOptions: [string, string][] = [
        ['auto', 'The page’s language (<html lang>), then the visitor’s browser'],
        ...['en', ...draft.languages].map((c): [string, string] => [c, `Always ${languageName(c).own}`]),
      ];
      const shown = selectField({
        label: 'Language the banner shows',
        path: 'language',
        value: draft.language,
        options: shownOptions,
        focus: 'shown-language',
        hint: 'With the page’s language, a page whose <html lang> is one of these languages gets it; any other language shows English.',
        onChange: (v) => {
          draft.language = v;
          app.changed();
        },
      });

      const edit = selectField({
        label: 'Edit the texts of',
        value: editing,
        options: ['en', ...draft.languages].map((c) => [c, languageName(c).own]),
        focus: 'edit-language',
        onChange: (v) => {
          editing = v;
          app.rebuild('texts');
        },
      });

      const url = draft.translationUrls[editing];
      const hasEdits = Object.keys(draft.texts[editing] ?? {}).length > 0;
      const reset = h(
        'button',
        {
          type: 'button',
          class: 'quiet',
          disabled: !hasEdits,
          'data-focus': 'reset-texts',
          onclick: () => {
            app.checkpoint(`reset the ${languageName(editing).own} texts`);
            delete draft.texts[editing];
            app.rebuild('texts');
            app.announce(`The ${languageName(editing).own} texts are the shipped ones again.`, true);
          },
        },
        `Reset the ${languageName(editing).own} texts to the shipped ones`,
      );

      const body = url
        ? [
            h(
              'p',
              {},
              `Your config loads the ${languageName(editing).own} texts from `,
              h('code', {}, url),
              '. The preview shows the shipped ones.',
            ),
            h(
              'button',
              {
                type: 'button',
                onclick: () => {
                  delete draft.translationUrls[editing];
                  app.rebuild('texts');
                },
              },
              'Edit them here instead (they go into the snippet)',
            ),
            // The owner's names go beside the URL: { url, categories }.
            labelFields(editing),
          ]
        : [...textFields(editing), labelFields(editing), h('div', { class: 'row' }, reset)];

      const labelsNote = LABEL_TRANSLATIONS
        ? null
        : h(
            'p',
            { class: 'note' },
            'The names and descriptions of your categories and services are shown as you write them under “Categories and services”, in every language: write them in your site’s main language. (Per-language names will come with a later version of the library.)',
          );

      return h(
        'div',
        { tabIndex: -1 },
        textField({
          label: 'Privacy policy link (Read more)',
          path: 'policyUrl',
          value: draft.policyUrl,
          type: 'url',
          code: true,
          focus: 'policy',
          placeholder: '/privacy',
          hint: 'The page that says who gets which data and why. A path on your site (/privacy) or a full URL.',
          onInput: (v) => {
            draft.policyUrl = v;
            app.changed();
          },
        }),
        languages,
        shown,
        labelsNote,
        h('div', { class: 'edit-texts' }, edit, ...body),
      );
    },
  };
}
