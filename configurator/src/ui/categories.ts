// Categories and their services: add, rename, reorder, remove; each service from the presets or
// the owner's own.
import { h, uid } from './dom';
import { checkField, register, selectField, textField } from './fields';
import type { App, Section } from './app';
import {
  moveCategory,
  renameCategory,
  STANDARD,
  unique,
  type DraftCategory,
  type DraftService,
} from '../model/draft';
import { patternText, presetById } from '../model/presets';

/** Stable keys for objects of the draft, so that focus follows a category that moved. */
const keys = new WeakMap<object, number>();
let counter = 0;
export const keyOf = (o: object) => {
  if (!keys.has(o)) keys.set(o, ++counter);
  return keys.get(o)!;
};

export function newCategory(id: string, label: string, description = ''): DraftCategory {
  return {
    id,
    label,
    description,
    required: false,
    gpc: id === 'marketing',
    optOutDefault: false,
    services: [],
  };
}

/** Elements whose text says a name, kept in step while the owner types it. */
function names(initial: string) {
  const tracked: [Node, (name: string) => string][] = [];
  return {
    text(make: (name: string) => string): Text {
      const node = document.createTextNode(make(initial));
      tracked.push([node, make]);
      return node;
    },
    set(name: string) {
      for (const [node, make] of tracked) node.textContent = make(name);
    },
  };
}

function list(items: string[]): HTMLElement | string {
  if (!items.length) return 'none';
  return h('span', { class: 'codes' }, ...items.map((i) => h('code', {}, i)));
}

