// The consent endpoint: takes the receipt the browser posts after each decision, stores it, and answers
// with the cookie set by the server, so that the decision lasts its full life in every browser.
// Everything the visitor's side sends is checked; anything wrong gets a 4xx with a one-line reason,
// and nothing is stored or set.
import { checkTexts } from '../config/validate';
import { ConsentGateConfigError } from '../config/error';
import type { Config, TextsInput } from '../types';
import { readBody, type Refusal } from './body';
import { consentCookie } from './cookie';
import { hasGpc } from './read';
import { truncateIp } from './ip';
import { readPosted, type Receipt } from './receipt';
import { settingsOf } from './settings';
import type { ReceiptStore } from './store/types';
import { missingTranslations, textsVersion, type TextsVersion } from './texts';

/** Options of createConsentHandler. */
export interface ConsentHandlerOptions {
  /** The site's config: the same one its pages give `init` (JSON, or the object with its functions). */
  config: Config;
  /** Where receipts go (see `sqlStore`, or `openStore` in `consent-gate/server/node`). */
  store: ReceiptStore;
  /**
   * The origins whose pages may post, e.g. `['https://example.com', 'https://www.example.com']`.
   * Default: pages on the endpoint's own host (any scheme, as a TLS-terminating proxy hides it).
   */
  origins?: string[];
  /**
   * The texts of each language the config gives as a URL (`translations: { de: '/i18n/de.json' }`):
   * the server needs them to rebuild what visitors saw. `consent-gate/server/node` reads the
   * package's own files (`shippedTranslations`).
   */
  translations?: Record<string, TextsInput>;
  /** `'truncated'`: keep the client's address, IPv4 to /24 and IPv6 to /48. Default: no address. */
  ip?: 'truncated';
  /** Largest body accepted, in bytes. Default 16384. */
  maxBodyBytes?: number;
  /** Time a body may take to arrive, in ms. Default 10000. */
  bodyTimeoutMs?: number;
  /** Called when the store fails (the request gets 503). Default: console.error. */
  onError?: (error: unknown) => void;
}

/** What the server adapter knows about the request beyond the Fetch API's Request. */
export interface RequestInfo {
  /** The client's IP address (only read with `ip: 'truncated'`). */
  clientAddress?: string;
}

/** The endpoint: a function from a Request to a Response, for any runtime with the Fetch API. */
export type ConsentHandler = (request: Request, info?: RequestInfo) => Promise<Response>;

const TYPES = /^(text\/plain|application\/json)\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** An origin as browsers send it (`https://example.com`), from what a site owner may write. */
function normalOrigin(o: string): string {
  try {
    const u = new URL(o);
    if (/^https?:$/.test(u.protocol)) return u.origin;
  } catch {
    // Not a URL: the error below says what is expected.
  }
  throw new ConsentGateConfigError(
    `origins: ${JSON.stringify(o)} must be an origin like "https://example.com"`,
  );
}

/**
 * The handler of the site's consent endpoint (`consentLog: { url }` in the config). It accepts the
 * body the browser library posts (text/plain JSON, at most `maxBodyBytes`), from the allowed origins
 * only, holding a decision valid for the config; stores a receipt and answers `204` with the
 * `Set-Cookie` of consentCookie(). Throws ConsentGateConfigError at once on a bad config or a
 * translation it lacks.
 */
export function createConsentHandler(options: ConsentHandlerOptions): ConsentHandler {
  const { config, store, ip, maxBodyBytes = 16_384, bodyTimeoutMs = 10_000 } = options;
  const s = settingsOf(config);
  const translations = options.translations || {};
  const missing = missingTranslations(s, translations);
  if (missing[0])
    throw new ConsentGateConfigError(
      `translations.${missing[0]} is a URL (${s.translations![missing[0]]}): give createConsentHandler ` +
        `its texts in translations.${missing[0]}, so that the server can rebuild what visitors saw`,
    );
  for (const code in translations) checkTexts(translations[code], 'translations.' + code);
  const allowed = options.origins?.map(normalOrigin);
  const onError =
    options.onError || ((e: unknown) => console.error('consent-gate: a receipt was not stored', e));
  const versions: Record<string, Promise<TextsVersion>> = {};

  /** The origin of the page that sent the request, if its site may post here. */
  function allowedOrigin(request: Request): string | undefined {
    let from = request.headers.get('origin');
    if (!from || from == 'null') {
      // Without Origin (old browsers, some privacy tools), the page's address in Referer tells.
      try {
        from = new URL(request.headers.get('referer') || '').origin;
      } catch {
        return undefined;
      }
    }
    if (allowed) return allowed.includes(from) ? from : undefined;
    try {
      return new URL(from).host == new URL(request.url).host ? from : undefined;
    } catch {
      return undefined;
    }
  }

  return async (request, info = {}) => {
    const origin = allowedOrigin(request);
    // Cross-origin pages of the site read nothing of the answer, but are told it is theirs.
    const cors: Record<string, string> = origin
      ? { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' }
      : { vary: 'Origin' };
    const refuse = ({ status, reason }: Refusal, extra: Record<string, string> = {}) =>
      new Response(reason + '\n', {
        status,
        headers: {
          'content-type': 'text/plain; charset=utf-8',
          'cache-control': 'no-store',
          ...cors,
          ...extra,
        },
      });

    if (request.method == 'OPTIONS') {
      if (!origin) return refuse({ status: 403, reason: 'this origin may not post consent receipts here' });
      return new Response(null, {
        status: 204,
        headers: {
          ...cors,
          'access-control-allow-methods': 'POST',
          'access-control-allow-headers': 'content-type',
          'access-control-max-age': '86400',
        },
      });
    }
    if (request.method != 'POST')
      return refuse({ status: 405, reason: 'only POST is answered here' }, { allow: 'POST, OPTIONS' });
    if (!origin) return refuse({ status: 403, reason: 'this origin may not post consent receipts here' });
    if (!TYPES.test(request.headers.get('content-type') || ''))
      return refuse({ status: 415, reason: 'the body must be text/plain (or application/json) in UTF-8' });

    const body = await readBody(request, maxBodyBytes, bodyTimeoutMs);
    if (typeof body != 'string') return refuse(body);
    const now = Date.now();
    const posted = readPosted(body, s, now);
    if (typeof posted == 'string') return refuse({ status: 400, reason: posted });

    const texts = await (versions[posted.language] ||= textsVersion(s, posted.language, translations));
    const { claimedAlgorithm, claimedHash, ...rest } = posted;
    const receipt: Receipt = {
      receiptId: crypto.randomUUID(),
      receivedAt: new Date(now).toISOString(),
      ...rest,
      // The signal as the page saw it, or as the browser sent it with this request.
      gpc: posted.gpc || hasGpc(request),
      texts: {
        hash: texts.hash,
        match: claimedHash == (claimedAlgorithm == 'SHA-256' ? texts.hash : texts.fnv),
        claimedAlgorithm,
        claimedHash,
      },
    };
    const address = ip == 'truncated' ? truncateIp(info.clientAddress) : undefined;
    if (address) receipt.ip = address;
    try {
      await store.add(receipt, texts);
    } catch (e) {
      onError(e);
      return refuse(
        { status: 503, reason: 'the receipt could not be stored; try again' },
        { 'retry-after': '5' },
      );
    }
    return new Response(null, {
      status: 204,
      headers: [
        ...Object.entries(cors),
        ['cache-control', 'no-store'],
        ['set-cookie', consentCookie(posted.consent, config, request)],
      ],
    });
  };
}
