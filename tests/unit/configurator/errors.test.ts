// The library's own errors, for drafts a person can make in the form, land on the field that
// caused them, in words.
import { describe, expect, it } from 'vitest';
import { fieldFor, inWords, pathSegments, readError } from '../../../configurator/src/model/errors';
import { toConfig } from '../../../configurator/src/model/config';
import { newDraft, type Draft } from '../../../configurator/src/model/draft';
import { SHIPPED, verdict } from './support';

/** The fields as the form registers them, by the path each writes. */
const FIELDS = [
  'categories.necessary',
  'categories.necessary.label',
  'categories.analytics',
  'categories.analytics.label',
  'categories.1st',
  'categories.analytics.services.chat',
  'categories.analytics.services.chat.cookies',
  'categories.analytics.services.chat.scripts',
  'cookie.expiresAfterDays',
  'googleConsentMode.ad_storage',
  'googleConsentMode.waitForUpdate',
  'revision',
].map((p) => ({ path: pathSegments(p), field: p }));

function libraryError(change: (d: Draft) => void): string {
  const draft = newDraft();
  change(draft);
  const { error } = verdict(toConfig(draft, SHIPPED));
  expect(error?.name).toBe('ConsentGateConfigError');
  return error!.message;
}

const chat = {
  id: 'chat',
  label: 'Chat',
  description: '',
  cookies: [] as string[],
  blocks: [] as string[],
  scriptUrl: '',
};

describe('the library’s errors, read back', () => {
  it.each([
    [
      'a lifetime over 395 days',
      (d: Draft) => (d.days = 500),
      'cookie.expiresAfterDays',
      'It must be a number of days from 1 to 395.',
    ],
    [
      'an empty lifetime',
      (d: Draft) => (d.days = null),
      'cookie.expiresAfterDays',
      'It must be a number of days from 1 to 395; it is empty.',
    ],
    [
      'a category id starting with a digit',
      (d: Draft) => (d.categories[1].id = '1st'),
      'categories.1st',
      'It must be made of letters, digits, - and _, starting with a letter; it is “1st”.',
    ],
    [
      'a broken cookie pattern',
      (d: Draft) => d.categories[1].services.push({ ...chat, cookies: ['/[/'] }),
      'categories.analytics.services.chat.cookies',
      'It must be a string, a RegExp or "/regex/"; it is “/[/”.',
    ],
    [
      'a Consent Mode map naming a removed category',
      (d: Draft) => {
        d.gcm.on = true;
        d.gcm.map = {
          analytics_storage: 'analytics',
          ad_storage: 'marketing',
          ad_user_data: '',
          ad_personalization: '',
          functionality_storage: '',
          personalization_storage: '',
          security_storage: '',
        };
        d.categories.pop();
      },
      'googleConsentMode.ad_storage',
      'It must be one of “necessary”, “analytics”, “granted”; it is “marketing”.',
    ],
    ['a revision of 1.5', (d: Draft) => (d.revision = 1.5), 'revision', 'It must be a whole number >= 0.'],
  ])('%s', (_, change, field, words) => {
    const message = libraryError(change as (d: Draft) => void);
    const read = readError(message)!;
    expect(fieldFor(read.path, FIELDS)).toBe(field);
    expect(inWords(read)).toBe(words);
  });

  it('reads a path with brackets and indexes', () => {
    expect(pathSegments('categories["a b"].services.x.scripts[0].src')).toEqual([
      'categories',
      'a b',
      'services',
      'x',
      'scripts',
      '0',
      'src',
    ]);
    expect(readError('the config must be an object (got "x")')).toEqual({
      path: [],
      expected: 'an object',
      got: '"x"',
    });
    expect(readError('something else')).toBeNull();
    expect(fieldFor(['nowhere'], FIELDS)).toBeUndefined();
  });
});
