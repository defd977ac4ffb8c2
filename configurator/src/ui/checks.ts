// The library's verdict and the page's own findings, each next to the field it names and all of
// them in the Checks list, with a way to get to the field.
import { h } from './dom';
import { liveFields, type Registered } from './fields';
import type { App } from './app';
import type { LibraryAnswer } from './preview';
import { fieldFor, inWords, pathSegments, readError } from '../model/errors';
import { findings, type Finding } from '../model/warnings';

const LEVEL: Record<Finding['level'], string> = { error: 'Error', warning: 'Warning', note: 'Note' };

function goTo(field: Registered): HTMLElement {
  return h(
    'button',
    {
      type: 'button',
      class: 'link',
      onclick: () => {
        // A field in a closed <details> is opened first.
        let parent = field.control.parentElement;
        while (parent) {
          if (parent instanceof HTMLDetailsElement) parent.open = true;
          parent = parent.parentElement;
        }
        field.control.focus();
        field.control.scrollIntoView({ block: 'center' });
      },
    },
    `Go to ${field.name()}`,
  );
}

/**
 * Keeps the messages up to date. `verdict` is the Preview's line on the library's answer (a live
 * region, changed only when the verdict does), `list` the Checks list.
 */
export function checks(app: App, verdict: HTMLElement, list: HTMLElement, count: HTMLElement) {
  let answer: LibraryAnswer = { warnings: [] };
  let said = '';

  function update() {
    const fields = liveFields();
    const byPath = fields.map((field) => ({ path: field.path(), field }));
    for (const f of fields) {
      f.messages.replaceChildren();
      f.control.removeAttribute('aria-invalid');
    }
    const items: HTMLElement[] = [];

    let sentence = 'The library accepts this config.';
    if (answer.error) {
      const { name, message } = answer.error;
      const read = name === 'ConsentGateConfigError' ? readError(message) : null;
      const field = read ? fieldFor(read.path, byPath) : undefined;
      const words = read ? inWords(read) : message;
      const raw = h('code', {}, `${name}: ${message}`);
      if (field) {
        field.control.setAttribute('aria-invalid', 'true');
        field.messages.append(
          h(
            'p',
            { class: 'msg error' },
            h('strong', {}, 'The library refuses this. '),
            words,
            ' ',
            raw.cloneNode(true),
          ),
        );
      }
      sentence = `The library refuses this config${field ? `: ${field.name()}` : ''}. ${words}`;
      items.push(
        h(
          'li',
          { class: 'error' },
          h('strong', {}, 'Error from the library: '),
          field ? `${field.name()}. ` : '',
          words,
          ' ',
          raw,
          field ? [' ', goTo(field)] : null,
        ),
      );
    }
    if (sentence !== said) {
      verdict.textContent = sentence;
      verdict.classList.toggle('bad', !!answer.error);
      said = sentence;
    }

    for (const w of answer.warnings) {
      // "consent-gate: categories.x.default needs mode: "opt-out"": placed when it names a field.
      const path = /consent-gate: (\S+)/.exec(w)?.[1];
      const field = path ? fieldFor(pathSegments(path), byPath) : undefined;
      field?.messages.append(h('p', { class: 'msg warning' }, h('strong', {}, 'The library warns: '), w));
      items.push(
        h(
          'li',
          { class: 'warning' },
          h('strong', {}, 'The library warns: '),
          w,
          field ? [' ', goTo(field)] : null,
        ),
      );
    }

    for (const f of findings(app.draft, app.catalog.themes)) {
      const field = fieldFor(pathSegments(f.path), byPath);
      // Built twice: a node can be in one place only.
      const body = () => [h('strong', {}, `${LEVEL[f.level]}: `), f.text, f.reason ? ` ${f.reason}` : ''];
      if (field) {
        if (f.level === 'error') field.control.setAttribute('aria-invalid', 'true');
        field.messages.append(h('p', { class: `msg ${f.level}` }, ...body()));
      }
      items.push(h('li', { class: f.level }, ...body(), field ? [' ', goTo(field)] : null));
    }
    list.replaceChildren(...items);
    const problems = items.filter((i) => !i.classList.contains('note')).length;
    const notes = items.length - problems;
    const summary = items.length
      ? `${problems} to look at, ${notes} ${notes === 1 ? 'note' : 'notes'}.`
      : 'Nothing to look at: this draft is ready.';
    // A live region: said again only when it says something new.
    if (count.textContent !== summary) count.textContent = summary;
  }

  app.onChange(update);
  return {
    update,
    setAnswer(a: LibraryAnswer) {
      answer = { error: 'error' in a ? a.error : answer.error, warnings: a.warnings };
      update();
    },
  };
}
