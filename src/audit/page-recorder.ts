// What runs in every frame of the audited page before any of the page's own scripts: wrappers around
// the APIs that write cookies and storage, which tell the audit what was written and by which script.
//
// As the EDPS Website Evidence Collector does, the caller comes from the stack of an Error made
// inside the wrapper: the first frame that is not this script's own is the script that wrote (its
// URL is the page's own for an inline script). Cookies written by Set-Cookie headers are seen on the
// responses instead (recorder.ts). The function below is sent to the browser as source text: it may
// use nothing from around it.

/** The name of the binding the wrappers report through. */
export const BINDING = '__consentGateAudit';
/** The source URL this script runs under, so that its own stack frames can be left out. */
export const SCRIPT_URL = 'consent-gate-audit/page-recorder.js';

export interface RecorderSettings {
  binding: string;
  scriptUrl: string;
  /** Pretend the browser sends Global Privacy Control (navigator.globalPrivacyControl). */
  gpc: boolean;
}

/** A cookie write as the page reports it. */
export interface PageCookieWrite {
  api: 'document.cookie' | 'cookieStore';
  /** document.cookie: the line written. */
  line?: string;
  /** cookieStore.set: its fields. */
  name?: string;
  value?: string;
  domain?: string | null;
  path?: string;
  expires?: number | null;
  host: string;
  frame: string;
  script?: string;
  scriptLine?: number;
}

/** A storage write as the page reports it. */
export interface PageStorageWrite {
  kind: 'localStorage' | 'sessionStorage';
  key: string;
  origin: string;
  frame: string;
  script?: string;
}

function installRecorder(settings: RecorderSettings): void {
  const report = (kind: string, data: object) => {
    const binding = (window as any)[settings.binding];
    if (typeof binding !== 'function') return;
    try {
      // The binding answers with a promise; a page that navigates away meanwhile rejects it.
      Promise.resolve(binding(kind, data)).catch(() => undefined);
    } catch {
      // nothing the page should notice
    }
  };

  const caller = (): { script?: string; scriptLine?: number } => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 50;
    const stack = new Error().stack ?? '';
    Error.stackTraceLimit = limit;
    for (const frame of stack.split('\n').slice(1)) {
      if (frame.includes(settings.scriptUrl)) continue;
      const found = /((?:https?|file):\/\/[^\s()]+?):(\d+):\d+/.exec(frame);
      if (found) return { script: found[1], scriptLine: Number(found[2]) };
    }
    return {};
  };

  const where = () => ({ host: location.hostname, frame: location.href });

  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (cookie && cookie.get && cookie.set) {
    const { get, set } = cookie;
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true,
      enumerable: cookie.enumerable,
      get() {
        return get.call(this);
      },
      set(line) {
        set.call(this, line);
        report('cookie', { api: 'document.cookie', line: String(line), ...where(), ...caller() });
      },
    });
  }

  const store = (window as any).CookieStore;
  if (store && store.prototype && typeof store.prototype.set === 'function') {
    const originalSet = store.prototype.set;
    store.prototype.set = function (this: unknown, ...args: any[]) {
      const first = args[0];
      const fields = typeof first === 'object' && first !== null ? first : { name: first, value: args[1] };
      const at = caller();
      const result = originalSet.apply(this, args);
      report('cookie', {
        api: 'cookieStore',
        name: String(fields.name ?? ''),
        value: String(fields.value ?? ''),
        domain: fields.domain ?? null,
        path: fields.path,
        expires: typeof fields.expires === 'number' ? fields.expires : null,
        ...where(),
        ...at,
      });
      return result;
    };
  }

  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
    const result = setItem.call(this, key, value);
    let kind = 'sessionStorage';
    try {
      if (this === window.localStorage) kind = 'localStorage';
    } catch {
      // storage denied in this frame: it cannot have been localStorage either
    }
    report('storage', { kind, key: String(key), origin: location.origin, frame: location.href, ...caller() });
    return result;
  };

  if (settings.gpc) {
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {
      configurable: true,
      enumerable: true,
      get: () => true,
    });
  }
}

/** The script to add to every new document, ready for addInitScript. */
export function recorderSource(gpc: boolean): string {
  const settings: RecorderSettings = { binding: BINDING, scriptUrl: SCRIPT_URL, gpc };
  return `(${installRecorder.toString()})(${JSON.stringify(settings)});\n//# sourceURL=${SCRIPT_URL}\n`;
}
