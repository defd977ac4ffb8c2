// The configurator's one DOM helper: an element with properties, attributes, listeners and children.

type Child = Node | string | false | null | undefined;
type Props = Record<string, unknown>;

let next = 0;
/** A unique id for label/description wiring. */
export const uid = (prefix: string) => `${prefix}-${++next}`;

/**
 * `h('button', { type: 'button', onclick }, 'Save')`. Keys starting with `on` are listeners, `class`
 * and `aria-*`/`data-*`/other attributes are set as attributes, the rest as properties
 * (`value`, `checked`, `disabled`…). `false`, `null` and `undefined` leave a property or child out.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value as EventListener);
    } else if (key in el && !key.includes('-') && key !== 'list' && key !== 'form') {
      (el as any)[key] = value;
    } else {
      el.setAttribute(key === 'className' ? 'class' : key, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === false || child === null || child === undefined) continue;
    el.append(child);
  }
  return el;
}
