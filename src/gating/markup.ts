// Held-back markup: <script type="text/plain" data-category>, iframe/img/video with data-src, and a
// <video data-category> whose <source> children carry data-src.
import { run, trustedScriptURL } from './scripts';
import { accepted, type Choices } from '../consent/model';
import { warn } from '../log';
import { hasOwn } from '../util';
import type { Settings } from '../config/validate';

const GATED = 'script[type="text/plain"][data-category],[data-category][data-src],video[data-category]';

/** Elements already released (or queued to run) in this page: nothing runs twice. */
const released = new WeakSet<Element>();

/** The document's last node: while the page is parsed, the element holding it may still be receiving its content. */
function lastNode(): Node {
  let last: Node = document;
  while (last.lastChild) last = last.lastChild;
  return last;
}

/**
 * Releases every gated element in the document that the decision in `state` allows, in document
 * order. `data-category="!analytics"` runs once the category (or service) is declined. The decision
 * is read again when a script's turn comes: the one in force then decides.
 */
export function releaseMarkup(state: { settings: Settings; consent: Choices | null }): void {
  const { settings } = state;
  // While the page is parsed, a script that nothing follows yet may still be receiving its text: it
  // waits for the next mutation, or DOMContentLoaded.
  const last = lastNode();
  for (const el of document.querySelectorAll<HTMLElement>(GATED)) {
    const { service } = el.dataset;
    const negated = el.dataset.category!.startsWith('!');
    const category = negated ? el.dataset.category!.slice(1) : el.dataset.category!;
    // An unknown category is never accepted, nor declined: nothing to release, now or later.
    if (!hasOwn(settings.categories, category)) {
      warn(`data-category="${category}" is not a category of the config: it stays blocked`);
      continue;
    }
    if (service && !hasOwn(settings.categories[category].services, service))
      warn(
        `data-service="${service}" is not in categories.${category}.services: list it so that visitors see it`,
      );
    const allowed = () => {
      const yes = accepted(settings, state.consent, category, service);
      return negated ? !!state.consent && !yes : yes;
    };
    if (released.has(el) || !allowed()) continue;
    if (el instanceof HTMLScriptElement) {
      if (el.contains(last) && document.readyState == 'loading') continue;
      releaseScript(el, settings, allowed);
    } else releaseSource(el);
  }
}

/** Queues a held-back script to run as a fresh one in its place (see scripts.ts). */
function releaseScript(el: HTMLScriptElement, settings: Settings, allowed: () => boolean) {
  const attrs = el.getAttributeNames().filter((name) => name != 'type' && name != 'data-src');
  run(
    {
      // src and type from data-src and data-type; every other field is set below, over any data-* of the same name.
      ...el.dataset,
      attrs: Object.fromEntries(attrs.map((name) => [name, el.getAttribute(name)!])),
      inline: el.text,
      async: el.hasAttribute('async'),
      replace: el,
      nonce: settings.nonce,
      ok: allowed,
    },
    released,
    el,
  );
}

/**
 * Gives an iframe, img or video its src from data-src (an <embed>'s src needs Trusted Types' blessing,
 * so it goes through the policy). A video's children with data-src (<source>, <track>) go with it, but
 * not one gated on its own (it waits for its own category); the video then chooses again among its
 * sources: load(), once. A <source> released on its own category has its video choose again too.
 */
function releaseSource(el: HTMLElement) {
  let childReleased = false;
  for (const target of [el, ...el.children] as HTMLElement[]) {
    const { src, category } = target.dataset;
    if (!src || (target != el && category)) continue;
    target.setAttribute('src', trustedScriptURL(src));
    target.removeAttribute('data-src');
    if (target != el) childReleased = true;
  }
  let media: Element | null = null;
  if (childReleased) media = el;
  else if (el.tagName == 'SOURCE') media = el.parentElement;
  (media as HTMLMediaElement | null)?.load?.();
}
