// Shows and hides the banner and the preferences. Nothing is built until it must be shown.
import { h } from './dom';
import { dialog } from './banner';
import { modal } from './modal';
import { dir } from '../config/language';
import type { Settings } from '../config/validate';
import type { Choices } from '../consent/model';
import type { ConsentPatch, EventName, Texts } from '../types';

/** What the UI needs from the core. */
export interface Host {
  s: Settings;
  texts: Texts;
  /** The language shown; sets `lang` and `dir` on the UI. */
  lang: string;
  state(): Choices;
  acceptAll(): void;
  rejectAll(): void;
  save(p: ConsentPatch): void;
  emit(e: EventName): void;
}

type Name = 'banner' | 'preferences';

/** What is shown: per name, the function that hides it again. */
const shown: { [n in Name]?: () => void } = {};
let status: HTMLElement | undefined;
/** Ends what waits for <body> (a UI shown from <head>) when the UI is removed. */
let waiting = new AbortController();

/**
 * WCAG 2.4.11: a control focused in the page must not end up hidden behind the non-modal banner.
 * On focus, before the browser scrolls the control into view, the banner's height goes to --cg-h
 * on <html>, which the CSS makes scroll-padding on the banner's edge: the browser then scrolls the
 * control clear of it. Where scrolling cannot help (the top or the end of the page), the banner
 * moves to the opposite edge.
 */
function keepClear(el: HTMLElement) {
  const root = document.documentElement;
  const box = el.firstChild as HTMLElement;
  const check = ({ target }: FocusEvent) => {
    root.style.setProperty('--cg-h', box.offsetHeight + 'px');
    // After the browser has scrolled the newly focused control into view.
    requestAnimationFrame(() => {
      const a = (target as Element).getBoundingClientRect();
      const b = box.getBoundingClientRect();
      if (
        !el.contains(target as Node) &&
        b.top < a.bottom &&
        a.top < b.bottom &&
        b.left < a.right &&
        a.left < b.right
      ) {
        el.classList.toggle('cg-top');
        el.classList.toggle('cg-bottom');
      }
    });
  };
  addEventListener('focusin', check);
  return () => {
    removeEventListener('focusin', check);
    root.style.removeProperty('--cg-h');
    // Leave no empty style="" behind (the page's own inline styles stay). Reading the attribute
    // first matters: Chromium writes it back from the emptied style object when read later.
    root.getAttribute('style') || root.removeAttribute('style');
  };
}

function show(host: Host, name: Name) {
  if (shown[name]) return;
  const { theme, layout, position, blocking } = host.s.ui;
  const isBanner = name == 'banner';
  let undo: false | (() => void);
  const hide = (shown[name] = () => {
    delete shown[name];
    el.remove();
    undo && undo();
    host.emit((name + ':hide') as EventName);
  });
  const el = h(
    'div',
    {
      // e.g. "cg-root cg-light cg-box cg-bottom cg-left": the CSS does the layout.
      class:
        'cg-root cg-' +
        theme +
        ' cg-' +
        (isBanner
          ? layout + ' cg-' + position.replace('-', ' cg-') + (blocking ? ' cg-block' : '')
          : 'overlay'),
      lang: host.lang,
      dir: dir(host.lang),
    },
    dialog(host, !isBanner || blocking, !isBanner && hide),
  );
  const attach = () => {
    const body = document.body;
    // Made empty, before a save puts text in it: screen readers announce changes to a live region,
    // not a region that arrives with its text.
    status || body.append((status = h('div', { class: 'cg-sr', role: 'status' })));
    if (shown[name] == hide) {
      // The banner first in the reading order, so that screen reader and keyboard users meet it early.
      body[isBanner ? 'prepend' : 'append'](el);
      undo = isBanner && !blocking ? keepClear(el) : modal(el, !isBanner && hide);
    }
  };
  // The library may load in <head>.
  if (document.body) attach();
  else addEventListener('DOMContentLoaded', attach, { once: true, signal: waiting.signal });
  host.emit((name + ':show') as EventName);
}

const hide = (name: Name) => shown[name]?.();

export const showBanner = (host: Host): void => show(host, 'banner');
export const hideBanner: (host?: Host) => void = () => hide('banner');
export const showPreferences = (host: Host): void => show(host, 'preferences');
export const hidePreferences: (host?: Host) => void = () => hide('preferences');

/** Says to screen readers that the choices were saved. */
export function announce(text: string): void {
  // Made with the banner or the preferences; a decision by API alone shows no UI and needs no status.
  if (status) status.textContent = text;
}

/** Rebuilds what is shown, e.g. after a language change: the banner first, so that the preferences make it inert again. */
export function refresh(host: Host): void {
  for (const name of ['banner', 'preferences'] as const) {
    if (shown[name]) {
      hide(name);
      show(host, name);
    }
  }
}

export const removeUI: (host: Host) => void = () => {
  hidePreferences();
  hideBanner();
  // Shown from <head> and removed before <body> came: nothing is added when it comes.
  waiting.abort();
  waiting = new AbortController();
  status?.remove();
  status = undefined;
};
