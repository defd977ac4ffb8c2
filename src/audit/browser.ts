// The browser side of a visit: playwright-core (an optional peer dependency: the command says what
// to install when it is missing) driving the system Chromium in a profile of its own. A new profile
// per visit is a first-time visitor: nothing from another visit, no cache, no storage. Third-party
// cookies are allowed in it, as in a default Chrome profile: a regulator's browser sees them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_HOW_TO, findChromium } from './chromium';

/** A problem that stops the audit before it starts: exit code 2, and this message. */
export class AuditSetupError extends Error {
  override name = 'AuditSetupError';
}

export const PLAYWRIGHT_HOW_TO =
  'consent-gate audit drives Chromium through playwright-core, which is not installed. ' +
  'Install it next to consent-gate: npm install --save-dev playwright-core ' +
  '(it downloads no browser; the audit uses the Chromium at CHROME_PATH or /usr/bin/chromium).';

type Playwright = typeof import('playwright-core');

/** playwright-core, or a setup error that says what to install. */
export async function loadPlaywright(): Promise<Playwright> {
  try {
    return await import('playwright-core');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND')
      throw new AuditSetupError(PLAYWRIGHT_HOW_TO);
    throw error;
  }
}

/** The Chromium to use, or a setup error that says how to get one. */
export function chromiumPath(explicit?: string): string {
  if (explicit) return explicit;
  const found = findChromium();
  if ('path' in found) return found.path;
  throw new AuditSetupError(`consent-gate audit needs Chromium: ${found.problem}; ${CHROMIUM_HOW_TO}.`);
}

/** `Chromium 156.0.8078.114` as the binary says (without "built on …"), or its path when it will not say. */
export function chromiumVersion(executable: string): string {
  const run = spawnSync(executable, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  const said = /^(.*?\d+\.\d+\.\d+\.\d+)/.exec(run.stdout?.trim() ?? '');
  return said ? said[1] : executable;
}

export interface BrowserSettings {
  executable: string;
  /** `Chromium 156.0.…`: the user agent says Chrome/156.0.0.0, as a person's Chrome does. */
  version: string;
  viewport: { width: number; height: number };
  lang?: string;
  gpc: boolean;
}

export interface Profile {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** A desktop Chrome's user agent for that version, without "HeadlessChrome" (sites treat that one as a bot). */
function userAgent(version: string): string | undefined {
  const major = /(\d+)\.\d+\.\d+/.exec(version)?.[1];
  return (
    major &&
    `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 Safari/537.36`
  );
}

/** Chromium with a new, empty profile. */
export async function openProfile(playwright: Playwright, settings: BrowserSettings): Promise<Profile> {
  const dir = mkdtempSync(path.join(tmpdir(), 'consent-gate-audit-'));
  mkdirSync(path.join(dir, 'Default'));
  // cookie_controls_mode 0: allow third-party cookies, as Chrome does by default outside incognito.
  writeFileSync(
    path.join(dir, 'Default', 'Preferences'),
    JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }),
  );
  let context: BrowserContext;
  try {
    context = await playwright.chromium.launchPersistentContext(dir, {
      executablePath: settings.executable,
      // navigator.webdriver false: some consent managers hide from automated browsers (vanilla-
      // cookieconsent's hideFromBots, on by default), and the audit must see what a person sees.
      args: [...CHROMIUM_ARGS, '--disable-blink-features=AutomationControlled'],
      ...(userAgent(settings.version) ? { userAgent: userAgent(settings.version) } : {}),
      viewport: settings.viewport,
      ...(settings.lang ? { locale: settings.lang } : {}),
      ...(settings.gpc ? { extraHTTPHeaders: { 'Sec-GPC': '1' } } : {}),
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new AuditSetupError(
      `Chromium (${settings.executable}) did not start: ${String((error as Error).message).split('\n')[0]}`,
    );
  }
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
