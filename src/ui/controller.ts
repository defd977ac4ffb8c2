// Shows and hides the banner and the preferences. Nothing is built until it must be shown.
import { h } from './dom';
import { banner } from './banner';
import { modal } from './modal';
import { preferences } from './preferences';
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

/** What is shown: its root, and what undoes what showing it attached to the page. */
const shown: { [n in Name]?: [HTMLElement, (() => void)?] } = {};
let status: HTMLElement | undefined;

/**
 * WCAG 2.4.11: a control focused in the page must not end up hidden behind the non-modal banner.
 * On focus, before the browser scrolls the control into view, the banner's height goes to --cg-h
 * on <html>, which the CSS makes scroll-padding on the banner's edge: the browser then scrolls the
 * control clear of it. Where scrolling cannot help (the top or the end of the page), the banner
 * moves to the opposite edge.
 */
function keepClear(el: HTMLElement) {
  const root = document.documentElement;
  const html = root.style;
  const box = el.firstChild as HTMLElement;
  const check = (e: FocusEvent) => {
    html.setProperty('--cg-h', box.offsetHeight + 'px');
    // After the browser has scrolled the newly focused control into view.
    requestAnimationFrame(() => {
      const a = (e.target as Element).getBoundingClientRect();
      const b = box.getBoundingClientRect();
      if (!el.contains(e.target as Node) && a.bottom > b.top && a.top < b.bottom && a.right > b.left && a.left < b.right) {
        el.classList.toggle('cg-top');
        el.classList.toggle('cg-bottom');
      }
    });
  };
  addEventListener('focusin', check);
  return () => {
    removeEventListener('focusin', check);
    html.removeProperty('--cg-h');
    // Leave no empty style="" behind (the page's own inline styles stay). Reading the attribute
    // first matters: Chromium writes it back from the emptied style object when read later.
    if (root.getAttribute('style') == '') root.removeAttribute('style');
  };
}

function show(host: Host, name: Name) {
  if (shown[name]) return;
  const { theme, layout, position, blocking } = host.s.ui;
  const isBanner = name == 'banner';
  const hideThis = () => hide(host, name);
  const el = h(
    'div',
    {
      // e.g. "cg-root cg-light cg-box cg-bottom cg-left": the CSS does the layout.
      class: 'cg-root cg-' + theme + ' cg-' + (isBanner ? layout + ' cg-' + position.replace('-', ' cg-') + (blocking ? ' cg-block' : '') : 'overlay'),
      lang: host.lang,
      dir: dir(host.lang),
    },
    isBanner ? banner(host, () => show(host, 'preferences')) : preferences(host, hideThis),
  );
  const it: [HTMLElement, (() => void)?] = (shown[name] = [el]);
  const attach = () => {
    const body = document.body;
    // Made empty, before a save puts text in it: screen readers announce changes to a live region,
    // not a region that arrives with its text.
    status || body.append((status = h('div', { role: 'status', class: 'cg-sr' })));
    if (shown[name] != it) return;
    // The banner first in the reading order, so that screen reader and keyboard users meet it early.
    body[isBanner ? 'prepend' : 'append'](el);
    it[1] = isBanner && !blocking ? keepClear(el) : modal(el, !isBanner && hideThis);
  };
  // The library may load in <head>.
  document.body ? attach() : document.addEventListener('DOMContentLoaded', attach);
  host.emit(`${name}:show`);
}

function hide(host: Host, name: Name) {
  const it = shown[name];
  if (!it) return;
  delete shown[name];
  it[0].remove();
  it[1]?.();
  host.emit(`${name}:hide`);
}

export const showBanner = (host: Host): void => show(host, 'banner');
export const hideBanner = (host: Host): void => hide(host, 'banner');
export const showPreferences = (host: Host): void => show(host, 'preferences');
export const hidePreferences = (host: Host): void => hide(host, 'preferences');

/** Says to screen readers that the choices were saved. */
export function announce(text: string): void {
  // Made with the banner or the preferences; a decision by API alone shows no UI and needs no status.
  if (status) status.textContent = text;
}

/** Rebuilds what is shown, e.g. after a language change: the banner first, so that the preferences make it inert again. */
export function refresh(host: Host): void {
  for (const name of ['banner', 'preferences'] as const) {
    if (shown[name]) {
      hide(host, name);
      show(host, name);
    }
  }
}

export function removeUI(host: Host): void {
  hide(host, 'preferences');
  hide(host, 'banner');
  status?.remove();
  status = undefined;
}
