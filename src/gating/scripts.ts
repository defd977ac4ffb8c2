// Running held-back scripts: each as a fresh <script>, one after another, so that an external
// script finishes loading before the next one starts (unless it is async).
import { error } from '../log';
import { guard } from '../guard';

/** What to inject: attributes to copy, and either a URL or source text (a configured script's fields). */
export interface ScriptJob {
  attrs?: Record<string, string>;
  src?: string;
  inline?: string;
  async?: boolean;
  type?: string;
  /** The config's nonce; without it, the library's own script tag's, then the held-back element's. */
  nonce?: string;
  /**
   * The held-back element to replace; without it the script goes to <head>. Taken out of the page
   * before the script's turn, it does not run.
   */
  replace?: HTMLElement;
  /**
   * Asked again when the script's turn comes: the visitor may have declined while the scripts
   * before it loaded. False skips it (the caller then holds it back for a later acceptance).
   */
  ok(): boolean;
}

/** The scripts queued so far: each waits for the one before it. */
let queue: Promise<unknown> = Promise.resolve();

/** Nonce of the script tag that loaded the library (read at load: currentScript is gone later). */
const ownNonce = (globalThis.document?.currentScript as HTMLScriptElement | null | undefined)?.nonce;

/*
 * Trusted Types. Under `require-trusted-types-for 'script'` a script's src and text, its event-handler
 * attributes and an <embed>'s src take only values that a named policy made. What goes there is the
 * site owner's own code, which the library releases but does not write: the policy passes it through
 * (String of a string is itself). Its point is to be the one name the site's CSP allows
 * (`trusted-types consent-gate`). Made once, when first needed; where the browser has no Trusted
 * Types, or the CSP refuses the name (the browser says so), plain strings are used.
 */
interface Policy {
  createScript(text: string): string;
  createScriptURL(url: string): string;
}
const PASS_THROUGH: Policy = { createScript: String, createScriptURL: String };
let policy: Policy | undefined;
/** The browser's Trusted Types factory; where there is none, naming it throws (and is caught). */
declare const trustedTypes: { createPolicy(name: string, p: Policy): Policy };

function trustedTypesPolicy(): Policy {
  policy ||= guard(() => trustedTypes.createPolicy('consent-gate', PASS_THROUGH)) || PASS_THROUGH;
  return policy;
}

/** A value for a script-text sink (a script's text, an event-handler attribute). */
export const trustedScript = (text: string): string => trustedTypesPolicy().createScript(text);
/** A value for a script-URL sink (a script's or an <embed>'s src). */
export const trustedScriptURL = (url: string): string => trustedTypesPolicy().createScriptURL(url);

/** Puts the script in the page; for an external script that is not async, resolves once it loaded (or failed). */
function inject(job: ScriptJob): Promise<unknown> | undefined {
  const el = document.createElement('script');
  const { src, replace } = job;
  // The attributes first, then what the job sets over them.
  const attributes = [
    ...Object.entries(job.attrs || {}),
    ['type', job.type],
    ['nonce', job.nonce || ownNonce || replace?.nonce],
    ['src', src],
  ];
  for (const [name, value] of attributes) {
    if (value == null) continue;
    // src and event handlers (on…) are script sinks: their values go through the Trusted Types policy.
    if (/^src$/i.test(name!)) el.setAttribute(name!, trustedScriptURL(value));
    else if (/^on/i.test(name!)) el.setAttribute(name!, trustedScript(value));
    else el.setAttribute(name!, value);
  }
  // Dynamic scripts are async by default; order is kept by waiting for load instead.
  if (src == null) el.text = trustedScript(job.inline!);
  else el.async = !!job.async;
  if (replace) replace.replaceWith(el);
  else document.head.append(el);
  if (src == null || job.async) return;
  // An external script loads (or fails) in a later task: listening after inserting it is in time.
  // Listeners, not el.onload: that property is the handler of an onload attribute the original had.
  return new Promise((done) => {
    el.addEventListener('load', done);
    el.addEventListener('error', done);
  });
}

/**
 * Queues a script behind the ones before it, once: `key` (the held-back element, or a configured
 * script's identity) goes into `queued`, and out again when the script is skipped at its turn, so
 * that a later acceptance can queue it again. So does a held-back element taken out of the page
 * meanwhile: put back, it is released again.
 */
export function run<K>(
  job: ScriptJob,
  queued: { add(key: K): unknown; delete(key: K): boolean },
  key: K,
): void {
  queued.add(key);
  const due = () => job.ok() && (!job.replace || job.replace.isConnected);
  // A failing script must not hold back the ones after it.
  queue = queue
    .then(() => {
      if (due()) return inject(job);
      queued.delete(key);
    })
    .catch((e) => error('a gated script could not run', e));
}
