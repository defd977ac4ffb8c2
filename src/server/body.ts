// Reading a request body within limits: a decision is small, so anything larger, slower or not text
// is cut off before it costs memory or a connection.

/** Why a body was not read, as an HTTP status and a one-line reason. */
export interface Refusal {
  status: number;
  reason: string;
}

/** The body as UTF-8 text, or why not: over `maxBytes` (413), slower than `timeoutMs` (408), not UTF-8 (400). */
export async function readBody(
  request: Request,
  maxBytes: number,
  timeoutMs: number,
): Promise<string | Refusal> {
  const declared = Number(request.headers.get('content-length'));
  if (declared > maxBytes) return { status: 413, reason: `the body is over ${maxBytes} bytes` };
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<Refusal>((resolve) => {
    timer = setTimeout(
      () => resolve({ status: 408, reason: `the body took over ${timeoutMs} ms` }),
      timeoutMs,
    );
  });
  const read = async (): Promise<Refusal | undefined> => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.byteLength;
      if (size > maxBytes) return { status: 413, reason: `the body is over ${maxBytes} bytes` };
      chunks.push(value);
    }
  };
  let refused: Refusal | undefined;
  try {
    refused = await Promise.race([read(), late]);
  } catch {
    refused = { status: 400, reason: 'the body could not be read' };
  } finally {
    clearTimeout(timer);
  }
  if (refused) {
    // Stop the sender: what is still coming is not read.
    reader.cancel().catch(() => {});
    return refused;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { status: 400, reason: 'the body is not UTF-8' };
  }
}
