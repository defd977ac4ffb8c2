import { h } from './dom';
import { txt } from './sanitize';
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
  const rows: [string, HTMLInputElement, [string, HTMLInputElement, HTMLInputElement][]][] = [];

  const cats = s.ids.map((id) => {
    const c = s.categories[id];
    const p = 'cg-c-' + id;
    const gpc = gpcOff(s, id);
    const sw = h('input', { type: 'checkbox', role: 'switch', id: p, class: 'cg-switch', 'aria-describedby': [c.description && p + '-d', gpc && p + '-g'].filter(Boolean).join(' ') || null });
    sw.checked = state.categories[id];
    sw.disabled = !!c.required;
    const svcs: [string, HTMLInputElement, HTMLInputElement][] = [];
    const services = Object.keys(c.services).map((sid) => {
      const q = `${p}-${sid}`;
      const on = state.services[id][sid];
      const radio = (value: boolean, text: string) => {
        const r = h('input', { type: 'radio', name: q, class: 'cg-radio' });
        r.checked = on == value;
        r.disabled = !!c.required;
        r.onchange = () => {
          // Accepting a service turns its category on; declining the last one turns it off.
          sw.checked = svcs.some(([, yes]) => yes.checked);
        };
        return [r, h('label', { class: 'cg-choice' }, r, text)] as const;
      };
      const [yes, yesLabel] = radio(true, t.accept);
      const [no, noLabel] = radio(false, t.decline);
      svcs.push([sid, yes, no]);
      const d = c.services[sid].description;
      return h(
        'fieldset',
        { class: 'cg-svc', role: 'radiogroup', 'aria-labelledby': q + '-l' },
        h('legend', { id: q + '-l', class: 'cg-svc-name' }, c.services[sid].label),
        d && h('p', { class: 'cg-desc' }, txt(d, s.html)),
        h('div', { class: 'cg-choices' }, yesLabel, noLabel),
      );
    });
    sw.onchange = () => {
      for (const [, yes, no] of svcs) (sw.checked ? yes : no).checked = true;
    };
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
      c.description && h('p', { id: p + '-d', class: 'cg-desc' }, txt(c.description, s.html)),
      gpc && h('p', { id: p + '-g', class: 'cg-note' }, txt(t.gpc, s.html)),
      ...services,
    );
  });

  const save = () => {
    const p: ConsentPatch = {};
    for (const [id, sw, svcs] of rows) {
      p[id] = svcs.length ? Object.fromEntries(svcs.map(([sid, yes]) => [sid, yes.checked])) : sw.checked;
    }
    host.save(p);
  };

  return h(
    'div',
    { class: 'cg-prefs', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'cg-prefs-title', 'aria-describedby': 'cg-prefs-desc' },
    h('div', { class: 'cg-head' }, h('h2', { id: 'cg-prefs-title', class: 'cg-title' }, txt(t.title, s.html)), h('button', { class: 'cg-close', 'aria-label': t.close, onclick: close }, '×')),
    h(
      'div',
      { class: 'cg-body' },
      h('p', { id: 'cg-prefs-desc', class: 'cg-desc' }, txt(t.description, s.html)),
      ...cats,
    ),
    h(
      'div',
      { class: 'cg-actions' },
      h('button', { class: 'cg-btn cg-main', onclick: host.acceptAll }, t.acceptAll),
      h('button', { class: 'cg-btn cg-main', onclick: host.rejectAll }, t.rejectAll),
      h('button', { class: 'cg-btn', onclick: save }, t.save),
    ),
  );
}
