// styles/*.css → dist/, minified by lightningcss: consent-gate.css, and embeds.css for the embeds add-on.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { transform } from 'lightningcss';

const DECLARATION = `// A stylesheet, imported for its side effect: your bundler puts it on the page. It exports nothing.
export {};
`;

const builds = [
  ['consent-gate.css', 'consent-gate.css'],
  ['embeds.css', 'consent-gate.embeds.css'],
];
for (const [from, to] of builds) {
  const src = new URL(`../styles/${from}`, import.meta.url);
  const out = new URL(`../dist/${to}`, import.meta.url);
  const { code, warnings } = transform({
    filename: from,
    code: readFileSync(src),
    minify: true,
    // Browsers of the last few years; keeps custom properties and :focus-visible as written.
    targets: { chrome: 100 << 16, firefox: 100 << 16, safari: 15 << 16 },
  });
  for (const w of warnings) console.warn('build-css:', w.message);
  mkdirSync(new URL('.', out), { recursive: true });
  writeFileSync(out, code);
  // Beside it, the types of `import 'consent-gate/styles.css'` ("types" in package.json exports):
  // TypeScript 6 and later refuse a side-effect import they cannot resolve (TS2882).
  writeFileSync(new URL(`${to}.d.ts`, out), DECLARATION);
  writeFileSync(new URL(`${to}.d.cts`, out), DECLARATION);
}
