// What the owner copies: the script-tag snippet, the stylesheet lines, the npm code. Pure.
import type { Colours, Draft } from './draft';
import { configJson, type JsonConfig } from './config';
import { presetById } from './presets';

/** The custom properties a colour of the form sets (the accent is also the main buttons' colour). */
const PROPERTIES: Record<keyof Colours, string[]> = {
  bg: ['--cg-bg'],
  fg: ['--cg-fg'],
  accent: ['--cg-accent', '--cg-btn-bg'],
  btnFg: ['--cg-btn-fg'],
};

function declarations(colours: Colours): string[] {
  const out: string[] = [];
  for (const key of Object.keys(PROPERTIES) as (keyof Colours)[]) {
    if (colours[key]) for (const property of PROPERTIES[key]) out.push(`${property}: ${colours[key]};`);
  }
  return out;
}

/** A font-family list that cannot leave its declaration (no `;`, braces or `<`). */
export function safeFont(font: string): string {
  return font.replace(/[;{}<>\\]/g, '').trim();
}

const block = (selector: string, lines: string[], indent = '') =>
  lines.length ? [`${indent}${selector} {`, ...lines.map((l) => `${indent}  ${l}`), `${indent}}`] : [];

/**
 * The stylesheet lines for what the owner changed, or '' for none. The dark theme's values sit on
 * `.cg-dark` (and on `.cg-auto` in a dark colour scheme) in the library's stylesheet, so a dark
 * colour has to be set there; the light ones, the radius and the font inherit from `:root`.
 */
export function customCss(draft: Draft): string {
  const { theme } = draft.ui;
  const root: string[] = [];
  if (theme !== 'dark') root.push(...declarations(draft.style.light));
  if (draft.style.radius !== null) {
    root.push(`--cg-radius: ${draft.style.radius}rem;`);
    root.push(`--cg-btn-radius: ${Math.round(draft.style.radius * 66) / 100}rem;`);
  }
  const font = safeFont(draft.style.font);
  if (font) root.push(`--cg-font: ${font};`);
  const dark = declarations(draft.style.dark);
  const lines = [...block(':root', root)];
  if (theme === 'dark') lines.push(...block('.cg-dark', dark));
  if (theme === 'auto' && dark.length)
    lines.push('@media (prefers-color-scheme: dark) {', ...block('.cg-auto', dark, '  '), '}');
  return lines.join('\n');
}

const attr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The folder the snippet's URLs start with, ending in `/`. */
export function folder(filesAt: string): string {
  const f = filesAt.trim() || '/';
  return f.endsWith('/') ? f : f + '/';
}

/** The files the site has to serve for this draft, in the order the snippet loads them. */
export function neededFiles(draft: Draft): { css: string[]; js: string[] } {
  const css = ['consent-gate.css'];
  const js = ['consent-gate.min.js'];
  if (draft.addons.embeds) {
    css.push('consent-gate.embeds.css');
    js.push('consent-gate.embeds.min.js');
  }
  if (draft.addons.autoblock) js.push('consent-gate.autoblock.min.js');
  if (draft.addons.consentLogUrl.trim()) js.push('consent-gate.consent-log.min.js');
  return { css, js };
}

/** JSON that may sit inside a `<script>` element: no `</script>` or `<!--` can end it early. */
export function scriptSafeJson(json: string): string {
  return json.replace(/</g, '\\u003c');
}

/**
 * The complete script-tag snippet: stylesheets, the owner's custom properties, the JSON config,
 * the library, then its add-ons (they call `ConsentGate.use()`, so they come after it). With
 * auto-blocking nothing is deferred: the library and the add-on must run before the page's own
 * scripts add anything (README, "Auto-blocking by URL").
 */
export function scriptSnippet(draft: Draft, config: JsonConfig, version: string): string {
  const base = folder(draft.filesAt);
  const { css, js } = neededFiles(draft);
  const defer = draft.addons.autoblock ? '' : ' defer';
  const lines = [
    `<!-- consent-gate ${version}: in the <head> of every page, above the tags it holds back -->`,
    ...css.map((file) => `<link rel="stylesheet" href="${attr(base + file)}">`),
  ];
  const style = customCss(draft);
  if (style) lines.push('<style>', style, '</style>');
  lines.push(
    '<script type="application/json" id="consent-gate-config">',
    scriptSafeJson(configJson(config)),
    '</script>',
    ...js.map((file) => `<script src="${attr(base + file)}"${defer}></script>`),
  );
  return lines.join('\n') + '\n';
}

/** Code that reads as code: identifiers, spreads. */
class Code {
  constructor(readonly text: string) {}
}

const SPREAD = '...';

