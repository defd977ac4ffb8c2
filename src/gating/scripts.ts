// Running held-back scripts: each as a fresh <script>, one after another, so that an external
// script finishes loading before the next one starts (unless it is async).

import { error } from '../log';

let tail: Promise<unknown> = Promise.resolve();

/** What to inject: attributes to copy, and either a URL or source text. */
export interface ScriptJob {
  attrs: Iterable<[string, string]>;
  src?: string;
  text?: string;
  async?: boolean;
  type?: string;
  nonce?: string;
  /** The held-back element to replace; without it the script goes to <head>. */
  replace?: Element;
  /**
   * Asked again when the script's turn comes: the visitor may have declined while the scripts
   * before it loaded. False skips it (the caller then holds it back for a later acceptance).
   */
  ok(): boolean;
}

/*
 * Trusted Types. Under `require-trusted-types-for 'script'` a script's src and text, its event-handler
 * attributes and an <embed>'s src take only values that a named policy made. What goes there is the
 * site owner's own code, from their markup and their config, which the library releases but does not
 * write: so the policy passes it through unchanged. Its point is to be the one named place the site's
 * CSP allows (`trusted-types consent-gate`), not to judge the owner's code. Made once, when needed.
 */
type Policy = Record<'createScript' | 'createScriptURL', (s: string) => string>;
const pass: Policy = { createScript: (s) => s, createScriptURL: (s) => s };
let policy: Policy | undefined;

/** A value for a script sink, through the policy where the browser has Trusted Types. */
export function trusted(kind: keyof Policy, s: string): string {
  const tt = (window as { trustedTypes?: { createPolicy(name: string, p: Policy): Policy } }).trustedTypes;
  try {
    policy ||= tt ? tt.createPolicy('consent-gate', pass) : pass;
  } catch {
    // The page's CSP does not allow the name (the browser says so in the console). Plain strings
    // still work where Trusted Types are not required, and fail loudly where they are.
    policy = pass;
  }
  return policy[kind](s);
}

function inject(job: ScriptJob): Promise<void> | void {
  if (!job.ok()) return;
  const el = document.createElement('script');
  for (const [k, v] of job.attrs) el.setAttribute(k, k == 'src' ? trusted('createScriptURL', v) : /^on/i.test(k) ? trusted('createScript', v) : v);
  if (job.type) el.type = job.type;
  if (job.nonce) el.nonce = job.nonce;
  let wait: Promise<void> | undefined;
  if (job.src != null) {
    // Dynamic scripts are async by default; order is kept by waiting for load instead.
    el.async = !!job.async;
    if (!job.async) wait = new Promise((done) => (el.onload = el.onerror = () => done()));
    el.src = trusted('createScriptURL', job.src);
  } else el.text = trusted('createScript', job.text || '');
  if (job.replace && job.replace.parentNode) job.replace.replaceWith(el);
  else document.head.appendChild(el);
  return wait;
}

/** Queues a script behind the ones before it. */
export function run(job: ScriptJob): void {
  // A failing script must not hold back the ones after it.
  tail = tail.then(() => inject(job)).catch((e) => error('a gated script could not run', e));
}
