// Auto-blocking: scripts and iframes that other code adds to the page later are held back, with no
// request made, when their URL matches a service's `blocks` and that service is not accepted.
//
// A MutationObserver would be too late: its callback runs after the insertion, and by then the
// browser has started fetching. So the DOM's insertion methods and the `src` setters are wrapped,
// and a matching element is made inert before it goes in: a script gets a type no browser runs
// (then it is neither fetched nor marked as started), an iframe gets its URL moved to data-src
// with data-category and data-service, the form the library (and the embeds add-on) release.
// Scripts in the page's own HTML are inserted by the parser, before any script could wrap anything:
// those must be marked up.
import type { Addon } from '../types';

type Proto = Record<string, any>;

export const autoblock: Addon = (host) => {
  /** Held-back scripts in the order they were added, with the service that must be accepted. */
  let held: [HTMLScriptElement, string, string][] = [];
  /** A held script's own type attribute, given back on release. */
  const types = new WeakMap<HTMLScriptElement, string | null>();
  /** What was wrapped: [object, property, original descriptor], for destroy(). */
  const undo: [Proto, string, PropertyDescriptor][] = [];
  let queue: Promise<unknown> = Promise.resolve();

  /** The service a URL belongs to, when it is not accepted: [category, service]. */
  function blocked(url: unknown): [string, string] | void {
    let abs: string;
    try {
      abs = new URL(String(url), document.baseURI).href;
    } catch {
      return;
    }
    for (const cat in host.categories) {
      const services = host.categories[cat].services;
      for (const sid in services)
        if (
          (services[sid].blocks || []).some((p) =>
            typeof p == 'string' ? abs.includes(p) : abs.search(p) >= 0,
          )
        )
          return host.isAccepted(cat, sid) ? undefined : [cat, sid];
    }
  }

  /**
   * Makes an element inert if its URL (the one it has, or `url` it is about to get) is blocked.
   * True when the caller must not set that URL itself (an iframe: it waits in data-src).
   */
  function hold(el: Element, url: unknown = el.getAttribute('src')): boolean {
    const isScript = el instanceof HTMLScriptElement;
    if (url == null || (!isScript && !(el instanceof HTMLIFrameElement)) || (isScript && types.has(el)))
      return false;
    const service = blocked(url);
    if (!service) return false;
    if (isScript) {
      types.set(el, el.getAttribute('type'));
      el.type = 'text/plain';
      el.dataset.cgBlocked = service.join('/');
      held.push([el, ...service]);
      return false;
    }
    const data = (el as HTMLElement).dataset;
    data.src = String(url);
    data.category = service[0];
    data.service = service[1];
    el.removeAttribute('src');
    return true;
  }

  /** Holds back what an insertion brings: the nodes themselves and anything inside them. */
  function scan(nodes: unknown[]) {
    for (const n of nodes)
      if (n instanceof Element || n instanceof DocumentFragment) {
        if (n instanceof Element) hold(n);
        n.querySelectorAll('script[src],iframe[src]').forEach((e) => hold(e));
      }
  }

  function wrap(proto: Proto, name: string, make: (orig: any) => any) {
    const d = Object.getOwnPropertyDescriptor(proto, name);
    if (!d) return;
    undo.push([proto, name, d]);
    Object.defineProperty(proto, name, { ...d, ...make(d.value || d.set) });
  }

  // Insertion methods; `arg` is the one that carries the new node, all of them when unset.
  const inserts: [Proto, string[], number?][] = [
    [Node.prototype, ['appendChild', 'insertBefore', 'replaceChild'], 0],
    [Element.prototype, ['insertAdjacentElement'], 1],
    [Element.prototype, ['append', 'prepend', 'before', 'after', 'replaceWith', 'replaceChildren']],
    [CharacterData.prototype, ['before', 'after', 'replaceWith']],
  ];
  for (const [proto, names, arg] of inserts)
    for (const name of names)
      wrap(proto, name, (orig) => ({
        value(this: Node, ...args: unknown[]) {
          scan(arg == null ? args : [args[arg]]);
          return orig.apply(this, args);
        },
      }));

  // A URL set on an element already in the page would start a request at once.
  const onSrc = (el: Element, url: unknown) => el.isConnected && hold(el, url);
  for (const C of [HTMLScriptElement, HTMLIFrameElement])
    wrap(C.prototype, 'src', (set) => ({
      set(this: Element, url: unknown) {
        if (!onSrc(this, url)) set.call(this, url);
      },
    }));
  // The same attribute through setAttributeNS(null, 'src', url). Named parameters keep `length`;
  // `arguments` passes on what the page gave, so the browser's own errors stay its own (rest
  // parameters would do neither: that is why the rule is off for these two lines).
  wrap(Element.prototype, 'setAttribute', (orig) => ({
    value(this: Element, name: string, value: unknown) {
      // eslint-disable-next-line prefer-rest-params
      if (!(String(name).toLowerCase() == 'src' && onSrc(this, value))) orig.apply(this, arguments);
    },
  }));
  wrap(Element.prototype, 'setAttributeNS', (orig) => ({
    value(this: Element, ns: string | null, name: string, value: unknown) {
      // eslint-disable-next-line prefer-rest-params
      if (!(!ns && name == 'src' && onSrc(this, value))) orig.apply(this, arguments);
    },
  }));

  /** Runs a released script: given its type back and put in again, it is fetched and run now. */
  function run(el: HTMLScriptElement): Promise<unknown> | void {
    const type = types.get(el)!;
    types.delete(el);
    if (type == null) el.removeAttribute('type');
    else el.type = type;
    delete el.dataset.cgBlocked;
    const parent = el.parentNode;
    // Taken out of the page meanwhile: it runs if the page puts it back.
    if (!parent) return;
    const done = new Promise((ok) => {
      el.addEventListener('load', ok, { once: true });
      el.addEventListener('error', ok, { once: true });
    });
    Node.prototype.insertBefore.call(parent, el, el.nextSibling);
    return done;
  }

  /** Releases, in the order they were added, the held scripts whose service is now accepted. */
  function release() {
    const still: typeof held = [];
    for (const entry of held) {
      const [el, category, service] = entry;
      if (host.isAccepted(category, service)) queue = queue.then(() => run(el)).catch(() => {});
      else still.push(entry);
    }
    held = still;
  }

  const off = host.on('consent', release);
  return () => {
    off();
    for (const [proto, name, d] of undo.reverse()) Object.defineProperty(proto, name, d);
  };
};
