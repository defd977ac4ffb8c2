// Cookies as scripts and servers write them: `name=value; Domain=…; Max-Age=…` (document.cookie and
// Set-Cookie share the grammar). Only what the audit needs: the name, the domain the write aims at,
// and whether the write deletes the cookie instead of setting it.

export interface CookieWrite {
  name: string;
  value: string;
  /** The Domain attribute, without a leading dot; absent: the host that wrote it. */
  domain?: string;
  path?: string;
  /** A write with Max-Age <= 0 or an Expires date in the past removes the cookie. */
  deletes: boolean;
}

/** Reads one cookie line; `null` when it has no name=value pair the browser would take. */
export function parseCookieLine(line: string, now: number = Date.now()): CookieWrite | null {
  const [pair, ...attributes] = line.split(';');
  const eq = pair.indexOf('=');
  // A line without "=" sets a cookie with an empty name; nobody means that, and browsers differ.
  if (eq < 0) return null;
  const name = pair.slice(0, eq).trim();
  if (!name) return null;
  const write: CookieWrite = { name, value: pair.slice(eq + 1).trim(), deletes: false };
  let maxAge: number | undefined;
  let expires: number | undefined;
  for (const attribute of attributes) {
    const at = attribute.indexOf('=');
    const key = (at < 0 ? attribute : attribute.slice(0, at)).trim().toLowerCase();
    const value = at < 0 ? '' : attribute.slice(at + 1).trim();
    if (key === 'domain' && value) write.domain = value.replace(/^\./, '').toLowerCase();
    else if (key === 'path' && value) write.path = value;
    else if (key === 'max-age' && /^-?\d+$/.test(value)) maxAge = Number(value);
    else if (key === 'expires') {
      const date = Date.parse(value);
      if (!Number.isNaN(date)) expires = date;
    }
  }
  // Max-Age wins over Expires when both are there (RFC 6265, 5.3).
  write.deletes = maxAge !== undefined ? maxAge <= 0 : expires !== undefined && expires <= now;
  return write;
}

/** Whether a cookie the browser holds (domain as Playwright reports it) is the one a write aimed at. */
export function sameCookie(
  jarDomain: string,
  write: { name: string; domain?: string },
  host: string,
  name: string,
): boolean {
  if (name !== write.name) return false;
  const aimed = (write.domain ?? host).toLowerCase();
  return jarDomain.replace(/^\./, '').toLowerCase() === aimed;
}
