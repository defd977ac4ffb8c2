// The running library: one decision per page, and the path every decision takes: stored, then
// applied (scripts released, cookies of declined services deleted), then announced.
//
// What lives how long:
// - For the whole page, across destroy() and init(): the add-ons given to use(), the configured
//   scripts that already ran (none runs twice in a page), the subscribers of subscribe() and the
//   snapshot they last got (below); the gated elements already released and the queue of scripts
//   (gating/), the translation files fetched (config/translations.ts), the warnings already given (log.ts).
// - From on() until destroy(): event handlers (events.ts).
// - From init() to destroy(): one Session: the settings, the decision in force, the language and texts
//   shown, the add-ons' decision listeners, the channel to other tabs, and every listener, observer
//   and add-on that init() started, all ended by the session's AbortController; and what the UI
//   shows (ui/controller.ts).
import { validate, toService, isId, ID_RULE, type Service, type Settings } from './config/validate';
import { ConsentGateConfigError } from './config/error';
import { hasLanguage, pickLanguage, textsFor } from './config/language';
import { accepted, diff, patch, record, unchanged, type Choices } from './consent/model';
import { readConsent, writeConsent, removeConsent, deleteCookies } from './storage/cookies';
import { run } from './gating/scripts';
import { releaseMarkup } from './gating/markup';
import { consentMode } from './integrations/consent-mode';
import { emit, on, safe, clearHandlers } from './events';
import { error, warn } from './log';
import { hasOwn, isBoolean, isObject } from './util';
import * as ui from './ui/controller';
import type { Addon, Changes, Config, Consent, ConsentPatch, ConsentSnapshot, ServiceDef } from './types';

interface Session extends ui.Host {
  /** The decision in force, frozen (getConsentSnapshot() hands it out), or null before one. */
  consent: Consent | null;
  /** Aborted by destroy(); `signal` is its signal. */
  lifetime: AbortController;
  /** Add-ons told of each decision made in this page (the consent log). */
  decided: Set<(consent: Consent) => void>;
  /** Tells the site's other tabs that a decision was made or forgotten. */
  channel?: BroadcastChannel;
}

/** What init() started, until destroy(); null before init() and after destroy(). */
let session: Session | null = null;
/** Add-ons given to use(); each starts at every init. */
const addons = new Set<Addon>();
/** Configured scripts that already ran in this page, by service and script. */
const ranScripts = new Set<string>();
/** subscribe()'s listeners, and the snapshot they were last given. */
const subscribers = new Set<(consent: ConsentSnapshot | null) => void>();
let published: ConsentSnapshot | null = null;

/** The messages between tabs, as every copy of the library sends them: the cookie says what changed. */
const DECIDED = 0;
const RESET = 1;
/** When a tab looks at the cookie after a message: a message can outrun the cookie change it is about. */
const LOOKS_AFTER_MESSAGE = [0, 500, 2000];

/** What changes the page: a decision (made here or taken over), or loading the page (or a service). */
type Occasion = 'decision' | 'load';

/** Callers get copies: the decision in force must not change behind the library's back. */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/** The decision as it is kept in force: frozen all the way down, so that nobody holding it can alter it. */
function freeze(consent: Consent): Consent {
  for (const services of Object.values(consent.services)) Object.freeze(services);
  Object.freeze(consent.services);
  Object.freeze(consent.categories);
  return Object.freeze(consent);
}

/** An API function that needs init() first; before it, it only warns. */
const needsInit =
  <A extends unknown[], R>(name: string, fn: (session: Session, ...args: A) => R) =>
  (...args: A): R | void => {
    if (session) return fn(session, ...args);
    warn(name + '() needs init() first');
  };

/** Tells subscribers when the decision in force is another object than the one they were last given. */
function publish() {
  const snapshot = getConsentSnapshot();
  if (snapshot === published) return;
  published = snapshot;
  for (const listener of [...subscribers]) safe(listener, snapshot);
}

/**
 * Runs what the decision in force allows of one service: its scripts once accepted, its onAccept at
 * load or when it becomes accepted; its cookies deleted and its onReject when it is declined.
 * `prev` is the decision before (null before the first one).
 */
