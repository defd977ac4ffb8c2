// Form fields that know the config path they write, so that the library's errors and the page's
// own findings land next to them: a label, the control, a hint and a message slot the control is
// described by.
import { h, uid } from './dom';
import { pathSegments } from '../model/errors';

/** A config path, or a function giving it (an id the owner is typing changes the path). */
export type PathLike = string | (() => string);

export interface Registered {
  path: () => string[];
  /** What to focus to bring the owner to this field. */
  control: HTMLElement;
  /** Where messages about it go. */
  messages: HTMLElement;
  /** The field's name, for sentences in the checks list ("Analytics: Name"). */
  name: () => string;
}

/** Every field on the page, by the config path it writes; rebuilt sections register again. */
export const registry: Registered[] = [];

/** The fields whose elements are still on the page. */
export function liveFields(): Registered[] {
  for (let i = registry.length - 1; i >= 0; i--) if (!registry[i].control.isConnected) registry.splice(i, 1);
  return registry;
}

/**
 * Registers `control` under `path` (`categories.analytics.label`), with a message slot that the
 * control is described by (after its hint, when it has one).
 */
export function register(
  path: PathLike,
  control: HTMLElement,
  name: string | (() => string),
  hintId?: string,
): HTMLElement {
  const messages = h('div', { class: 'msgs', id: uid('msg') });
  control.setAttribute('aria-describedby', [hintId, messages.id].filter(Boolean).join(' '));
  registry.push({
    path: () => pathSegments(typeof path === 'string' ? path : path()),
    control,
    messages,
    name: typeof name === 'string' ? () => name : name,
  });
  return messages;
}

/** A key that finds the same control again after its section is rebuilt (see keepFocus). */
const focusKey = (key: string | undefined) => (key ? { 'data-focus': key } : {});

interface Common {
  label: string;
  /** The config path the field writes, for messages. */
  path?: PathLike;
  /** Its name in the checks list, where the label alone is not enough ("Analytics: Name"). */
  name?: () => string;
  hint?: string | Node;
  /** Stable across rebuilds, to keep focus: e.g. `cat-3-label`. */
  focus?: string;
}

function hintNode(hint: string | Node | undefined, id: string) {
  return hint ? h('p', { class: 'hint', id }, hint) : null;
}

function wrap(
  control: HTMLElement,
  { label, path, hint, name }: Common,
  className = 'field',
  labelFirst = true,
): HTMLElement {
  const hintId = uid('hint');
  const lab = h('label', { for: control.id }, label);
  const messages = path ? register(path, control, name ?? label, hint ? hintId : undefined) : null;
  if (!path && hint) control.setAttribute('aria-describedby', hintId);
  const parts = labelFirst ? [lab, control] : [control, lab];
  return h('div', { class: className }, ...parts, hintNode(hint, hintId), messages);
}

export interface TextOptions extends Common {
  value: string;
  onInput: (value: string) => void;
  multiline?: boolean;
  type?: 'text' | 'url' | 'search';
  placeholder?: string;
  autocomplete?: string;
  spellcheck?: boolean;
  /** Monospaced: ids, patterns, URLs. */
  code?: boolean;
}

export function textField(o: TextOptions): HTMLElement {
  const common = {
    id: uid('f'),
    value: o.value,
    placeholder: o.placeholder,
    class: o.code ? 'code' : undefined,
    spellcheck: o.spellcheck ?? !o.code,
    autocomplete: o.autocomplete ?? 'off',
    oninput: (e: Event) => o.onInput((e.target as HTMLInputElement).value),
    ...focusKey(o.focus),
  };
  const control = o.multiline
    ? h('textarea', { ...common, rows: 4 })
    : h('input', { ...common, type: o.type ?? 'text' });
  return wrap(control, o);
}

export interface NumberOptions extends Common {
  value: number | null;
  onInput: (value: number | null) => void;
  min?: number;
  max?: number;
  step?: number | 'any';
  unit?: string;
}

