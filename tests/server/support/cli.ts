// The built `consent-gate-server` command, run as a site owner runs it: in its own process.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ROOT } from './receipts';

export const CLI = `${ROOT}dist/consent-gate.server-cli.mjs`;

export function needBuild(): void {
  if (!existsSync(CLI)) throw new Error('dist/ is missing: run `npm run build` before the server tests.');
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end. */
export function run(
  args: string[],
  options: { env?: Record<string, string>; cwd?: string; cli?: string } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [options.cli ?? CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, CONSENT_GATE_ADMIN_TOKEN: '', DATABASE_URL: '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export interface Serving {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL, then the exit signal. */
  kill(): Promise<void>;
}

/** `serve --port 0 …`; resolves once it listens. */
export function serve(
  args: string[],
  options: { env?: Record<string, string>; cwd?: string } = {},
): Promise<Serving> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, CONSENT_GATE_ADMIN_TOKEN: '', DATABASE_URL: '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let listening = false;
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not listen within 45 s:\n${out}`));
    }, 45_000);
    child.stdout.on('data', () => {
      const m = /listening on (http:\/\/[^ ]+:(\d+))/.exec(out);
      if (m && !listening) {
        listening = true;
        clearTimeout(timer);
        resolve({
          url: m[1],
          port: Number(m[2]),
          child,
          output: () => out,
          stop: async () => {
            child.kill('SIGTERM');
            return exited;
          },
          kill: async () => {
            child.kill('SIGKILL');
            await exited;
          },
        });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      if (!listening) reject(new Error(`serve exited with ${code} before it listened:\n${out}`));
    });
  });
}
