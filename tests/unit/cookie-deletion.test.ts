// @vitest-environment-options { "url": "http://127.0.0.1/p/page.html" }
// Declining a service on a page served from an IP address, as the browser tests are: every write
// deleteCookies() makes, counted at document.cookie. Firefox rejects (and logs) each write with a
// Domain it cannot hold, and a path under the page's file name is one no cookie of this page has.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deleteCookies } from '../../src/storage/cookies';

const clear = () => {
  for (const pair of document.cookie.split('; ').filter(Boolean)) {
    document.cookie = `${pair.split('=')[0]}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
};
afterEach(clear);

describe('deleting a declined service’s cookies on http://127.0.0.1/p/page.html', () => {
  it('writes host-only deletions at the paths this page sees, nothing more', () => {
    document.cookie = '_ga=GA1.1.1; path=/';
    document.cookie = '_gid=GA1.1.2; path=/p';
    const writes: string[] = [];
    const setter = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!.set!;
    vi.spyOn(Document.prototype, 'cookie', 'set').mockImplementation(function (
      this: Document,
      value: string,
    ) {
      writes.push(value);
      setter.call(this, value);
    });

    deleteCookies(['_ga', /^_gid/]);

    const scopes = writes.map((w) => {
      const attributes = w.split(';').map((a) => a.trim().toLowerCase());
      return [
        w.split('=')[0],
        attributes.find((a) => a.startsWith('path=')),
        attributes.find((a) => a.startsWith('domain=')),
      ];
    });
    // Was 40: five paths (also /p/page.html/) times four domains (also 127.0.0.1, 0.0.1, 0.1) each.
    expect(scopes).toHaveLength(8);
    expect(scopes).toEqual(
      expect.arrayContaining(
        ['_ga', '_gid'].flatMap((name) =>
          ['/', '/p', '/p/', '/p/page.html'].map((path) => [name, `path=${path}`, undefined]),
        ),
      ),
    );
    vi.restoreAllMocks();
    expect(document.cookie).toBe('');
  });
});
