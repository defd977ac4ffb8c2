// One way to write a browser test for Chromium, Firefox and WebKit.
//
// A test file calls useBrowser() (tests/browser/harness.ts) inside describeBrowser(); the engine
// comes from CONSENT_GATE_ENGINE (chromium, firefox or webkit; the vitest projects browser-chromium,
// browser-firefox and browser-webkit set it; `npm run test:browser -- --engine firefox` runs one).
// One browser per test file, a fresh context (profile) per test:
//
//   const browser = useBrowser();
//   it('...', async () => {
//     const t = await browser.newPage('/fixtures/order.html');      // a TestPage
//     await button(banner(t.page, DEFAULT_TITLE), 'Accept all').click();
//     await expect.poll(() => t.probes(), SOON).toEqual([...]);
//     expect(t.requested('/fixtures/probe.js')).toBe(true);          // the server's request log
//   });
//
// t.page is Playwright-shaped (page.ts): evaluate(fn, arg) sends fn's source; getByRole, getByText,
// getByLabel and locator(css) find elements IN THE PAGE with Testing Library's role and name rules
// (the same in every engine) and wait up to 5 s; clicks and keys are the engine's real input. What is
// not there, and what to write instead:
//
//   | Playwright                              | here                                                    |
//   | --------------------------------------- | ------------------------------------------------------- |
//   | page.route(...) / context.route(...)    | browser.server.hold / delay / rewrite / respond / headers |
//   | page.on('request'), request.url()       | t.requests, t.requested(path), t.posts(path) (server log) |
//   | page.addInitScript / context.addInit... | t.addInitScript(fn, arg) (the server puts it in <head>)  |
//   | emulateMedia, viewport at start         | browser.newPage(path, { colorScheme, reducedMotion,      |
//   |                                         |   viewport, locale })                                   |
//   | page.setViewportSize                    | the same                                                |
//   | page.frames().find(url...)              | t.page.frame(urlPart): evaluate, getByRole...; or       |
//   |                                         |   t.page.frameLocator(css) (same-origin or not)         |
//   | CDP Emulation.setDocumentCookieDisabled | browser.newPage(path, { blockCookies: true })           |
//   | an init script faking GPC               | browser.newPage(path, { gpc: true }) (Firefox: real)    |
//   | CDP Performance.getMetrics, layout-shift| in-page measures: counted layout reads, boxes compared  |
//   | --host-resolver-rules, route to https   | useBrowser({ launch: { hostsToLoopback, acceptInsecure- |
//   |                                         |   Certs } }) and server.httpsPort (self-signed)         |
//   | a receiver on its own port              | startRecorder(url) in front of it (server.ts)           |
//   | request.resourceType() (beacon, fetch)  | an init script that records sendBeacon/fetch calls      |
//   | page.on('console'), 'pageerror'         | t.expectConsole(kind, pattern): undeclared output fails  |
//   | page.on('dialog')                       | an init script that records window.alert               |
//   | waitForEvent('download'), clipboard     | an init script that records the Blob / writeText        |
//   | setInputFiles(path)                     | locator.setInputFiles([{ name, text }]) (a DataTransfer)|
//   | "Failed to load resource: 404" console  | not console output in every engine: t.status(path)      |
//
// A test must mean the same thing in every engine. Where an engine lacks a feature (Trusted Types in
// Firefox and WebKit), assert what the library documents there; skip (with the reason beside it)
// only what the driver cannot do.
import { accessSync, constants, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Engine, EngineName, LaunchOptions } from './driver';
import { chromiumPresent, launchChromium } from './chromium';
import { firefoxPresent, launchFirefox } from './firefox';

export type { Engine, EngineName, LaunchOptions } from './driver';
export { Context, Frame, Locator, Page } from './page';

export const ENGINES: readonly EngineName[] = ['chromium', 'firefox', 'webkit'];

/** The Debian packages an engine needs, for the "install this" line. */
export const PACKAGES: Record<EngineName, string> = {
  chromium: 'chromium',
  firefox: 'firefox-esr',
  webkit: 'webkit2gtk-driver xvfb',
};

/** The engine this test run is for (CONSENT_GATE_ENGINE, default chromium). */
export function currentEngine(env: Record<string, string | undefined> = process.env): EngineName {
  const name = env.CONSENT_GATE_ENGINE ?? 'chromium';
  if (!(ENGINES as readonly string[]).includes(name)) {
    throw new Error(`CONSENT_GATE_ENGINE=${name}: not one of ${ENGINES.join(', ')}`);
  }
  return name as EngineName;
}

/** The WebKit engine lives in webkit.ts (WebKitWebDriver + Xvfb), loaded only when asked for. */
interface WebKitModule {
  launchWebKit(options?: LaunchOptions): Promise<Engine>;
}

async function webkit(): Promise<WebKitModule> {
  const module = './webkit';
  try {
    return (await import(/* @vite-ignore */ module)) as WebKitModule;
  } catch (error) {
    throw Object.assign(
      new Error(`The WebKit engine (tests/browser/engines/webkit.ts) is not there: ${String(error)}`),
      { cause: error },
    );
  }
}

const WEBKIT_NEEDS = [process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver', '/usr/bin/Xvfb'];

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Whether the engine's browser is installed: its path, or what is missing and how to get it. */
export function enginePresent(name: EngineName): { path: string } | { problem: string } {
  const found = installed(name);
  if (!('path' in found)) {
    return { problem: `${found.problem}; install it with \`apt-get install ${PACKAGES[name]}\`` };
  }
  // The engine itself comes with the engines-webkit branch; until it is merged there is none to run.
  if (name === 'webkit' && !existsSync(fileURLToPath(new URL('./webkit.ts', import.meta.url)))) {
    return {
      problem: 'tests/browser/engines/webkit.ts is not there (the WebKit driver, branch engines-webkit)',
    };
  }
  return found;
}

function installed(name: EngineName): { path: string } | { problem: string } {
  if (name === 'chromium') return chromiumPresent();
  if (name === 'firefox') return firefoxPresent();
  const missing = WEBKIT_NEEDS.filter((file) => !executable(file));
  return missing.length ? { problem: `no ${missing.join(' and no ')}` } : { path: WEBKIT_NEEDS[0]! };
}

/** Start the engine's browser. */
export async function openEngine(name: EngineName, options: LaunchOptions = {}): Promise<Engine> {
  if (name === 'chromium') return launchChromium(options);
  if (name === 'firefox') return launchFirefox(options);
  return (await webkit()).launchWebKit(options);
}
