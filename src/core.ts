// The running library: one decision per page, and the path every decision takes —
// stored, then applied (scripts released, cookies of declined services deleted), then announced.
import { validate, toService, isObj, type Settings } from './config/validate';
import { ConsentGateConfigError } from './config/error';
import { pickLanguage, textsFor, loadTexts } from './config/language';
import { accepted, all, current, diff, own, patch, record, unchanged, type Choices } from './consent/model';
import { readConsent, writeConsent, removeConsent, deleteCookies } from './storage/cookies';
import { releaseMarkup } from './gating/markup';
import { run } from './gating/scripts';
import { consentMode } from './integrations/consent-mode';
import { emit, on, safe, clearHandlers } from './events';
import { error, warn } from './log';
import * as ui from './ui/controller';
import type { Addon, Config, Consent, ConsentPatch, ServiceDef, Texts } from './types';

interface State extends ui.Host {
  consent: Consent | null;
  /** The language to show: its texts are loaded when the UI is first shown. */
  want: string;
  /** Undoes what init attached to the page. */
  off: (() => void)[];
  /** Add-ons told of each decision made in this page (the consent log). */
  dec: Set<(c: Consent) => void>;
  /** Tells the site's other tabs that a decision was made. */
  bc?: BroadcastChannel;
}

let st: State | null = null;
/** Add-ons given to use(); each starts at every init. */
const addons: Addon[] = [];

/** Configured scripts that already ran in this page; kept across destroy() and init(). */
const ran = new Set<string>();

/** Nonce of the script tag that loaded the library (read at load: currentScript is gone later). */
const ownNonce = typeof document != 'undefined' ? (document.currentScript as HTMLScriptElement | null)?.nonce : undefined;

const nonce = (s: Settings) => s.nonce || ownNonce || undefined;

/** Callers get copies: the decision in force must not change behind the library's back. */
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v));

/** Tells Google Consent Mode what the decision in force (or, before one, the defaults) allow. */
const gcm = (kind: 'default' | 'update') => {
  const { s, consent } = st!;
  if (s.gcm) consentMode(kind, s.gcm, (cat) => accepted(s, consent, cat));
};

function runServiceScripts(s: Settings, cat: string, sid: string, def: ServiceDef) {
  for (const d of def.scripts || []) {
    // The same script of the same service runs once per page, also across destroy() and init().
    const key = [cat, sid, d.src, d.inline].join('\n');
    if (ran.has(key)) continue;
    ran.add(key);
    run({
      attrs: Object.entries(d.attrs || {}),
      src: d.src,
      text: d.inline,
      async: d.async,
      type: d.type,
      nonce: nonce(s),
      // Declined while earlier scripts loaded: skip it, and let a later acceptance queue it again.
      ok: () => accepted(s, st && st.consent, cat, sid) || !ran.delete(key),
    });
  }
}

/**
 * Brings the page in line with the current decision (before one: what required categories and, in
 * opt-out mode, defaults allow). `prev` is the decision before (null on the first one); `load` is
 * set at page load.
 */
function apply(prev: Choices | null, load?: boolean) {
  const { s, consent } = st!;
  // First, so that Google tags released below already see the new state.
  if (consent) gcm('update');
  for (const cat of s.ids) {
    const { services } = s.categories[cat];
    for (const sid in services) {
      const def = services[sid];
      const was = accepted(s, prev, cat, sid);
      if (accepted(s, consent, cat, sid)) {
        runServiceScripts(s, cat, sid, def);
        if (load || !was) safe(def.onAccept);
      } else if (consent) {
        deleteCookies(def.cookies);
        if (!load && (was || !prev)) safe(def.onReject);
      }
    }
  }
  release();
}

/** Releases gated markup the current decision allows. */
function release() {
  const state = st!;
  const { s } = state;
  // The verdict is asked again when a script's turn comes: it reads the decision in force then.
  releaseMarkup((cat, svc, neg) => {
    if (!s.ids.includes(cat)) {
      warn(`data-category="${cat}" is not a category of the config: the element stays blocked.`);
      return false;
    }
    if (svc && !own(s.categories[cat].services, svc))
      warn(`data-service="${svc}" is not in categories.${cat}.services: it follows its category. List it so that visitors can see it.`);
    const { consent } = state;
    const ok = accepted(s, consent, cat, svc);
    return neg ? !!consent && !ok : ok;
  }, nonce(s));
}

