// The draft in the page's address, so that a link shares it: `#draft=1.<base64url of deflate-raw JSON>`.
// Reading never throws and never trusts: a link may be cut short, edited or old; what cannot be
// read is reported, and every field that is not of its type falls back to the default.
import {
  CONSENT_TYPES,
  newDraft,
  type Colours,
  type Draft,
  type DraftCategory,
  type DraftService,
} from './draft';

const KEY = 'draft=';

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

async function through(
  bytes: Uint8Array<ArrayBuffer>,
  stream: CompressionStream | DecompressionStream,
): Promise<Uint8Array<ArrayBuffer>> {
  const body = new Response(bytes).body!.pipeThrough(stream);
  return new Uint8Array(await new Response(body).arrayBuffer());
}

/** The address fragment for a draft: compressed where the browser can (all current ones), plain otherwise. */
export async function encodeDraft(draft: Draft): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(draft));
  if (typeof CompressionStream === 'function') {
    return `${KEY}1.${toBase64Url(await through(json, new CompressionStream('deflate-raw')))}`;
  }
  return `${KEY}0.${toBase64Url(json)}`;
}

/** The draft in an address fragment (`location.hash`, with or without `#`), none, or why it cannot be read. */
export async function decodeDraft(hash: string): Promise<{ draft?: Draft; problem?: string }> {
  const fragment = hash.replace(/^#/, '');
  if (!fragment.startsWith(KEY)) return {};
  const [version, data] = fragment.slice(KEY.length).split(/\.(.*)/s);
  try {
    let bytes = fromBase64Url(data ?? '');
    if (version === '1') bytes = await through(bytes, new DecompressionStream('deflate-raw'));
    else if (version !== '0') return { problem: `the link's draft is of an unknown format (${version})` };
    return { draft: normalize(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))) };
  } catch {
    return { problem: 'the link’s draft is damaged (cut short or changed?)' };
  }
}

const isObj = (v: unknown): v is Record<string, any> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
const bool = (v: unknown, fallback: boolean) => (typeof v === 'boolean' ? v : fallback);
const num = (v: unknown, fallback: number | null) => (typeof v === 'number' || v === null ? v : fallback);
const oneOf = <T extends string>(v: unknown, list: readonly T[], fallback: T): T =>
  list.includes(v as T) ? (v as T) : fallback;
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Only own string-to-string entries, two levels deep (texts, label texts). */
function stringTree(v: unknown, depth: number): any {
  const out: Record<string, unknown> = {};
  if (!isObj(v)) return out;
  for (const [k, x] of Object.entries(v)) {
    if (k === '__proto__') continue;
    if (depth === 0 ? typeof x === 'string' : isObj(x)) out[k] = depth === 0 ? x : stringTree(x, depth - 1);
  }
  return out;
}

function service(v: any): DraftService {
  return {
    ...(typeof v.preset === 'string' ? { preset: v.preset } : {}),
    id: str(v.id, 'service'),
    label: str(v.label, ''),
    description: str(v.description, ''),
    cookies: strings(v.cookies),
    blocks: strings(v.blocks),
    scriptUrl: str(v.scriptUrl, ''),
    ...(isObj(v.extra) ? { extra: v.extra } : {}),
  };
}

function category(v: any): DraftCategory {
  return {
    id: str(v.id, 'category'),
    label: str(v.label, ''),
    description: str(v.description, ''),
    required: bool(v.required, false),
    gpc: bool(v.gpc, false),
    optOutDefault: bool(v.optOutDefault, false),
    services: Array.isArray(v.services) ? v.services.filter(isObj).map(service) : [],
  };
}

function colours(v: unknown): Colours {
  const c = isObj(v) ? v : {};
  const colour = (x: unknown) => (typeof x === 'string' && /^#[0-9a-f]{6}$/i.test(x) ? x : '');
  return { bg: colour(c.bg), fg: colour(c.fg), accent: colour(c.accent), btnFg: colour(c.btnFg) };
}

/** Per language, per category: `{ label?, description?, services?: { id: { label?, description? } } }`. */
function labels(v: unknown): Draft['labels'] {
  const out: Draft['labels'] = {};
  const texts = (x: unknown) => {
    const t = stringTree(x, 0);
    return {
      ...(t.label ? { label: t.label } : {}),
      ...(t.description ? { description: t.description } : {}),
    };
  };
  for (const [code, byCategory] of Object.entries(isObj(v) ? v : {})) {
    if (code === '__proto__' || !isObj(byCategory)) continue;
    out[code] = {};
    for (const [id, t] of Object.entries(byCategory)) {
      if (id === '__proto__' || !isObj(t)) continue;
      const services: Record<string, { label?: string; description?: string }> = {};
      for (const [sid, st] of Object.entries(isObj(t.services) ? t.services : {}))
        if (sid !== '__proto__' && isObj(st)) services[sid] = texts(st);
      out[code][id] = { ...texts(t), services };
    }
  }
  return out;
}

/** A draft from untrusted data: each field of its type, or the default. */
export function normalize(v: unknown): Draft {
  const d = newDraft();
  if (!isObj(v)) return d;
  const ui = isObj(v.ui) ? v.ui : {};
  const style = isObj(v.style) ? v.style : {};
  const gcm = isObj(v.gcm) ? v.gcm : {};
  const addons = isObj(v.addons) ? v.addons : {};
  let map: Draft['gcm']['map'] = null;
  if (isObj(gcm.map)) {
    map = {
      ...d.gcm.map,
      ...(Object.fromEntries(CONSENT_TYPES.map((t) => [t, str(gcm.map[t], '')])) as any),
    };
  }
  return {
    categories: Array.isArray(v.categories) ? v.categories.filter(isObj).map(category) : d.categories,
    policyUrl: str(v.policyUrl, d.policyUrl),
    languages: strings(v.languages),
    language: str(v.language, 'auto'),
    texts: stringTree(v.texts, 2),
    labels: labels(v.labels),
    translationUrls: stringTree(v.translationUrls, 0),
    ui: {
      layout: oneOf(ui.layout, ['box', 'bar', 'cloud'] as const, 'box'),
      position: oneOf(
        ui.position,
        ['bottom', 'top', 'bottom-left', 'bottom-right', 'top-left', 'top-right'] as const,
        'bottom',
      ),
      theme: oneOf(ui.theme, ['light', 'dark', 'auto'] as const, 'light'),
      blocking: bool(ui.blocking, false),
    },
    style: {
      light: colours(style.light),
      dark: colours(style.dark),
      radius: num(style.radius, null),
      font: str(style.font, ''),
    },
    mode: oneOf(v.mode, ['opt-in', 'opt-out'] as const, 'opt-in'),
    days: num(v.days, d.days),
    revision: num(v.revision, 0),
    cookieDomain: str(v.cookieDomain, ''),
    gcm: {
      on: bool(gcm.on, false),
      map,
      adsDataRedaction: bool(gcm.adsDataRedaction, false),
      urlPassthrough: bool(gcm.urlPassthrough, false),
      waitForUpdate: num(gcm.waitForUpdate, 500),
    },
    addons: {
      embeds: bool(addons.embeds, false),
      autoblock: bool(addons.autoblock, false),
      consentLogUrl: str(addons.consentLogUrl, ''),
    },
    filesAt: str(v.filesAt, d.filesAt),
    extra: isObj(v.extra) ? v.extra : {},
  };
}