function serviceCard(
  app: App,
  category: DraftCategory,
  s: DraftService,
  categoryName: ReturnType<typeof names>,
): HTMLElement {
  const k = keyOf(s);
  const at = () => `categories.${category.id}.services.${s.id}`;
  const preset = presetById(s.preset);
  const headingId = uid('h');
  const named = names(s.label || s.id);
  const heading = h(
    'h4',
    { id: headingId },
    named.text((n) => n),
    preset ? h('span', { class: 'tag' }, 'preset') : null,
  );
  const label = textField({
    label: 'Name shown to visitors',
    name: () => `${s.label || s.id}: Name`,
    path: () => `${at()}.label`,
    value: s.label,
    focus: `s${k}-label`,
    onInput: (v) => {
      s.label = v;
      named.set(v || s.id);
      app.changed();
    },
  });
  const description = textField({
    label: 'Description',
    name: () => `${s.label || s.id}: Description`,
    path: () => `${at()}.description`,
    value: s.description,
    multiline: true,
    focus: `s${k}-description`,
    hint: preset ? 'The preset’s description, in English: translate it if your site is not.' : undefined,
    onInput: (v) => {
      s.description = v;
      app.changed();
    },
  });
  const id = preset
    ? h('p', { class: 'fact' }, 'Id in your markup: ', h('code', {}, `data-service="${s.id}"`))
    : textField({
        label: 'Id (for your markup)',
        name: () => `${s.label || s.id}: Id`,
        path: at,
        value: s.id,
        code: true,
        focus: `s${k}-id`,
        hint: 'For your tags, data-service="…": letters, digits, - and _, starting with a letter.',
        onInput: (v) => {
          s.id = v;
          app.changed();
        },
      });
  const script = textField({
    label: 'Script URL (optional)',
    name: () => `${s.label || s.id}: Script URL`,
    path: () => `${at()}.scripts`,
    type: 'url',
    code: true,
    value: s.scriptUrl,
    focus: `s${k}-script`,
    placeholder:
      preset?.id === 'google-analytics' ? 'https://www.googletagmanager.com/gtag/js?id=G-XXXX' : '',
    hint: 'Loaded by the library once the visitor accepts. Leave it empty when you mark up your own tag instead.',
    onInput: (v) => {
      s.scriptUrl = v;
      app.changed();
    },
  });

  const facts: HTMLElement[] = [];
  let cookieField: HTMLElement | null = null;
  let blockField: HTMLElement | null = null;
  if (preset) {
    const cookies = h(
      'p',
      { class: 'fact' },
      'Cookies deleted when declined: ',
      list(preset.cookies.map(patternText)),
    );
    const messages = register(
      () => `${at()}.cookies`,
      cookies,
      () => `${s.label || s.id}: Cookies`,
    );
    cookies.tabIndex = -1;
    facts.push(
      cookies,
      messages,
      h('p', { class: 'fact' }, 'Block patterns (auto-blocking): ', list(preset.blocks.map(patternText))),
    );
    if (preset.thirdPartyCookies?.length)
      facts.push(
        h(
          'p',
          { class: 'fact' },
          'Set on the vendor’s own domain (list them in your policy; no page can delete them): ',
          list(preset.thirdPartyCookies),
        ),
      );
  } else {
    cookieField = textField({
      label: 'Cookies (one per line)',
      name: () => `${s.label || s.id}: Cookies`,
      path: () => `${at()}.cookies`,
      value: s.cookies.join('\n'),
      multiline: true,
      code: true,
      focus: `s${k}-cookies`,
      hint: 'Exact names, or a pattern between slashes: /^_chat_/ matches every name that starts with _chat_. Deleted when the visitor declines.',
      onInput: (v) => {
        s.cookies = v.split('\n');
        app.changed();
      },
    });
    if (app.draft.addons.autoblock)
      blockField = textField({
        label: 'Block patterns for auto-blocking (one per line)',
        name: () => `${s.label || s.id}: Block patterns`,
        path: () => `${at()}.blocks`,
        value: s.blocks.join('\n'),
        multiline: true,
        code: true,
        focus: `s${k}-blocks`,
        hint: 'Part of a URL (widget.example.com/) or /a regex/: scripts and iframes added with such a URL wait for consent.',
        onInput: (v) => {
          s.blocks = v.split('\n');
          app.changed();
        },
      });
  }

  const kept = s.extra && Object.keys(s.extra).length ? keptNote(app, s) : null;

  const others = app.draft.categories.filter((c) => c !== category);
  const move = others.length
    ? selectField({
        label: `Move ${s.label || s.id} to another category`,
        value: '',
        focus: `s${k}-move`,
        options: [['', '(stay here)'], ...others.map((c): [string, string] => [c.id, c.label || c.id])],
        onChange: (to) => {
          const target = app.draft.categories.find((c) => c.id === to);
          if (!target) return;
          category.services.splice(category.services.indexOf(s), 1);
          s.id = unique(
            s.id,
            target.services.map((x) => x.id),
          );
          target.services.push(s);
          app.rebuild('categories', 'presets');
          app.announce(`${s.label || s.id} moved to ${target.label || target.id}.`);
        },
      })
    : null;

  const remove = h(
    'button',
    {
      type: 'button',
      class: 'quiet',
      'data-focus': `s${k}-remove`,
      onclick: () => {
        app.checkpoint(`remove ${s.label || s.id}`);
        category.services.splice(category.services.indexOf(s), 1);
        app.rebuild('categories', 'presets');
        app.announce(`${s.label || s.id} removed from ${category.label || category.id}.`, true);
      },
    },
    'Remove ',
    named.text((n) => n),
    ' from ',
    categoryName.text((n) => n),
  );
  if (move) {
    const moveLabel = move.querySelector('label')!;
    moveLabel.replaceChildren(named.text((n) => `Move ${n} to another category`));
  }

  return h(
    'div',
    { class: 'service', role: 'group', 'aria-labelledby': headingId },
    heading,
    preset ? [label, id] : h('div', { class: 'pair' }, label, id),
    description,
    cookieField,
    blockField,
    ...facts,
    script,
    kept,
    h('div', { class: 'row' }, move, remove),
  );
}