function runService(
  current: Session,
  category: string,
  serviceId: string,
  def: Service,
  prev: Choices | null,
  occasion: Occasion,
) {
  const { settings, consent } = current;
  const wasAccepted = accepted(settings, prev, category, serviceId);
  if (accepted(settings, consent, category, serviceId)) {
    for (const script of def.scripts) {
      // The same script of the same service runs once per page, also across destroy() and init().
      const key = JSON.stringify([category, serviceId, script.src, script.inline]);
      if (ranScripts.has(key)) continue;
      // Declined while earlier scripts loaded: skipped, and queued again by a later acceptance.
      const ok = () => isAccepted(category, serviceId);
      run({ ...script, nonce: settings.nonce, ok }, ranScripts, key);
    }
    if (occasion == 'load' || !wasAccepted) safe(def.onAccept);
  } else if (consent) {
    deleteCookies(def.cookies);
    if (occasion == 'decision' && (wasAccepted || !prev)) safe(def.onReject);
  }
}

/**
 * Brings the page in line with the decision in force (before one: what required categories and, in
 * opt-out mode, defaults allow). `prev` is the decision before (null on the first one).
 */
function apply(current: Session, prev: Choices | null, occasion: Occasion) {
  const { settings, consent } = current;
  // First, so that Google tags released below already see the new state.
  if (consent) consentMode(settings, consent, 'update');
  for (const category of settings.ids) {
    // Own keys only: an enumerable key on Object.prototype is no service.
    for (const [serviceId, def] of Object.entries(settings.categories[category].services))
      runService(current, category, serviceId, def, prev, occasion);
  }
  releaseMarkup(current);
}

/** An event and its config callback, each with its own copy of the decision. */
function tell(current: Session, name: 'consent' | 'change', consent: Consent, changes?: Changes) {
  const { onConsent, onChange } = current.settings;
  emit(name, copy(consent), changes);
  if (name == 'consent') safe(onConsent, copy(consent));
  else safe(onChange, copy(consent), changes);
}

/** Puts a new decision in force: UI closed, page brought in line, events fired. */
function carryOut(current: Session, prev: Consent | null, next: Consent) {
  current.consent = freeze(next);
  // The banner first: the preferences closing would bring it back (ui/controller.ts).
  ui.hideBanner();
  ui.hidePreferences();
  apply(current, prev, 'decision');
  tell(current, 'consent', next);
  // Before the first decision, everything counts as changed.
  const changes = diff(current.settings, prev, next);
  if (!unchanged(changes)) tell(current, 'change', next, changes);
  publish();
}

/**
 * Records a decision, `change` applied to `base` (null: to nothing, for all or nothing), tells the
 * site's other tabs and the add-ons, and carries it out.
 */
function decide(current: Session, change: ConsentPatch | boolean, base: Choices | null) {
  const { settings, consent: prev } = current;
  const next = record(settings, prev, patch(settings, base, change), new Date());
  // When the browser refuses the cookie, the decision still holds for this page.
  if (!writeConsent(settings, next))
    warn('the decision could not be stored: cookies blocked, or cookie.domain/sameSite refused');
  if (settings.consentLog && !current.decided.size) warn('consentLog needs the consent-log add-on');
  for (const listener of current.decided) safe(listener, copy(next));
  current.channel?.postMessage(DECIDED);
  ui.announceSaved(current);
  carryOut(current, prev, next);
}

/** The decision in force is gone: Google tags are told, and the banner asks again. */
function forget(current: Session) {
  current.consent = null;
  consentMode(current.settings, null, 'update');
  ui.showBanner(current);
  publish();
}

/**
 * Another tab, or a subdomain sharing the cookie, may have decided: another valid decision in the
 * cookie is taken over. A message only says when to look (it carries nothing: the cookie is the
 * truth); another tab's reset() says so, and the decision here goes when the cookie agrees.
 */
function sync(current: Session, message?: unknown) {
  const stored = readConsent(current.settings);
  if (stored) {
    if (JSON.stringify(stored) != JSON.stringify(current.consent)) carryOut(current, current.consent, stored);
  } else if (message === RESET && current.consent) forget(current);
}

/** Listens until destroy(), in the capture phase: a page's own stopPropagation() must not cut it off. */
function listen(current: Session, target: EventTarget, type: string, listener: (e: Event) => void) {
  target.addEventListener(type, listener, { capture: true, signal: current.signal });
}

