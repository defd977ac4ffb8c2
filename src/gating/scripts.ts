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
  /**
   * Asked again when the script's turn comes: the visitor may have declined while the scripts
   * before it loaded. False skips it (the caller then holds it back for a later acceptance).
   */
  ok(): boolean;
}

function inject(job: ScriptJob): Promise<void> | void {
  if (!job.ok()) return;
  const el = document.createElement('script');
  for (const [k, v] of job.attrs) el.setAttribute(k, v);
  if (job.type) el.type = job.type;
  if (job.nonce) el.nonce = job.nonce;
  let wait: Promise<void> | undefined;
  if (job.src != null) {
    // Dynamic scripts are async by default; order is kept by waiting for load instead.
    el.async = !!job.async;
    if (!job.async) wait = new Promise((done) => (el.onload = el.onerror = () => done()));
    el.src = job.src;
  } else el.text = job.text || '';
  if (job.replace && job.replace.parentNode) job.replace.replaceWith(el);
  else document.head.appendChild(el);
  return wait;
}

/** Queues a script behind the ones before it. */
export function run(job: ScriptJob): void {
  // A failing script must not hold back the ones after it.
  tail = tail.then(() => inject(job)).catch((e) => console.error('consent-gate: a gated script could not run', e));
}
