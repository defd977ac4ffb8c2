// i18n/<code>.json → dist/i18n/<code>.json (minified), after checking every translation.
//
// English lives in src/config/texts.ts (EN), the one source the bundle uses; this script writes it
// out as i18n/en.json so that every language, English included, is a file. Each other file must have
// exactly en.json's keys, every value a non-empty string with the same {placeholders} and no markup.
// Any problem fails the build with the file and the key, so a broken translation never ships.
import { readFileSync, writeFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = new URL('../', import.meta.url);
const srcDir = new URL('i18n/', root);
const outDir = new URL('dist/i18n/', root);

/** EN from src/config/texts.ts: a data-only module, so transpiling it alone is enough. */
async function loadEnglish() {
  const file = new URL('src/config/texts.ts', root);
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2021 },
  });
  const { EN } = await import('data:text/javascript,' + encodeURIComponent(outputText));
  if (!EN) throw new Error(`build-i18n: ${file.pathname} no longer exports EN`);
  return EN;
}

/** The {name} placeholders of a text, sorted, e.g. ['{service}']. */
const placeholders = (s) => (s.match(/\{[a-zA-Z]+\}/g) ?? []).sort();
const sameList = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Every problem of one translation against English, as "key: what is wrong" lines.
 * Pure, so that it can be tried on broken input.
 */
export function check(en, t, path = '') {
  const out = [];
  if (typeof t !== 'object' || t === null || Array.isArray(t))
    return [`${path || '(top)'}: must be an object`];
  for (const key of Object.keys(en)) {
    const p = path ? `${path}.${key}` : key;
    if (!Object.hasOwn(t, key)) out.push(`${p}: missing`);
    else if (typeof en[key] === 'object') out.push(...check(en[key], t[key], p));
    else if (typeof t[key] !== 'string' || !t[key].trim()) out.push(`${p}: must be a non-empty string`);
    else {
      if (!sameList(placeholders(t[key]), placeholders(en[key])))
        out.push(
          `${p}: placeholders ${JSON.stringify(placeholders(t[key]))}, English has ${JSON.stringify(placeholders(en[key]))}`,
        );
      if (/<\/?[a-z!]/i.test(t[key])) out.push(`${p}: contains markup; texts are plain text`);
    }
  }
  for (const key of Object.keys(t))
    if (!Object.hasOwn(en, key))
      out.push(`${path ? path + '.' : ''}${key}: not an English key (typo, or remove it)`);
  return out;
}

async function main() {
  const en = await loadEnglish();
  writeFileSync(new URL('en.json', srcDir), JSON.stringify(en, null, 2) + '\n');

  const problems = [];
  const built = [];
  for (const name of readdirSync(srcDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const code = name.slice(0, -5);
    if (!/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(code)) {
      problems.push(`i18n/${name}: the file name must be a language code, e.g. de.json or pt-BR.json`);
      continue;
    }
    let t;
    try {
      t = JSON.parse(readFileSync(new URL(name, srcDir), 'utf8'));
    } catch (e) {
      problems.push(`i18n/${name}: not valid JSON (${e.message})`);
      continue;
    }
    const found = check(en, t);
    problems.push(...found.map((m) => `i18n/${name}: ${m}`));
    if (!found.length) built.push([name, JSON.stringify(t)]);
  }
  if (problems.length) {
    console.error(
      `build-i18n: ${problems.length} problem(s); fix them in i18n/:\n  ` + problems.join('\n  '),
    );
    process.exit(1);
  }
  // Start clean so that a deleted language does not linger in dist/.
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const [name, json] of built) writeFileSync(new URL(name, outDir), json);
  console.log(`build-i18n: ${built.length} languages → dist/i18n/`);
}

// Run as the build step; stay quiet when imported (a test trying check() on broken input).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
