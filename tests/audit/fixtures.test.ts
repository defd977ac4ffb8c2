// The audit on sites built to hide one problem each (tests/audit/fixtures/), with their trackers on
// other loopback addresses: each must produce the findings it hides, and no others. The clean sites
// (consent-gate, consent-gate in German, vanilla-cookieconsent) must produce none.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runAudit } from '../../src/audit/audit';
import type { AuditOptions, AuditReport, FindingKind, Phase } from '../../src/audit/types';
import { describeBrowser } from './chromium';
import { startFixtures, type Fixtures } from './fixture-server';

const KINDS: FindingKind[] = [
  'cookie-before-consent',
  'tracker-before-consent',
  'storage-before-consent',
  'no-consent-dialog',
  'no-reject-on-first-layer',
  'reject-less-prominent',
  'reject-not-honoured',
  'consent-not-remembered',
  'gpc-not-honoured',
];

const kinds = (report: AuditReport) => [...new Set(report.findings.map((f) => f.kind))].sort();

/** Exactly these kinds of finding, and no others. */
function expectKinds(report: AuditReport, expected: FindingKind[]): void {
  expect(kinds(report), report.findings.map((f) => `${f.kind}: ${f.detail}`).join('\n')).toEqual(
    [...expected].sort(),
  );
  expect(KINDS).toEqual(expect.arrayContaining(expected));
}

/** The fixture pages are working pages: nothing broke in them while the audit ran. */
function expectNoPageErrors(report: AuditReport): void {
  expect(report.pages.flatMap((p) => p.phases.flatMap((ph) => ph.errors))).toEqual([]);
}

const trackers = (report: AuditReport, phase: Phase) =>
  [
    ...new Set(report.requests.filter((r) => r.phase === phase && r.tracker).map((r) => r.service!.id)),
  ].sort();

