// A small W3C WebDriver (classic, HTTP) client: just the commands the WebKit engine uses, over fetch.
// WebKitWebDriver speaks nothing else (no BiDi in the Debian build), and a client library would bring
// a dependency for thirty lines of JSON over HTTP.

/** The key that marks a web element reference in WebDriver JSON (W3C WebDriver, "Elements"). */
export const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';

/** A web element reference as WebDriver sends and accepts it. */
export type WebElement = { [ELEMENT_KEY]: string };

export function isWebElement(value: unknown): value is WebElement {
  return (
    typeof value === 'object' && value !== null && typeof (value as WebElement)[ELEMENT_KEY] === 'string'
  );
}

/** A failed command, with WebDriver's error code ("javascript error", "no such window", ...). */
export class WebDriverError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly command: string,
  ) {
    super(`${command}: ${code}: ${message}`);
    this.name = 'WebDriverError';
  }
}

type Method = 'GET' | 'POST' | 'DELETE';

// CONSENT_GATE_WEBDRIVER_TRACE=1 prints each command and how long it took, to find where time goes.
const trace = /^(1|true|yes)$/i.test(process.env.CONSENT_GATE_WEBDRIVER_TRACE ?? '');

async function request<T>(url: string, method: Method, body: unknown, label: string): Promise<T> {
  if (!trace) return send<T>(url, method, body, label);
  const started = performance.now();
  try {
    return await send<T>(url, method, body, label);
  } finally {
    process.stderr.write(`webdriver ${label} ${Math.round(performance.now() - started)} ms\n`);
  }
}

async function send<T>(url: string, method: Method, body: unknown, label: string): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: { value?: any };
  try {
    parsed = JSON.parse(text) as { value?: any };
  } catch {
    throw new WebDriverError(
      'unknown error',
      `not JSON (HTTP ${response.status}): ${text.slice(0, 200)}`,
      label,
    );
  }
  const value = parsed.value;
  if (!response.ok || (value && typeof value === 'object' && typeof value.error === 'string')) {
    throw new WebDriverError(String(value?.error ?? response.status), String(value?.message ?? text), label);
  }
  return value as T;
}

/** One WebDriver session: a browser the driver started, with its windows. */
export class WebDriverSession {
  private constructor(
    private readonly base: string,
    readonly id: string,
    readonly capabilities: Record<string, any>,
  ) {}

  /** New Session with `capabilities` as alwaysMatch; `driverUrl` is e.g. http://127.0.0.1:4444. */
  static async create(driverUrl: string, capabilities: Record<string, unknown>): Promise<WebDriverSession> {
    const value = await request<{ sessionId: string; capabilities: Record<string, any> }>(
      `${driverUrl}/session`,
      'POST',
      { capabilities: { alwaysMatch: capabilities } },
      'New Session',
    );
    return new WebDriverSession(
      `${driverUrl}/session/${value.sessionId}`,
      value.sessionId,
      value.capabilities,
    );
  }

  /** Run one command, `path` relative to the session ('/url', '/element/ID/click'). */
  command<T = unknown>(method: Method, path: string, body?: unknown): Promise<T> {
    // WebDriver wants a JSON body on every POST, even an empty one.
    return request<T>(
      `${this.base}${path}`,
      method,
      method === 'POST' ? (body ?? {}) : body,
      `${method} ${path}`,
    );
  }

  /** Delete Session: the driver closes the browser. */
  async delete(): Promise<void> {
    await request(this.base, 'DELETE', undefined, 'Delete Session');
  }
}
