// The public types, as a user of the package gets them: imported by the package's own name, so that
// TypeScript resolves them through package.json "exports" to the built dist/consent-gate.d.ts.
// Checked by vitest's typecheck mode (the "types" project): a wrong type fails the run.
import { describe, expectTypeOf, it } from 'vitest';
import {
  ConsentGateConfigError,
  acceptAll,
  destroy,
  getConsent,
  getConsentSnapshot,
  subscribe,
  hideBanner,
  hidePreferences,
  init,
  isAccepted,
  on,
  register,
  rejectAll,
  reset,
  setLanguage,
  showBanner,
  showPreferences,
  update,
  type Changes,
  type Config,
  type Consent,
  type ConsentPatch,
  type ConsentSnapshot,
  type ConsentGateEvent,
  type EventName,
  type ServiceDef,
} from 'consent-gate';

describe('consent-gate public types', () => {
  it('init takes a Config, of which only categories is required', () => {
    expectTypeOf(init).parameters.toEqualTypeOf<[Config]>();
    expectTypeOf(init).returns.toEqualTypeOf<void>();
    expectTypeOf<Config>().toHaveProperty('categories');
    init({ categories: { necessary: { label: 'Necessary', required: true } } });
    init({
      revision: 1,
      policyUrl: '/privacy',
      cookie: { name: 'c', domain: 'example.com', path: '/', sameSite: 'Strict', expiresAfterDays: 30 },
      categories: {
        analytics: {
          label: 'Analytics',
          gpc: true,
          services: {
            ga: {
              label: 'GA',
              scripts: [
                { src: '/ga.js', async: true, attrs: { crossorigin: 'anonymous' } },
                { inline: 'x()', type: 'module' },
              ],
              cookies: ['_gid', /^_ga/],
              onAccept() {},
              onReject() {},
            },
          },
        },
      },
      language: 'auto',
      texts: { banner: { title: 'Cookies?' } },
      translations: { de: { preferences: { save: 'Speichern' } } },
      html: false,
      nonce: 'abc',
      googleConsentMode: { analytics_storage: 'analytics' },
      onConsent: (consent) => expectTypeOf(consent).toEqualTypeOf<Consent>(),
      onChange: (consent, changes) => {
        expectTypeOf(consent).toEqualTypeOf<Consent>();
        expectTypeOf(changes).toEqualTypeOf<Changes>();
      },
    });
    // @ts-expect-error categories is required
    init({});
    // @ts-expect-error a category needs a label
    init({ categories: { analytics: {} } });
    // @ts-expect-error sameSite is one of three words
    init({ categories: {}, cookie: { sameSite: 'lax' } });
    // @ts-expect-error cookie patterns are strings or RegExps
    init({ categories: { a: { label: 'A', services: { s: { label: 'S', cookies: [1] } } } } });
  });

  it('the stored decision', () => {
    expectTypeOf(getConsent).returns.toEqualTypeOf<Consent | null>();
    expectTypeOf<Consent>().toEqualTypeOf<{
      id: string;
      revision: number;
      givenAt: string;
      updatedAt: string;
      categories: Record<string, boolean>;
      services: Record<string, Record<string, boolean>>;
      gpc?: boolean;
    }>();
    // The snapshot for frameworks: read-only all the way down.
    expectTypeOf(getConsentSnapshot).returns.toEqualTypeOf<ConsentSnapshot | null>();
    const snapshot = getConsentSnapshot()!;
    // @ts-expect-error the snapshot is read-only
    snapshot.categories.analytics = true;
    // @ts-expect-error the snapshot is read-only
    snapshot.services.analytics.ga = true;
    expectTypeOf(snapshot.categories.analytics).toEqualTypeOf<boolean>();
    expectTypeOf(subscribe).parameters.toEqualTypeOf<[listener: (consent: ConsentSnapshot | null) => void]>();
    expectTypeOf(subscribe).returns.toEqualTypeOf<() => void>();
    expectTypeOf<ConsentGateEvent['changes']>().toEqualTypeOf<Changes | undefined>();
    expectTypeOf<ConsentGateEvent['detail']>().toEqualTypeOf<Consent | null>();
    expectTypeOf(isAccepted).parameters.toEqualTypeOf<[category: string, service?: string]>();
    expectTypeOf(isAccepted).returns.toEqualTypeOf<boolean>();
  });

  it('decisions and the UI', () => {
    for (const fn of [
      acceptAll,
      rejectAll,
      showBanner,
      hideBanner,
      showPreferences,
      hidePreferences,
      reset,
      destroy,
    ]) {
      expectTypeOf(fn).toEqualTypeOf<() => void>();
    }
    expectTypeOf(update).parameters.toEqualTypeOf<[ConsentPatch]>();
    update({ analytics: true, marketing: { youtube: true } });
    // @ts-expect-error a category is true, false or a map of its services
    update({ analytics: 'yes' });
    expectTypeOf(setLanguage).parameters.toEqualTypeOf<[code: string]>();
    expectTypeOf(register).parameters.toEqualTypeOf<
      [category: string, serviceId: string, service: ServiceDef]
    >();
  });

  it('on(): the events, and what each handler receives', () => {
    expectTypeOf<EventName>().toEqualTypeOf<
      'consent' | 'change' | 'banner:show' | 'banner:hide' | 'preferences:show' | 'preferences:hide'
    >();
    const off = on('change', (consent, changes) => {
      expectTypeOf(consent).toEqualTypeOf<Consent>();
      expectTypeOf(changes).toEqualTypeOf<Changes>();
    });
    expectTypeOf(off).toEqualTypeOf<() => void>();
    on('consent', (consent) => expectTypeOf(consent).toEqualTypeOf<Consent>());
    on('banner:show', (consent) => expectTypeOf(consent).toEqualTypeOf<Consent | null>());
    // @ts-expect-error no such event
    on('accepted', () => {});
    // @ts-expect-error consent handlers get no changes
    on('consent', (_consent: Consent, _changes: Changes) => {});
  });

  it('ConsentGateConfigError is an Error whose name is a literal', () => {
    expectTypeOf<ConsentGateConfigError>().toExtend<Error>();
    expectTypeOf<ConsentGateConfigError['name']>().toEqualTypeOf<'ConsentGateConfigError'>();
    expectTypeOf(ConsentGateConfigError).constructorParameters.toEqualTypeOf<[message: string]>();
  });
});
