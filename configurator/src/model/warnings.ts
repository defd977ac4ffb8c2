// What the configurator warns about, with the reason: what regulators flag, what would not work.
// Pure: a draft in, a list out. Each finding names the field it belongs to by the same path the
// library's errors use (categories.analytics.label), so the page shows it next to that field.
import { MAX_DAYS, DEFAULT_DAYS, STANDARD, type Draft } from './draft';
import { contrastProblems, type ThemeDefaults } from './contrast';
import { presetById } from './presets';

export interface Finding {
  /** `error`: the config would not do what it says; `warning`: what regulators flag; `note`: advice. */
  level: 'error' | 'warning' | 'note';
  /** The field it concerns, as a config path (or `style.light.accent` for the form's own fields). */
  path: string;
  /** What is wrong, in words. */
  text: string;
  /** Why it matters. */
  reason?: string;
}

const GOOGLE = ['google-analytics', 'google-ads', 'google-tag-manager'];
const CONSENT_FIRST =
  'Where the GDPR and the ePrivacy rules apply (the EU, the EEA, the UK, Switzerland), cookies that are not strictly necessary need consent before they are set (ePrivacy Directive art. 5(3); CJEU, Planet49, C-673/17).';

/** Words in a category's id or label that say it is not strictly necessary. */
const NOT_NECESSARY = /analytic|statist|measur|marketing|advert|\bads?\b|target|track|social|personali/i;

