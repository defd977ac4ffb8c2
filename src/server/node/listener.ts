/// <reference types="node" />
// A Fetch API handler in Node's http server: the request as a Request (its body streamed, so the
// handler's size and time limits apply while it arrives), the Response written back.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { RequestInfo } from '../handler';

/** Options of nodeListener. */
export interface NodeListenerOptions {
  /**
   * Behind a reverse proxy: take the scheme, host and client address from `X-Forwarded-Proto`,
   * `X-Forwarded-Host` and `X-Forwarded-For`. Only when the proxy sets them: a client could.
   */
  trustProxy?: boolean;
  /** Called when the handler throws (the request gets 500). Default: console.error. */
  onError?: (error: unknown) => void;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.split(',')[0].trim();

/** The Request for what Node received; throws on what is no valid request (a bad Host, say). */
export function toRequest(req: IncomingMessage, trustProxy = false): Request {
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted;
  const scheme = (trustProxy && first(req.headers['x-forwarded-proto'])) || (encrypted ? 'https' : 'http');
  const host = (trustProxy && first(req.headers['x-forwarded-host'])) || req.headers.host || 'localhost';
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  const method = req.method || 'GET';
  const body = method == 'GET' || method == 'HEAD' ? undefined : (Readable.toWeb(req) as ReadableStream);
  return new Request(new URL(req.url || '/', `${scheme}://${host}`), {
    method,
    headers,
    body,
    // Node's fetch needs this for a streamed body.
    duplex: 'half',
  } as RequestInit);
}

/** Writes a Response to Node's ServerResponse. */
export async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const cookies = response.headers.getSetCookie();
  response.headers.forEach((value, name) => {
    if (name != 'set-cookie') res.setHeader(name, value);
  });
  if (cookies.length) res.setHeader('set-cookie', cookies);
  res.statusCode = response.status;
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * A listener for `http.createServer()` that runs a Fetch API handler, such as createConsentHandler's:
 * `http.createServer(nodeListener(handler)).listen(8787)`.
 */
export function nodeListener(
  handler: (request: Request, info?: RequestInfo) => Promise<Response>,
  options: NodeListenerOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  const onError = options.onError || ((e: unknown) => console.error('consent-gate: the handler failed', e));
  return (req, res) => {
    // Taken now: Node detaches it from the request once the response is done.
    const socket = req.socket;
    void (async () => {
      let response = new Response('internal error\n', { status: 500 });
      let request: Request | undefined;
      try {
        request = toRequest(req, options.trustProxy);
      } catch {
        // new Request() refuses what is no valid HTTP request (a bad Host, a bad header value).
        response = new Response('bad request\n', { status: 400 });
      }
      if (request)
        try {
          const clientAddress =
            (options.trustProxy && first(req.headers['x-forwarded-for'])) || req.socket.remoteAddress;
          response = await handler(request, { clientAddress });
        } catch (e) {
          onError(e);
          response = new Response('internal error\n', { status: 500 });
        }
      if (!req.complete) {
        // The body was refused before it ended (too large, too slow): this connection is done.
        // Half-close after the answer, so that the client reads it, and drop what still comes.
        res.setHeader('connection', 'close');
        res.on('finish', () => {
          socket?.end();
          setTimeout(() => socket?.destroy(), 2_000).unref();
        });
        req.resume();
      }
      try {
        await writeResponse(res, response);
      } catch (e) {
        onError(e);
        res.destroy();
      }
    })();
  };
}
