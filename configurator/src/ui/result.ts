// The result: the script-tag snippet (Copy), the config (Download config), the files to host, the
// npm code, the checklist, and the link to this draft.
import { h, uid } from './dom';
import { textField } from './fields';
import type { App, Section } from './app';
import { configJson, toConfig } from '../model/config';
import { customCss, folder, markupExample, neededFiles, npmSnippet, scriptSnippet } from '../model/snippet';
import { LABEL_TRANSLATIONS } from '../model/label-translations';
import * as services from '../../../src/services/index';

/** The files the configurator's own folder carries (lib/), for the download links. */
const LIB = 'lib/';

/** Copies text; the Clipboard API where the page may use it, else a selection and execCommand. */
async function copyText(text: string, from: HTMLTextAreaElement | HTMLInputElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    from.focus();
    from.select();
    // The old way still works where the Clipboard API is refused (an http page, some frames).
    return document.execCommand('copy');
  }
}

function readonlyBox(label: string, rows: number, id = uid('f')) {
  const box = h('textarea', {
    id,
    readOnly: true,
    rows,
    class: 'code',
    spellcheck: false,
    wrap: 'off',
  });
  return { box, field: h('div', { class: 'field' }, h('label', { for: id }, label), box) };
}

export function resultSection(app: App, address: () => string): Section & { refreshLink(): void } {
  const script = readonlyBox('Script tag', 18);
  const npm = readonlyBox('npm code', 14);
  const css = readonlyBox('Stylesheet lines', 6);
  const files = h('ul', { class: 'files' });
  const markup = h('pre', { class: 'code' });
  const status = h('p', { class: 'status', role: 'status' });
  const link = h('input', { id: uid('f'), readOnly: true, class: 'code', spellcheck: false });
  const footer = h('code', {});

  function update() {
    const { draft, catalog } = app;
    const config = toConfig(draft, catalog.shipped, { labelTranslations: LABEL_TRANSLATIONS });
    script.box.value = scriptSnippet(draft, config, catalog.version);
    npm.box.value = npmSnippet(draft, config, services as Record<string, { id?: string }>);
    const style = customCss(draft);
    css.box.value = style || '/* Nothing: the library’s own look. */';
    const { css: cssFiles, js } = neededFiles(draft);
    const base = folder(draft.filesAt);
    files.replaceChildren(
      ...[...cssFiles, ...js].map((file) =>
        h('li', {}, h('a', { href: LIB + file, download: file }, file), ' → ', h('code', {}, base + file)),
      ),
    );
    const examples: string[] = [];
    for (const c of draft.categories) {
      if (c.required) continue;
      for (const s of c.services) examples.push(markupExample(c.id, s.id, s.preset, s.label || s.id));
    }
    if (!examples.length) {
      const first = draft.categories.find((c) => !c.required);
      examples.push(
        `<script type="text/plain" data-category="${first?.id ?? 'analytics'}">\n  /* a tag that may run only once ${first?.label ?? 'Analytics'} is accepted */\n</script>`,
      );
    }
    markup.textContent = examples.join('\n\n');
    // In the banner's language when it is always one; the embeds' "Cookie preferences" text says it.
    const code = draft.language === 'auto' ? 'en' : draft.language;
    const texts = code === 'en' ? catalog.english : catalog.shipped[code];
    const words =
      draft.texts[code]?.embed?.preferences ||
      (texts as any)?.embed?.preferences ||
      catalog.english.embed.preferences;
    footer.textContent = `<a href="#" data-cg-open="preferences">${words}</a>`;
    link.value = address();
  }
  app.onChange(update);

  function download() {
    const { draft, catalog } = app;
    const json =
      configJson(toConfig(draft, catalog.shipped, { labelTranslations: LABEL_TRANSLATIONS })) + '\n';
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const a = h('a', { href: url, download: 'consent-gate-config.json', hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    status.textContent = 'consent-gate-config.json downloaded.';
  }

  return {
    name: 'result',
    refreshLink: () => {
      link.value = address();
    },
    build() {
      const { draft } = app;
      update();
      return h(
        'div',
        { tabIndex: -1 },
        textField({
          label: 'Where your site serves the files',
          path: 'filesAt',
          value: draft.filesAt,
          code: true,
          focus: 'files-at',
          hint: 'The folder the snippet loads them from: a path on your site (/consent-gate/) or a full URL. Serve them yourself: a CDN would learn every visitor’s address before they consented.',
          onInput: (v) => {
            draft.filesAt = v;
            app.changed();
          },
        }),
        h('p', {}, 'Put these files there (each link downloads it):'),
        files,
        script.field,
        h(
          'div',
          { class: 'row' },
          h(
            'button',
            {
              type: 'button',
              class: 'primary',
              onclick: async () => {
                const ok = await copyText(script.box.value, script.box);
                status.textContent = ok
                  ? 'The script tag is copied: paste it into the <head> of every page.'
                  : 'Copying was refused: select the text box and copy it yourself.';
              },
            },
            'Copy',
          ),
          h('button', { type: 'button', onclick: download }, 'Download config'),
        ),
        status,
        h('h3', {}, 'Then, on your site'),
        h(
          'ol',
          { class: 'checklist' },
          h(
            'li',
            {},
            'Put the files above in that folder, and the script tag into the ',
            h('code', {}, '<head>'),
            ' of every page, above the tags it must hold back.',
          ),
          h(
            'li',
            {},
            'Mark up your existing tags: ',
            h('code', {}, 'type="text/plain"'),
            ' keeps them from running, ',
            h('code', {}, 'data-category'),
            ' and ',
            h('code', {}, 'data-service'),
            ' say what releases them, ',
            h('code', {}, 'data-src'),
            ' holds an external script’s URL:',
            markup,
          ),
          h(
            'li',
            {},
            'Add a link in your footer, so that visitors can change their mind as easily as they decided: ',
            footer,
          ),
          h(
            'li',
            {},
            'Check the page as a first-time visitor would: ',
            h('code', {}, 'npx consent-gate audit https://your-site.example/'),
            ' lists every cookie and tracker before consent, after Decline all and after Accept all.',
          ),
          h(
            'li',
            {},
            'List the services and their cookies in your privacy policy, those set on the vendors’ own domains too.',
          ),
        ),
        h(
          'details',
          {},
          h('summary', {}, 'For developers: npm'),
          h(
            'p',
            {},
            'The same config for a bundler. Presets come from consent-gate/services, so their cookie lists follow the package.',
          ),
          npm.field,
          css.field,
        ),
        h(
          'div',
          { class: 'field' },
          h('label', { for: link.id }, 'Link to this draft'),
          link,
          h(
            'p',
            { class: 'hint' },
            'The draft lives in this address: bookmark it, or send it to whoever puts it on the site. Nothing is stored anywhere else.',
          ),
          h(
            'button',
            {
              type: 'button',
              onclick: async () => {
                const ok = await copyText(link.value, link);
                status.textContent = ok
                  ? 'The link to this draft is copied.'
                  : 'Copying was refused: select the link and copy it yourself.';
              },
            },
            'Copy link',
          ),
        ),
      );
    },
  };
}