/** Follows what the page and other tabs do, until destroy(). */
function watch(current: Session) {
  const { signal } = current;
  listen(current, document, 'click', (e) => {
    if ((e.target as Element).closest?.('[data-cg-open="preferences"]')) {
      e.preventDefault();
      showPreferences();
    }
  });
  // Decisions of other tabs: at once through a BroadcastChannel; and when this tab is shown again,
  // for what no message brings (a subdomain sharing the cookie, a frozen tab, no BroadcastChannel).
  // Firefox throws a SecurityError instead where the visitor blocks all cookies: then this tab
  // learns of other tabs' decisions when it is shown again, as without BroadcastChannel.
  let channel: BroadcastChannel | undefined;
  try {
    channel = new BroadcastChannel('consent-gate');
  } catch {
    // no BroadcastChannel, or no storage for this page
  }
  if (channel) {
    channel.onmessage = (e) => {
      for (const delay of LOOKS_AFTER_MESSAGE)
        setTimeout(() => {
          if (!signal.aborted) sync(current, e.data);
        }, delay);
    };
    signal.addEventListener('abort', () => channel.close());
    current.channel = channel;
  }
  listen(current, document, 'visibilitychange', () => {
    if (!document.hidden) sync(current);
  });
  // Only a page restored from the back/forward cache can hold an old decision.
  listen(current, window, 'pageshow', (e) => {
    if ((e as PageTransitionEvent).persisted) sync(current);
  });
  // Gated markup may come later: the rest of the page while it loads, or a single-page app's views.
  const release = () => releaseMarkup(current);
  const observer = new MutationObserver(release);
  observer.observe(document, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect());
  listen(current, document, 'DOMContentLoaded', release);
}

function start(current: Session, addon: Addon) {
  const { settings } = current;
  // A broken add-on must not leave init half done.
  try {
    const stop = addon({
      categories: settings.categories,
      config: settings as unknown as Config,
      texts: () => current.texts,
      language: () => current.language,
      ready: (then) => ui.whenTextsReady(current, then),
      decided: (listener) => {
        current.decided.add(listener);
        return () => void current.decided.delete(listener);
      },
      isAccepted,
      update,
      showPreferences,
      on,
    });
    if (stop) current.signal.addEventListener('abort', () => safe(stop));
  } catch (e) {
    error('an add-on failed to start', e);
  }
}

/**
 * Validates the config, reads the stored decision, releases what it allows and shows the
 * banner when a decision is due. Throws ConsentGateConfigError on a bad config.
 */
export function init(config: Config): void {
  if (session) return warn('init() called again without destroy(): ignored');
  const settings = validate(config);
  // Without a DOM (Node, server rendering) there is nothing to gate or show.
  if (!globalThis.document) return;
  settings.gpc = (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true;
  if (!hasLanguage(settings, settings.language))
    warn(`language: the config has no translation for "${settings.language}"; English is shown`);
  // Before any gated script can run: Google tags must see the default first.
  consentMode(settings, null, 'default');
  const stored = readConsent(settings);
  const lifetime = new AbortController();
  const current: Session = {
    settings,
    language: 'en',
    wanted: pickLanguage(settings),
    texts: textsFor(settings, 'en'),
    consent: stored && freeze(stored),
    lifetime,
    signal: lifetime.signal,
    decided: new Set(),
    choices: () => patch(settings, current.consent, {}),
    acceptAll,
    rejectAll,
    save: update,
    emit: (event) => emit(event, getConsent()),
  };
  session = current;
  // Add-ons (auto-blocking) must be in place before any gated script runs.
  for (const addon of addons) start(current, addon);
  watch(current);
  // Required services run now, decision or not; with a stored decision, everything it allows.
  apply(current, null, 'load');
  if (current.consent) tell(current, 'consent', current.consent);
  else ui.showBanner(current);
  publish();
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
    if (session) start(session, addon);
  }
  return () => void addons.delete(addon);
}

/**
 * A copy of the decision in force, or null before one: a new object at every call, the caller's to
 * change. For a value that stays the same until the decision changes, see getConsentSnapshot().
 */
export const getConsent = (): Consent | null => (session?.consent ? copy(session.consent) : null);

/**
 * The decision in force, or null before one (and before init()): one frozen object, the same at every
 * call until the decision changes, when a new one takes its place. What React's
 * `useSyncExternalStore(subscribe, getConsentSnapshot)` and other snapshot readers need.
 */
export const getConsentSnapshot = (): ConsentSnapshot | null => session?.consent ?? null;

/**
 * Calls `listener` with getConsentSnapshot() now, and again each time it changes: a decision made
 * here or taken over from another tab, reset(), init() and destroy(). Returns the function that
 * stops it. A subscription lasts for the page, across destroy() and init(); without a DOM the
 * listener hears null once. Called at once with the current value, `{ subscribe }` is a Svelte store.
 */
