// The one DOM helper, and the one way config texts get into it. Texts always go in as text nodes,
// never through the HTML parser (with `html: true`, as the sanitizer's nodes: see sanitize.ts).

export type Child = Node | string | false | null | undefined;

/** Turns a config text into what goes in its element: the text itself, or (html: true) the sanitizer's nodes. */
export type Markup = (text: string) => Node | string;

/**
 * h('button', { class: 'cg-btn', onclick: fn }, 'Accept all'). A key the element has as a property
 * (onclick, checked, id, href) is set as one; any other (class, for, aria-*) as an attribute. Null and
 * undefined values are left out, and so are false, null, undefined and '' children.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Record<string, any> | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const key in props) {
    const value = props[key];
    if (value == null) continue;
    if (key in el) (el as any)[key] = value;
    else el.setAttribute(key, value);
  }
  el.append(...(children.filter((child) => child) as (Node | string)[]));
  return el;
}

/**
 * A config text in a `tag` element, for a slot that may carry markup: titles and descriptions (banner,
 * preferences, categories, services, the GPC note). None without a text. Labels, button names and links
 * stay plain text always: they name controls, and a link inside a control's name would be a control
 * inside a control. `dir="auto"`: a site's text in another script than the page's (English in an
 * Arabic page) takes its own direction, and its full stop stays at its end.
 */
export const text = (
  markup: Markup,
  tag: 'h2' | 'p',
  content: string | undefined,
  props: Record<string, any>,
): HTMLElement | undefined => (content ? h(tag, { dir: 'auto', ...props }, markup(content)) : undefined);
