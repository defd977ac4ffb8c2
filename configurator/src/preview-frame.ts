// Runs inside the preview frame (preview.html, sandboxed: no cookies, no access to the page that
// holds it). The configurator posts it a config; it runs the real library on it, the way a site's
// page would, and posts back what the library said: its ConsentGateConfigError, its warnings.
import type { PreviewRequest, PreviewReply } from './preview-protocol';

declare const ConsentGate: any;

const post = (reply: PreviewReply) => parent.postMessage(reply, '*');

/**
 * The library's console warnings go to the configurator, which shows them next to the field they
 * name, instead of to this frame's console: the owner reads them on the page.
 */
let heard: string[] | null = null;
console.warn = (...args: unknown[]) => {
  const text = args.map(String).join(' ');
  // In this sandbox no cookie can be stored; on the site it can. Not the owner's concern.
  if (/could not be stored/.test(text)) return;
  if (heard) heard.push(text);
  else post({ type: 'warning', text });
};

let running = false;
const status = document.getElementById('runs')!;
const note = document.getElementById('runs-note')!;
const embedSlot = document.getElementById('embed')!;

function showRuns(categories: Record<string, { label?: string }> | undefined, failed: boolean) {
  status.replaceChildren();
  note.textContent = failed
    ? 'The library refused this config: on your site nothing would be shown and nothing released.'
    : '';
  if (failed) return;
  for (const [id, c] of Object.entries(categories ?? {})) {
    const li = document.createElement('li');
    const on = running && ConsentGate.isAccepted(id);
    li.textContent = `${c.label || id}: ${on ? 'running' : 'held back'}`;
    li.className = on ? 'on' : 'off';
    status.append(li);
  }
}

function setGpc(on: boolean) {
  Object.defineProperty(navigator, 'globalPrivacyControl', { value: on, configurable: true });
}

function sampleEmbed(embed: PreviewRequest['embed']) {
  embedSlot.replaceChildren();
  if (!embed) return;
  const frame = document.createElement('iframe');
  frame.title = `A sample ${embed.label} embed`;
  frame.width = '320';
  frame.height = '180';
  frame.dataset.category = embed.category;
  frame.dataset.service = embed.service;
  frame.dataset.src = 'about:blank';
  embedSlot.append(frame);
}

let lastCategories: Record<string, { label?: string }> | undefined;

function render(m: PreviewRequest) {
  if (running) ConsentGate.destroy();
  running = false;
  document.documentElement.lang = m.lang;
  document.getElementById('custom')!.textContent = m.css;
  setGpc(m.gpc);
  sampleEmbed(m.embed);
  heard = [];
  let error: { name: string; message: string } | undefined;
  try {
    // First the config as it will be on the site, with nothing that could run: the validator's verdict.
    ConsentGate.init(m.check);
    ConsentGate.destroy();
    heard = [];
    // Then the config to show: services' scripts left out, so the preview loads no tracker.
    ConsentGate.init(m.config);
    running = true;
    if (m.returning) ConsentGate.rejectAll();
  } catch (e) {
    const err = e as Error;
    error = { name: err.name, message: err.message };
  }
  const warnings = heard;
  heard = null;
  lastCategories = m.config.categories;
  showRuns(lastCategories, !!error);
  post({ type: 'rendered', seq: m.seq, error, warnings });
}

addEventListener('message', (e: MessageEvent) => {
  if (e.source !== parent) return;
  const m = e.data as PreviewRequest | { type: 'open' };
  if (m.type === 'render') render(m);
  else if (m.type === 'open' && running) ConsentGate.showPreferences();
});

for (const name of ['consent', 'change'])
  addEventListener(`consent-gate:${name}`, () => showRuns(lastCategories, false));

// With the embeds add-on (preview.html?embeds), its files come first; add-ons load after the library.
if (new URLSearchParams(location.search).has('embeds')) {
  const css = Object.assign(document.createElement('link'), {
    rel: 'stylesheet',
    href: 'lib/consent-gate.embeds.css',
  });
  const js = Object.assign(document.createElement('script'), { src: 'lib/consent-gate.embeds.min.js' });
  js.onload = () => post({ type: 'ready' });
  document.head.append(css, js);
} else post({ type: 'ready' });
