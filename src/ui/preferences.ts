import { h } from './dom';
import { text } from './sanitize';
import { gpcOff } from '../consent/model';
import type { Host } from './controller';
import type { ConsentPatch } from '../types';

/**
 * The preferences' categories: per category a switch named by its label, per service an Accept/Decline
 * radio group named by the service. They show the current decision (all off before one); what the
 * visitor changes goes into `patch`.
 * A category a Global Privacy Control signal keeps off says so next to its switch, which it describes.
 * Its parts carry no classes: the CSS finds them by role and element (a category is a div of .cg-body).
 */
export function categories(host: Host, patch: ConsentPatch): HTMLElement[] {
  const s = host.s;
  const t = host.texts.preferences;
  const state = host.state();
  return s.ids.map((id) => {
    const c = s.categories[id];
    const p = 'cg-c-' + id;
    const gpc = gpcOff(s, id);
    /** The Accept radios (their value is the service id) and the Decline radios. */
    const yes: HTMLInputElement[] = [];
    const no: HTMLInputElement[] = [];
    const sw = h('input', {
      type: 'checkbox',
      role: 'switch',
      id: p,
      checked: state.categories[id],
      disabled: c.required,
      'aria-describedby': [c.description && p + '-d', gpc && p + '-g'].filter((x) => x).join(' ') || null,
      // A category's switch sets all its services.
      onchange: () => ((patch[id] = sw.checked) ? yes : no).map((r) => (r.checked = true)),
    });
    const services = Object.keys(c.services).map((sid) => {
      const svc = c.services[sid];
      const radio = (value: boolean, list: HTMLInputElement[], text: string) => {
        const r = h('input', {
          type: 'radio',
          name: p + '-' + sid,
          value: sid,
          checked: state.services[id][sid] == value,
          disabled: c.required,
          // Accepting a service turns its category on; declining the last one turns it off.
          onchange: () => {
            sw.checked = yes.some((y) => y.checked);
            patch[id] = Object.fromEntries(yes.map((y) => [y.value, y.checked]));
          },
        });
        list.push(r);
        return h('label', null, r, text);
      };
      // A fieldset is named by its legend.
      return h(
        'fieldset',
        { role: 'radiogroup' },
        h('legend', null, svc.label),
        text(host, 'p', svc.description, 'cg-desc'),
        h('div', null, radio(true, yes, t.accept), radio(false, no, t.decline)),
      );
    });
    return h(
      // A group, not a section: a named section would be a landmark, one per category.
      'div',
      { role: 'group', 'aria-label': c.label },
      h('div', null, h('label', { for: p }, c.label), c.required && h('span', null, t.alwaysOn), sw),
      text(host, 'p', c.description, 'cg-desc', p + '-d'),
      gpc && text(host, 'p', t.gpc, 'cg-note', p + '-g'),
      ...services,
    );
  });
}
