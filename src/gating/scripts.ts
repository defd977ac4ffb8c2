// Running held-back scripts: each as a fresh <script>, one after another, so that an external
// script finishes loading before the next one starts (unless it is async).

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
}

/*
 * Trusted Types. Under `require-trusted-types-for 'script'` a script's src and text, any event handler
 * attribute and an <embed>'s src take only values a named policy made. What the library puts there is the site
 * owner's own code, from their markup and their config, released, not written, by the library: so the
 * policy passes it through unchanged. Its point is that this release is one named place the site's
 * CSP allows (`trusted-types consent-gate`), not a check on the owner's code. Made once, when needed.
 */
type Policy = Record<'createScript' | 'createScriptURL', (s: string) => string>;
const pass: Policy = { createScript: (s) => s, createScriptURL: (s) => s };
let policy: Policy | undefined;
export function trusted(kind: keyof Policy, s: string): string {
  const tt = (window as { trustedTypes?: { createPolicy(name: string, p: Policy): Policy } }).trustedTypes;
  return (policy ||= tt ? tt.createPolicy('consent-gate', pass) : pass)[kind](s);
}

function inject(job: ScriptJob): Promise<void> | void {
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
  tail = tail.then(() => inject(job)).catch((e) => console.error('consent-gate: a gated script could not run', e));
}
