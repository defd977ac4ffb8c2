// A private X display for a browser that needs one (WebKitGTK's MiniBrowser has no headless mode).
import type { Readable } from 'node:stream';
import { spawnOwned, type OwnedProcess } from './processes';

export const XVFB = '/usr/bin/Xvfb';

export interface Display {
  /** For DISPLAY, e.g. ":3". */
  readonly name: string;
  readonly process: OwnedProcess;
}

/**
 * Start Xvfb on a free display. Xvfb picks the number itself (-displayfd): it skips every display
 * that has a lock file in /tmp or a socket in /tmp/.X11-unix, and takes the lock atomically, so two
 * test workers starting at once cannot pick the same one (a number chosen here by looking first
 * could be taken in between).
 */
export async function startXvfb(timeoutMs = 10_000): Promise<Display> {
  const xvfb = spawnOwned(
    XVFB,
    // 24-bit colour for screenshots; no TCP listener, only the local socket.
    ['-displayfd', '3', '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
  );
  const [, , stderr, displayFd] = xvfb.child.stdio as unknown as [null, null, Readable, Readable];
  let errors = '';
  stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  try {
    const number = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`Xvfb did not start in ${timeoutMs} ms`)), timeoutMs);
      displayFd.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        // Xvfb writes the number and a newline once it accepts connections.
        if (out.includes('\n')) {
          clearTimeout(timer);
          resolve(out.trim());
        }
      });
      xvfb.child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Xvfb exited (${code}): ${errors.trim().slice(-500)}`));
      });
    });
    displayFd.destroy();
    stderr.destroy();
    return { name: `:${number}`, process: xvfb };
  } catch (error) {
    await xvfb.stop();
    throw error;
  }
}
