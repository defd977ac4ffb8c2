// The one DOM helper. Texts always go in as text nodes, never through the HTML parser (with `html: true`,
// see sanitize.ts).

type Child = Node | string | false | null | undefined;

/**
 * h('button', { class: 'cg-btn', onclick: fn }, 'Accept all'). A key the element has as a property
 * (onclick, checked, id, href) is set as one; any other (class, for, aria-*) as an attribute. Null and
 * undefined values are left out, and so are false, null, undefined and '' children.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: any,
  ...kids: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const k in props) {
    const v = props[k];
    if (v != null) k in el ? ((el as any)[k] = v) : el.setAttribute(k, v as string);
  }
  el.append(...(kids.filter((k) => k) as (Node | string)[]));
  return el;
}
