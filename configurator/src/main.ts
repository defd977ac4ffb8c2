// The configurator page: builds the form from the draft in the address, and keeps the preview,
// the checks, the snippet and the address in step with every change.
import { LANGUAGES, THEMES, VERSION } from 'configurator:data';
import { EN } from '../../src/config/texts';
import { h } from './ui/dom';
import { App } from './ui/app';
import { categoriesSection } from './ui/categories';
import { presetsSection } from './ui/presets';
import { textsSection } from './ui/texts';
import { lookSection } from './ui/look';
import { behaviourSection } from './ui/behaviour';
import { addonsSection } from './ui/addons';
import { resultSection } from './ui/result';
import { preview } from './ui/preview';
import { checks } from './ui/checks';
import { importPanel } from './ui/import';
import { decodeDraft, encodeDraft } from './model/address';
import { newDraft } from './model/draft';

function step(id: string, title: string, intro: string, ...body: (HTMLElement | null)[]): HTMLElement {
  return h(
    'section',
    { class: 'step', 'aria-labelledby': `${id}-title`, id },
    h('h2', { id: `${id}-title`, tabIndex: -1 }, title),
    h('p', { class: 'intro' }, intro),
    ...body,
  );
}

async function start() {
  const root = document.getElementById('app')!;
  const { draft, problem } = await decodeDraft(location.hash);
  const app = new App(draft ?? newDraft(), {
    shipped: LANGUAGES,
    english: EN,
    themes: THEMES,
    version: VERSION,
  });

  const status = h('p', { class: 'status', role: 'status', tabIndex: -1 });
  app.setStatus(status);

  let hash = location.hash;
  const address = () => location.href.replace(/#.*$/, '') + hash;
  const result = resultSection(app, address);

  const verdict = h('p', { class: 'verdict', role: 'status' }, 'The preview is starting…');
  const checkList = h('ul', { class: 'checks' });
  const checkCount = h('p', { class: 'hint', role: 'status' });
  const checker = checks(app, verdict, checkList, checkCount);

  const startOver = h(
    'button',
    {
      type: 'button',
      class: 'quiet',
      onclick: () => {
        app.checkpoint('start over');
        app.draft = newDraft();
        app.rebuild();
        app.announce('A new draft with the defaults.', true);
      },
    },
    'Start over',
  );

  const form = h(
    'div',
    { class: 'form' },
    step(
      'services',
      '1. Categories and services',
      'What you ask visitors about. Each category gets a switch; each service in it a choice of its own. Necessary stays on; the rest is off until the visitor says yes.',
      app.mount(categoriesSection(app)),
      h('h3', { class: 'sub' }, 'Add services from the presets'),
      app.mount(presetsSection(app)),
    ),
    step(
      'texts',
      '2. Texts and languages',
      'Every text starts from the shipped wording, in English and in each language you add.',
      app.mount(textsSection(app)),
    ),
    step('look', '3. Look', 'Where the banner sits and how it looks.', app.mount(lookSection(app))),
    step(
      'behaviour',
      '4. Consent rules',
      'Opt-in and six months are the defaults regulators expect in Europe.',
      app.mount(behaviourSection(app)),
    ),
    step(
      'addons',
      '5. Add-ons',
      'Each is a small file of its own, loaded only when you turn it on.',
      app.mount(addonsSection(app)),
    ),
    step(
      'result',
      '6. Your snippet',
      'Copy it into your pages, then do what the list below says.',
      app.mount(result),
    ),
  );

  const side = h(
    'div',
    { class: 'side' },
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'preview-title' },
      h('h2', { id: 'preview-title' }, 'Preview'),
      preview(app, (answer) => checker.setAnswer(answer)),
      verdict,
    ),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'checks-title' },
      h('h2', { id: 'checks-title' }, 'Checks'),
      checkCount,
      checkList,
    ),
  );

  root.replaceChildren(
    h(
      'div',
      { class: 'top' },
      h(
        'div',
        { class: 'row' },
        importPanel(app),
        startOver,
        h(
          'button',
          {
            type: 'button',
            // Not a #result link: the address's fragment holds the draft.
            onclick: () => {
              const heading = document.getElementById('result-title')!;
              heading.scrollIntoView({ block: 'start' });
              heading.focus();
            },
          },
          'Go to your snippet',
        ),
      ),
      status,
    ),
    h('div', { class: 'layout' }, form, side),
  );
  app.changed();
  // From now on the address follows the draft, a moment after the last change (replaceState: no
  // history entry per keystroke). A damaged link stays as it was until the owner changes something.
  let writing: ReturnType<typeof setTimeout> | undefined;
  app.onChange(() => {
    clearTimeout(writing);
    writing = setTimeout(async () => {
      hash = '#' + (await encodeDraft(app.draft));
      history.replaceState(null, '', hash);
      result.refreshLink();
    }, 300);
  });
  if (problem)
    app.announce(
      `Started from the defaults: ${problem}. The address is left as it was until you change something.`,
    );
}

start();
