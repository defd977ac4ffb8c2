// The reports: text for the terminal, a self-contained HTML page, JSON without screenshots. What comes
// from the audited site is escaped: a cookie named like markup stays text.
import { describe, expect, it } from 'vitest';
import { jsonReport } from '../../src/audit/command';
import { htmlReport } from '../../src/audit/report-html';
import { textReport } from '../../src/audit/report-text';
import { suggestConfig } from '../../src/audit/suggest';
import type { AuditReport, CookieRecord } from '../../src/audit/types';

const PAGE = 'https://shop.example/';
const hostile = '<img src=x onerror=alert(1)>';

function report(): AuditReport {
  const cookie: CookieRecord = {
    page: PAGE,
    name: hostile,
    domain: 'shop.example',
    path: '/',
    expires: null,
    httpOnly: false,
    secure: false,
    sameSite: 'Lax',
    firstParty: true,
    setBy: 'script',
    script: 'https://shop.example/"><script>alert(2)</script>',
    class: 'unknown',
    phase: 'before-consent',
    t: 120,
    writes: 1,
  };
  const finding = {
    kind: 'cookie-before-consent' as const,
    detail: `"${hostile}", an unknown cookie on shop.example, was set before any choice.`,
    page: PAGE,
    phase: 'before-consent' as const,
    cookie: { name: hostile, domain: 'shop.example', expires: null, setBy: 'script' as const },
  };
  return {
    tool: 'consent-gate audit',
    version: '0.1.0',
    startedAt: '2026-11-24T12:00:00.000Z',
    seconds: 9.5,
    browser: 'Chromium 156.0.8078.114',
    options: {
      urls: [PAGE],
      maxPages: 1,
      waitMs: 15000,
      idleMs: 2500,
      viewport: { width: 1280, height: 800 },
      cookies: [],
      gpc: false,
      necessary: [],
    },
    verdict: 'fail',
    findings: [finding],
    cookies: [cookie],
    requests: [],
    storage: [],
    pages: [
      {
        url: PAGE,
        finalUrl: PAGE,
        site: 'shop.example',
        dialog: { name: `Cookies ${hostile}`, where: 'div[role=dialog]', shadow: false },
        skipped: {
          'after-decline': 'the consent dialog offers no way to reject',
          'after-reload': 'the consent dialog offers no way to reject',
          'after-accept': 'x',
        },
        phases: [
          {
            phase: 'before-consent',
            t: 0,
            duration: 3000,
            timedOut: true,
            screenshot: 'AAAA',
            errors: ['TypeError: <b>boom</b>'],
          },
        ],
        findings: [finding],
        cookies: [cookie],
        requests: [],
        storage: [],
        links: [],
        seconds: 9.5,
      },
    ],
    suggestion: suggestConfig({ cookies: [cookie], requests: [], storage: [] }),
  };
}

describe('the HTML report', () => {
  it('escapes everything from the site and runs nothing', () => {
    const html = htmlReport(report());
    expect(html).not.toContain(hostile);
    expect(html).not.toContain('<script>alert(2)');
    expect(html).not.toContain('<b>boom</b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,
    );
  });

  it('starts with the verdict, and says what each finding means and what to do', () => {
    const html = htmlReport(report());
    expect(html.indexOf('class="verdict fail"')).toBeLessThan(html.indexOf('<h2>Findings</h2>'));
    expect(html).toContain('<strong>1 finding on this page</strong>');
    expect(html).toContain('Cookie set before any choice');
    expect(html).toMatch(/What to do:<\/strong> Hold the script/);
    expect(html).toContain('the network never went quiet');
    expect(html).toContain('Not run: the consent dialog offers no way to reject.');
  });
});

describe('the text report', () => {
  it('ends with the verdict line', () => {
    const text = textReport(report(), { json: 'r.json' });
    expect(text).toMatch(/cookie-before-consent {2}"<img/);
    expect(text.trim().split('\n').pop()).toBe('FAIL: 1 finding on 1 page.');
    expect(text).toContain('Reports: JSON r.json');
  });
});

describe('the JSON report', () => {
  it('has everything but the screenshots', () => {
    const json = JSON.parse(jsonReport(report()));
    expect(json.pages[0].phases[0]).not.toHaveProperty('screenshot');
    expect(json.findings[0]).toMatchObject({
      kind: 'cookie-before-consent',
      phase: 'before-consent',
      cookie: { name: hostile },
    });
    expect(json.suggestion.unknownCookies).toEqual([
      {
        name: hostile,
        domain: 'shop.example',
        setBy: 'script',
        script: 'https://shop.example/"><script>alert(2)</script>',
      },
    ]);
  });
});
