import { h } from './dom';
import { button, dialog, para } from './banner';
import { gpcOff } from '../consent/model';
import type { Host } from './controller';
import type { ConsentPatch } from '../types';

/**
 * The preferences dialog: per category a switch named by its label, per service an Accept/Decline
 * radio group named by the service. It shows the current decision (all off before one).
 * A category a Global Privacy Control signal keeps off says so next to its switch, which it describes.
 */
export function preferences(host: Host, close: () => void): HTMLElement {
  const { s } = host;
  const t = host.texts.preferences;
  const state = host.state();
  /** Per category: its switch, and per service its Accept and Decline radios. */
  const rows: [string, HTMLInputElement, [string, HTMLInputElement, HTMLInputElement][]][] = [];

  const cats = s.ids.map((id) => {
    const c = s.categories[id];
    const p = 'cg-c-' + id;
    const gpc = gpcOff(s, id);
    // Attributes, not properties: `checked` and `disabled` as the element is made.
    const sw = h('input', {
      type: 'checkbox',
      role: 'switch',
      id: p,
      class: 'cg-switch',
      checked: state.categories[id],
      disabled: c.required,
      'aria-describedby': [c.description && p + '-d', gpc && p + '-g'].filter(Boolean).join(' ') || null,
      // A category's switch sets all its services.
      onchange: () => svcs.forEach(([, yes, no]) => ((sw.checked ? yes : no).checked = true)),
    });
    const svcs: [string, HTMLInputElement, HTMLInputElement][] = [];
    const services = Object.keys(c.services).map((sid) => {
      const q = `${p}-${sid}`;
      const radio = (value: boolean, text: string) =>
        h(
          'label',
          { class: 'cg-choice' },
          h('input', {
            type: 'radio',
            name: q,
            class: 'cg-radio',
            checked: state.services[id][sid] == value,
            disabled: c.required,
            // Accepting a service turns its category on; declining the last one turns it off.
            onchange: () => (sw.checked = svcs.some(([, yes]) => yes.checked)),
          }),
          text,
        );
      const yes = radio(true, t.accept);
      const no = radio(false, t.decline);
      svcs.push([sid, yes.firstChild as HTMLInputElement, no.firstChild as HTMLInputElement]);
      const d = c.services[sid].description;
      return h(
        'fieldset',
        { class: 'cg-svc', role: 'radiogroup', 'aria-labelledby': q + '-l' },
        h('legend', { id: q + '-l', class: 'cg-svc-name' }, c.services[sid].label),
        d && para(host, d),
        h('div', { class: 'cg-choices' }, yes, no),
      );
    });
    rows.push([id, sw, svcs]);
    return h(
      // A group, not a section: a named section would be a landmark, one per category.
      'div',
      { class: 'cg-cat', role: 'group', 'aria-labelledby': p + '-l' },
      h(
        'div',
        { class: 'cg-cat-head' },
        h('label', { for: p, id: p + '-l', class: 'cg-cat-name' }, c.label),
        c.required && h('span', { class: 'cg-always' }, t.alwaysOn),
        sw,
      ),
      c.description && para(host, c.description, p + '-d'),
      gpc && para(host, t.gpc, p + '-g', 'cg-note'),
      ...services,
    );
  });

  const save = () => {
    const p: ConsentPatch = {};
    for (const [id, sw, svcs] of rows) p[id] = svcs.length ? Object.fromEntries(svcs.map(([sid, yes]) => [sid, yes.checked])) : sw.checked;
    host.save(p);
  };

  return dialog(
    host,
    'prefs',
    true,
    t,
    (title, desc) => [h('div', { class: 'cg-head' }, title, h('button', { class: 'cg-close', 'aria-label': t.close, onclick: close }, '×')), h('div', { class: 'cg-body' }, desc, ...cats)],
    button(t.save, save),
  );
}
