// The library's ConsentGateConfigError, read back: which field it names, and what it says in words.
// Its message is "<path> must be <what> (got <value>)", the path as the config writes it:
// categories.analytics.services.google-analytics.scripts[0].src, categories["1st"], cookie.expiresAfterDays.

/** A config path as its keys: `categories["a b"].services[0]` → ['categories', 'a b', 'services', '0']. */
export function pathSegments(path: string): string[] {
  const out: string[] = [];
  const token = /\["((?:[^"\\]|\\.)*)"\]|\[(\d+)\]|([^.[\]]+)/g;
  for (let m = token.exec(path); m; m = token.exec(path)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

export interface ReadError {
  /** The path's keys; empty when the message names no path (the config as a whole). */
  path: string[];
  /** What the value must be, as the library says it. */
  expected: string;
  /** What it was, when the library says. */
  got?: string;
}

/** The parts of a config error's message; null for a message of another shape. */
export function readError(message: string): ReadError | null {
  const at = message.indexOf(' must be ');
  if (at < 0) return null;
  const where = message.slice(0, at);
  const rest = message.slice(at + ' must be '.length);
  const got = / \(got (.*)\)$/s.exec(rest);
  const expected = got ? rest.slice(0, got.index) : rest;
  return { path: where === 'the config' ? [] : pathSegments(where), expected, got: got?.[1] };
}

/**
 * The value as a person would say it: `"abc"` → `“abc”`, `undefined` → `nothing`. For a number the
 * library names only its type, which says nothing the sentence does not: left out.
 */
function said(got: string): string | undefined {
  if (got === 'number') return undefined;
  if (got === 'undefined') return 'nothing';
  if (got === '""' || got === 'null') return 'empty';
  if (/^".*"$/s.test(got)) return `“${got.slice(1, -1)}”`;
  if (got === 'boolean') return 'true or false';
  return /^an? /.test(got) ? got : `a ${got}`;
}

/** The error as a sentence for the field it names: "It must be a number of days from 1 to 395." */
export function inWords(error: ReadError): string {
  const expected = error.expected
    .replace(
      /^one of: (.*)$/,
      (_, list: string) =>
        `one of ${list
          .split(', ')
          .map((x) => `“${x}”`)
          .join(', ')}`,
    )
    .replace(
      /^letters, digits, - and _, starting with a letter$/,
      'made of letters, digits, - and _, starting with a letter',
    )
    .replace(/^letters, digits, - and _$/, 'made of letters, digits, - and _');
  const value = error.got === undefined ? undefined : said(error.got);
  return `It must be ${expected}${value ? `; it is ${value}` : ''}.`;
}

/**
 * Of the fields (each with the path it writes), the one an error's path falls under: the longest
 * path that starts the error's. `categories.analytics.services.x.scripts.0.src` lands on the script
 * URL field (`…scripts`), `categories.1st` on that category's id field.
 */
export function fieldFor<T>(error: string[], fields: { path: string[]; field: T }[]): T | undefined {
  let best: { path: string[]; field: T } | undefined;
  for (const f of fields) {
    const prefix = f.path.length <= error.length && f.path.every((k, i) => k === error[i]);
    if (prefix && (!best || f.path.length > best.path.length)) best = f;
  }
  return best?.field;
}
