// The code examples of the documentation, as tests read them (CONTRIBUTING.md, "Examples in the docs").
//
// The convention, for every fenced block (``` or ~~~, also indented in a list) of the files below:
//   ```html   a page, or a piece of one: served and opened in a browser (tests/browser/readme.test.ts)
//   ```js     a module, bundled as a site's bundler would (esbuild; `consent-gate` resolves to this
//   ```ts     package's build), then run in a page; blocks that import `consent-gate` are also
//             type-checked with TypeScript 5.9, 6 and 7 (tests/package/typescript.test.ts)
//   anything else (sh, json, css, http, text, no language): shown, not run
// A line `<!-- not run: why -->` right before a block of a language that runs opts it out; the reason
// is required, so that a reader of the source sees why that example cannot run here.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The documents whose examples are held to the convention; add a page here to hold it to them too. */
export const DOCUMENTS = [
  'README.md',
  'CONTRIBUTING.md',
  'docs/accessibility.md',
  'docs/addons.md',
  'docs/api.md',
  'docs/architecture.md',
  'docs/configuration.md',
  'docs/consent-mode.md',
  'docs/csp.md',
  'docs/gpc.md',
  'docs/install.md',
  'docs/markup.md',
  'docs/performance.md',
  'docs/presets.md',
  'docs/styling.md',
  'docs/tcf.md',
];

/** Languages whose blocks run. */
export const RUN = ['html', 'js', 'ts'];

export interface Example {
  /** The document, relative to the repository. */
  file: string;
  /** The line of the opening fence, 1-based. */
  line: number;
  /** The fence's language (the first word of its info string), lower case; '' when it has none. */
  lang: string;
  code: string;
  /** The reason given by `<!-- not run: reason -->`, when the block opts out. */
  notRun?: string;
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/;
const NOT_RUN = /^\s*<!--\s*not run\b\s*:?\s*(.*?)\s*-->\s*$/i;

/** Every fenced block of `markdown`; throws on an unclosed fence or a marker without a reason. */
export function parseExamples(markdown: string, file: string): Example[] {
  const lines = markdown.split('\n');
  const found: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, lang] = open;
    const body: string[] = [];
    let end = i + 1;
    while (end < lines.length && !closes(lines[end], fence)) {
      // The block's lines lose the fence's indentation (a block inside a list item).
      body.push(lines[end].startsWith(indent) ? lines[end].slice(indent.length) : lines[end].trimStart());
      end++;
    }
    if (end == lines.length) throw new Error(`${file}:${i + 1}: the code block opened here is never closed`);
    const example: Example = { file, line: i + 1, lang: lang.toLowerCase(), code: body.join('\n') + '\n' };
    const marker = previousLine(lines, i);
    const match = marker === undefined ? null : NOT_RUN.exec(marker);
    if (match) {
      if (!match[1])
        throw new Error(`${file}:${i + 1}: "<!-- not run -->" needs a reason: <!-- not run: why -->`);
      if (!RUN.includes(example.lang)) {
        throw new Error(
          `${file}:${i + 1}: a \`\`\`${lang || '(no language)'} block never runs: drop the marker`,
        );
      }
      example.notRun = match[1];
    }
    found.push(example);
    i = end;
  }
  return found;
}

function closes(line: string, fence: string): boolean {
  const trimmed = line.trim();
  return trimmed.startsWith(fence) && /^(`+|~+)$/.test(trimmed) && trimmed[0] == fence[0];
}

/** The last line before `index` that is not blank (a marker may sit above a blank line). */
function previousLine(lines: string[], index: number): string | undefined {
  for (let i = index - 1; i >= 0; i--) if (lines[i].trim()) return lines[i];
  return undefined;
}

/** The examples of every document in DOCUMENTS. */
export function documentExamples(): Example[] {
  return DOCUMENTS.flatMap((file) => parseExamples(readFileSync(ROOT + file, 'utf8'), file));
}

/** Whether a block runs, by the convention. */
export const runs = (example: Example): boolean => RUN.includes(example.lang) && !example.notRun;

/** A short name for test titles and generated files: README.md:42 html */
export const where = (example: Example): string => `${example.file}:${example.line} ${example.lang}`;