/** What an import kept that the form does not edit: shown, so that nothing travels unseen. */
function keptNote(app: App, s: DraftService): HTMLElement {
  return h(
    'div',
    { class: 'kept' },
    h('p', {}, 'Kept from the imported config (not editable here):'),
    h('pre', { class: 'code' }, JSON.stringify(s.extra, null, 2)),
    h(
      'button',
      {
        type: 'button',
        class: 'quiet',
        onclick: () => {
          app.checkpoint(`drop what was kept for ${s.label || s.id}`);
          delete s.extra;
          app.rebuild('categories');
          app.announce(`Dropped what was kept for ${s.label || s.id}.`, true);
        },
      },
      `Drop it from ${s.label || s.id}`,
    ),
  );
}

function categoryCard(app: App, c: DraftCategory, index: number): HTMLElement {
  const { draft } = app;
  const k = keyOf(c);
  const at = () => `categories.${c.id}`;
  const headingId = uid('h');
  const name = c.label || c.id;
  const named = names(name);
  const heading = h(
    'h3',
    { id: headingId, tabIndex: -1, 'data-focus': `c${k}` },
    named.text((n) => n),
  );

  const [nameField, idField, ...rest] = [
    textField({
      label: 'Name',
      name: () => `${c.label || c.id}: Name`,
      path: () => `${at()}.label`,
      value: c.label,
      focus: `c${k}-label`,
      hint: 'Visitors see it; it also names the switch.',
      onInput: (v) => {
        c.label = v;
        named.set(v || c.id);
        app.changed();
      },
    }),
    textField({
      label: 'Id (for your markup)',
      name: () => `${c.label || c.id}: Id`,
      path: at,
      value: c.id,
      code: true,
      focus: `c${k}-id`,
      hint: 'For your tags, data-category="…": letters, digits, - and _, starting with a letter.',
      onInput: (v) => {
        renameCategory(draft, draft.categories.indexOf(c), v);
        app.changed();
      },
    }),
    textField({
      label: 'Description',
      name: () => `${c.label || c.id}: Description`,
      path: () => `${at()}.description`,
      value: c.description,
      multiline: true,
      focus: `c${k}-description`,
      onInput: (v) => {
        c.description = v;
        app.changed();
      },
    }),
    checkField({
      label: 'Always on (strictly necessary)',
      name: () => `${c.label || c.id}: Always on`,
      path: () => `${at()}.required`,
      checked: c.required,
      focus: `c${k}-required`,
      hint: 'Shown on and locked. Only for what the site cannot work without.',
      onChange: (v) => {
        c.required = v;
        app.changed();
      },
    }),
    checkField({
      label: 'Off under Global Privacy Control',
      name: () => `${c.label || c.id}: Off under GPC`,
      path: () => `${at()}.gpc`,
      checked: c.gpc,
      focus: `c${k}-gpc`,
      hint: 'For selling or sharing data and targeted ads: off while the browser sends a GPC signal, unless the visitor turns it on.',
      onChange: (v) => {
        c.gpc = v;
        app.changed();
      },
    }),
    draft.mode === 'opt-out'
      ? checkField({
          label: 'On before the visitor decides (opt-out)',
          name: () => `${c.label || c.id}: On before the visitor decides`,
          path: () => `${at()}.default`,
          checked: c.optOutDefault,
          focus: `c${k}-default`,
          hint: 'Opt-out mode only: its scripts run from the first page view until the visitor declines.',
          onChange: (v) => {
            c.optOutDefault = v;
            app.changed();
          },
        })
      : null,
  ];
  const fields = [h('div', { class: 'pair' }, nameField, idField), ...rest];

  const servicesId = uid('h');
  const services = h(
    'div',
    { class: 'services' },
    h(
      'h4',
      { id: servicesId, class: 'sub' },
      named.text((n) => `Services in ${n}`),
    ),
    c.services.map((s) => serviceCard(app, c, s, named)),
  );
  const servicesMessages = register(
    () => `${at()}.services`,
    heading,
    () => `Services in ${c.label || c.id}`,
  );
  services.append(servicesMessages);

  const addOwn = h(
    'button',
    {
      type: 'button',
      'data-focus': `c${k}-add`,
      onclick: () => {
        const s: DraftService = {
          id: unique(
            'my-service',
            c.services.map((x) => x.id),
          ),
          label: '',
          description: '',
          cookies: [],
          blocks: [],
          scriptUrl: '',
        };
        c.services.push(s);
        app.rebuild('categories');
        document.querySelector<HTMLElement>(`[data-focus="s${keyOf(s)}-label"]`)?.focus();
        app.announce(`A new service was added to ${c.label || c.id}: give it a name.`);
      },
    },
    named.text((n) => `Add your own service to ${n}`),
  );

  const last = index === draft.categories.length - 1;
  const move = (by: number) => () => {
    moveCategory(draft, index, by);
    app.rebuild('categories');
    // At the top or the bottom its own button is disabled: the other one keeps the owner in the card.
    const here = document.querySelector<HTMLButtonElement>(`[data-focus="c${k}-${by < 0 ? 'up' : 'down'}"]`);
    const other = document.querySelector<HTMLButtonElement>(`[data-focus="c${k}-${by < 0 ? 'down' : 'up'}"]`);
    (here && !here.disabled ? here : other)?.focus();
    app.announce(
      `${c.label || c.id} moved ${by < 0 ? 'up' : 'down'}: now ${draft.categories.indexOf(c) + 1} of ${draft.categories.length}.`,
    );
  };
  // Short to see ("Move up"), whole to hear ("Move up Marketing"): the category's name is in the
  // group's name already, and in the button's for those who list buttons alone.
  const hidden = () =>
    h(
      'span',
      { class: 'vh' },
      ' ',
      named.text((n) => n),
    );
  const tools = h(
    'div',
    { class: 'tools-row' },
    h(
      'button',
      {
        type: 'button',
        class: 'quiet small',
        disabled: index === 0,
        'data-focus': `c${k}-up`,
        onclick: move(-1),
      },
      'Move up',
      hidden(),
    ),
    h(
      'button',
      { type: 'button', class: 'quiet small', disabled: last, 'data-focus': `c${k}-down`, onclick: move(1) },
      'Move down',
      hidden(),
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'quiet small',
        disabled: draft.categories.length === 1,
        'data-focus': `c${k}-remove`,
        onclick: () => {
          app.checkpoint(`remove ${c.label || c.id}`);
          draft.categories.splice(draft.categories.indexOf(c), 1);
          app.rebuild('categories', 'presets', 'behaviour');
          app.announce(`${c.label || c.id} removed.`, true);
        },
      },
      'Remove',
      hidden(),
    ),
  );

  return h(
    'div',
    { class: 'card', role: 'group', 'aria-labelledby': headingId },
    h('div', { class: 'card-head' }, heading, tools),
    ...fields,
    services,
    h('div', { class: 'row' }, addOwn),
  );
}

