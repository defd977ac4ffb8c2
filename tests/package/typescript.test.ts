// The README's TypeScript-facing examples type-check as a user's project would check them (issue 13):
// each ```js/```ts block that imports `consent-gate` becomes a .ts file of a project that has the
// package installed (node_modules/consent-gate: this repository, built), checked with TypeScript 5.9,
// 6 and 7 (the native compiler), each under two configurations: what `tsc --init` of that version
// writes (module nodenext, exactOptionalPropertyTypes, noUncheckedSideEffectImports, …), and a
// bundler project that also checks the package's declaration files (skipLibCheck off).
// TypeScript 6 and later refuse `import 'consent-gate/styles.css'` without its declaration (TS2882).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentExamples, ROOT, runs, where } from '../support/examples';

const COMPILERS = [
  ['5.9', 'typescript'],
  ['6', 'typescript-6'],
  ['7', 'typescript-7'],
] as const;

const BUNDLER = {
  compilerOptions: {
    target: 'es2022',
    module: 'esnext',
    moduleResolution: 'bundler',
    lib: ['es2022', 'dom', 'dom.iterable'],
    strict: true,
    noUncheckedSideEffectImports: true,
    resolveJsonModule: true,
    skipLibCheck: false,
    noEmit: true,
    types: [],
  },
};

// The blocks that run (a `not run` block is a fragment, or needs what a project here does not have).
const examples = documentExamples().filter(
  (e) =>
    runs(e) &&
    (e.lang == 'js' || e.lang == 'ts') &&
    /from\s+['"]consent-gate[/'"]|import\s+['"]consent-gate\//.test(e.code),
);

function run(
  command: string,
  args: string[],
  cwd: string,
): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [command, ...args], { cwd });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

describe('the README examples in a TypeScript project', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'consent-gate-ts-'));

  beforeAll(() => {
    // An installed package, as npm leaves it: node_modules/consent-gate holds package.json and dist/.
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(ROOT, path.join(dir, 'node_modules/consent-gate'), 'dir');
    writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'site', type: 'module', private: true }),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  for (const [version, pkg] of COMPILERS) {
    const tsc = path.join(ROOT, 'node_modules', pkg, 'bin/tsc');

    it(`TypeScript ${version}: every example passes under \`tsc --init\` and in a bundler project`, async () => {
      const project = path.join(dir, `ts-${version}`);
      mkdirSync(path.join(project, 'src'), { recursive: true });
      for (const e of examples) {
        writeFileSync(path.join(project, 'src', `${e.file.replace(/\W+/g, '-')}-${e.line}.ts`), e.code);
      }
      const init = await run(tsc, ['--init'], project);
      expect(init.status, init.output).toBe(0);
      writeFileSync(
        path.join(project, 'tsconfig.bundler.json'),
        JSON.stringify({ ...BUNDLER, include: ['src'] }),
      );

      const checks = await Promise.all([
        run(tsc, ['-p', 'tsconfig.json', '--noEmit', '--pretty', 'false'], project),
        run(tsc, ['-p', 'tsconfig.bundler.json', '--pretty', 'false'], project),
      ]);
      const named = (output: string) =>
        examples.reduce(
          (text, e) => text.split(`${e.file.replace(/\W+/g, '-')}-${e.line}.ts`).join(`(${where(e)})`),
          output,
        );
      expect(named(checks[0].output), 'tsc --init').toBe('');
      expect(named(checks[1].output), 'bundler').toBe('');
    }, 120_000);
  }
});
