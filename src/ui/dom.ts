// The one DOM helper. Texts always go in as text nodes, never through the HTML parser (with `html: true`,
// see sanitize.ts).

type Attr = string | number | boolean | null | undefined | ((e: Event) => void);
type Child = Node | string | false | null | undefined;

/** h('button', { class: 'cg-btn', onclick: fn }, 'Accept all') */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Record<string, Attr> | null, ...kids: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const k in attrs) {
    const v = attrs[k];
    if (typeof v == 'function') el.addEventListener(k.slice(2), v);
    else if (v != null && v !== false) el.setAttribute(k, v === true ? '' : '' + v);
  }
  el.append(...(kids.filter((k) => k != null && k !== false) as (Node | string)[]));
  return el;
}