export function categoriesSection(app: App): Section {
  return {
    name: 'categories',
    fallback: () => 'add-category',
    build: () =>
      h(
        'div',
        { class: 'cards', tabIndex: -1 },
        app.draft.categories.map((c, i) => categoryCard(app, c, i)),
        h(
          'button',
          {
            type: 'button',
            'data-focus': 'add-category',
            onclick: () => {
              const ids = app.draft.categories.map((c) => c.id);
              const c = newCategory(unique('category', ids), 'New category');
              app.draft.categories.push(c);
              app.rebuild('categories', 'presets', 'behaviour');
              document.querySelector<HTMLElement>(`[data-focus="c${keyOf(c)}-label"]`)?.focus();
              app.announce('A new category was added at the end: give it a name.');
            },
          },
          'Add a category',
        ),
      ),
  };
}

/** The category a preset goes to: the one with its usual id, made when missing. */
export function categoryForPreset(app: App, presetCategory: string): DraftCategory {
  const found = app.draft.categories.find((c) => c.id === presetCategory);
  if (found) return found;
  const [label, description] = STANDARD[presetCategory] ?? [presetCategory, ''];
  const c = newCategory(presetCategory, label, description);
  if (presetCategory === 'necessary') {
    c.required = true;
    app.draft.categories.unshift(c);
  } else app.draft.categories.push(c);
  return c;
}
