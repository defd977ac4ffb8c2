// The running library: one decision per page, and the path every decision takes —
// stored, then applied (scripts released, cookies of declined services deleted), then announced.
// The imports' order is the bundle's order (nothing done on load depends on it): this one gzips smallest.
import { validate, toService, isId, ID_RULE, type Service, type Settings } from './config/validate';
import { hasOwn, isObject } from './util';
import { ConsentGateConfigError } from './config/error';
import { accepted, diff, patch, record, unchanged, type Choices } from './consent/model';
import { consentMode } from './integrations/consent-mode';
import { hasLanguage, pickLanguage, textsFor, loadTexts } from './config/language';
import { readConsent, writeConsent, removeConsent, deleteCookies } from './storage/cookies';
import { run } from './gating/scripts';
import { emit, on, safe, clearHandlers } from './events';
import { error, warn } from './log';
import * as ui from './ui/controller';
import { releaseMarkup } from './gating/markup';
import type { Addon, Changes, Config, Consent, ConsentPatch, ServiceDef, Texts } from './types';

interface State extends ui.Host {
  consent: Consent | null;
  /** The language to show: its texts are loaded when the UI is first shown. */
  want: string;
}

let st: State | null = null;
/** Undoes what init attached to the page. */
let off: (() => void)[] = [];
/** Add-ons told of each decision made in this page (the consent log). */
const dec = new Set<(c: Consent) => void>();
/** Tells the site's other tabs that a decision was made. */
let bc: BroadcastChannel | undefined;
/** Add-ons given to use(); each starts at every init. */
const addons = new Set<Addon>();

/** Configured scripts that already ran in this page; kept across destroy() and init(). */
const ran = new Set<string>();

/** Callers get copies: the decision in force must not change behind the library's back. */
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v));

/** An API function that needs init() first; before it, it only warns. */
const need =
  <A extends unknown[], R>(name: string, fn: (state: State, ...a: A) => R) =>
  (...a: A): R | void =>
    st ? fn(st, ...a) : warn(name + '() needs init() first');

/**
 * Runs what the decision in force allows of one service: at page load or registration (`load`), or
 * when a decision changes it from `prev` (null before the first one).
 */
function service(s: Settings, cat: string, sid: string, def: Service, prev: Choices | null, load?: unknown) {
  const { consent } = st!;
  const was = accepted(s, prev, cat, sid);
  if (accepted(s, consent, cat, sid)) {
    for (const d of def.scripts) {
      // The same script of the same service runs once per page, also across destroy() and init().
      const key = JSON.stringify([cat, sid, d.src, d.inline]);
      // Declined while earlier scripts loaded: skipped, and queued again by a later acceptance.
      if (!ran.has(key))
        run({ ...d, nonce: s.nonce, ok: () => accepted(s, st && st.consent, cat, sid) }, ran, key);
    }
    if (load || !was) safe(def.onAccept);
  } else if (consent) {
    deleteCookies(def.cookies);
    if (!load && (was || !prev)) safe(def.onReject);
  }
}

/**
 * Brings the page in line with the current decision (before one: what required categories and, in
 * opt-out mode, defaults allow). `prev` is the decision before (null on the first one); `load` is
 * set at page load.
 */
function apply(state: State, prev: Choices | null, load?: unknown) {
  const { s } = state;
  // First, so that Google tags released below already see the new state.
  if (state.consent) consentMode(s, state.consent, 'update');
  for (const cat of s.ids) {
    // Own keys only: an enumerable key on Object.prototype is no service.
    for (const [sid, def] of Object.entries(s.categories[cat].services))
      service(s, cat, sid, def, prev, load);
  }
  releaseMarkup(state);
}

/**
 * Records a decision, `p` applied to `base` (null: to nothing, for all or nothing), tells the site's
 * other tabs and the add-ons, and carries it out.
 */
function decide(state: State, p: ConsentPatch | boolean, base: Choices | null = null) {
  const { s, consent: prev } = state;
  const next = record(s, prev, patch(s, base, p), new Date());
  // When the browser refuses the cookie, the decision still holds for this page.
  if (!writeConsent(s, next))
    warn('the decision could not be stored: cookies blocked, or cookie.domain/sameSite refused');
  if (s.consentLog && !dec.size) warn('consentLog needs the consent-log add-on');
  dec.forEach((f) => safe(f, copy(next)));
  bc?.postMessage(0);
  ui.announce(state.texts.preferences.saved);
  carryOut(state, prev, next);
}

/**
 * Another tab, or a subdomain sharing the cookie, may have decided: another valid decision in the
 * cookie is taken over. The message that triggers this carries nothing: the cookie is the truth.
 */
function sync(e?: MessageEvent) {
  const state = st!;
  const c = readConsent(state.s);
  if (c) JSON.stringify(c) != JSON.stringify(state.consent) && carryOut(state, state.consent, c);
  // Another tab's reset() says so (1), and the cookie agrees: forgotten here too.
  else if (e?.data && state.consent) forget(state);
}

