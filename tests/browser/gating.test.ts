// Gating, from the contract's "Gated markup" section, on the fixture pages in ./fixtures. The gated
// scripts there call probe(name) (fixtures/setup.js); t.probes() is the list of calls, in order.
import { expect, it } from 'vitest';
import { describeBrowser, banner, DEFAULT_TITLE, decide, SOON, useBrowser } from './harness';

describeBrowser('gated markup and services', () => {
  const browser = useBrowser();

  /** A fixture page whose banner has come up and whose network is quiet: nothing ran, nothing loaded. */
  async function undecided(fixture: string) {
    const t = await browser.newPage(`/fixtures/${fixture}`);
    await banner(t.page, DEFAULT_TITLE).waitFor();
    await t.settle();
    expect(await t.probes()).toEqual([]);
    return t;
  }

  it('runs gated scripts in document order, each external one finishing before the next starts, never twice', async () => {
    const t = await undecided('order.html');
    expect(t.requested('/fixtures/probe.js')).toBe(false);

    await decide(t.page, 'Accept all', DEFAULT_TITLE);
    const all = ['external-1', 'inline-2', 'external-3', 'inline-4', 'external-5', 'inline-6'];
    await expect.poll(() => t.probes(), SOON).toHaveLength(all.length);
    expect(await t.probes()).toEqual(all);

    // Deciding again in the same page, either way and back, runs nothing a second time.
    await t.page.evaluate(() => {
      window.ConsentGate.rejectAll();
      window.ConsentGate.acceptAll();
    });
    await t.settle();
    expect(await t.probes()).toEqual(all);
  });

  it("keeps the original's onload and onerror attributes working, each handler before the next script starts", async () => {
    const t = await undecided('handlers.html');
    await decide(t.page, 'Accept all', DEFAULT_TITLE);
    const all = [
      'external-1',
      'onload-1',
      'onerror-missing',
      'inline-2',
      'external-module:string',
      'onload-3',
      'inline-4',
    ];
    await expect.poll(() => t.probes(), SOON).toHaveLength(all.length);
    expect(await t.probes()).toEqual(all);
    // The missing script really was missing (a 404), not merely slow.
    expect(t.status('/fixtures/missing.js')).toEqual([404]);
  });

  it('runs a fresh script with the original attributes but type and data-src; data-type sets the type', async () => {
    const t = await undecided('attributes.html');
    await decide(t.page, 'Accept all', DEFAULT_TITLE);
    await expect
      .poll(async () => (await t.probes()).slice().sort(), SOON)
      .toEqual(['attributes', 'external-module:string', 'inline-module:string']);

    const ran = await t.page.evaluate(() => {
      const fresh = [...document.querySelectorAll<HTMLScriptElement>('script[data-foo="bar"]')].filter(
        (script) => script.getAttribute('type') !== 'text/plain',
      );
      const modules = (kind: string) =>
        [...document.querySelectorAll(`script[data-kind="${kind}"]`)].map((script) =>
          script.getAttribute('type'),
        );
      return {
        count: fresh.length,
        attributes: fresh.map((script) => ({
          id: script.id,
          crossorigin: script.getAttribute('crossorigin'),
          referrerpolicy: script.getAttribute('referrerpolicy'),
          category: script.dataset.category,
          service: script.dataset.service,
          src: script.getAttribute('src'),
          hasDataSrc: script.hasAttribute('data-src'),
        })),
        runner: (window as any).__probeRunner.attributes,
        inlineModule: modules('inline-module'),
        externalModule: modules('external-module'),
      };
    });

    expect(ran.count).toBe(1);
    expect(ran.attributes[0]).toEqual({
      id: 'tagged',
      crossorigin: 'anonymous',
      referrerpolicy: 'no-referrer',
      category: 'analytics',
      service: 'probe-service',
      src: '/fixtures/probe.js?name=attributes',
      hasDataSrc: false,
    });
    // The element that actually ran is that fresh one, and it is no longer text/plain.
    expect(ran.runner.id).toBe('tagged');
    expect(ran.runner.foo).toBe('bar');
    expect(ran.runner.type === null || ran.runner.type === 'text/javascript').toBe(true);
    expect(ran.inlineModule).toContain('module');
    expect(ran.externalModule).toContain('module');
  });

  it('runs a data-category="!analytics" script after Decline all, again on the next page load', async () => {
    const t = await undecided('negated.html');
    await decide(t.page, 'Decline all', DEFAULT_TITLE);
    await expect.poll(() => t.probes(), SOON).toEqual(['without-analytics']);

    await t.reload();
    await expect.poll(() => t.probes(), SOON).toEqual(['without-analytics']);
    await t.settle();
    expect(await t.probes()).toEqual(['without-analytics']);
  });

  it('does not run a data-category="!analytics" script after Accept all', async () => {
    const t = await undecided('negated.html');
    await decide(t.page, 'Accept all', DEFAULT_TITLE);
    await expect.poll(() => t.probes(), SOON).toEqual(['with-analytics']);
    await t.settle();
    expect(await t.probes()).toEqual(['with-analytics']);
  });

  it('holds back <iframe data-src>, <img data-src> and a <video> with <source data-src> until consent', async () => {
    const t = await undecided('media.html');
    const frame = t.page.locator('iframe');
    const image = t.page.locator('img');
    const source = t.page.locator('video source');
    expect(t.requested('/fixtures/frame.html')).toBe(false);
    expect(t.requested('/fixtures/pixel.png')).toBe(false);
    expect(await frame.getAttribute('src')).toBeNull();
    expect(await image.getAttribute('src')).toBeNull();
    expect(await source.getAttribute('src')).toBeNull();

    await decide(t.page, 'Accept all', DEFAULT_TITLE);
    await expect.poll(() => frame.getAttribute('src'), SOON).toBe('/fixtures/frame.html');
    await expect.poll(() => image.getAttribute('src'), SOON).toBe('/fixtures/pixel.png');
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), SOON)
      .toBe(1);
    await expect
      .poll(() => t.page.frameLocator('iframe').getByText('Embedded third-party content').count(), SOON)
      .toBe(1);
    expect(t.requested('/fixtures/frame.html')).toBe(true);
    expect(t.requested('/fixtures/pixel.png')).toBe(true);
    // The video chose again among its sources: its source was requested (pixel.png was not, before).
    expect(await source.getAttribute('src')).toBe('/fixtures/pixel.png?video');
    await expect
      .poll(() => t.requests.some((url) => url.endsWith('/fixtures/pixel.png?video')), SOON)
      .toBe(true);
  });

  it('runs the scripts a service lists in the configuration once it is accepted', async () => {
    const t = await undecided('config-scripts.html');
    expect(t.requested('/fixtures/probe.js')).toBe(false);

    await decide(t.page, 'Accept all', DEFAULT_TITLE);
    await expect
      .poll(async () => (await t.probes()).slice().sort(), SOON)
      .toEqual(['config-external', 'config-inline']);
    await t.settle();
    expect(await t.probes()).toHaveLength(2);
  });

  it('register(): holds a new service back until its category is accepted, then runs it at once', async () => {
    const t = await undecided('config-scripts.html');
    const register = (id: string) =>
      t.page.evaluate(
        (id) =>
          window.ConsentGate.register('analytics', id, {
            label: id,
            scripts: [{ inline: `probe('${id}')` }],
          }),
        id,
      );

    await register('early-service');
    await t.settle();
    expect(await t.probes()).toEqual([]);

    await decide(t.page, 'Accept all', DEFAULT_TITLE);
    await expect.poll(() => t.probes(), SOON).toContain('early-service');

    await register('late-service');
    await expect.poll(() => t.probes(), SOON).toContain('late-service');
    await t.settle();
    expect((await t.probes()).filter((name) => name.endsWith('-service'))).toEqual([
      'early-service',
      'late-service',
    ]);
  });

  it('lets an unlisted data-service follow its category, with a console.warn naming it', async () => {
    const t = await browser.newPage();
    t.expectConsole('warning', /unlisted-tool/);
    await t.goto('/fixtures/unlisted.html');
    await banner(t.page, DEFAULT_TITLE).waitFor();
    await t.settle();
    expect(await t.probes()).toEqual([]);

    await decide(t.page, 'Accept all', DEFAULT_TITLE);
    await expect.poll(() => t.probes(), SOON).toEqual(['unlisted']);
  });
});
