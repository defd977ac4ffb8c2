// The command line, parsed: every option, and a clear message for each kind of bad input.
import { describe, expect, it } from 'vitest';
import { pageUrl, parseArgs } from '../../src/audit/args';

describe('parseArgs', () => {
  it('reads URLs and every option, in both --flag value and --flag=value forms', () => {
    const command = parseArgs([
      'audit',
      'https://example.com/',
      'shop.example.com/cart',
      '--json',
      'out/report.json',
      '--html=out/report.html',
      '--max-pages',
      '5',
      '--wait=20',
      '--idle',
      '1.5',
      '--viewport',
      '390x844',
      '--lang',
      'de-DE',
      '--cookie',
      'cg_consent={"a":1}',
      '--cookie=session=abc=def',
      '--necessary',
      'PHPSESSID',
      '--necessary',
      '/^__Host-/',
      '--gpc',
    ]);
    expect(command).toEqual({
      kind: 'audit',
      json: 'out/report.json',
      html: 'out/report.html',
      options: {
        urls: ['https://example.com/', 'https://shop.example.com/cart'],
        maxPages: 5,
        waitMs: 20_000,
        idleMs: 1_500,
        viewport: { width: 390, height: 844 },
        lang: 'de-DE',
        cookies: [
          { name: 'cg_consent', value: '{"a":1}' },
          { name: 'session', value: 'abc=def' },
        ],
        necessary: ['PHPSESSID', /^__Host-/],
        gpc: true,
      },
    });
  });

  it('answers --help and --version at either level', () => {
    expect(parseArgs([])).toMatchObject({ kind: 'help' });
    expect(parseArgs(['--help'])).toMatchObject({
      kind: 'help',
      text: expect.stringContaining('audit <url…>'),
    });
    expect(parseArgs(['audit', '-h'])).toMatchObject({
      kind: 'help',
      text: expect.stringContaining('--max-pages'),
    });
    expect(parseArgs(['--version'])).toEqual({ kind: 'version' });
  });

  it.each([
    [['nope'], 'unknown command "nope"'],
    [['audit'], 'give at least one URL'],
    [['audit', 'mailto:a@b.c'], '"mailto:a@b.c" is not an http or https URL'],
    [['audit', 'x.com', '--max-pages', '0'], '--max-pages must be a whole number from 1 to 100 (got "0")'],
    [['audit', 'x.com', '--max-pages', '2.5'], '--max-pages must be a whole number'],
    [['audit', 'x.com', '--wait', '-1'], '--wait must be a number of seconds above 0'],
    [['audit', 'x.com', '--idle', '0'], '--idle must be a number of seconds above 0'],
    [['audit', 'x.com', '--wait', '2', '--idle', '3'], '--idle must not be longer than --wait'],
    [['audit', 'x.com', '--viewport', '1280'], '--viewport must be WIDTHxHEIGHT'],
    [['audit', 'x.com', '--lang', 'German'], '--lang must be a language code'],
    [['audit', 'x.com', '--cookie', 'novalue'], '--cookie must be NAME=VALUE (got "novalue")'],
    [['audit', 'x.com', '--cookie', 'a b=c'], '--cookie must be NAME=VALUE'],
    [['audit', 'x.com', '--necessary', '/(/'], '--necessary /(/ is not a valid /regex/'],
    [['audit', 'x.com', '--html'], '--html needs a value'],
    [['audit', 'x.com', '--verbose'], 'unknown option --verbose'],
  ])('%j is refused: %s', (argv, message) => {
    const command = parseArgs(argv);
    expect(command.kind).toBe('error');
    expect(command.kind === 'error' && command.message).toContain(message);
  });
});

describe('pageUrl', () => {
  it('takes http and https, gives a bare host https://, refuses the rest', () => {
    expect(pageUrl('http://127.0.0.1:8080/a?b#c')).toBe('http://127.0.0.1:8080/a?b#c');
    expect(pageUrl('example.com')).toBe('https://example.com/');
    expect(pageUrl('file:///etc/passwd')).toBeUndefined();
    expect(pageUrl('javascript:alert(1)')).toBeUndefined();
    expect(pageUrl('http://')).toBeUndefined();
  });
});