/** Puts a new decision in force: UI closed, page brought in line, events fired. */
function carryOut(state: State, prev: Consent | null, next: Consent) {
  const { s } = state;
  state.consent = next;
  ui.hidePreferences(state);
  ui.hideBanner(state);
  apply(state, prev);
  tell('consent', s.onConsent, state.consent);
  // Something changed (before the first decision, everything counts as changed).
  const changes = diff(s, prev, next);
  if (!unchanged(changes)) tell('change', s.onChange, next, changes);
}

/** An event and its config callback, each with its own copy of the decision. */
function tell(
  name: 'consent' | 'change',
  cb: ((...a: any[]) => void) | undefined,
  c: Consent | null,
  changes?: Changes,
) {
  emit(name, copy(c), changes);
  if (changes) safe(cb, copy(c), changes);
  else safe(cb, copy(c));
}

/**
 * Validates the config, reads the stored decision, releases what it allows and shows the
 * banner when a decision is due. Throws ConsentGateConfigError on a bad config.
 */
export function init(config: Config): void {
  if (st) return warn('init() called again without destroy(): ignored');
  const s = validate(config);
  // Without a DOM (Node, server rendering) there is nothing to gate or show.
  if (!globalThis.document) return;
  s.gpc = (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
  if (!hasLanguage(s, s.language))
    warn(`language: the config has no translation for "${s.language}"; English is shown`);
  // Before any gated script can run: Google tags must see the default first.
  consentMode(s, null, 'default');
  const state: State = (st = {
    s,
    lang: 'en',
    want: pickLanguage(s),
    texts: textsFor(s, 'en'),
    consent: readConsent(s),
    state: () => patch(s, state.consent, {}),
    acceptAll,
    rejectAll,
    save: update,
    emit: (e) => emit(e, getConsent()),
  });
  // Add-ons (auto-blocking) must be in place before any gated script runs.
  addons.forEach(start);

  // In the capture phase: a page's own stopPropagation() must not cut the way to the preferences.
  const listen = (target: EventTarget, type: string, fn: (e: Event) => void) => {
    target.addEventListener(type, fn, true);
    off.push(() => target.removeEventListener(type, fn, true));
  };
  listen(document, 'click', (e) => {
    if ((e.target as Element).closest?.('[data-cg-open="preferences"]')) {
      e.preventDefault();
      showPreferences();
    }
  });
  // Decisions of other tabs: at once through a BroadcastChannel; and when this tab is shown again,
  // for what no message brings (a subdomain sharing the cookie, a frozen tab, no BroadcastChannel).
  // A message can outrun the cookie it is about (the two travel apart between processes): the
  // cookie is read in the next task and twice more later, as long as this channel is the one in
  // use (no destroy() in between).
  if (self.BroadcastChannel)
    (bc = new BroadcastChannel('consent-gate')).onmessage = (e) =>
      [0, 500, 2e3].map((t) => setTimeout(() => e.target == bc && sync(e), t));
  listen(document, 'visibilitychange', () => document.hidden || sync());
  // Only a page restored from the back/forward cache can hold an old decision.
  listen(window, 'pageshow', (e) => (e as PageTransitionEvent).persisted && sync());
  // Gated markup may come later: the rest of the page while it loads, or a single-page app's views.
  const again = () => releaseMarkup(state);
  const mo = new MutationObserver(again);
  mo.observe(document, { childList: true, subtree: true });
  listen(document, 'DOMContentLoaded', again);
  off.push(() => mo.disconnect());

  // Required services run now, decision or not; with a stored decision, everything it allows.
  apply(state, null, 1);
  if (state.consent) tell('consent', s.onConsent, state.consent);
  else showBanner();
}

/**
 * Switches the texts to a language of the config (or 'auto'), then runs `then`: at once for the
 * language shown, built-in and inline texts; after fetching a translation given as a URL.
 */
function language(state: State, code: string, then: () => void): Promise<void> | void {
  const { s } = state;
  const lang = (state.want = pickLanguage(s, code));
  const show = (t: Texts | null) => {
    if (st != state) return;
    // A later setLanguage() came while this one loaded: its language, not this one, and `then` all the same.
    if (lang != state.want) return language(state, state.want, then);
    // A translation that could not be loaded: English, and the next showing tries again.
    state.lang = t ? lang : 'en';
    state.texts = t || textsFor(s, 'en');
    then();
  };
  if (lang == state.lang) return then();
  if (typeof s.translations?.[lang] == 'string') return loadTexts(s, lang).then(show);
  show(textsFor(s, lang));
}

function start(addon: Addon) {
  const state = st!;
  // A broken add-on must not leave init half done.
  try {
    const stop = addon({
      categories: state.s.categories,
      config: state.s as unknown as Config,
      texts: () => state.texts,
      language: () => state.lang,
      ready: (then) => void language(state, state.want, then),
      decided: (fn) => (dec.add(fn), () => dec.delete(fn)),
      isAccepted,
      update,
      showPreferences,
      on,
    });
    if (stop) off.push(stop);
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
  if (!addons.has(addon)) {
    addons.add(addon);
    if (st) start(addon);
  }
  return () => void addons.delete(addon);
}

/** The stored decision, or null before one. */
export const getConsent = (): Consent | null => st && copy(st.consent);

/** Whether a category, or one service of it, is accepted. */
export const isAccepted = (category: string, service?: string): boolean =>
  !!st && accepted(st.s, st.consent, category, service);

/** Accepts every category and service (but those a Global Privacy Control signal keeps off). */
export const acceptAll: () => void = /*#__PURE__*/ need('acceptAll', (state) => decide(state, true));

/** Declines everything but required categories. */
export const rejectAll: () => void = /*#__PURE__*/ need('rejectAll', (state) => decide(state, false));

/** Sets some categories or services and keeps the rest: `update({ analytics: true, marketing: { youtube: true } })`. */
export const update: (choices: ConsentPatch) => void = /*#__PURE__*/ need(
  'update',
  (state, choices: ConsentPatch) => {
    // Only a map of categories decides: update(true) from a script tag must not accept everything.
    if (!isObject(choices)) return warn('update() takes an object');
    // A site owner's mistake must not be stored as the visitor's decision: nothing of such a call is.
    for (const [cat, v] of Object.entries(choices)) {
      if (!state.s.ids.includes(cat) || (v !== !!v && !isObject(v)))
        return warn(
          `update(): "${cat}" is not a category of the config or not true, false or a map: nothing changed`,
        );
      for (const [sid, x] of Object.entries(v)) {
        if (x !== !!x) return warn(`update(): ${cat}.${sid} is not true or false: nothing changed`);
        // An unlisted service is taken (it may be in the markup only), but a typo must not pass unseen.
        hasOwn(state.s.categories[cat].services, sid) ||
          warn(`update(): "${sid}" is not in categories.${cat}.services`);
      }
    }
    decide(state, choices, state.consent);
  },
);

export const showBanner: () => void = /*#__PURE__*/ need('showBanner', (state) =>
  language(state, state.want, () => ui.showBanner(state)),
);
// Nothing is shown without init (destroy() removes it all): the UI has nothing to hide then.
export const hideBanner = (): void => ui.hideBanner(st!);
export const showPreferences: () => void = /*#__PURE__*/ need('showPreferences', (state) =>
  language(state, state.want, () => ui.showPreferences(state)),
);
export const hidePreferences = (): void => ui.hidePreferences(st!);

/** Adds a service at run time; its scripts run at once when it is already accepted. */
export function register(category: string, serviceId: string, def: ServiceDef): void {
  // Server-side rendering: init did nothing without a DOM, so neither does register.
  if (!globalThis.document) return;
  const path = `register("${category}", "${serviceId}")`;
  const fail = !st
    ? 'needs init() first'
    : !st.s.ids.includes(category)
      ? `"${category}" is not a category of the config`
      : !isId(serviceId) && 'the service id must be ' + ID_RULE;
  if (fail) throw new ConsentGateConfigError(`${path}: ${fail}`);
  const { s } = st!;
  const services = s.categories[category].services;
  if (hasOwn(services, serviceId)) return warn(path + ': already registered: ignored');
  const svc = (services[serviceId] = toService(def, path));
  if (accepted(s, st!.consent, category, serviceId)) service(s, category, serviceId, svc, null, 1);
}

/** The decision in force is gone: Google tags are told, and the banner asks again. */
function forget(state: State) {
  state.consent = null;
  consentMode(state.s, null, 'update');
  showBanner();
}

/** Forgets the decision and asks again, in the site's other tabs too. */
export const reset: () => void = /*#__PURE__*/ need('reset', (state) => {
  removeConsent(state.s);
  bc?.postMessage(1);
  forget(state);
});

/** Removes the UI and everything init attached, so that init can run again. */
export function destroy(): void {
  if (!st) return;
  ui.removeUI(st);
  off.forEach((f) => f());
  // Closed and gone: the re-reads a message has still scheduled see it is not theirs.
  bc = bc?.close() as undefined;
  off = [];
  dec.clear();
  clearHandlers();
  st = null;
}

const lang = /*#__PURE__*/ need('setLanguage', (state, code: string) => {
  if (!hasLanguage(state.s, code))
    warn(`setLanguage("${code}"): the config has no translation for "${code}"; English is shown`);
  return language(state, code, () => ui.refresh(state));
});

/**
 * Switches the visible texts to another language of the config (a region falls back to its
 * base language, an unknown one to English). Resolves once the new texts are shown.
 */
export const setLanguage = async (code: string): Promise<void> => lang(code);

export { on };