export function findings(draft: Draft, themes: { light: ThemeDefaults; dark: ThemeDefaults }): Finding[] {
  const out: Finding[] = [];
  const add = (level: Finding['level'], path: string, text: string, reason?: string) =>
    out.push({ level, path, text, reason });

  if (draft.mode === 'opt-out')
    add(
      'warning',
      'mode',
      'Opt-out mode runs the categories marked “on before the visitor decides” from the first page view.',
      `${CONSENT_FIRST} Use opt-out only for a site whose visitors are all in a jurisdiction that allows it, such as some US states.`,
    );

  if (draft.days !== null && draft.days > MAX_DAYS)
    add(
      'warning',
      'cookie.expiresAfterDays',
      `A decision kept ${draft.days} days is longer than 13 months.`,
      '13 months is the longest regulators accept for a consent cookie (the limit the French CNIL sets for trackers, widely followed); the library refuses more than 395 days.',
    );
  else if (draft.days !== null && draft.days > DEFAULT_DAYS)
    add(
      'note',
      'cookie.expiresAfterDays',
      `A decision kept ${draft.days} days is longer than the usual 6 months.`,
      'The French CNIL recommends asking again after about 6 months; 13 months (395 days) is the longest regulators accept.',
    );

  if (!draft.policyUrl.trim())
    add(
      'warning',
      'policyUrl',
      'The banner has no link to your privacy policy (no Read more link).',
      'Visitors must be told who gets their data and why before they agree (GDPR art. 13; EDPB Guidelines 05/2020 on consent): link the page that says so.',
    );

  const categoryIds = new Map<string, number>();
  for (const c of draft.categories) categoryIds.set(c.id, (categoryIds.get(c.id) ?? 0) + 1);

  for (const c of draft.categories) {
    const at = `categories.${c.id}`;
    if ((categoryIds.get(c.id) ?? 0) > 1)
      add(
        'error',
        at,
        `Two categories have the id “${c.id}”: the second would replace the first.`,
        'Give each category its own id.',
      );
    if (!c.label.trim())
      add(
        'warning',
        `${at}.label`,
        'This category has no name.',
        'Visitors cannot tell what they agree to (consent must be informed, GDPR art. 4(11)); its switch would have no name for screen readers.',
      );

    if (c.required) {
      const notNecessary = c.services
        .map((s) => presetById(s.preset))
        .filter((p) => p && p.category !== 'necessary')
        .map((p) => p!.label);
      if (notNecessary.length || NOT_NECESSARY.test(`${c.id} ${c.label}`))
        add(
          'warning',
          `${at}.required`,
          notNecessary.length
            ? `“${c.label}” is always on, and it holds ${notNecessary.join(', ')}.`
            : `“${c.label}” is always on, but its name says it is not strictly necessary.`,
          `Always on means the visitor has no choice. Only what the site cannot work without may skip consent (ePrivacy Directive art. 5(3)); regulators have fined sites for analytics and advertising cookies set without it.`,
        );
    } else {
      if (!c.description.trim())
        add(
          'note',
          `${at}.description`,
          `“${c.label || c.id}” has no description.`,
          'A sentence on what the category is for is what makes the choice an informed one (GDPR art. 4(11)).',
        );
      if (!c.services.length)
        add(
          'note',
          `${at}.services`,
          `“${c.label || c.id}” lists no services.`,
          'The preferences then show the category alone. List the tools it covers, so that visitors can see who gets their data; a category with nothing in it can be removed.',
        );
      const marketing = c.services.some((s) => presetById(s.preset)?.category === 'marketing');
      if (marketing && !c.gpc)
        add(
          'note',
          `${at}.gpc`,
          `“${c.label || c.id}” holds advertising services but does not follow Global Privacy Control.`,
          'California (CCPA/CPRA) and Colorado require sites to treat a GPC signal as an opt-out of selling or sharing data and of targeted ads.',
        );
    }
    if (c.optOutDefault && draft.mode === 'opt-out' && !c.required)
      add('warning', `${at}.default`, `“${c.label || c.id}” runs before the visitor decides.`, CONSENT_FIRST);

    const serviceIds = new Map<string, number>();
    for (const s of c.services) serviceIds.set(s.id, (serviceIds.get(s.id) ?? 0) + 1);
    for (const s of c.services) {
      const sat = `${at}.services.${s.id}`;
      if ((serviceIds.get(s.id) ?? 0) > 1)
        add(
          'error',
          sat,
          `Two services of “${c.label || c.id}” have the id “${s.id}”: the second would replace the first.`,
          'Give each service its own id.',
        );
      if (!s.label.trim())
        add(
          'warning',
          `${sat}.label`,
          'This service has no name.',
          'Visitors cannot tell who gets their data.',
        );
      if (!s.preset && !s.cookies.some((x) => x.trim()) && !s.scriptUrl.trim())
        add(
          'note',
          `${sat}.cookies`,
          `“${s.label || s.id}” names no cookies.`,
          'When a visitor declines it, the library deletes the cookies listed here; without them, cookies the service already set stay.',
        );
    }
  }

  // A banner in one other language with the categories' English names: the library shows those as written.
  if (draft.language !== 'auto' && draft.language !== 'en') {
    const english = new Set([...Object.values(STANDARD).map(([label]) => label), 'New category']);
    for (const c of draft.categories) {
      if (english.has(c.label))
        add(
          'note',
          `categories.${c.id}.label`,
          `“${c.label}” is an English name, and the banner is always in “${draft.language}”.`,
          'Category and service names are shown as written, in every language: write them in the banner’s language.',
        );
      for (const s of c.services) {
        const preset = presetById(s.preset);
        if (preset && s.description === preset.description)
          add(
            'note',
            `categories.${c.id}.services.${s.id}.description`,
            `The description of ${s.label || s.id} is the preset’s, in English.`,
            'Visitors read it under the service’s name: write it in the banner’s language.',
          );
      }
    }
  }

  const google = draft.categories.flatMap((c) => c.services).find((s) => GOOGLE.includes(s.preset ?? ''));
  if (google && !draft.gcm.on)
    add(
      'note',
      'googleConsentMode',
      `${google.label} is on the list, and Google Consent Mode is off.`,
      'Google expects Consent Mode v2 for visitors in the EEA and the UK: without it Google Ads keeps no remarketing or conversion modelling for them (Google’s EU user consent policy, since March 2024).',
    );

  if (draft.ui.blocking)
    add(
      'note',
      'ui.blocking',
      'The banner blocks the page until the visitor decides.',
      'Allowed while declining is as easy as accepting, as it is here; access to the site must not depend on accepting (EDPB Guidelines 05/2020 on consent, points 39–41, on cookie walls).',
    );

  if (/^http:/i.test(draft.addons.consentLogUrl.trim()))
    add(
      'warning',
      'consentLog.url',
      'The consent log is sent over plain http.',
      'Consent records are personal data: send them over https (GDPR art. 32).',
    );

  for (const [code, sections] of Object.entries(draft.texts)) {
    for (const [section, keys] of Object.entries(sections)) {
      for (const [key, value] of Object.entries(keys)) {
        if (value.trim()) continue;
        const path = code === 'en' ? `texts.${section}.${key}` : `translations.${code}.${section}.${key}`;
        add(
          'warning',
          path,
          'This text is empty: the banner would show nothing there.',
          key === 'rejectAll'
            ? 'Declining must be as easy and as clear as accepting, on the first layer (EDPB cookie banner taskforce report, January 2023).'
            : 'Reset it to the shipped text, or write your own.',
        );
      }
    }
  }

  const themes_ = draft.ui.theme === 'auto' ? (['light', 'dark'] as const) : [draft.ui.theme];
  for (const theme of themes_) {
    for (const p of contrastProblems(draft.style[theme], themes[theme])) {
      add(
        'warning',
        `style.${theme}.${p.field}`,
        `${p.pair}: contrast ${p.ratio.toFixed(2)}:1, under ${p.needed}:1 (${theme} theme).`,
        p.needed === 4.5
          ? 'Text under 4.5:1 is hard to read for many visitors (WCAG 2.2, success criterion 1.4.3).'
          : 'Controls and the focus ring need 3:1 to be seen (WCAG 2.2, success criterion 1.4.11).',
      );
    }
  }
  return out;
}
