// @vitest-environment node
// The convention that decides which documentation examples run (tests/support/examples.ts).
import { describe, expect, it } from 'vitest';
import { documentExamples, parseExamples, runs } from '../support/examples';

const md = (...lines: string[]) => lines.join('\n');

describe('documentation examples', () => {
  it('finds fenced blocks with their language, line and code, also indented in a list', () => {
    const found = parseExamples(
      md(
        '# Title',
        '```html',
        '<p>page</p>',
        '```',
        '- a list item:',
        '',
        '  ```js',
        '  init({});',
        '    nested();',
        '  ```',
        '~~~sh',
        'npm test',
        '~~~',
        '```',
        'plain',
        '```',
      ),
      'doc.md',
    );
    expect(found.map(({ line, lang, code }) => [line, lang, code])).toEqual([
      [2, 'html', '<p>page</p>\n'],
      [7, 'js', 'init({});\n  nested();\n'],
      [11, 'sh', 'npm test\n'],
      [14, '', 'plain\n'],
    ]);
    expect(found.map(runs)).toEqual([true, true, false, false]);
  });

  it('a longer fence holds a shorter one, and a block ends at its own fence only', () => {
    const [outer] = parseExamples(md('````md', '```js', 'x()', '```', '````'), 'doc.md');
    expect(outer.code).toBe('```js\nx()\n```\n');
  });

  it('<!-- not run: reason --> right before a block opts it out, with its reason', () => {
    const [held, next] = parseExamples(
      md('<!-- not run: needs the CDN -->', '', '```html', '<script></script>', '```', '```js', 'x()', '```'),
      'doc.md',
    );
    expect(held.notRun).toBe('needs the CDN');
    expect(runs(held)).toBe(false);
    expect(next.notRun).toBeUndefined();
    expect(runs(next)).toBe(true);
  });

  it('refuses a marker without a reason, a marker before a block that never runs, and an open fence', () => {
    expect(() => parseExamples(md('<!-- not run -->', '```js', 'x()', '```'), 'doc.md')).toThrow(
      'doc.md:2: "<!-- not run -->" needs a reason',
    );
    expect(() => parseExamples(md('<!-- not run: why -->', '```sh', 'ls', '```'), 'doc.md')).toThrow(
      'doc.md:2: a ```sh block never runs: drop the marker',
    );
    expect(() => parseExamples(md('text', '```js', 'x()'), 'doc.md')).toThrow(
      'doc.md:2: the code block opened here is never closed',
    );
  });

  it('the documents parse by these rules, and their README has examples that run', () => {
    const all = documentExamples();
    expect(all.filter((e) => e.file == 'README.md' && runs(e)).length).toBeGreaterThan(2);
  });
});
