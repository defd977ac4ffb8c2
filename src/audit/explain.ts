// What each kind of finding means and what to do about it, in the words of the HTML report (the
// documentation, docs/audit.md, says the same at more length).
import type { FindingKind } from './types';

export const EXPLAIN: Record<FindingKind, { title: string; fix: string }> = {
  'cookie-before-consent': {
    title: 'Cookie set before any choice',
    fix: 'Hold the script (or the server code) that sets it back until its category is accepted: mark the tag up with type="text/plain" data-category, or list the service with its blocks for auto-blocking. If the cookie is strictly necessary, say so with --necessary.',
  },
  'tracker-before-consent': {
    title: 'Tracker called before any choice',
    fix: 'Gate the tag: type="text/plain" data-category="…" data-service="…" on the script, or the auto-blocking add-on with the preset. A tag manager loads tags itself: gate the container, or the tags inside it.',
  },
  'storage-before-consent': {
    title: 'Tracker storage written before any choice',
    fix: 'Storage needs the same consent as cookies: gate the script that writes it.',
  },
  'no-consent-dialog': {
    title: 'No consent dialog',
    fix: 'The page stores or calls what needs consent, but asks for none. Add a consent manager and gate those scripts, or remove them.',
  },
  'no-reject-on-first-layer': {
    title: 'No reject on the first layer',
    fix: 'Put a reject button (Decline all) beside Accept all, on the same layer: refusing must take no more clicks than accepting.',
  },
  'reject-less-prominent': {
    title: 'Reject less prominent than accept',
    fix: 'Give both buttons the same size, weight and style: a reject that is harder to see or hit is not a free choice.',
  },
  'reject-not-honoured': {
    title: 'Decline all not honoured',
    fix: 'Something runs whatever the visitor chose: gate it on its category, and check that the consent manager does not load it on Decline all.',
  },
  'consent-not-remembered': {
    title: 'The choice was forgotten',
    fix: 'The dialog asked again after a reload: the decision is not stored (or not read). Check the consent cookie: its path, domain, expiry, and that it is written at all.',
  },
  'gpc-not-honoured': {
    title: 'Global Privacy Control not honoured',
    fix: 'The browser asked not to sell or share data, yet Accept all turned on advertising. Mark such categories gpc: true; only an explicit switch in the preferences should turn them on.',
  },
};
