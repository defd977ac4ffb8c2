// The service presets, searchable and grouped by their usual category, each with its cookies and
// patterns; one button adds it to the category of that id (made when the draft has none).
import { h, uid } from './dom';
import type { App, Section } from './app';
import { categoryForPreset, keyOf } from './categories';
import { PRESETS, PRESET_GROUPS, matches, patternText } from '../model/presets';
import { unique, type DraftService } from '../model/draft';
import type { ServicePreset } from '../../../src/services/preset';

const codes = (items: string[]) =>
  items.length ? h('span', { class: 'codes' }, ...items.map((i) => h('code', {}, i))) : 'none';

export function presetsSection(app: App): Section {
  let query = '';
  let results: HTMLElement;
  let count: HTMLElement;

  const where = (preset: ServicePreset) => {
    for (const c of app.draft.categories) if (c.services.some((s) => s.preset === preset.id)) return c;
    return undefined;
  };

  function item(preset: ServicePreset): HTMLElement {
    const headingId = uid('h');
    const inCategory = where(preset);
    const action = inCategory
      ? h(
          'p',
          { class: 'added' },
          `Added to ${inCategory.label || inCategory.id}. `,
          h(
            'button',
            {
              type: 'button',
              class: 'quiet',
              'data-focus': `preset-${preset.id}`,
              onclick: () => {
                app.checkpoint(`remove ${preset.label}`);
                inCategory.services = inCategory.services.filter((s) => s.preset !== preset.id);
                app.rebuild('categories', 'presets');
                app.announce(`${preset.label} removed.`, true);
              },
            },
            `Remove ${preset.label}`,
          ),
        )
      : h(
          'button',
          {
            type: 'button',
            'data-focus': `preset-${preset.id}`,
            onclick: () => {
              const category = categoryForPreset(app, preset.category);
              const s: DraftService = {
                preset: preset.id,
                id: unique(
                  preset.id,
                  category.services.map((x) => x.id),
                ),
                label: preset.label,
                description: preset.description ?? '',
                cookies: [],
                blocks: [],
                scriptUrl: '',
              };
              category.services.push(s);
              keyOf(s);
              app.rebuild('categories', 'presets', 'behaviour');
              app.announce(`${preset.label} added to ${category.label || category.id}.`);
            },
          },
          `Add ${preset.label}`,
        );
    const facts = [
      ['Cookies', preset.cookies.map(patternText)],
      ['Block patterns', preset.blocks.map(patternText)],
      ['On the vendor’s domain', preset.thirdPartyCookies ?? []],
    ] as const;
    return h(
      'li',
      { class: 'preset' },
      h(
        'div',
        { class: 'about' },
        h('h4', { id: headingId }, preset.label),
        h('p', {}, preset.description ?? ''),
        h(
          'dl',
          {},
          facts
            .filter(([term, items]) => term === 'Cookies' || items.length > 0)
            .map(([term, items]) => h('div', {}, h('dt', {}, term), h('dd', {}, codes([...items])))),
        ),
      ),
      action,
    );
  }

  function fill() {
    const found = PRESETS.filter((p) => matches(p, query));
    const groups = PRESET_GROUPS.map((g) => ({
      ...g,
      items: found.filter((p) => p.category === g.id),
    })).filter((g) => g.items.length);
    results.replaceChildren(
      ...groups.map((g) => {
        const id = uid('h');
        return h(
          'section',
          { class: 'group', 'aria-labelledby': id },
          h('h3', { id }, g.label),
          h('ul', { class: 'presets' }, g.items.map(item)),
        );
      }),
    );
    count.textContent = found.length
      ? `${found.length} of ${PRESETS.length} presets`
      : `No preset matches “${query.trim()}”: add it as your own service in its category.`;
  }

  return {
    name: 'presets',
    build() {
      const searchId = uid('f');
      const countId = uid('hint');
      count = h('p', { id: countId, class: 'hint', role: 'status' });
      results = h('div', { class: 'groups' });
      const search = h('input', {
        id: searchId,
        type: 'search',
        value: query,
        autocomplete: 'off',
        spellcheck: false,
        'aria-describedby': countId,
        'data-focus': 'preset-search',
        oninput: (e: Event) => {
          query = (e.target as HTMLInputElement).value;
          fill();
        },
      });
      fill();
      return h(
        'div',
        { class: 'preset-picker', tabIndex: -1 },
        h('div', { class: 'field' }, h('label', { for: searchId }, 'Search the presets'), search, count),
        results,
      );
    },
  };
}
