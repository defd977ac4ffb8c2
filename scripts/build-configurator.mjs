// dist/configurator/: the configurator as static files, for `npm run demo` (/configurator/) and for
// a site owner to open or host anywhere. No server logic, nothing from a CDN: the library files it
// previews (and offers for download) are copied next to it, in lib/.
//
// Build-time data, handed to the page as the module `configurator:data`: the shipped translations
// (whatever dist/i18n/ holds, so a language added to i18n/ shows up without a code change), the
// library's custom properties per theme (from styles/consent-gate.css), the package's version.
// Runs after the library's build (npm run build calls it last).
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';

const root = new URL('../', import.meta.url);
const at = (p) => new URL(p, root).pathname;
const out = at('dist/configurator/');

const LIB = [
  'consent-gate.min.js',
  'consent-gate.css',
  'consent-gate.embeds.min.js',
  'consent-gate.embeds.css',
  'consent-gate.autoblock.min.js',
  'consent-gate.consent-log.min.js',
];
for (const file of [...LIB, 'i18n/de.json']) {
  if (!existsSync(at(`dist/${file}`))) {
    console.error(
      `build-configurator: dist/${file} is missing; run \`npm run build\` (it builds the library first).`,
    );
    process.exit(1);
  }
}

/** Every shipped translation but English (built into the library). */
function languages() {
  const dir = at('dist/i18n/');
  const result = {};
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json') || name === 'en.json') continue;
    result[name.slice(0, -5)] = JSON.parse(readFileSync(dir + name, 'utf8'));
  }
  return result;
}

/** The custom properties of one rule of the library's stylesheet, e.g. `:where(:root)`. */
function properties(css, selector) {
  const start = css.indexOf(`${selector} {`);
  if (start < 0)
    throw new Error(`build-configurator: styles/consent-gate.css has no "${selector} {" rule any more`);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/(--cg-[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

const css = readFileSync(at('styles/consent-gate.css'), 'utf8');
const light = properties(css, ':where(:root)');
const data = {
  LANGUAGES: languages(),
  THEMES: { light, dark: { ...light, ...properties(css, ':where(.cg-dark)') } },
  VERSION: JSON.parse(readFileSync(at('package.json'), 'utf8')).version,
};

const virtual = {
  name: 'configurator-data',
  resolveId: (id) => (id === 'configurator:data' ? '\0configurator:data' : null),
  load: (id) =>
    id === '\0configurator:data'
      ? Object.entries(data)
          .map(([k, v]) => `export const ${k} = ${JSON.stringify(v)};`)
          .join('\n')
      : null,
};

rmSync(out, { recursive: true, force: true });
mkdirSync(`${out}lib`, { recursive: true });

for (const [input, file] of [
  ['configurator/src/main.ts', 'configurator.js'],
  ['configurator/src/preview-frame.ts', 'preview.js'],
]) {
  const bundle = await rollup({
    input: at(input),
    plugins: [
      virtual,
      typescript({
        tsconfig: at('configurator/tsconfig.json'),
        include: ['configurator/src/**/*.ts', 'src/**/*.ts'],
      }),
      terser({ ecma: 2021, format: { comments: false } }),
    ],
    onwarn(warning, warn) {
      // A warning in the configurator's own build is a mistake to fix, not noise.
      warn(warning);
      process.exitCode = 1;
    },
  });
  // A classic script, not a module: a page opened from the disk (file://) runs it too.
  await bundle.write({ file: `${out}${file}`, format: 'iife' });
  await bundle.close();
}

for (const file of ['index.html', 'preview.html', 'configurator.css', 'preview.css'])
  copyFileSync(at(`configurator/${file}`), `${out}${file}`);
for (const file of LIB) copyFileSync(at(`dist/${file}`), `${out}lib/${file}`);

const size = (files) => files.reduce((n, f) => n + statSync(`${out}${f}`).size, 0);
const gz = (files) =>
  files.reduce((n, f) => n + gzipSync(readFileSync(`${out}${f}`), { level: 9 }).length, 0);
const own = [
  'index.html',
  'configurator.js',
  'configurator.css',
  'preview.html',
  'preview.js',
  'preview.css',
];
const fmt = (n) => `${(n / 1024).toFixed(1)} kB`;
console.log(
  `build-configurator: dist/configurator/ (${Object.keys(data.LANGUAGES).length + 1} languages): ` +
    `${fmt(size(own))} own files (${fmt(gz(own))} gzip), + ${fmt(size(LIB.map((f) => `lib/${f}`)))} library files in lib/`,
);