export function subscribe(listener: (consent: ConsentSnapshot | null) => void): () => void {
  if (typeof listener != 'function') {
    warn(`subscribe(): the listener must be a function (got ${typeof listener})`);
    return () => {};
  }
  // Each call its own entry: the same function subscribed twice hears twice and stops one at a time.
  const entry = (consent: ConsentSnapshot | null) => listener(consent);
  subscribers.add(entry);
  safe(entry, getConsentSnapshot());
  return () => void subscribers.delete(entry);
}

/** Whether a category, or one service of it, is accepted. */
export const isAccepted = (category: string, service?: string): boolean =>
  !!session && accepted(session.settings, session.consent, category, service);

/** Accepts every category and service (but those a Global Privacy Control signal keeps off). */
export const acceptAll: () => void = /*#__PURE__*/ needsInit('acceptAll', (current) =>
  decide(current, true, null),
);

/** Declines everything but required categories. */
export const rejectAll: () => void = /*#__PURE__*/ needsInit('rejectAll', (current) =>
  decide(current, false, null),
);

/**
 * Why a site's update() argument cannot be taken (then nothing of it is), or undefined. A service the
 * category does not list is taken (it may be in the markup only), but named, so that a typo shows.
 */
function patchProblem(settings: Settings, choices: Record<string, unknown>): string | undefined {
  for (const [category, value] of Object.entries(choices)) {
    if (!settings.ids.includes(category) || !(isBoolean(value) || isObject(value)))
      return `update(): "${category}" is not a category of the config or not true, false or a map: nothing changed`;
    if (isBoolean(value)) continue;
    for (const [service, choice] of Object.entries(value)) {
      if (!isBoolean(choice)) return `update(): ${category}.${service} is not true or false: nothing changed`;
      if (!hasOwn(settings.categories[category].services, service))
        warn(`update(): "${service}" is not in categories.${category}.services`);
    }
  }
}

/** Sets some categories or services and keeps the rest: `update({ analytics: true, marketing: { youtube: true } })`. */
export const update: (choices: ConsentPatch) => void = /*#__PURE__*/ needsInit(
  'update',
  (current, choices: ConsentPatch) => {
    // Only a map of categories decides: update(true) from a script tag must not accept everything.
    if (!isObject(choices)) return warn('update() takes an object');
    // A site owner's mistake must not be stored as the visitor's decision: nothing of such a call is.
    const problem = patchProblem(current.settings, choices);
    if (problem) return warn(problem);
    decide(current, choices, current.consent);
  },
);

export const showBanner: () => void = /*#__PURE__*/ needsInit('showBanner', ui.showBanner);
// Nothing is shown without init (destroy() removes it all): the UI has nothing to hide then.
export const hideBanner = (): void => ui.hideBanner();
export const showPreferences: () => void = /*#__PURE__*/ needsInit('showPreferences', ui.showPreferences);
export const hidePreferences = (): void => ui.hidePreferences();

const changeLanguage = /*#__PURE__*/ needsInit('setLanguage', ui.setLanguage);

/**
 * Switches the visible texts to another language of the config (a region falls back to its
 * base language, an unknown one to English). Resolves once the new texts are shown.
 */
export const setLanguage = async (code: string): Promise<void> => changeLanguage(code);

/** Adds a service at run time; its scripts run at once when it is already accepted. */
export function register(category: string, serviceId: string, def: ServiceDef): void {
  // Server-side rendering: init did nothing without a DOM, so neither does register.
  if (!globalThis.document) return;
  const path = `register("${category}", "${serviceId}")`;
  const fail = (problem: string) => new ConsentGateConfigError(`${path}: ${problem}`);
  if (!session) throw fail('needs init() first');
  const { settings, consent } = session;
  if (!settings.ids.includes(category)) throw fail(`"${category}" is not a category of the config`);
  if (!isId(serviceId)) throw fail('the service id must be ' + ID_RULE);
  const services = settings.categories[category].services;
  if (hasOwn(services, serviceId)) return warn(path + ': already registered: ignored');
  const service = toService(def, path);
  services[serviceId] = service;
  if (accepted(settings, consent, category, serviceId))
    runService(session, category, serviceId, service, null, 'load');
}

/** Forgets the decision and asks again, in the site's other tabs too. */
export const reset: () => void = /*#__PURE__*/ needsInit('reset', (current) => {
  removeConsent(current.settings);
  current.channel?.postMessage(RESET);
  forget(current);
});

/** Removes the UI and everything init attached, so that init can run again. */
export function destroy(): void {
  if (!session) return;
  ui.removeUI();
  // Listeners, observers, the channel (and the looks at the cookie it scheduled), add-ons.
  session.lifetime.abort();
  clearHandlers();
  session = null;
  publish();
}

export { on };
