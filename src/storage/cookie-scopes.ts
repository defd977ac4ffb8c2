// Where a cookie this page can see may live, so that deleting one deletes every copy: each is deleted
// only with the Domain and Path it was set with. Pure, for the unit tests: the caller passes location.

/**
 * Host-only (no Domain), then this host and each parent domain short of the top level:
 * www.shop.example.com, shop.example.com, example.com. An IP address has no parent domains, and a
 * cookie of it is host-only: browsers refuse a Domain there (Firefox logs each refusal).
 */
export function cookieDomains(hostname: string): (string | undefined)[] {
  const labels = hostname.split('.');
  const domains: (string | undefined)[] = [undefined];
  // The URL parser leaves an IPv4 host as digits and dots only; an IPv6 host is the only one with ":".
  if (!/^[\d.]+$|:/.test(hostname)) {
    for (let i = 0; i < labels.length - 1; i++) domains.push(labels.slice(i).join('.'));
  }
  return domains;
}

/**
 * The paths a cookie sent to this page may have (RFC 6265 path-match): "/", each folder with and without
 * its slash ("/shop", "/shop/"), and the page itself when it is a file ("/shop/cart.html"), never
 * "/shop/cart.html/", which only a page below the file would see.
 */
export function cookiePaths(pathname: string): string[] {
  const paths = ['/'];
  const segments = pathname.split('/');
  // The last segment is the file name, or '' when the path ends with a slash: no folder either way.
  const file = segments.pop();
  let path = '';
  for (const segment of segments.slice(1)) {
    path += '/' + segment;
    paths.push(path, path + '/');
  }
  if (file) paths.push(pathname);
  return paths;
}