describeBrowser('consent-gate audit on the fixture sites', () => {
  let fixtures: Fixtures;
  beforeAll(async () => {
    fixtures = await startFixtures();
  });
  afterAll(async () => {
    await fixtures?.close();
  });

  // Short waits keep the suite quick; the late tag fires 800 ms after load, inside a 1 s quiet time.
  const audit = (path: string, more: Partial<AuditOptions> = {}) =>
    runAudit({ urls: [`${fixtures.site}${path}`], idleMs: 1_000, waitMs: 10_000, ...more });

  it('finds nothing on a clean consent-gate site, and sees what Accept all turns on', async () => {
    const report = await audit('/clean/');
    expectKinds(report, []);
    expect(report.verdict).toBe('pass');
    expectNoPageErrors(report);
    const page = report.pages[0];
    expect(page.dialog).toMatchObject({
      name: 'We use cookies',
      cmp: 'consent-gate',
      lang: 'en',
      shadow: false,
    });
    expect(page.decline).toEqual({ clicks: ['Decline all'], depth: 1, via: 'reject' });
    expect(page.phases.map((p) => p.phase)).toEqual([
      'before-consent',
      'after-decline',
      'after-reload',
      'after-accept',
    ]);
    expect(page.phases.every((p) => p.screenshot && p.screenshot.length > 1000)).toBe(true);
    // The dialog is there before the choice, gone after it, and stays away after the reload.
    expect(page.phases.map((p) => !!p.dialog)).toEqual([true, false, false, false]);

    // Before any choice: only the web font from another site, listed but not a tracker.
    const early = report.requests.filter((r) => r.phase === 'before-consent' && r.thirdParty);
    expect(early.map((r) => [new URL(r.url).pathname, r.site, r.tracker, r.service])).toEqual([
      ['/fonts.googleapis.com/css2', '127.0.0.3', false, undefined],
    ]);
    expect(report.cookies.filter((c) => c.phase === 'before-consent')).toEqual([]);

    // After Decline all: the consent record, written by the library.
    expect(report.cookies.filter((c) => c.phase === 'after-decline')).toEqual([
      expect.objectContaining({
        name: 'cg_consent',
        class: 'consent',
        setBy: 'script',
        script: `${fixtures.site}/dist/consent-gate.min.js`,
      }),
    ]);

    // After Accept all: both services, their cookies by script (document.cookie, CookieStore) and by header.
    expect(trackers(report, 'after-accept')).toEqual(['google-analytics', 'meta-pixel']);
    const accepted = Object.fromEntries(
      report.cookies.filter((c) => c.phase === 'after-accept').map((c) => [c.name, c]),
    );
    expect(accepted._ga).toMatchObject({
      domain: '127.0.0.1',
      firstParty: true,
      setBy: 'script',
      api: 'document.cookie',
      script: `${fixtures.trackerA}/www.googletagmanager.com/gtag/js?id=G-CLEAN01`,
      class: 'tracker',
      service: { id: 'google-analytics', category: 'analytics' },
    });
    // gtag.js asks for two years; the report gives the expiry the browser kept: Chromium caps it at 400 days.
    const days = (Date.parse(accepted._ga.expires!) - Date.now()) / (24 * 3600 * 1000);
    expect(days).toBeGreaterThan(399);
    expect(days).toBeLessThanOrEqual(400);
    expect(accepted._fbp).toMatchObject({
      api: 'cookieStore',
      setBy: 'script',
      service: { id: 'meta-pixel' },
    });
    expect(accepted.fr).toMatchObject({
      domain: '127.0.0.2',
      firstParty: false,
      setBy: 'header',
      httpOnly: true,
      response: `${fixtures.trackerA}/www.facebook.com/tr/?id=1234567890&ev=PageView&noscript=1`,
      service: { id: 'meta-pixel' },
    });
    // The gated tag is started by the library: the initiator the browser gives.
    const gtag = report.requests.find((r) => r.phase === 'after-accept' && r.url.includes('/gtag/js'));
    expect(gtag?.initiator).toBe(`${fixtures.site}/dist/consent-gate.min.js`);

    expect(report.suggestion.services.map((s) => s.id).sort()).toEqual(['google-analytics', 'meta-pixel']);
    expect(Object.keys(report.suggestion.config.categories)).toEqual(['necessary', 'analytics', 'marketing']);
    expect(report.suggestion.unknownCookies).toEqual([]);
  });

  it('finds a Meta Pixel pasted into the theme outside the gate, before any choice and after Decline all', async () => {
    const report = await audit('/leak/');
    expectKinds(report, ['cookie-before-consent', 'tracker-before-consent', 'reject-not-honoured']);
    expectNoPageErrors(report);
    const tracker = report.findings.find((f) => f.kind === 'tracker-before-consent')!;
    expect(tracker).toMatchObject({
      phase: 'before-consent',
      service: { id: 'meta-pixel' },
      url: `${fixtures.trackerA}/connect.facebook.net/en_US/fbevents.js`,
      // The tag is in the page's own markup: the page is the initiator.
      initiator: `${fixtures.site}/leak/`,
    });
    const early = report.findings.filter((f) => f.kind === 'cookie-before-consent');
    expect(early.map((f) => [f.cookie!.name, f.cookie!.domain, f.cookie!.setBy, f.initiator])).toEqual([
      ['_fbp', '127.0.0.1', 'script', `${fixtures.trackerA}/connect.facebook.net/en_US/fbevents.js`],
      [
        'fr',
        '127.0.0.2',
        'header',
        `${fixtures.trackerA}/www.facebook.com/tr/?id=1234567890&ev=PageView&noscript=1`,
      ],
    ]);
    // Decline all itself loads nothing new; the reload brings the pixel back.
    const after = report.findings.filter((f) => f.kind === 'reject-not-honoured');
    expect([...new Set(after.map((f) => f.phase))]).toEqual(['after-reload']);
    expect(after.some((f) => f.url?.includes('fbevents.js'))).toBe(true);
    // The pixel writes _fbp again on the reload. (Whether consent-gate deletes it again at once depends on
    // which of the two scripts runs first; written it was, and that counts: see records.test.ts.)
    expect(after.find((f) => f.cookie?.name === '_fbp')).toMatchObject({
      phase: 'after-reload',
      service: { id: 'meta-pixel' },
    });
  });

  it('finds a site with no consent dialog at all, and the cookie its server sets', async () => {
    const report = await audit('/no-banner/');
    expectKinds(report, ['cookie-before-consent', 'tracker-before-consent', 'no-consent-dialog']);
    expectNoPageErrors(report);
    const page = report.pages[0];
    expect(page.dialog).toBeUndefined();
    expect(page.phases.map((p) => p.phase)).toEqual(['before-consent']);
    expect(page.skipped).toEqual({
      'after-decline': 'no consent dialog was found',
      'after-reload': 'no consent dialog was found',
      'after-accept': 'no consent dialog was found',
    });
    const cookies = report.findings.filter((f) => f.kind === 'cookie-before-consent').map((f) => f.cookie!);
    expect(cookies).toContainEqual(
      expect.objectContaining({ name: 'visitor_id', setBy: 'header', domain: '127.0.0.1' }),
    );
    expect(cookies).toContainEqual(expect.objectContaining({ name: '_ga', setBy: 'script' }));
    // The chat widget no preset knows: a request to another site, listed to classify, not a tracker.
    const widget = report.requests.find((r) => r.url.includes('widget.js'))!;
    expect(widget).toMatchObject({ thirdParty: true, tracker: false, site: '127.0.0.3' });
    expect(report.findings.some((f) => f.url?.includes('widget.js'))).toBe(false);
    expect(report.suggestion.unknownScripts).toEqual([
      { url: `${fixtures.trackerB}/cdn.chatvendor.example/widget.js`, site: '127.0.0.3', type: 'script' },
    ]);
    expect(report.suggestion.unknownCookies).toEqual([
      { name: 'visitor_id', domain: '127.0.0.1', setBy: 'header' },
    ]);
  });

  it('finds a Decline all that loads the tracker anyway, in a banner inside a shadow root', async () => {
    const report = await audit('/decline-ignored/');
    expectKinds(report, ['reject-not-honoured']);
    expectNoPageErrors(report);
    expect(report.pages[0].dialog).toMatchObject({
      name: 'Cookies on Northside Books',
      shadow: true,
      where: 'site-consent[role=dialog]',
    });
    const after = report.findings.filter((f) => f.kind === 'reject-not-honoured');
    expect([...new Set(after.map((f) => f.phase))].sort()).toEqual(['after-decline', 'after-reload']);
    expect(after.filter((f) => f.url).map((f) => f.service?.id)).toEqual([
      'google-analytics',
      'google-analytics',
    ]);
    expect(after.filter((f) => f.cookie).map((f) => f.cookie!.name)).toContain('_ga');
  });

  it('finds a reject that is only on the second layer, and follows it there', async () => {
    const report = await audit('/second-layer/');
    expectKinds(report, ['no-reject-on-first-layer']);
    expectNoPageErrors(report);
    const page = report.pages[0];
    expect(page.dialog?.reject).toBeUndefined();
    expect(page.decline).toMatchObject({ clicks: ['Settings', 'Reject all'], depth: 2, via: 'reject' });
    expect(page.decline?.secondLayer?.name).toBe('Cookie settings');
    // Rejecting there works: nothing after it, and the choice is kept.
    expect(trackers(report, 'after-decline')).toEqual([]);
    expect(trackers(report, 'after-reload')).toEqual([]);
    expect(trackers(report, 'after-accept')).toEqual(['google-analytics']);
  });

  it('finds a site that forgets the choice (the decision cookie stored under another path)', async () => {
    const report = await audit('/forgets/');
    expectKinds(report, ['consent-not-remembered']);
    expectNoPageErrors(report);
    expect(report.pages[0].dialogAfterReload?.name).toBe('We use cookies');
    expect(report.findings[0].phase).toBe('after-reload');
  });

  it('waits for a tag fired late by a tag loader, and finds it with its loader as initiator', async () => {
    const report = await audit('/late/');
    expectKinds(report, [
      'cookie-before-consent',
      'tracker-before-consent',
      'storage-before-consent',
      'reject-not-honoured',
    ]);
    expectNoPageErrors(report);
    const tracker = report.findings.find((f) => f.kind === 'tracker-before-consent')!;
    expect(tracker).toMatchObject({ service: { id: 'hotjar' }, initiator: `${fixtures.site}/late/tags.js` });
    const storage = report.findings.find((f) => f.kind === 'storage-before-consent')!;
    expect(storage.storage).toEqual({
      kind: 'localStorage',
      origin: fixtures.site,
      key: '_hjSession_3712345',
    });
    expect(storage.initiator).toBe(`${fixtures.trackerB}/static.hotjar.com/c/hotjar-3712345.js?sv=6`);

    // It came well after the page had loaded and the network had gone quiet: the wait found it.
    const page = report.requests.find((r) => r.phase === 'before-consent' && r.type === 'document')!;
    const hotjar = report.requests.find((r) => r.phase === 'before-consent' && r.service?.id === 'hotjar')!;
    expect(hotjar.t - page.t).toBeGreaterThanOrEqual(800);
  });

  it('finds the dialog in the page’s language (German) and finds nothing wrong', async () => {
    const report = await audit('/german/');
    expectKinds(report, []);
    expectNoPageErrors(report);
    const page = report.pages[0];
    expect(page.lang).toBe('de');
    expect(page.dialog).toMatchObject({ name: 'Wir verwenden Cookies', lang: 'de' });
    expect(page.dialog?.accept?.text).toBe('Alle akzeptieren');
    expect(page.decline?.clicks).toEqual(['Alle ablehnen']);
    expect(trackers(report, 'after-accept')).toEqual(['google-analytics']);
  });

  it('audits a site with another consent manager (vanilla-cookieconsent) and finds nothing wrong', async () => {
    const report = await audit('/other-cmp/');
    expectKinds(report, []);
    expectNoPageErrors(report);
    const page = report.pages[0];
    expect(page.dialog).toMatchObject({ name: 'We use cookies', cmp: 'vanilla-cookieconsent' });
    expect(page.decline?.clicks).toEqual(['Reject all']);
    expect(report.cookies.find((c) => c.name === 'cc_cookie')?.class).toBe('consent');
    expect(trackers(report, 'after-accept')).toEqual(['google-analytics', 'meta-pixel']);
  });

  it('with --gpc: finds advertising turned on by Accept all, where consent-gate (gpc: true) keeps it off', async () => {
    const other = await audit('/other-cmp/', { gpc: true });
    expectKinds(other, ['gpc-not-honoured']);
    expect(other.findings[0]).toMatchObject({ phase: 'after-accept', service: { id: 'meta-pixel' } });
    const ours = await audit('/clean/', { gpc: true });
    expectKinds(ours, []);
    expect(trackers(ours, 'after-accept')).toEqual(['google-analytics']);
  });

  it('finds a reject that is there but in small grey print', async () => {
    const report = await audit('/nudge/');
    expectKinds(report, ['reject-less-prominent']);
    expectNoPageErrors(report);
    const finding = report.findings[0];
    expect(finding.measured?.reasons.join('\n')).toMatch(/less than half the size/);
    expect(finding.measured?.reasons.join('\n')).toMatch(/plain text/);
    expect(finding.measured?.reasons.join('\n')).toMatch(/hard to read/);
  });

  it('audits a returning visitor who declined: no dialog expected, trackers still found', async () => {
    const now = new Date().toISOString();
    const declined = {
      id: '0b7a6b0e-3c1f-4d2a-9e55-6f7d2c1a8b90',
      revision: 0,
      givenAt: now,
      updatedAt: now,
      categories: { necessary: true, analytics: false, marketing: false },
      services: { analytics: { 'google-analytics': false }, marketing: { 'meta-pixel': false } },
    };
    const cookies = [{ name: 'cg_consent', value: encodeURIComponent(JSON.stringify(declined)) }];
    const clean = await audit('/clean/', { cookies });
    expectKinds(clean, []);
    expect(clean.pages[0].dialog).toBeUndefined();
    expect(clean.pages[0].skipped['after-decline']).toMatch(/returning visitor/);
    // The planted cookie is not reported as set by the site.
    expect(clean.cookies.filter((c) => c.name === 'cg_consent')).toEqual([]);

    const leak = await audit('/leak/', { cookies });
    expectKinds(leak, ['cookie-before-consent', 'tracker-before-consent']);
  });

  it('crawls same-site links with maxPages, and nowhere else', async () => {
    const report = await audit('/clean/', { maxPages: 3 });
    expect(report.pages.map((p) => p.url)).toEqual([
      `${fixtures.site}/clean/`,
      `${fixtures.site}/clean/about.html`,
    ]);
    expectKinds(report, []);
  });

  it('ends a phase at the --wait bound when the network never goes quiet, and says so', async () => {
    const report = await audit('/never-quiet/', { waitMs: 2_000 });
    expectKinds(report, []);
    const [first] = report.pages[0].phases;
    expect(first.timedOut).toBe(true);
    expect(first.duration).toBeGreaterThanOrEqual(2_000);
    expect(first.duration).toBeLessThan(6_000);
  });

  it('reports a page it cannot load as an error, not as a pass', async () => {
    const report = await audit('/does-not-exist/');
    expect(report.verdict).toBe('error');
    expect(report.pages[0].error).toMatch(/answered HTTP 404/);
  });
});
