// Where the system Chromium is and how to start it. One module for the audit command and the
// browser tests (tests/browser/chromium.ts): never a downloaded browser, the same flags everywhere.
import { accessSync, constants } from 'node:fs';

/** Where Chromium usually is on Linux, in the order looked at after CHROME_PATH. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** Flags for a headless Chromium in a container or on a CI runner. */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox', // containers and CI runners rarely allow Chromium's sandbox
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** What to tell someone who has no Chromium. */
export const CHROMIUM_HOW_TO =
  'install one with `apt-get install chromium` or point CHROME_PATH at a Chrome/Chromium binary';

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Where Chromium is, or why there is none. An explicit CHROME_PATH that is wrong is not papered over. */
export function findChromium(
  env: Record<string, string | undefined> = process.env,
): { path: string } | { problem: string } {
  const fromEnv = env.CHROME_PATH;
  if (fromEnv) {
    return isExecutable(fromEnv)
      ? { path: fromEnv }
      : { problem: `CHROME_PATH=${fromEnv} is not an executable file` };
  }
  const found = CHROMIUM_CANDIDATES.find(isExecutable);
  return found
    ? { path: found }
    : { problem: `no Chromium found (looked in ${CHROMIUM_CANDIDATES.join(', ')})` };
}
