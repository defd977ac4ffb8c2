// Where a cookie this page can see may live: the domains and paths a declined service's cookies are
// deleted on. Every extra pair is one more cookie written (and, in Firefox, one "rejected for invalid
// domain" warning when the domain cannot hold cookies).
import { describe, expect, it } from 'vitest';
import { cookieDomains, cookiePaths } from '../../src/storage/cookie-scopes';

describe('cookieDomains', () => {
  it('a host name: host-only, itself, and each parent domain short of the top level', () => {
    expect(cookieDomains('www.shop.example.com')).toEqual([
      undefined,
      'www.shop.example.com',
      'shop.example.com',
      'example.com',
    ]);
    expect(cookieDomains('example.com')).toEqual([undefined, 'example.com']);
  });

  it('a single-label host (localhost) has no domain to name', () => {
    expect(cookieDomains('localhost')).toEqual([undefined]);
  });

  it('an IP address has no parent domains and takes no Domain attribute', () => {
    // Was: 127.0.0.1, 0.0.1 and 0.1 as domains, each write rejected.
    expect(cookieDomains('127.0.0.1')).toEqual([undefined]);
    expect(cookieDomains('192.168.10.20')).toEqual([undefined]);
    expect(cookieDomains('[::1]')).toEqual([undefined]);
    expect(cookieDomains('[2001:db8::1]')).toEqual([undefined]);
  });

  it('a name with digits in it is still a name', () => {
    expect(cookieDomains('web2.example.com')).toEqual([undefined, 'web2.example.com', 'example.com']);
    expect(cookieDomains('1.example.com')).toEqual([undefined, '1.example.com', 'example.com']);
  });
});

describe('cookiePaths', () => {
  it('the paths whose cookies a page in a folder sees: "/" and each folder, with and without its slash', () => {
    expect(cookiePaths('/')).toEqual(['/']);
    expect(cookiePaths('/shop/')).toEqual(['/', '/shop', '/shop/']);
    expect(cookiePaths('/shop/cart/')).toEqual(['/', '/shop', '/shop/', '/shop/cart', '/shop/cart/']);
  });

  it('a file name is no folder: the page itself, never "page.html/"', () => {
    // Was: also /p/page.html/, a path no cookie this page sees can have.
    expect(cookiePaths('/p/page.html')).toEqual(['/', '/p', '/p/', '/p/page.html']);
    expect(cookiePaths('/index.html')).toEqual(['/', '/index.html']);
    expect(cookiePaths('/shop/cart')).toEqual(['/', '/shop', '/shop/', '/shop/cart']);
  });

  it('each path is one a cookie the page sees can have (RFC 6265 path-match)', () => {
    const pathMatches = (cookiePath: string, requestPath: string) =>
      cookiePath === requestPath ||
      (requestPath.startsWith(cookiePath) &&
        (cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/'));
    for (const page of ['/', '/a', '/a/', '/a/b.html', '/a/b/c/', '/a//b']) {
      for (const path of cookiePaths(page)) expect(pathMatches(path, page), `${path} on ${page}`).toBe(true);
    }
  });
});
