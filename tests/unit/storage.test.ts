// Storing a decision: what counts as stored is the decision just written reading back, not any valid one.
import { describe, expect, it, vi } from 'vitest';
import * as cg from '../../src/index';
import { validate } from '../../src/config/validate';
import { record, patch } from '../../src/consent/model';
import { writeConsent } from '../../src/storage/cookies';
import { decisionJSON, demoConfig, freshPage, setConsentCookie, storedConsent } from './helpers';

freshPage();

/** From now on the browser takes no cookie (a full jar, or a cookie.domain it refuses); reading still works. */
const refuseNewCookies = () => vi.spyOn(Document.prototype, 'cookie', 'set').mockImplementation(() => {});

describe('writing the decision', () => {
  it('is not stored when the browser refuses it, even though an older valid decision reads back', () => {
    setConsentCookie(decisionJSON());
    const settings = validate(demoConfig());
    const next = record(settings, null, patch(settings, null, false), new Date());
    refuseNewCookies();
    expect(writeConsent(settings, next)).toBe(false);
  });

  it('warns when the new decision was refused while an older one is stored; it still holds for the page', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    setConsentCookie(decisionJSON());
    cg.init(demoConfig());
    expect(cg.isAccepted('analytics')).toBe(true);
    refuseNewCookies();
    cg.rejectAll();
    expect(warn).toHaveBeenCalledWith(
      'consent-gate: the decision could not be stored: cookies blocked, or cookie.domain/sameSite refused',
    );
    expect(cg.isAccepted('analytics')).toBe(false);
    // The old decision is what the next page load will read.
    expect(storedConsent().categories.analytics).toBe(true);
  });
});
