// The helper processes an engine starts (Xvfb, WebKitWebDriver and the browser it runs), stopped by
// their own process ids: at close(), and when the test worker exits without closing. Never by name,
// never anything another run or another user started.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

const owned = new Set<number>();

function stopAll(): void {
  for (const pid of owned) signalGroup(pid, 'SIGKILL');
}

// The last chance: synchronous signals only. The group goes too (see spawnOwned).
process.once('exit', stopAll);
// A worker ended by a signal (vitest stopping a run, Ctrl+C) runs no 'exit' handlers: take the helpers
// down first, then die of the same signal as before.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
  process.once(signal, () => {
    stopAll();
    process.kill(process.pid, signal);
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** A started helper; stop() ends it and whatever it started, by process id. */
export interface OwnedProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  /** SIGTERM, then SIGKILL if it is still there after `graceMs`; resolves when it has exited. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Spawn `command` as the leader of a new process group, so that stopping it also stops its children
 * (WebKitWebDriver starts MiniBrowser, which starts its web and network processes): the group id is
 * the helper's own pid.
 */
export function spawnOwned(command: string, args: string[], options: SpawnOptions = {}): OwnedProcess {
  const child = spawn(command, args, { stdio: 'ignore', ...options, detached: true });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  const pid = child.pid;
  owned.add(pid);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  child.once('exit', () => {
    // Its children may outlive it (MiniBrowser after the driver): end the group with it.
    signalGroup(pid, 'SIGKILL');
    owned.delete(pid);
  });
  // An engine's helpers must not keep the test worker alive by themselves.
  child.unref();
  return {
    child,
    pid,
    async stop(graceMs = 2_000) {
      if (!owned.has(pid)) return;
      signalGroup(pid, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
