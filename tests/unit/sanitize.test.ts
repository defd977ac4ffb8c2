// The allowlist sanitizer behind `html: true` (src/ui/sanitize.ts), and which text slots use it.
import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/dom';
import fc from 'fast-check';
import * as cg from '../../src/index';
import { sanitize } from '../../src/ui/sanitize';
import { demoConfig, freshPage } from './helpers';

freshPage();

const ALLOWED = new Set(['A', 'STRONG', 'EM', 'B', 'I', 'BR', 'P']);

/** The fragment written back out, text nodes merged and in brackets: easy to compare. */
function html(f: Node): string {
  f.normalize();
  return [...f.childNodes]
    .map((n) => {
      if (n.nodeType === Node.TEXT_NODE) return `[${n.textContent}]`;
      const el = n as Element;
      const attrs = [...el.attributes].map((a) => ` ${a.name}="${a.value}"`).join('');
      return `<${el.localName}${attrs}>${html(el)}</${el.localName}>`;
    })
    .join('');
}

/** Problems with a sanitized fragment: anything beyond the allowlist. */
function violations(f: DocumentFragment): string[] {
  const out: string[] = [];
  const walk = document.createTreeWalker(f, NodeFilter.SHOW_ALL);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) continue;
    if (n.nodeType !== Node.ELEMENT_NODE) {
      out.push('node type ' + n.nodeType);
      continue;
    }
    const el = n as Element;
    if (!ALLOWED.has(el.tagName)) out.push('element ' + el.tagName);
    const names = el.getAttributeNames();
    if (el.tagName === 'A') {
      if (names.join() !== 'href,rel') out.push('a with attributes ' + names.join());
      if (el.getAttribute('rel') !== 'noopener noreferrer') out.push('rel ' + el.getAttribute('rel'));
      const protocol = (el as HTMLAnchorElement).protocol;
      if (!['http:', 'https:', 'mailto:'].includes(protocol)) out.push('href protocol ' + protocol);
    } else if (names.length) out.push(`${el.tagName} with attributes ${names.join()}`);
  }
  return out;
}

describe('sanitize', () => {
  it('builds exactly the allowed tags, in any case, and keeps all text as text', () => {
    expect(html(sanitize('Plain <text> & "quotes"'))).toBe('[Plain <text> & "quotes"]');
    expect(html(sanitize('<strong>S</strong><EM>E</EM><b>B</B><i>I</i><p>P</p>a<br>b<br/>c<BR />d'))).toBe(
      '<strong>[S]</strong><em>[E]</em><b>[B]</b><i>[I]</i><p>[P]</p>[a]<br></br>[b]<br></br>[c]<br></br>[d]',
    );
    expect(html(sanitize('<p>One <b>two <i>three</i></b></p>'))).toBe(
      '<p>[One ]<b>[two ]<i>[three]</i></b></p>',
    );
  });

  it('keeps links to http, https, mailto and relative places, with rel forced and nothing else', () => {
    const hrefs = [
      'https://example.com/privacy?a=1&b=2',
      'http://example.com',
      'mailto:dpo@example.com',
      '/privacy',
      'privacy.html',
      './p',
      '../p',
      '?q',
      '#cookies',
      '//example.com/x',
      '',
    ];
    for (const href of hrefs) {
      expect(html(sanitize(`See <a href="${href}">the policy</a>.`))).toBe(
        `[See ]<a href="${href}" rel="noopener noreferrer">[the policy]</a>[.]`,
      );
    }
    expect(html(sanitize(`<A HREF='/p'>x</A>`))).toBe('<a href="/p" rel="noopener noreferrer">[x]</a>');
    expect(html(sanitize(`<a\n  href = "/p" >x</a>`))).toBe('<a href="/p" rel="noopener noreferrer">[x]</a>');
  });

  it('leaves links to any other scheme as text, however they are spelled', () => {
    const bad = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\x01javascript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'file:///etc/passwd',
      'blob:https://example.com/x',
      'ftp://example.com',
      'http://[::1',
    ];
    for (const href of bad) {
      const f = sanitize(`<a href="${href}">x</a>`);
      expect(f.querySelector('a'), href).toBeNull();
      expect(f.textContent).toBe(`<a href="${href}">x</a>`);
    }
  });

  it('leaves every other tag, attribute and syntax as visible text', () => {
    const literal = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<svg onload=alert(1)>',
      '<iframe src="javascript:alert(1)"></iframe>',
      '<style>*{}</style>',
      '<b class="x">x</b>',
      '<b onclick="alert(1)">x</b>',
      '<a href="/p" onclick="alert(1)">x</a>',
      '<a onclick="alert(1)" href="/p">x</a>',
      '<a href="/p" target="_blank">x</a>',
      '<a href=/p>x</a>',
      '<a>x</a>',
      '<a href="/p"x</a>',
      '<b/>',
      '<p/>',
      '<br/ onload=x>',
      '<!-- comment -->',
      '<![CDATA[x]]>',
      '<bdo>x</bdo>',
      '<image>x</image>',
      '<b\x00>x</b>',
      '&lt;b&gt;x&lt;/b&gt; &amp; &#60;script&#62;',
    ];
    for (const s of literal) {
      const f = sanitize(s);
      expect(violations(f), s).toEqual([]);
      // Closing tags too: with nothing of their name open, they are text as well.
      expect(f.textContent, s).toBe(s);
    }
  });

  it('leaves a stray closing tag as text and closes what is left open at the end', () => {
    expect(html(sanitize('a</b>c'))).toBe('[a</b>c]');
    expect(html(sanitize('<b>x</i>y'))).toBe('<b>[x</i>y]</b>');
    // Closing an outer element closes the ones inside it.
    expect(html(sanitize('<a href="/p"><b>x</a>y'))).toBe(
      '<a href="/p" rel="noopener noreferrer"><b>[x]</b></a>[y]',
    );
  });

  it('never uses the HTML parser', () => {
    const inner = vi.spyOn(Element.prototype, 'innerHTML', 'set');
    const outer = vi.spyOn(Element.prototype, 'outerHTML', 'set');
    const adjacent = vi.spyOn(Element.prototype, 'insertAdjacentHTML');
    const parser = vi.spyOn(DOMParser.prototype, 'parseFromString');
    const range = vi.spyOn(Range.prototype, 'createContextualFragment');
    sanitize('<b>x</b><a href="/p">y</a><script>z</script><img src=x onerror=alert(1)>');
    for (const spy of [inner, outer, adjacent, parser, range]) expect(spy).not.toHaveBeenCalled();
  });

  it('on generated markup soup, builds nothing beyond the allowlist and loses no text', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '<a href="/ok">',
        "<a href='https://example.com'>",
        '<a href="javascript:alert(1)">',
        '<a href="data:,x">',
        '</a>',
        '<b>',
        '</b>',
        '<strong>',
        '</STRONG>',
        '<em>',
        '</em>',
        '<i>',
        '</i>',
        '<p>',
        '</p>',
        '<br>',
        '<br/>',
        '<script>',
        '</script>',
        '<img src=x onerror=alert(1)>',
        '<svg/onload=alert(1)>',
        ' onclick="x"',
        'href=',
        '"',
        "'",
        '<',
        '>',
        '/',
        '=',
        ' ',
        '\n',
        '&lt;',
        '&amp;',
        'javascript:',
        'a',
        'b',
        'p',
      ),
      fc.string({ maxLength: 4, unit: 'binary' }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const s = pieces.join('');
        const f = sanitize(s);
        expect(violations(f)).toEqual([]);
        // The text is the input's characters, in order, less the tags that were built: nothing is
        // invented, and only what sits between < and > can go.
        const text = f.textContent!;
        let i = 0;
        for (let j = 0; j < s.length; j++) if (s[j] === text[i]) i++;
        expect(i).toBe(text.length);
        expect(
          text.replace(/[^<>]/g, '').length >=
            s.replace(/[^<>]/g, '').length -
              2 * f.querySelectorAll('*').length -
              2 * (s.match(/<\//g) || []).length,
        ).toBe(true);
        if (!s.includes('<')) expect(text).toBe(s);
      }),
      { numRuns: 2000 },
    );
  }, 60_000);
});

