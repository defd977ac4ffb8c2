// The command line: `consent-gate audit <url…> [options]`. Pure: argv in, what to do (or what is
// wrong with it) out.
import type { AuditOptions } from './types';

export const USAGE = `Usage: consent-gate audit <url> [more urls] [options]

Visits each page as a first-time visitor, in a fresh Chromium profile, and reports what a
regulator would check: cookies set and trackers called before any choice; whether a consent
dialog is there, with a reject option as easy to reach as accept; what still sets cookies or
calls trackers after Decline all, also after a reload; what runs after Accept all, with a
suggested consent-gate config.

Options:
  --json FILE          write the report as JSON
  --html FILE          write the report as a page to read and hand on (self-contained HTML)
  --max-pages N        audit up to N pages in all, following links on the same site
                       (default: just the URLs given)
  --wait SECONDS       the longest each phase waits for the network to go quiet (default 15)
  --idle SECONDS       how long the network must stay quiet for a phase to end (default 2.5)
  --viewport WxH       the window size (default 1280x800)
  --lang CODE          the browser's language: Accept-Language and navigator.language (e.g. de-DE)
  --cookie NAME=VALUE  a cookie set on the site before each visit: a returning visitor
                       (repeat for more)
  --necessary NAME     a cookie you declare strictly necessary, so that it is not a finding:
                       a name or a /regex/ (repeat for more)
  --gpc                send Global Privacy Control (Sec-GPC: 1, navigator.globalPrivacyControl)
  -h, --help           this text
  -v, --version        the version

Exit code: 0 no findings, 1 findings, 2 the audit could not be done (bad options, no browser,
a page that could not be loaded).

It needs playwright-core (npm install --save-dev playwright-core) and a Chromium: CHROME_PATH,
or /usr/bin/chromium, chromium-browser, google-chrome or google-chrome-stable.`;

export const MAIN_USAGE = `Usage: consent-gate <command>

Commands:
  audit <url…>   check what a page does before and after the visitor chooses
                 (consent-gate audit --help for its options)`;

export type Command =
  | { kind: 'help'; text: string }
  | { kind: 'version' }
  | { kind: 'error'; message: string }
  | { kind: 'audit'; options: AuditOptions; json?: string; html?: string };

/** A URL to audit: http(s) only; a bare host name gets https://. */
export function pageUrl(input: string): string | undefined {
  const text = /^[a-z][a-z\d+.-]*:/i.test(input) ? input : `https://${input}`;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A cookie name pattern: "/re/flags" is a RegExp, anything else an exact name. */
function namePattern(text: string): string | RegExp {
  const m = /^\/(.+)\/([a-z]*)$/.exec(text);
  return m ? new RegExp(m[1], m[2]) : text;
}

const TAKES_VALUE = new Set([
  '--json',
  '--html',
  '--max-pages',
  '--wait',
  '--idle',
  '--viewport',
  '--lang',
  '--cookie',
  '--necessary',
]);

export function parseArgs(argv: string[]): Command {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help')
    return { kind: 'help', text: MAIN_USAGE };
  if (command === '-v' || command === '--version') return { kind: 'version' };
  if (command !== 'audit') return { kind: 'error', message: `unknown command "${command}"\n\n${MAIN_USAGE}` };

  const options: AuditOptions = { urls: [], cookies: [], necessary: [] };
  let json: string | undefined;
  let html: string | undefined;
  const fail = (message: string): Command => ({
    kind: 'error',
    message: `${message} (consent-gate audit --help lists the options)`,
  });

  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '-h' || arg === '--help') return { kind: 'help', text: USAGE };
    if (arg === '-v' || arg === '--version') return { kind: 'version' };
    if (arg === '--gpc') {
      options.gpc = true;
      continue;
    }
    if (!arg.startsWith('-')) {
      const url = pageUrl(arg);
      if (!url) return fail(`"${arg}" is not an http or https URL`);
      options.urls.push(url);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!TAKES_VALUE.has(flag)) return fail(`unknown option ${flag}`);
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = rest[i + 1];
      i++;
    }
    if (value === undefined || value === '') return fail(`${flag} needs a value`);

    if (flag === '--json') json = value;
    else if (flag === '--html') html = value;
    else if (flag === '--lang') {
      if (!/^[a-z]{2,3}(-[a-z\d]{2,8})*$/i.test(value))
        return fail(`--lang must be a language code such as de or de-DE (got "${value}")`);
      options.lang = value;
    } else if (flag === '--max-pages') {
      if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 100)
        return fail(`--max-pages must be a whole number from 1 to 100 (got "${value}")`);
      options.maxPages = Number(value);
    } else if (flag === '--wait' || flag === '--idle') {
      const seconds = Number(value);
      if (!/^\d+(\.\d+)?$/.test(value) || seconds <= 0 || seconds > 300)
        return fail(`${flag} must be a number of seconds above 0, at most 300 (got "${value}")`);
      if (flag === '--wait') options.waitMs = seconds * 1000;
      else options.idleMs = seconds * 1000;
    } else if (flag === '--viewport') {
      const m = /^(\d{3,4})x(\d{3,4})$/.exec(value);
      if (!m)
        return fail(`--viewport must be WIDTHxHEIGHT in pixels, e.g. 1280x800 or 390x844 (got "${value}")`);
      options.viewport = { width: Number(m[1]), height: Number(m[2]) };
    } else if (flag === '--cookie') {
      const at = value.indexOf('=');
      const name = at > 0 ? value.slice(0, at).trim() : '';
      if (!name || /[\s;,]/.test(name)) return fail(`--cookie must be NAME=VALUE (got "${value}")`);
      options.cookies!.push({ name, value: value.slice(at + 1) });
    } else {
      try {
        options.necessary!.push(namePattern(value));
      } catch {
        return fail(`--necessary ${value} is not a valid /regex/`);
      }
    }
  }
  if (!options.urls.length) return fail('give at least one URL to audit');
  if (options.waitMs !== undefined && options.idleMs !== undefined && options.idleMs > options.waitMs) {
    return fail('--idle must not be longer than --wait');
  }
  return { kind: 'audit', options, ...(json ? { json } : {}), ...(html ? { html } : {}) };
}
