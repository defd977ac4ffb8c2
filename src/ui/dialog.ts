// The frame both dialogs share: a dialog named by its title and described by its text, with a head
// (the title, and a close button where there is one), a body (the text, and what else the dialog
// holds) and the actions. The UI lives outside any form, so its buttons need no type="button".
import { h, text, type Child, type Markup } from './dom';
import type { Host } from './controller';

export interface DialogParts {
  /** The dialog's class, and the start of its title's and text's ids. */
  id: 'cg-banner' | 'cg-prefs';
  /** A modal dialog (`aria-modal`): the preferences, and a blocking banner. */
  modal: boolean;
  title: string;
  description: string;
  markup: Markup;
  /** A button in the head, named by `label`, that closes the dialog. */
  close?: { label: string; onClick(): void };
  /** What follows the text in the body. */
  body?: HTMLElement[];
  actions: Child[];
}

export function dialog({ id, modal, title, description, markup, close, body = [], actions }: DialogParts) {
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
      text(markup, 'h2', title, { id: id + '-title' }),
      close && h('button', { 'aria-label': close.label, onclick: close.onClick }, '×'),
    ),
    h(
      'div',
      { class: 'cg-body' },
      text(markup, 'p', description, { class: 'cg-desc', id: id + '-desc' }),
      ...body,
    ),
    h('div', { class: 'cg-actions' }, ...actions),
  );
}

/** Accept all and Decline all, the first actions of both dialogs: one style and size, so that neither is the easier choice. */
export const choiceButtons = (host: Host, texts: { acceptAll: string; rejectAll: string }) => [
  h('button', { class: 'cg-btn cg-main', onclick: host.acceptAll }, texts.acceptAll),
  h('button', { class: 'cg-btn cg-main', onclick: host.rejectAll }, texts.rejectAll),
];
