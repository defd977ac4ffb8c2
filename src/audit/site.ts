// Sites, as browsers and regulators count them: a registrable domain ("eTLD+1") from the Public
// Suffix List, private suffixes included (foo.github.io and bar.github.io are two sites, as they are
// for the browser's cookies). tldts carries the list and is bundled into the command, so it works
// offline; an IP address or a single-label host (localhost) is a site of its own, which is what lets
// the tests put trackers on 127.0.0.2 and 127.0.0.3.
import { getDomain } from 'tldts';

/** The registrable domain of a URL or host name; the host itself for IP addresses and `localhost`. */
export function siteOf(urlOrHost: string): string {
  let host = urlOrHost;
  if (urlOrHost.includes('/')) {
    try {
      host = new URL(urlOrHost).hostname;
    } catch {
      return '';
    }
  }
  host = host.replace(/^\[|\]$/g, '').toLowerCase();
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

/** Whether a request to `url` goes to another site than the page at `pageUrl`. */
export function isThirdParty(url: string, pageUrl: string): boolean {
  if (!/^https?:/.test(url)) return false; // data:, blob:, about: belong to the page
  return siteOf(url) !== siteOf(pageUrl);
}

/** Whether a cookie domain (".example.com", "www.example.com", "127.0.0.2") belongs to the site of `pageUrl`. */
export function cookieIsFirstParty(cookieDomain: string, pageUrl: string): boolean {
  return siteOf(cookieDomain.replace(/^\./, '')) === siteOf(pageUrl);
}
