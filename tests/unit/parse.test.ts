import { describe, expect, it } from 'vitest';
import { validate } from '../../src/config/validate';
import { parse } from '../../src/consent/parse';
import { decisionJSON, demoConfig } from './helpers';

const s = validate(demoConfig());
const now = Date.now();
const day = 864e5;

describe('parsing a stored decision', () => {
  it('accepts a well-formed current decision and returns a clean copy', () => {
    const c = parse(decisionJSON({ extra: 'ignored', gpc: true }), s, now);
    expect(c).not.toBeNull();
    expect(c!.categories).toEqual({ necessary: true, analytics: true, marketing: false });
    expect(c!.gpc).toBe(true);
    expect('extra' in c!).toBe(false);
  });

  const hostile: [string, unknown][] = [
    ['not a string', 42],
    ['empty', ''],
    ['truncated JSON', decisionJSON().slice(0, -5)],
    ['an array', '[]'],
    ['null', 'null'],
    ['absurdly long', decisionJSON({ pad: 'x'.repeat(5000) })],
    ['wrong revision', decisionJSON({ revision: 1 })],
    ['revision as a string', decisionJSON({ revision: '0' })],
    ['a missing category', decisionJSON({ categories: { necessary: true, analytics: true } })],
    [
      'a category as a string',
      decisionJSON({ categories: { necessary: true, analytics: 'true', marketing: false } }),
    ],
    ['services not an object', decisionJSON({ services: [] })],
    ['a service as a number', decisionJSON({ services: { analytics: { 'google-analytics': 1 } } })],
    ['an id with markup', decisionJSON({ id: '<img src=x onerror=alert(1)>' })],
    ['an updatedAt in the future', decisionJSON({ updatedAt: new Date(now + 2 * day).toISOString() })],
    [
      'an expired decision',
      decisionJSON({
        givenAt: new Date(now - 200 * day).toISOString(),
        updatedAt: new Date(now - 183 * day).toISOString(),
      }),
    ],
    ['a non-ISO date', decisionJSON({ updatedAt: 'yesterday' })],
    ['a date that only looks ISO', decisionJSON({ updatedAt: '2026-02-30T00:00:00.000Z' })],
    [
      'givenAt after updatedAt',
      decisionJSON({ givenAt: new Date(now + 1000).toISOString(), updatedAt: new Date(now).toISOString() }),
    ],
    ['gpc as a string', decisionJSON({ gpc: 'yes' })],
  ];
  it.each(hostile)('treats %s as no decision', (_, raw) => {
    expect(parse(raw, s, now)).toBeNull();
  });

  it('never lets __proto__ keys grant or pollute anything', () => {
    const t = new Date(now).toISOString();
    const head = `{"id":"3f1c2b9e-8f7a-4c3d-9b2a-1e2f3a4b5c6d","revision":0,"givenAt":"${t}","updatedAt":"${t}",`;
    // A __proto__ map among the categories is not a boolean: the whole value is no decision.
    expect(
      parse(
        head +
          '"categories":{"necessary":true,"analytics":false,"marketing":false,"__proto__":{"analytics":true}},"services":{}}',
        s,
        now,
      ),
    ).toBeNull();
    // We never write __proto__, so any value carrying one, at any level, is someone else's.
    const body = '"categories":{"necessary":true,"analytics":false,"marketing":false},"services":{';
    expect(parse(head + body + '"analytics":{"__proto__":true}}}', s, now)).toBeNull();
    expect(parse(head + body + '"__proto__":{"x":true}}}', s, now)).toBeNull();
    expect(parse(head + body + '}, "__proto__":{"polluted":true}}', s, now)).toBeNull();
    expect(parse(head + body + '}}', s, now)).not.toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('drops categories the config no longer has, keeps unknown services of known ones', () => {
    const c = parse(
      decisionJSON({
        categories: { necessary: true, analytics: true, marketing: false, old: true },
        services: { analytics: { youtube: false }, old: { x: true } },
      }),
      s,
      now,
    );
    expect(c!.categories).not.toHaveProperty('old');
    expect(c!.services).toEqual({ analytics: { youtube: false } });
  });
});
