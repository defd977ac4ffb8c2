// A client address, kept only when the site turns it on, and then truncated: IPv4 to its /24,
// IPv6 to its /48, as commonly done to keep an address from naming one device.

/** The address with its host part zeroed; undefined when it is not an IP address. */
export function truncateIp(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/i.exec(address);
  if (v4) return v4.slice(1).every((n) => +n < 256) ? `${v4[1]}.${v4[2]}.${v4[3]}.0` : undefined;
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!/^[0-9a-f:]+$/i.test(bare) || !bare.includes(':')) return undefined;
  const [head, tail = ''] = bare.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = bare.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  if (groups.length != 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  return (
    groups
      .slice(0, 3)
      .map((g) => parseInt(g, 16).toString(16))
      .join(':') + '::'
  );
}
