// How consent works: opt-in or opt-out, how long a decision lasts, Google Consent Mode, and the
// options a site owner rarely changes (revision, cookie domain).
import { h, uid } from './dom';
import { checkField, numberField, radioGroup, register, textField } from './fields';
import type { App, Section } from './app';
import { CONSENT_TYPES, MAX_DAYS, usualMap, type ConsentType } from '../model/draft';

const TYPES: Record<ConsentType, string> = {
  analytics_storage: 'analytics_storage: measurement cookies',
  ad_storage: 'ad_storage: advertising cookies',
  ad_user_data: 'ad_user_data: sending user data to Google for ads',
  ad_personalization: 'ad_personalization: personalised ads (remarketing)',
  functionality_storage: 'functionality_storage: features such as language',
  personalization_storage: 'personalization_storage: recommendations',
  security_storage: 'security_storage: security, fraud prevention',
};

export function behaviourSection(app: App): Section {
  function gcmMap(): HTMLElement {
    const { draft } = app;
    const map = draft.gcm.map!;
    const table = h(
      'fieldset',
      { class: 'gcm-map' },
      h('legend', {}, 'Consent types and the category that grants each'),
    );
    for (const type of CONSENT_TYPES) {
      const id = uid('f');
      const options: [string, string][] = [
        ...draft.categories.map((c): [string, string] => [c.id, c.label || c.id]),
        ['granted', 'Always granted'],
        ['', 'Never granted (denied)'],
      ];
      // A category the map names that the draft no longer has stays in the list, so the library's error shows.
      if (map[type] && !options.some(([v]) => v === map[type]))
        options.unshift([map[type], `${map[type]} (no such category)`]);
      const select = h(
        'select',
        {
          id,
          'data-focus': `gcm-${type}`,
          onchange: (e: Event) => {
            map[type] = (e.target as HTMLSelectElement).value;
            app.changed();
          },
        },
        options.map(([value, label]) => h('option', { value, selected: value === map[type] }, label)),
      );
      const messages = register(`googleConsentMode.${type}`, select, type);
      table.append(
        h(
          'div',
          { class: 'field' },
          h(
            'label',
            { for: id },
            h('code', {}, TYPES[type].split(':')[0]),
            TYPES[type].slice(TYPES[type].indexOf(':')),
          ),
          select,
          messages,
        ),
      );
    }
    return table;
  }

  return {
    name: 'behaviour',
    build() {
      const { draft } = app;
      const gcm = draft.gcm;
      return h(
        'div',
        { tabIndex: -1 },
        radioGroup({
          label: 'Consent',
          path: 'mode',
          value: draft.mode,
          focus: 'mode',
          options: [
            [
              'opt-in',
              'Opt-in: nothing runs before the visitor agrees',
              'the rule in the EU, the EEA, the UK and Switzerland',
            ],
            [
              'opt-out',
              'Opt-out: chosen categories run until the visitor declines',
              'only where the law allows it, such as some US states',
            ],
          ],
          onChange: (v) => {
            draft.mode = v as typeof draft.mode;
            app.rebuild('behaviour', 'categories');
          },
        }),
        numberField({
          label: 'Keep a decision for (days)',
          path: 'cookie.expiresAfterDays',
          value: draft.days,
          min: 1,
          max: MAX_DAYS,
          step: 1,
          focus: 'days',
          hint: `Then the banner asks again. 182 days (6 months) by default; at most ${MAX_DAYS} (13 months).`,
          onInput: (v) => {
            draft.days = v;
            app.changed();
          },
        }),
        numberField({
          label: 'Revision',
          path: 'revision',
          value: draft.revision,
          min: 0,
          step: 1,
          focus: 'revision',
          hint: 'Raise it when you add a service or change what a category does: every visitor is asked again.',
          onInput: (v) => {
            draft.revision = v;
            app.changed();
          },
        }),
        textField({
          label: 'Cookie domain (optional)',
          path: 'cookie.domain',
          value: draft.cookieDomain,
          code: true,
          focus: 'domain',
          placeholder: 'example.com',
          hint: 'To share one decision across subdomains (shop.example.com and www.example.com). Empty: this host only.',
          onInput: (v) => {
            draft.cookieDomain = v;
            app.changed();
          },
        }),
        h(
          'fieldset',
          { class: 'gcm' },
          h('legend', {}, 'Google Consent Mode v2'),
          checkField({
            label: 'Tell Google tags what the visitor chose',
            path: 'googleConsentMode',
            checked: gcm.on,
            focus: 'gcm-on',
            hint: 'Sends gtag consent default (everything denied) before any tag runs, and consent update after every decision.',
            onChange: (v) => {
              gcm.on = v;
              app.rebuild('behaviour');
            },
          }),
          gcm.on
            ? [
                checkField({
                  label:
                    'Use the usual map (analytics → analytics_storage, marketing → the ad types, preferences → functionality and personalisation)',
                  checked: gcm.map === null,
                  focus: 'gcm-default',
                  onChange: (v) => {
                    gcm.map = v ? null : usualMap(draft.categories.map((c) => c.id));
                    app.rebuild('behaviour');
                  },
                }),
                gcm.map ? gcmMap() : null,
                checkField({
                  label: 'Redact ad click identifiers while ad_storage is denied (ads_data_redaction)',
                  path: 'googleConsentMode.adsDataRedaction',
                  checked: gcm.adsDataRedaction,
                  focus: 'gcm-redact',
                  onChange: (v) => {
                    gcm.adsDataRedaction = v;
                    app.changed();
                  },
                }),
                checkField({
                  label: 'Pass ad click information in links while storage is denied (url_passthrough)',
                  path: 'googleConsentMode.urlPassthrough',
                  checked: gcm.urlPassthrough,
                  focus: 'gcm-passthrough',
                  onChange: (v) => {
                    gcm.urlPassthrough = v;
                    app.changed();
                  },
                }),
                numberField({
                  label: 'Google tags wait for the update (ms)',
                  path: 'googleConsentMode.waitForUpdate',
                  value: gcm.waitForUpdate,
                  min: 0,
                  step: 100,
                  focus: 'gcm-wait',
                  hint: '500 by default; 0 leaves wait_for_update out.',
                  onInput: (v) => {
                    gcm.waitForUpdate = v;
                    app.changed();
                  },
                }),
              ]
            : null,
        ),
      );
    },
  };
}
