// The UI as the core sees it: the banner and the preferences shown and hidden, the language they are
// shown in, and the status region that announces a saved decision. Nothing is built until it must be
// shown. The rest of the library reaches the dialogs, the modal behaviour, the sanitizer and the
// loading of translations through this module only.
import { h, type Markup } from './dom';
import { banner } from './banner';
import { preferences } from './preferences';
import { modal } from './modal';
import { keepClear } from './keep-clear';
import { sanitize } from './sanitize';
import { dir, hasLanguage, pickLanguage, textsFor, urlOf } from '../config/language';
import { loadTexts } from '../config/translations';
import { warn } from '../log';
import type { Settings } from '../config/validate';
import type { Choices } from '../consent/model';
import type { ConsentPatch, EventName, Texts } from '../types';

/** What the UI needs from the core: one per init(). */
export interface Host {
  settings: Settings;
  /** The language shown; sets `lang` and `dir` on the UI. */
  language: string;
  /** The language to show: its texts are loaded when the UI is next shown. */
  wanted: string;
  /** The texts of the language shown. */
  texts: Texts;
  /** Aborted by destroy(): what still waits (a translation, <body>) comes to nothing. */
  signal: AbortSignal;
  /** What the preferences show: the decision in force, or before one what is accepted without it. */
  choices(): Choices;
  acceptAll(): void;
  rejectAll(): void;
  save(change: ConsentPatch): void;
  emit(event: EventName): void;
}

type Name = 'banner' | 'preferences';

/** What is shown: per name, the function that hides it again. */
const shown: { [name in Name]?: () => void } = {};
/** The banner's root while it is shown: set aside (hidden) while the preferences are open. */
let bannerRoot: HTMLElement | undefined;
/** The live region that announces a saved decision; made with the first dialog shown. */
let status: HTMLElement | undefined;

/**
 * Switches the texts to `code` (a language of the config, or 'auto'), then runs `then`: at once for
 * the language shown, built-in and inline texts; after fetching a translation given as a URL. The
 * language asked for last wins over a slower earlier one; after destroy() nothing runs.
 */
function inLanguage(host: Host, code: string, then: () => void): Promise<void> | void {
  const { settings } = host;
  const lang = pickLanguage(settings, code);
  host.wanted = lang;
  if (lang == host.language) return then();
  const show = (texts: Texts | null): Promise<void> | void => {
    if (host.signal.aborted) return;
    // A later call came while this one loaded: its language, not this one, and `then` all the same.
    if (lang != host.wanted) return inLanguage(host, host.wanted, then);
    // A translation that could not be loaded: English, and the next showing tries again.
    host.language = texts ? lang : 'en';
    host.texts = texts || textsFor(settings, 'en');
    then();
  };
  if (urlOf(settings.translations?.[lang])) return loadTexts(settings, lang).then(show);
  return show(textsFor(settings, lang));
}

/** e.g. "cg-root cg-light cg-box cg-bottom cg-left": the CSS does the layout. */
function rootClass({ theme, layout, position, blocking }: Settings['ui'], name: Name): string {
  if (name == 'preferences') return `cg-root cg-${theme} cg-overlay`;
  const edges = position.split('-').map((edge) => ' cg-' + edge);
  return `cg-root cg-${theme} cg-${layout}${edges.join('')}${blocking ? ' cg-block' : ''}`;
}

function show(host: Host, name: Name) {
  if (shown[name]) return;
  const isBanner = name == 'banner';
  const blocking = !!host.settings.ui.blocking;
  const markup: Markup = host.settings.html ? sanitize : (text) => text;
  /** Undoes the dialog's behaviour in the page: modal, or keeping focused controls clear of it. */
  let undo: (() => void) | undefined;
  const hide = () => {
    delete shown[name];
    root.remove();
    if (isBanner) bannerRoot = undefined;
    // The preferences closed without a decision (a decision removes the banner first): the banner is
    // back, before focus goes back to where it was (its Preferences button, often).
    else if (bannerRoot) bannerRoot.hidden = false;
    undo?.();
    host.emit(`${name}:hide`);
  };
  shown[name] = hide;
  const root = h(
    'div',
    { class: rootClass(host.settings.ui, name), lang: host.language, dir: dir(host.language) },
    isBanner ? banner(host, markup, blocking) : preferences(host, markup, hide),
  );
  // A banner asked for while the preferences are open waits behind them.
  if (isBanner) (bannerRoot = root).hidden = !!shown.preferences;
  const attach = () => {
    const { body } = document;
    // Made empty, before a save puts text in it: screen readers announce changes to a live region,
    // not a region that arrives with its text.
    if (!status) {
      status = h('div', { class: 'cg-sr', role: 'status' });
      body.append(status);
    }
    // Hidden again before <body> came.
    if (shown[name] != hide) return;
    // The banner first in the reading order, so that screen reader and keyboard users meet it early.
    if (isBanner) body.prepend(root);
    else body.append(root);
    undo = isBanner && !blocking ? keepClear(root) : modal(root, isBanner ? undefined : hide);
    // The banner is set aside while the preferences are open, not dimmed behind them; after modal()
    // has noted the focused control (the banner's Preferences button, often) to return to.
    if (!isBanner && bannerRoot) bannerRoot.hidden = true;
  };
  // The library may load in <head>: then the UI waits for <body>, unless destroy() comes first.
  if (document.body) attach();
  else addEventListener('DOMContentLoaded', attach, { once: true, signal: host.signal });
  host.emit(`${name}:show`);
}

/** Hides what is shown under `name`, if anything. */
const hideShown = (name: Name) => shown[name]?.();

/** Shows the banner in the language to show, its texts fetched first where they are a URL. */
export const showBanner = (host: Host): void =>
  void inLanguage(host, host.wanted, () => show(host, 'banner'));
export const hideBanner = (): void => hideShown('banner');
export const showPreferences = (host: Host): void =>
  void inLanguage(host, host.wanted, () => show(host, 'preferences'));
export const hidePreferences = (): void => hideShown('preferences');

/**
 * Rebuilds what is shown, e.g. after a language change: the banner first, so that the preferences make
 * it inert again.
 */
function refresh(host: Host): void {
  for (const name of ['banner', 'preferences'] as const) {
    if (shown[name]) {
      hideShown(name);
      show(host, name);
    }
  }
}

/** Switches what is shown to another language; resolves once it is shown. */
export function setLanguage(host: Host, code: string): Promise<void> | void {
  if (!hasLanguage(host.settings, code))
    warn(`setLanguage("${code}"): the config has no translation for "${code}"; English is shown`);
  return inLanguage(host, code, () => refresh(host));
}

/** Runs `then` once the texts of the language to show are in: for add-ons that show UI without the banner. */
export const whenTextsReady = (host: Host, then: () => void): void =>
  void inLanguage(host, host.wanted, then);

/** Says to screen readers that the choices were saved. */
export function announceSaved(host: Host): void {
  // Made with the banner or the preferences; a decision by API alone shows no UI and needs no status.
  if (status) status.textContent = host.texts.preferences.saved;
}

/** Removes everything shown, the status region too. */
export function removeUI(): void {
  // The banner first, so that closing the preferences does not bring it back.
  hideBanner();
  hidePreferences();
  status?.remove();
  status = undefined;
}