/** Records a decision, tells the site's other tabs and the add-ons, and carries it out. */
function decide(choices: Choices) {
  const { s, consent: prev, bc } = st!;
  const next = record(s, prev, choices, new Date());
  // When the browser refuses the cookie, the decision still holds for this page.
  if (!writeConsent(s, next)) warn('the decision could not be stored: cookies are blocked, or cookie.domain or cookie.sameSite was refused. It holds for this page only.');
  if (s.consentLog && !st!.dec.size) warn('consentLog needs the consent-log add-on (consent-gate.consent-log.min.js, or use(consentLog)).');
  st!.dec.forEach((f) => safe(f, copy(next)));
  bc?.postMessage(0);
  ui.announce(st!.texts.preferences.saved);
  carryOut(prev, next);
}

/**
 * Another tab, or a subdomain sharing the cookie, may have decided: a newer valid decision in the
 * cookie is taken over. The message that triggers this carries nothing: the cookie is the truth.
 */
function sync() {
  const was = st!.consent;
  const c = readConsent(st!.s);
  if (c && (!was || c.id + c.updatedAt != was.id + was.updatedAt)) carryOut(was, c);
}

/** Puts a new decision in force: UI closed, page brought in line, events fired. */
function carryOut(prev: Consent | null, next: Consent) {
  const { s } = st!;
  st!.consent = next;
  ui.hidePreferences(st!);
  ui.hideBanner(st!);
  apply(prev);
  announce(s);
  const changes = diff(s, prev, next);
  if (!prev || !unchanged(changes)) {
    emit('change', copy(next), changes);
    safe(s.onChange, copy(next), changes);
  }
}

/** The `consent` event and callback, with the decision in force. */
function announce(s: Settings) {
  emit('consent', copy(st!.consent));
  safe(s.onConsent, copy(st!.consent));
}

function started(name: string): State | null {
  if (!st) warn(name + '() needs init() first');
  return st;
}

/**
 * Validates the config, reads the stored decision, releases what it allows and shows the
 * banner when a decision is due. Throws ConsentGateConfigError on a bad config.
 */
