// Running held-back scripts: each as a fresh <script>, one after another, so that an external
// script finishes loading before the next one starts (unless it is async).

import { error } from '../log';
import { guard } from '../guard';

let tail: Promise<unknown> = Promise.resolve();

/** What to inject: attributes to copy, and either a URL or source text (a configured script's fields). */
export interface ScriptJob {
  attrs?: Record<string, string>;
  src?: string;
  inline?: string;
  async?: boolean;
  type?: string;
  /** The config's nonce; without it, the library's own script tag's, then the held-back element's. */
  nonce?: string;
  /** The held-back element to replace; without it the script goes to <head>. Taken out of the page before its turn: the script does not run. */
  replace?: HTMLElement;
  /**
   * Asked again when the script's turn comes: the visitor may have declined while the scripts
   * before it loaded. False skips it (the caller then holds it back for a later acceptance).
   */
  ok(): boolean;
}

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
type Policy = Record<'createScript' | 'createScriptURL', (s: string) => string>;
let policy: Policy | undefined;
/** The browser's Trusted Types factory; where there is none, naming it throws (and is caught). */
declare const trustedTypes: { createPolicy(name: string, p: Policy): Policy };

/** A value for a script sink: a URL when `url` is set, else script text. */
export function trusted(s: string, url?: unknown): string {
  const pass = { createScript: String, createScriptURL: String };
  return (policy ||= guard(() => trustedTypes.createPolicy('consent-gate', pass)) || pass)[
    url ? 'createScriptURL' : 'createScript'
  ](s);
}

function inject(job: ScriptJob): Promise<unknown> | false | void {
  const el = document.createElement('script');
  const { src, async, replace } = job;
  // The attributes first, then what the job sets over them; src and on* go through the policy.
  for (const [k, v] of [
    ...Object.entries(job.attrs || {}),
    ['type', job.type],
    ['nonce', job.nonce || ownNonce || replace?.nonce],
    ['src', src],
  ])
    if (v != null) el.setAttribute(k!, /^(on|src$)/i.test(k!) ? trusted(v, k == 'src') : v);
  // Dynamic scripts are async by default; order is kept by waiting for load instead.
  if (src == null) el.text = trusted(job.inline!);
  else el.async = async!;
  if (replace) replace.replaceWith(el);
  else document.head.append(el);
  // An external script loads (or fails) in a later task: listening after inserting it is in time.
  // Listeners, not el.onload: that property is the handler of an onload attribute the original had.
  return (
    src != null && !async && new Promise((done) => ['load', 'error'].map((t) => el.addEventListener(t, done)))
  );
}

/**
 * Queues a script behind the ones before it, once: `key` (the held-back element, or a configured
 * script's identity) goes into `queued`, and out again when the script is skipped at its turn, so
 * that a later acceptance can queue it again. So does a held-back element taken out of the page
 * meanwhile: put back, it is released again.
 */
export function run<K>(job: ScriptJob, queued: { add(k: K): unknown; delete(k: K): boolean }, key: K): void {
  queued.add(key);
  // A failing script must not hold back the ones after it.
  tail = tail
    .then(() => (job.ok() && (!job.replace || job.replace.isConnected) ? inject(job) : queued.delete(key)))
    .catch((e) => error('a gated script could not run', e));
}
