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

let bannerEl: HTMLElement | null = null;
let prefsEl: HTMLElement | null = null;
/** Undo what showing the banner and the preferences attached to the page. */
let bannerOff: (() => void) | undefined;
let release: (() => void) | undefined;
let statusEl: HTMLElement | null = null;

/** Runs `fn` once <body> exists: the library may load in <head>. */
function withBody(fn: () => void) {
  if (document.body) fn();
  else document.addEventListener('DOMContentLoaded', fn, { once: true });
}

/**
 * A UI root: language, direction and theme, plus `cls`. The status region is made here too,
 * empty, so that it exists before a save puts text in it: screen readers announce changes to a
 * live region, not a region that arrives with its text.
 */
function root(host: Host, cls: string) {
  withBody(() => statusEl || document.body.append((statusEl = h('div', { role: 'status', class: 'cg-sr' }))));
  return h('div', { class: `cg-root cg-${host.s.ui.theme} ${cls}`, lang: host.lang, dir: dir(host.lang) });
}

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

export function showBanner(host: Host): void {
  if (bannerEl) return;
  const { layout, position, blocking } = host.s.ui;
  // e.g. "cg-box cg-bottom cg-left": the CSS does the layout.
  const el = (bannerEl = root(host, `cg-${layout} cg-${position.replace('-', ' cg-')}${blocking ? ' cg-block' : ''}`));
  el.append(banner(host, () => showPreferences(host)));
  withBody(() => {
    if (el != bannerEl) return;
    // First in the reading order, so that screen reader and keyboard users meet it early.
    document.body.prepend(el);
    bannerOff = blocking ? modal(el) : keepClear(el);
  });
  host.emit('banner:show');
}

export function hideBanner(host: Host): void {
  if (!bannerEl) return;
  bannerEl.remove();
  bannerEl = null;
  bannerOff?.();
  bannerOff = undefined;
  host.emit('banner:hide');
}

export function showPreferences(host: Host): void {
  if (prefsEl) return;
  const el = (prefsEl = root(host, 'cg-overlay'));
  el.append(preferences(host, () => hidePreferences(host)));
  withBody(() => {
    if (el != prefsEl) return;
    document.body.append(el);
    release = modal(el, () => hidePreferences(host));
  });
  host.emit('preferences:show');
}

export function hidePreferences(host: Host): void {
  if (!prefsEl) return;
  prefsEl.remove();
  prefsEl = null;
  release?.();
  release = undefined;
  host.emit('preferences:hide');
}

/** Says to screen readers that the choices were saved. */
export function announce(text: string): void {
  // Made with the banner or the preferences; a decision by API alone shows no UI and needs no status.
  if (statusEl) statusEl.textContent = text;
}

/** Rebuilds what is shown, e.g. after a language change. */
export function refresh(host: Host): void {
  if (bannerEl) {
    hideBanner(host);
    showBanner(host);
  }
  if (prefsEl) {
    hidePreferences(host);
    showPreferences(host);
  }
}

export function removeUI(host: Host): void {
  hidePreferences(host);
  hideBanner(host);
  if (statusEl) statusEl.remove();
  statusEl = null;
}
