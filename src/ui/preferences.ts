import { h, text, type Markup } from './dom';
import { choiceButtons, dialog } from './dialog';
import { gpcOff } from '../consent/model';
import type { Host } from './controller';
import type { ConsentPatch } from '../types';

/**
 * The preferences, the second layer: a modal dialog with the categories, Accept all, Decline all,
 * Save (which records the decision shown) and Close (`close`, which records nothing).
 */
export function preferences(host: Host, markup: Markup, close: () => void): HTMLElement {
  const texts = host.texts.preferences;
  /** What the visitor changed: Save applies it to the decision in force. */
  const change: ConsentPatch = {};
  return dialog({
    id: 'cg-prefs',
    modal: true,
    title: texts.title,
    description: texts.description,
    markup,
    close: { label: texts.close, onClick: close },
    body: categories(host, markup, change),
    actions: [
      ...choiceButtons(host, texts),
      h('button', { class: 'cg-btn', onclick: () => host.save(change) }, texts.save),
    ],
  });
}

/**
 * Per category a switch named by its label, per service an Accept/Decline radio group named by the
 * service. They show the current decision (all off before one); what the visitor changes goes into
 * `change`. A category a Global Privacy Control signal keeps off says so next to its switch, which it
 * describes. Its parts carry no classes: the CSS finds them by role and element (a category is a div
 * of .cg-body).
 */
function categories(host: Host, markup: Markup, change: ConsentPatch): HTMLElement[] {
  const { settings } = host;
  const texts = host.texts.preferences;
  const choices = host.choices();
  return settings.ids.map((id) => {
    // The config's own texts, in the language shown where its translation gives them.
    const own = host.texts.categories?.[id];
    const category = settings.categories[id];
    const label = own?.label || category.label;
    const description = own?.description || category.description;
    const prefix = 'cg-c-' + id;
    const gpc = gpcOff(settings, id);
    /** The Accept radios (their value is the service id) and the Decline radios. */
    const accepts: HTMLInputElement[] = [];
    const declines: HTMLInputElement[] = [];
    const described = [description && prefix + '-d', gpc && prefix + '-g'].filter((x) => x);
    const toggle = h('input', {
      type: 'checkbox',
      role: 'switch',
      id: prefix,
      checked: choices.categories[id],
      disabled: category.required,
      'aria-describedby': described.join(' ') || null,
      // A category's switch sets all its services.
      onchange: () => {
        change[id] = toggle.checked;
        for (const radio of toggle.checked ? accepts : declines) radio.checked = true;
      },
    });
    const services = Object.keys(category.services).map((serviceId) => {
      const radio = (value: boolean, group: HTMLInputElement[], label: string) => {
        const input = h('input', {
          type: 'radio',
          name: prefix + '-' + serviceId,
          value: serviceId,
          checked: choices.services[id][serviceId] == value,
          disabled: category.required,
          // Accepting a service turns its category on; declining the last one turns it off.
          onchange: () => {
            toggle.checked = accepts.some((accept) => accept.checked);
            change[id] = Object.fromEntries(accepts.map((accept) => [accept.value, accept.checked]));
          },
        });
        group.push(input);
        return h('label', null, input, label);
      };
      const service = category.services[serviceId];
      const t = own?.services?.[serviceId];
      // A fieldset is named by its legend.
      return h(
        'fieldset',
        { role: 'radiogroup' },
        // dir="auto" on the config's labels, as on its texts (dom.ts: text()).
        h('legend', { dir: 'auto' }, t?.label || service.label),
        text(markup, 'p', t?.description || service.description, { class: 'cg-desc' }),
        h('div', null, radio(true, accepts, texts.accept), radio(false, declines, texts.decline)),
      );
    });
    return h(
      // A group, not a section: a named section would be a landmark, one per category.
      'div',
      { role: 'group', 'aria-label': label },
      h(
        'div',
        null,
        h('label', { for: prefix, dir: 'auto' }, label),
        category.required && h('span', null, texts.alwaysOn),
        toggle,
      ),
      text(markup, 'p', description, { class: 'cg-desc', id: prefix + '-d' }),
      gpc && text(markup, 'p', texts.gpc, { class: 'cg-note', id: prefix + '-g' }),
      ...services,
    );
  });
}