describe('html: true in the UI', () => {
  const markup = (label: string) =>
    `${label}: <b>bold</b>, <a href="/privacy">policy</a><img src=x onerror=alert(1)>`;
  const config = (html: boolean) =>
    demoConfig({
      html,
      texts: {
        banner: { title: markup('BT'), description: markup('BD'), acceptAll: markup('BA') },
        preferences: { title: markup('PT'), description: markup('PD'), save: markup('PS') },
      },
      categories: {
        necessary: { label: 'Strictly necessary', required: true },
        analytics: {
          label: markup('CL'),
          description: markup('CD'),
          services: { ga: { label: markup('SL'), description: markup('SD') } },
        },
      },
    });

  it("puts the sanitizer's nodes in titles and descriptions only", () => {
    cg.init(config(true));
    cg.showPreferences();
    const withMarkup = ['BT', 'BD', 'PT', 'PD', 'CD', 'SD'];
    for (const slot of withMarkup) {
      const el = [...document.querySelectorAll('.cg-root *')].find(
        (e) => e.firstChild?.textContent === slot + ': ',
      )!;
      expect(el, slot).toBeTruthy();
      expect(el.querySelector('b')!.textContent).toBe('bold');
      expect(el.querySelector('a')!.getAttribute('href')).toBe('/privacy');
      expect(el.querySelector('img')).toBeNull();
      expect(el.textContent).toBe(slot + ': bold, policy<img src=x onerror=alert(1)>');
    }
    // Labels and button names stay text. (The banner is set aside, hidden, while the preferences are open.)
    expect(screen.getByRole('button', { name: markup('BA'), hidden: true })).toBeTruthy();
    expect(screen.getByRole('button', { name: markup('PS') })).toBeTruthy();
    expect(screen.getByRole('switch', { name: markup('CL') })).toBeTruthy();
    expect(screen.getByRole('radiogroup', { name: markup('SL') })).toBeTruthy();
    // The dialogs are named by their titles' text.
    const b = screen.getByRole('dialog', {
      name: 'BT: bold, policy<img src=x onerror=alert(1)>',
      hidden: true,
    });
    expect(within(b).getAllByRole('link', { name: 'policy', hidden: true })).toHaveLength(2);
    expect(document.querySelectorAll('.cg-root img, .cg-root script')).toHaveLength(0);
  });

  it('shows every text as written without html: true', () => {
    cg.init(config(false));
    cg.showPreferences();
    expect(document.querySelectorAll('.cg-root b')).toHaveLength(0);
    expect(screen.getByRole('dialog', { name: markup('BT'), hidden: true })).toBeTruthy();
    expect(screen.getByRole('dialog', { name: markup('PT') })).toBeTruthy();
    expect(screen.getByText(markup('CD'))).toBeTruthy();
    expect(screen.getByText(markup('SD'))).toBeTruthy();
  });
});
