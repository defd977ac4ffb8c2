// styles/consent-gate.css → dist/consent-gate.css, minified by lightningcss.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { transform } from 'lightningcss';

const src = new URL('../styles/consent-gate.css', import.meta.url);
const out = new URL('../dist/consent-gate.css', import.meta.url);
const { code, warnings } = transform({
  filename: 'consent-gate.css',
  code: readFileSync(src),
  minify: true,
  // Browsers of the last few years; keeps custom properties and :focus-visible as written.
  targets: { chrome: 100 << 16, firefox: 100 << 16, safari: 15 << 16 },
});
for (const w of warnings) console.warn('build-css:', w.message);
mkdirSync(new URL('.', out), { recursive: true });
writeFileSync(out, code);
