// What `consent-gate-server serve` answers: the consent endpoint, the receipts of one decision for
// the admin token's holder, and a health check. A Fetch API handler like the endpoint itself.
import type { ConsentHandler, RequestInfo } from '../handler';
import type { Receipt } from '../receipt';
import type { ReceiptStore } from '../store/types';

export interface AppOptions {
  /** The consent endpoint (createConsentHandler). */
  endpoint: ConsentHandler;
  store: ReceiptStore;
  /** Where the endpoint is, e.g. `/consent`; receipts are read at `<path>/<id>`. */
  path: string;
  /** The admin token; without one, receipts cannot be read over HTTP at all. */
  adminToken?: string;
  /** What /health says the store is. */
  storeKind: string;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body, null, 2) + '\n', {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });

const text = (status: number, line: string, headers: Record<string, string> = {}) =>
  new Response(line + '\n', {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });

/** Compares two strings in time that does not depend on where they differ. */
async function sameSecret(a: string, b: string): Promise<boolean> {
  const digest = async (s: string) =>
    new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s)));
  const [x, y] = await Promise.all([digest(a), digest(b)]);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i] ^ y[i];
  return diff == 0;
}

/** The receipts of one decision with the texts versions they point to: the proof for that visitor. */
export async function proofOf(store: ReceiptStore, consentId: string) {
  const receipts: Receipt[] = await store.find(consentId);
  const texts: Record<string, { language: string; shown: string }> = {};
  for (const r of receipts)
    if (!texts[r.texts.hash]) {
      const v = await store.texts(r.texts.hash);
      if (v) texts[v.hash] = { language: v.language, shown: v.shown };
    }
  return { consentId, receipts, texts };
}

export function createApp(o: AppOptions): (request: Request, info?: RequestInfo) => Promise<Response> {
  const base = o.path.replace(/\/+$/, '');
  return async (request, info) => {
    const { pathname } = new URL(request.url);
    if (pathname == base) return o.endpoint(request, info);
    if (pathname == '/health') {
      if (request.method != 'GET' && request.method != 'HEAD')
        return text(405, 'only GET is answered here', { allow: 'GET, HEAD' });
      try {
        await o.store.check();
        return json(200, { status: 'ok', store: o.storeKind });
      } catch {
        return json(503, { status: 'unavailable', store: o.storeKind });
      }
    }
    if (pathname.startsWith(base + '/')) {
      if (request.method != 'GET') return text(405, 'only GET is answered here', { allow: 'GET' });
      if (!o.adminToken)
        return text(403, 'reading receipts over HTTP is off: the server has no CONSENT_GATE_ADMIN_TOKEN');
      const given = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') || '')?.[1];
      if (!given || !(await sameSecret(given, o.adminToken)))
        return text(401, 'receipts are personal data: send Authorization: Bearer <admin token>', {
          'www-authenticate': 'Bearer realm="consent-gate"',
        });
      let id: string;
      try {
        id = decodeURIComponent(pathname.slice(base.length + 1));
      } catch {
        return text(400, 'that is no decision id');
      }
      if (!/^[\w-]{8,64}$/.test(id)) return text(400, 'that is no decision id');
      const proof = await proofOf(o.store, id);
      return json(proof.receipts.length ? 200 : 404, proof);
    }
    return text(404, `nothing here: the consent endpoint is POST ${base}`);
  };
}
