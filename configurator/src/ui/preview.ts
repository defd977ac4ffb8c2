// The Preview region: the real library in a sandboxed frame, rebuilt as the owner types, with a
// first / returning visit switch, desktop and phone widths, the page's language, a GPC signal,
// and a button that opens the preferences. It hands the library's answer to `onResult`.
import { h, uid } from './dom';
import type { App } from './app';
import { toConfig } from '../model/config';
import { customCss } from '../model/snippet';
import { previewConfigs } from '../model/preview-config';
import { LABEL_TRANSLATIONS } from '../model/label-translations';
import { languageName } from './texts';
import type { PreviewReply, PreviewRequest } from '../preview-protocol';

export interface LibraryAnswer {
  error?: { name: string; message: string };
  warnings: string[];
}

export function preview(app: App, onResult: (answer: LibraryAnswer) => void): HTMLElement {
  let returning = false;
  let phone = false;
  let gpc = false;
  let lang = 'en';
  let shownFixed: string | undefined;
  let ready = false;
  let seq = 0;
  let embeds = app.draft.addons.embeds;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let warnings: string[] = [];

  const frame = h('iframe', {
    title: 'Your banner on a stand-in page, run by the library',
    src: embeds ? 'preview.html?embeds' : 'preview.html',
    class: 'frame',
  });
  // No allow-same-origin: the library there can reach neither this page nor its cookies, and every
  // render is a first visit. Opened from the disk, an opaque frame may not load files: there it
  // keeps its file origin (browsers give file: pages no cookies anyway, and a frame of its own).
  frame.setAttribute(
    'sandbox',
    location.protocol === 'file:' ? 'allow-scripts allow-same-origin' : 'allow-scripts',
  );

  function send() {
    if (!ready || !frame.contentWindow) return;
    const { draft, catalog } = app;
    const site = toConfig(draft, catalog.shipped, { labelTranslations: LABEL_TRANSLATIONS });
    const { check, config } = previewConfigs(site, catalog.shipped);
    let embed: PreviewRequest['embed'];
    if (draft.addons.embeds) {
      const withServices = draft.categories.filter((c) => !c.required && c.services.length);
      const pick =
        withServices.find((c) => c.services.some((s) => /youtube|vimeo|maps/.test(s.preset ?? ''))) ??
        withServices[0];
      const service =
        pick && (pick.services.find((s) => /youtube|vimeo|maps/.test(s.preset ?? '')) ?? pick.services[0]);
      if (pick && service)
        embed = { category: pick.id, service: service.id, label: service.label || service.id };
    }
    const request: PreviewRequest = {
      type: 'render',
      seq: ++seq,
      check,
      config,
      css: customCss(draft),
      lang,
      returning,
      gpc,
      embed,
    };
    frame.contentWindow.postMessage(request, '*');
  }

  /** After a change: the frame is reloaded when the add-ons it loads changed, else told again. */
  function schedule() {
    if (app.draft.addons.embeds !== embeds) {
      embeds = app.draft.addons.embeds;
      ready = false;
      frame.src = embeds ? 'preview.html?embeds' : 'preview.html';
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      send();
    }, 150);
  }
  app.onChange(schedule);

  addEventListener('message', (e: MessageEvent) => {
    if (e.source !== frame.contentWindow) return;
    const m = e.data as PreviewReply;
    if (m.type === 'ready') {
      ready = true;
      send();
    } else if (m.type === 'rendered' && m.seq === seq) {
      warnings = m.warnings;
      onResult({ error: m.error, warnings });
      frame.dataset.rendered = String(m.seq);
    } else if (m.type === 'warning' && !warnings.includes(m.text)) {
      warnings = [...warnings, m.text];
      onResult({ warnings });
    }
  });

  const group = (
    legend: string,
    name: string,
    options: [string, string][],
    value: string,
    set: (v: string) => void,
  ) =>
    h(
      'fieldset',
      { class: 'switch' },
      h('legend', {}, legend),
      options.map(([v, label]) => {
        const id = uid('f');
        return h(
          'span',
          {},
          h('input', { type: 'radio', id, name, value: v, checked: v === value, onchange: () => set(v) }),
          h('label', { for: id }, label),
        );
      }),
    );

  const langId = uid('f');
  const langSelect = h('select', {
    id: langId,
    onchange: (e: Event) => {
      lang = (e.target as HTMLSelectElement).value;
      send();
    },
  });
  const fillLanguages = () => {
    const codes = ['en', ...app.draft.languages];
    const fixed = app.draft.language !== 'auto' ? app.draft.language : undefined;
    // A config that always shows one language: the page's follows it, as it would on the site.
    if (fixed && fixed !== shownFixed) lang = fixed;
    shownFixed = fixed;
    if (!codes.includes(lang)) lang = fixed ?? 'en';
    langSelect.replaceChildren(
      ...codes.map((c) => h('option', { value: c, selected: c === lang }, languageName(c).own)),
    );
  };
  fillLanguages();
  app.onChange(fillLanguages);

  const gpcId = uid('f');
  const stage = h('div', { class: 'stage' }, frame);
  return h(
    'div',
    { class: 'preview' },
    h(
      'div',
      { class: 'tools' },
      group(
        'Visit',
        uid('r'),
        [
          ['first', 'First visit'],
          ['returning', 'Returning visit'],
        ],
        'first',
        (v) => {
          returning = v === 'returning';
          send();
        },
      ),
      group(
        'Width',
        uid('r'),
        [
          ['desktop', 'Desktop'],
          ['phone', 'Phone'],
        ],
        'desktop',
        (v) => {
          phone = v === 'phone';
          stage.classList.toggle('phone', phone);
        },
      ),
      h('div', { class: 'field inline' }, h('label', { for: langId }, 'Page language'), langSelect),
      h(
        'div',
        { class: 'field check inline' },
        h('input', {
          type: 'checkbox',
          id: gpcId,
          onchange: (e: Event) => {
            gpc = (e.target as HTMLInputElement).checked;
            send();
          },
        }),
        h('label', { for: gpcId }, 'Browser sends GPC'),
      ),
      h(
        'button',
        {
          type: 'button',
          onclick: () => {
            // A change still waiting for its render goes first, so the preferences show it.
            if (timer !== undefined) {
              clearTimeout(timer);
              timer = undefined;
              send();
            }
            frame.contentWindow?.postMessage({ type: 'open' }, '*');
          },
        },
        'Open the preferences',
      ),
    ),
    stage,
    h(
      'p',
      { class: 'hint' },
      'A returning visitor (here one who declined all) sees no banner, only your Cookie preferences link. The preview runs none of your services’ scripts and sends nothing to your consent log.',
    ),
  );
}