export function init(config: Config): void {
  if (st) return warn('init() was called again without destroy(); this call is ignored');
  const s = validate(config);
  // Without a DOM (Node, server rendering) there is nothing to gate or show.
  if (typeof document == 'undefined') return;
  const off: (() => void)[] = [];
  const state: State = (st = {
    s,
    lang: 'en',
    want: pickLanguage(s),
    texts: textsFor(s, 'en'),
    consent: null,
    off,
    dec: new Set(),
    state: () => current(s, state.consent),
    acceptAll,
    rejectAll,
    save: update,
    emit: (e) => emit(e, getConsent()),
  });
  s.gpc = (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
  // Before any gated script can run: Google tags must see the default first.
  gcm('default');
  state.consent = readConsent(s);
  // Add-ons (auto-blocking) must be in place before any gated script runs.
  addons.forEach(start);

  const listen = (target: EventTarget, type: string, fn: (e: Event) => void) => {
    target.addEventListener(type, fn);
    off.push(() => target.removeEventListener(type, fn));
  };
  listen(document, 'click', (e) => {
    if ((e.target as Element).closest?.('[data-cg-open="preferences"]')) {
      e.preventDefault();
      showPreferences();
    }
  });
  // Decisions of other tabs: at once through a BroadcastChannel; and when this tab is shown again,
  // for what no message brings (a subdomain sharing the cookie, a frozen tab, no BroadcastChannel).
  if (self.BroadcastChannel) {
    const bc = (state.bc = new BroadcastChannel('consent-gate'));
    bc.onmessage = sync;
    off.push(() => bc.close());
  }
  listen(document, 'visibilitychange', () => document.hidden || sync());
  // Only a page restored from the back/forward cache can hold an old decision.
  listen(window, 'pageshow', (e) => (e as PageTransitionEvent).persisted && sync());
  // Gated markup may come later: the rest of the page while it loads, or a single-page app's views.
  const again = () => st == state && release();
  const mo = new MutationObserver(again);
  mo.observe(document, { childList: true, subtree: true });
  listen(document, 'DOMContentLoaded', again);
  off.push(() => mo.disconnect());

  // Required services run now, decision or not; with a stored decision, everything it allows.
  apply(null, true);
  if (state.consent) announce(s);
  else showBanner();
}

/** Runs `then` once the texts of the wanted language are in: at once, or after fetching them. */
function ready(state: State, then: () => void) {
  return state.lang == state.want ? then() : language(state, state.want, then);
}

/**
 * Switches the texts to a language of the config (or 'auto'); then `then` runs. Synchronous for
 * built-in and inline texts; a translation given as a URL is fetched first.
 */
function language(state: State, code: string | undefined, then = () => ui.refresh(state)): Promise<void> | void {
  const { s } = state;
  const lang = (state.want = pickLanguage(s, code));
  const show = (t: Texts) => {
    if (st != state) return;
    state.lang = lang;
    state.texts = t;
    then();
  };
  if (typeof s.translations?.[lang] == 'string') return loadTexts(s, lang).then(show);
  show(textsFor(s, lang));
}

function start(addon: Addon) {
  const state = st!;
  // A broken add-on must not leave init half done.
  try {
    const off = addon({
      categories: state.s.categories,
      config: state.s as unknown as Config,
      texts: () => state.texts,
      language: () => state.lang,
      decided: (fn) => (state.dec.add(fn), () => state.dec.delete(fn)),
      isAccepted,
      update,
      showPreferences,
      on,
    });
    if (off) state.off.push(off);
  } catch (e) {
    error('an add-on failed to start', e);
  }
}

/**
 * Adds an add-on (`consent-gate/embeds`, `consent-gate/autoblock`, `consent-gate/consent-log`): it
 * starts now when `init` ran, and at every `init`; the same one twice counts once. The script-tag
 * add-on files call this themselves. Returns a function that keeps it from later inits
 * (`destroy()` stops a running one).
 */
export function use(addon: Addon): () => void {
  if (!addons.includes(addon)) {
    addons.push(addon);
    if (st) start(addon);
  }
  return () => {
    const i = addons.indexOf(addon);
    if (i >= 0) addons.splice(i, 1);
  };
}

/** The stored decision, or null before one. */
export function getConsent(): Consent | null {
  return st && st.consent && copy(st.consent);
}

/** Whether a category, or one service of it, is accepted. */
export function isAccepted(category: string, service?: string): boolean {
  return !!st && accepted(st.s, st.consent, category, service);
}

/** Accepts every category and service (but those a Global Privacy Control signal keeps off). */
export function acceptAll(): void {
  if (started('acceptAll')) decide(all(st!.s, true));
}

/** Declines everything but required categories. */
export function rejectAll(): void {
  if (started('rejectAll')) decide(all(st!.s, false));
}

/** Sets some categories or services and keeps the rest: `update({ analytics: true, marketing: { youtube: true } })`. */
export function update(choices: ConsentPatch): void {
  if (!started('update')) return;
  for (const [cat, v] of Object.entries(choices))
    if (!st!.s.ids.includes(cat) || (typeof v != 'boolean' && !isObj(v))) warn(`update(): "${cat}" must be a category of the config, set to true, false or a map of its services`);
  decide(patch(st!.s, st!.consent, choices));
}

export function showBanner(): void {
  const state = started('showBanner');
  if (state) ready(state, () => ui.showBanner(state));
}
export function hideBanner(): void {
  if (st) ui.hideBanner(st);
}
export function showPreferences(): void {
  const state = started('showPreferences');
  if (state) ready(state, () => ui.showPreferences(state));
}
export function hidePreferences(): void {
  if (st) ui.hidePreferences(st);
}

/** Adds a service at run time; its scripts run at once when it is already accepted. */
export function register(category: string, serviceId: string, service: ServiceDef): void {
  // Server-side rendering: init did nothing without a DOM, so neither does register.
  if (typeof document == 'undefined') return;
  const path = `register("${category}", "${serviceId}")`;
  const fail = (msg: string) => {
    throw new ConsentGateConfigError(`${path}: ${msg}`);
  };
  if (!st) fail('must come after init()');
  const { s } = st!;
  if (!s.ids.includes(category)) fail(`"${category}" is not a category of the config`);
  if (!/^[a-z][\w-]*$/i.test(serviceId)) fail('the service id must be letters, digits, - and _, starting with a letter');
  const services = s.categories[category].services;
  if (own(services, serviceId)) return warn(path + ': the service is already registered; the second one is ignored');
  const def = (services[serviceId] = toService(service, path));
  if (accepted(s, st!.consent, category, serviceId)) {
    runServiceScripts(s, category, serviceId, def);
    safe(def.onAccept);
  }
}

/** Forgets the decision and asks again. */
export function reset(): void {
  if (!started('reset')) return;
  removeConsent(st!.s);
  st!.consent = null;
  gcm('update');
  showBanner();
}

/** Removes the UI and everything init attached, so that init can run again. */
export function destroy(): void {
  if (!st) return;
  ui.removeUI(st);
  st.off.forEach((f) => f());
  clearHandlers();
  st = null;
}

/**
 * Switches the visible texts to another language of the config (a region falls back to its
 * base language, an unknown one to English). Resolves once the new texts are shown.
 */
export async function setLanguage(code: string): Promise<void> {
  if (started('setLanguage')) await language(st!, code);
}

export { on };
