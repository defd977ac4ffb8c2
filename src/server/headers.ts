// Header access for what a server hands us: a Fetch API Request (or its Headers), or the request
// object of Node's http module, whose headers are a plain object with lower-case names.

/** Request headers as Node's http module gives them. */
export type NodeHeaders = Record<string, string | string[] | undefined>;

/** Something that carries request headers: a Request, its Headers, or Node's IncomingMessage. */
export type HeaderSource = Request | Headers | { headers: Headers | NodeHeaders };

/** The value of a header, several values joined by ", "; undefined when absent. */
export function header(from: HeaderSource, name: string): string | undefined {
  const h = 'headers' in from ? from.headers : from;
  if (typeof h.get == 'function') return (h as Headers).get(name) ?? undefined;
  const v = (h as NodeHeaders)[name.toLowerCase()];
  return Array.isArray(v) ? v.join(', ') : v;
}
