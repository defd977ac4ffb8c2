// The command as a site owner (or their CI) runs it: the built dist/consent-gate.cli.mjs, its exit
// codes, its messages, and the reports it writes.
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeBrowser } from './chromium';
import { startFixtures, type Fixtures } from './fixture-server';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = path.join(ROOT, 'dist/consent-gate.cli.mjs');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], options: { env?: Record<string, string>; cli?: string } = {}): Promise<Run> {
  if (!existsSync(CLI)) throw new Error('dist/consent-gate.cli.mjs is missing: run `npm run build` first.');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [options.cli ?? CLI, ...args], {
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('consent-gate (no browser needed)', () => {
  it('prints its help and exits 0', async () => {
    const main = await run(['--help']);
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/audit <url…>/);
    const audit = await run(['audit', '--help']);
    expect(audit.code).toBe(0);
    expect(audit.stdout).toMatch(/^Usage: consent-gate audit <url>/);
    for (const flag of [
      '--json',
      '--html',
      '--max-pages',
      '--wait',
      '--idle',
      '--viewport',
      '--lang',
      '--cookie',
      '--necessary',
      '--gpc',
    ]) {
      expect(audit.stdout).toContain(flag);
    }
  });

  it('prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect((await run(['--version'])).stdout.trim()).toBe(pkg.version);
  });

  it('exits 2 with a clear message on bad flags, before starting any browser', async () => {
    const cases: [string[], RegExp][] = [
      [['audit'], /give at least one URL/],
      [['audit', 'ftp://example.com'], /"ftp:\/\/example.com" is not an http or https URL/],
      [['audit', 'https://example.com', '--wait', 'soon'], /--wait must be a number of seconds/],
      [['audit', 'https://example.com', '--viewport', 'big'], /--viewport must be WIDTHxHEIGHT/],
      [['audit', 'https://example.com', '--frobnicate'], /unknown option --frobnicate/],
      [['audit', 'https://example.com', '--json'], /--json needs a value/],
      [['inspect'], /unknown command "inspect"/],
    ];
    for (const [args, message] of cases) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe('');
    }
  });

  it('says exactly what to install when playwright-core is missing, and exits 2', async () => {
    // The built command alone, away from this repository's node_modules.
    const dir = mkdtempSync(path.join(tmpdir(), 'consent-gate-cli-'));
    try {
      copyFileSync(CLI, path.join(dir, 'consent-gate.cli.mjs'));
      cpSync(path.join(ROOT, 'dist/i18n'), path.join(dir, 'i18n'), { recursive: true });
      const result = await run(['audit', 'https://example.com'], {
        cli: path.join(dir, 'consent-gate.cli.mjs'),
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('npm install --save-dev playwright-core');
      expect(result.stderr).toMatch(/downloads no browser/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says how to get a Chromium when CHROME_PATH points nowhere, and exits 2', async () => {
    const result = await run(['audit', 'https://example.com'], {
      env: { CHROME_PATH: '/nonexistent/chrome' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/CHROME_PATH=\/nonexistent\/chrome is not an executable file/);
    expect(result.stderr).toMatch(/apt-get install chromium/);
  });
});

describeBrowser('consent-gate audit (Chromium)', () => {
  let fixtures: Fixtures;
  let out: string;
  beforeAll(async () => {
    fixtures = await startFixtures();
    out = mkdtempSync(path.join(tmpdir(), 'consent-gate-reports-'));
  });
  afterAll(async () => {
    await fixtures?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('exits 2 for a page it cannot reach, saying why', async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const result = await run(['audit', `http://127.0.0.1:${port}/`, '--idle', '0.2', '--wait', '1']);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(
      `could not load http://127.0.0.1:${port}/: net::ERR_CONNECTION_REFUSED\n`,
    );
    expect(result.stdout).toMatch(/^ERROR: 1 page could not be audited/m);
  });

  it('exits 1 on findings, and writes the JSON and HTML reports', async () => {
    const json = path.join(out, 'leak.json');
    const html = path.join(out, 'reports', 'leak.html');
    const result = await run([
      'audit',
      `${fixtures.site}/leak/`,
      '--idle',
      '1',
      '--json',
      json,
      '--html',
      html,
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^FAIL: \d+ findings on 1 page\.$/m);
    expect(result.stdout).toMatch(/tracker-before-consent\s+Meta Pixel was called before any choice/);
    // Not a terminal: the progress comes as plain lines on stderr, one per step.
    expect(result.stderr).toMatch(/\[1\/1\] .*leak\/ · Before any choice: loading/);

    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.verdict).toBe('fail');
    expect(report.findings.map((f: { kind: string }) => f.kind)).toEqual(
      expect.arrayContaining(['cookie-before-consent', 'tracker-before-consent', 'reject-not-honoured']),
    );
    for (const finding of report.findings) {
      expect(finding).toEqual(
        expect.objectContaining({
          kind: expect.any(String),
          detail: expect.any(String),
          phase: expect.any(String),
        }),
      );
    }
    expect(report.cookies.length).toBeGreaterThan(0);
    expect(report.requests.length).toBeGreaterThan(0);
    // Screenshots only in the HTML report.
    expect(JSON.stringify(report)).not.toContain('"screenshot"');

    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(
      /<section class="verdict fail" aria-label="Verdict"><strong>\d+ findings on this page<\/strong>/,
    );
    expect(page.match(/<img [^>]*src="data:image\/jpeg;base64,/g)).toHaveLength(4);
    expect(page).toContain('Suggested consent-gate config');
    // Self-contained and inert: no script, nothing loaded from anywhere.
    expect(page).not.toMatch(/<script(?!\s+type="application\/json")/i);
    expect(page).not.toMatch(/(src|href)="https?:/);
    expect(page).toContain(`default-src 'none'`);
  });

  it('exits 0 on a clean site', async () => {
    const result = await run(['audit', `${fixtures.site}/clean/`, '--idle', '1']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^PASS: no findings on 1 page\.$/m);
    expect(result.stdout).toMatch(/Consent dialog: "We use cookies" \(consent-gate\)/);
  });
});
