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
let release: (() => void) | null = null;
let statusEl: HTMLElement | null = null;

/** Runs `fn` once <body> exists: the library may load in <head>. */
function withBody(fn: () => void) {
  if (document.body) fn();
  else document.addEventListener('DOMContentLoaded', fn, { once: true });
}

const root = (host: Host, cls = '') => h('div', { class: 'cg-root' + cls, lang: host.lang, dir: dir(host.lang) });

export function showBanner(host: Host): void {
  if (bannerEl) return;
  bannerEl = root(host);
  bannerEl.append(banner(host.texts.banner, host.s.policyUrl, { acceptAll: host.acceptAll, rejectAll: host.rejectAll, preferences: () => showPreferences(host) }, host.s.html));
  const el = bannerEl;
  withBody(() => {
    // First in the reading order, so that screen reader and keyboard users meet it early.
    if (el == bannerEl) document.body.prepend(el);
  });
  host.emit('banner:show');
}

export function hideBanner(host: Host): void {
  if (!bannerEl) return;
  bannerEl.remove();
  bannerEl = null;
  host.emit('banner:hide');
}

export function showPreferences(host: Host): void {
  if (prefsEl) return;
  const p = preferences(host.s, host.texts.preferences, host.state(), {
    acceptAll: host.acceptAll,
    rejectAll: host.rejectAll,
    save: host.save,
    close: () => hidePreferences(host),
  });
  const el = (prefsEl = root(host, ' cg-overlay'));
  el.append(p.dialog);
  withBody(() => {
    if (el != prefsEl) return;
    document.body.append(el);
    release = modal(el, p.close, p.last, () => hidePreferences(host));
  });
  host.emit('preferences:show');
}

export function hidePreferences(host: Host): void {
  if (!prefsEl) return;
  prefsEl.remove();
  prefsEl = null;
  if (release) release();
  release = null;
  host.emit('preferences:hide');
}

/** Says to screen readers that the choices were saved. */
export function announce(text: string): void {
  withBody(() => {
    if (!statusEl) document.body.append((statusEl = h('div', { role: 'status', class: 'cg-sr' })));
    statusEl.textContent = text;
  });
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