function js(value: unknown, indent = ''): string {
  if (value instanceof Code) return value.text;
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    const items = value.map((v) => js(v, inner));
    const oneLine = `[${items.join(', ')}]`;
    return oneLine.length < 80 && !oneLine.includes('\n')
      ? oneLine
      : `[\n${items.map((i) => inner + i + ',').join('\n')}\n${indent}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([k, v]) =>
      k === SPREAD
        ? `...${(v as Code).text}`
        : `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`}: ${js(v, inner)}`,
    );
    if (!entries.length) return '{}';
    return `{\n${entries.map((e) => inner + e + ',').join('\n')}\n${indent}}`;
  }
  return typeof value === 'string' ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : String(value);
}

/** The preset's export name in consent-gate/services: `google-analytics` → `googleAnalytics`. */
export function exportName(presetId: string, exports: Record<string, { id?: string }>): string | undefined {
  return Object.keys(exports).find((name) => exports[name]?.id === presetId);
}

/**
 * The same config for a bundler: presets imported from consent-gate/services and spread, so a
 * vendor's cookie list stays up to date with the package; add-ons given to `use()`.
 */
export function npmSnippet(
  draft: Draft,
  config: JsonConfig,
  presetExports: Record<string, { id?: string }>,
): string {
  const imports = new Map<string, string[]>([['consent-gate', ['init']]]);
  const add = (from: string, name: string) => {
    const names = imports.get(from) ?? [];
    if (!names.includes(name)) names.push(name);
    imports.set(from, names);
  };
  const uses: string[] = [];
  const styles = ['consent-gate/styles.css'];
  if (draft.addons.embeds) {
    add('consent-gate/embeds', 'embeds');
    uses.push('embeds');
    styles.push('consent-gate/embeds.css');
  }
  if (draft.addons.autoblock) {
    add('consent-gate/autoblock', 'autoblock');
    uses.push('autoblock');
  }
  if (draft.addons.consentLogUrl.trim()) {
    add('consent-gate/consent-log', 'consentLog');
    uses.push('consentLog');
  }
  if (uses.length) add('consent-gate', 'use');

  const categories: Record<string, unknown> = {};
  for (const c of draft.categories) {
    const out = { ...(config.categories[c.id] as Record<string, unknown>) };
    if (out.services) {
      const services: Record<string, unknown> = {};
      for (const s of c.services) {
        const written = (out.services as Record<string, Record<string, unknown>>)[s.id];
        const preset = presetById(s.preset);
        const name = preset && exportName(preset.id, presetExports);
        if (!preset || !name) {
          services[s.id] = written;
          continue;
        }
        add('consent-gate/services', name);
        const own: Record<string, unknown> = { [SPREAD]: new Code(name) };
        for (const [k, v] of Object.entries(written)) {
          if (k === 'cookies' || k === 'blocks') continue;
          if (k === 'label' && v === preset.label) continue;
          if (k === 'description' && v === preset.description) continue;
          own[k] = v;
        }
        services[s.id] = Object.keys(own).length === 1 ? new Code(name) : own;
      }
      out.services = services;
    }
    categories[c.id] = out;
  }
  const body: Record<string, unknown> = { ...config, categories };
  const lines: string[] = [];
  for (const [from, names] of imports) lines.push(`import { ${names.join(', ')} } from '${from}';`);
  for (const s of styles) lines.push(`import '${s}';`);
  lines.push('');
  for (const u of uses) lines.push(`use(${u});`);
  lines.push(`init(${js(body)});`);
  return `// npm install consent-gate\n${lines.join('\n')}\n`;
}

/** Presets that are iframes on the page (the rest are scripts). */
const EMBEDS = new Set(['youtube', 'vimeo', 'google-maps']);

/**
 * How the owner's existing tag for a service looks once marked up: an iframe for an embed, Google's
 * own two-part snippet for Google Analytics, a held-back external script otherwise.
 */
export function markupExample(
  categoryId: string,
  serviceId: string,
  preset: string | undefined,
  label: string,
): string {
  const gate = `data-category="${categoryId}" data-service="${serviceId}"`;
  if (preset && EMBEDS.has(preset))
    return `<iframe title="…" width="560" height="315" ${gate}\n        data-src="…the ${label} embed URL…"></iframe>`;
  if (preset === 'google-analytics')
    return [
      `<script type="text/plain" ${gate}`,
      '        data-src="https://www.googletagmanager.com/gtag/js?id=G-XXXX" async></script>',
      `<script type="text/plain" ${gate}>`,
      '  window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}',
      "  gtag('js', new Date()); gtag('config', 'G-XXXX');",
      '</script>',
    ].join('\n');
  return `<script type="text/plain" ${gate}\n        data-src="…the URL of ${label}’s script…" async></script>`;
}
