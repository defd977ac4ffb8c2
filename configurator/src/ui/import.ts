// Import an existing config: pasted (JSON, or a whole snippet) or from a file. The draft it
// replaces can be had back with Undo.
import { h, uid } from './dom';
import type { App } from './app';
import { ImportError, importConfig, parseConfig } from '../model/import';

export function importPanel(app: App): HTMLElement {
  const pasteId = uid('f');
  const fileId = uid('f');
  const hintId = uid('hint');
  const outcome = h('div', { class: 'outcome', role: 'status' });
  const paste = h('textarea', {
    id: pasteId,
    rows: 6,
    class: 'code',
    spellcheck: false,
    'aria-describedby': hintId,
  });

  function run(text: string, from: string) {
    outcome.replaceChildren();
    try {
      const { draft, notes } = importConfig(parseConfig(text), app.catalog.shipped, app.catalog.english);
      app.checkpoint('the import');
      app.draft = draft;
      app.rebuild();
      outcome.append(
        h(
          'p',
          {},
          `Imported ${from}: ${draft.categories.length} categories, ${draft.categories.reduce((n, c) => n + c.services.length, 0)} services.`,
        ),
      );
      if (notes.length)
        outcome.append(
          h(
            'ul',
            {},
            notes.map((n) => h('li', {}, n)),
          ),
        );
      app.announce(`Imported ${from}.`, true);
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      outcome.append(
        h(
          'p',
          { class: 'msg error' },
          h('strong', {}, 'Not imported. '),
          e.message,
          ' Your draft is unchanged.',
        ),
      );
    }
  }

  return h(
    'details',
    { class: 'import' },
    h('summary', {}, 'Import an existing config'),
    h(
      'div',
      { class: 'field' },
      h('label', { for: pasteId }, 'Paste a config'),
      paste,
      h(
        'p',
        { class: 'hint', id: hintId },
        'The JSON of a config, a downloaded consent-gate-config.json, or a whole snippet with its <script id="consent-gate-config">.',
      ),
    ),
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        { type: 'button', onclick: () => run(paste.value, 'the pasted config') },
        'Import what I pasted',
      ),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: fileId }, 'Or choose a config file'),
      h('input', {
        id: fileId,
        type: 'file',
        accept: '.json,application/json,.html,text/html',
        onchange: async (e: Event) => {
          const input = e.target as HTMLInputElement;
          const file = input.files?.[0];
          if (!file) return;
          run(await file.text(), file.name);
          input.value = '';
        },
      }),
    ),
    outcome,
  );
}