export function numberField(o: NumberOptions): HTMLElement {
  const control = h('input', {
    id: uid('f'),
    type: 'number',
    inputMode: 'decimal',
    value: o.value === null ? '' : String(o.value),
    min: o.min,
    max: o.max,
    step: o.step,
    oninput: (e: Event) => {
      const input = e.target as HTMLInputElement;
      o.onInput(input.value.trim() === '' || Number.isNaN(input.valueAsNumber) ? null : input.valueAsNumber);
    },
    ...focusKey(o.focus),
  });
  const field = wrap(control, o);
  if (o.unit) control.after(h('span', { class: 'unit', 'aria-hidden': 'true' }, o.unit));
  return field;
}

export interface CheckOptions extends Common {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function checkField(o: CheckOptions): HTMLElement {
  const control = h('input', {
    id: uid('f'),
    type: 'checkbox',
    checked: o.checked,
    onchange: (e: Event) => o.onChange((e.target as HTMLInputElement).checked),
    ...focusKey(o.focus),
  });
  return wrap(control, o, 'field check', false);
}

export interface SelectOptions extends Common {
  value: string;
  options: [value: string, label: string][];
  onChange: (value: string) => void;
}

export function selectField(o: SelectOptions): HTMLElement {
  const control = h(
    'select',
    {
      id: uid('f'),
      onchange: (e: Event) => o.onChange((e.target as HTMLSelectElement).value),
      ...focusKey(o.focus),
    },
    o.options.map(([value, label]) => h('option', { value, selected: value === o.value }, label)),
  );
  return wrap(control, o);
}

export interface RadioOptions extends Common {
  value: string;
  options: [value: string, label: string, hint?: string][];
  onChange: (value: string) => void;
}

/** A group of radios in a fieldset; the path's messages describe the group. */
export function radioGroup(o: RadioOptions): HTMLElement {
  const name = uid('r');
  const hintId = uid('hint');
  const fieldset = h(
    'fieldset',
    { class: 'radios', ...(o.hint ? { 'aria-describedby': hintId } : {}) },
    h('legend', {}, o.label),
    hintNode(o.hint, hintId),
  );
  for (const [value, label, hint] of o.options) {
    const id = uid('f');
    const optionHint = hint ? uid('hint') : undefined;
    fieldset.append(
      h(
        'div',
        { class: 'radio' },
        h('input', {
          id,
          type: 'radio',
          name,
          value,
          checked: value === o.value,
          'aria-describedby': optionHint,
          onchange: () => o.onChange(value),
          ...focusKey(o.focus && `${o.focus}-${value}`),
        }),
        h('label', { for: id }, label),
        hint ? h('span', { class: 'hint', id: optionHint }, hint) : null,
      ),
    );
  }
  if (o.path) {
    const first = fieldset.querySelector('input')!;
    const messages = register(o.path, first, o.label);
    // The group, not its first radio, is described by the messages.
    first.removeAttribute('aria-describedby');
    if (o.hint) fieldset.setAttribute('aria-describedby', `${hintId} ${messages.id}`);
    else fieldset.setAttribute('aria-describedby', messages.id);
    fieldset.append(messages);
  }
  return fieldset;
}

/**
 * Rebuilds part of the page without losing the owner's place: the control focused before (found
 * again by its data-focus key) is focused after; one that is gone or disabled hands focus to
 * `fallback`'s key, then to the new element itself.
 */
export function keepFocus(old: HTMLElement, build: () => HTMLElement, fallback?: string): HTMLElement {
  const active = document.activeElement as HTMLElement | null;
  const key = active && old.contains(active) ? active.dataset.focus : undefined;
  const fresh = build();
  old.replaceWith(fresh);
  if (key) {
    const find = (k: string) => fresh.querySelector<HTMLElement>(`[data-focus="${CSS.escape(k)}"]`);
    let target = find(key);
    if (!target || (target as HTMLButtonElement).disabled) target = fallback ? find(fallback) : null;
    (target ?? fresh).focus();
  }
  return fresh;
}
