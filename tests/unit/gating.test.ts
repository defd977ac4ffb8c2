import { beforeEach, describe, expect, it, vi } from 'vitest';
// Inline scripts here run in jsdom's own global, reached from the test through document.defaultView.
import * as cg from '../../src/index';
import { decisionJSON, demoConfig, freshPage, setConsentCookie } from './helpers';
import type { Config } from '../../src/types';

freshPage();

// jsdom does not execute scripts; these tests check what is inserted, when and in which order.
// The real-browser suite checks that they run.
const flush = () => new Promise((r) => setTimeout(r, 0));
const jsdomGlobal = () => document.defaultView as unknown as { n: number };
const ran = () => (document.defaultView as unknown as { ran: string[] }).ran;
beforeEach(() => {
  (document.defaultView as unknown as { ran: string[] }).ran = [];
});
const live = () => [...document.querySelectorAll('script:not([type="text/plain"])')] as HTMLScriptElement[];

describe('gated markup', () => {
  it('holds scripts back until consent, then replaces each with a fresh script carrying its attributes', async () => {
    document.body.innerHTML = `
      <script type="text/plain" id="a" data-category="analytics" data-service="google-analytics" data-src="/ga.js" data-foo="1" crossorigin="anonymous" async></script>
      <script type="text/plain" id="b" data-category="analytics" data-service="google-analytics" data-type="module">document.defaultView.ran.push('gtag')</script>`;
    cg.init(demoConfig());
    await flush();
    expect(live()).toHaveLength(0);
    cg.acceptAll();
    await flush();
    const [a, b] = live();
    expect(a.id).toBe('a');
    expect(a.getAttribute('src')).toBe('/ga.js');
    expect(a.hasAttribute('data-src')).toBe(false);
    expect(a.hasAttribute('type')).toBe(false);
    expect(a.getAttribute('data-foo')).toBe('1');
    expect(a.getAttribute('crossorigin')).toBe('anonymous');
    expect(b.type).toBe('module');
    expect(b.textContent).toBe("document.defaultView.ran.push('gtag')");
    expect(document.querySelectorAll('script[type="text/plain"]')).toHaveLength(0);
  });

  it('waits for a non-async external script to load before the next one starts', async () => {
    document.body.innerHTML = `
      <script type="text/plain" data-category="analytics" data-src="/lib.js"></script>
      <script type="text/plain" data-category="analytics">document.defaultView.ran.push('after')</script>`;
    cg.init(demoConfig());
    cg.acceptAll();
    await flush();
    expect(live()).toHaveLength(1);
    expect(ran()).toEqual([]);
    live()[0].dispatchEvent(new Event('load'));
    await flush();
    expect(ran()).toEqual(['after']);
  });

  it('skips what is queued behind a loading script once the visitor declines, and runs it after a later acceptance', async () => {
    // A service of its own: what ran is remembered per page (this file), across destroy() and init().
    const config = demoConfig();
    config.categories.analytics.services!['tag-manager'] = {
      label: 'Tag manager',
      scripts: [{ src: '/gtag.js' }, { inline: "document.defaultView.ran.push('config')" }],
    };
    document.body.innerHTML = `
      <script type="text/plain" id="m" data-category="analytics">document.defaultView.ran.push('markup')</script>`;
    cg.init(config);
    cg.acceptAll();
    await flush();
    expect(live().map((s) => s.getAttribute('src'))).toEqual(['/gtag.js']);
    cg.rejectAll();
    live()[0].dispatchEvent(new Event('load'));
    await flush();
    expect(ran()).toEqual([]);
    expect(live()).toHaveLength(1);
    expect(document.querySelectorAll('script[type="text/plain"]')).toHaveLength(1);

    cg.acceptAll();
    await flush();
    expect(ran()).toEqual(['config', 'markup']);
    // The one that had loaded is not injected again.
    expect(live().filter((s) => s.getAttribute('src') == '/gtag.js')).toHaveLength(1);
  });

  it('keeps a declined service blocked while its category runs', async () => {
    document.body.innerHTML = `
      <script type="text/plain" id="ga" data-category="analytics" data-service="google-analytics">document.defaultView.ran.push('ga')</script>
      <script type="text/plain" id="hj" data-category="analytics" data-service="hotjar">document.defaultView.ran.push('hj')</script>`;
    cg.init(demoConfig());
    cg.update({ analytics: { hotjar: true } });
    await flush();
    expect(live().map((s) => s.id)).toEqual(['hj']);
    expect(ran()).toEqual(['hj']);
  });

  it('runs "!category" scripts only once that category is declined', async () => {
    document.body.innerHTML = `<script type="text/plain" id="n" data-category="!analytics">document.defaultView.ran.push('fallback')</script>`;
    cg.init(demoConfig());
    await flush();
    expect(live()).toHaveLength(0);
    cg.rejectAll();
    await flush();
    expect(ran()).toEqual(['fallback']);
  });

  it('releases iframe, img and video sources only after consent', async () => {
    document.body.innerHTML = `
      <iframe data-category="analytics" data-src="/embed.html" title="x"></iframe>
      <img data-category="analytics" data-src="/pixel.gif" alt="">
      <video data-category="marketing" data-src="/v.mp4"></video>`;
    cg.init(demoConfig());
    expect(document.querySelector('iframe')!.hasAttribute('src')).toBe(false);
    cg.update({ analytics: true });
    expect(document.querySelector('iframe')!.getAttribute('src')).toBe('/embed.html');
    expect(document.querySelector('img')!.getAttribute('src')).toBe('/pixel.gif');
    expect(document.querySelector('video')!.hasAttribute('src')).toBe(false);
  });

  it('releases a <video> with <source data-src> children with its category, and has it choose a source again', () => {
    document.body.innerHTML = `
      <video data-category="marketing"><source data-src="/v.webm" type="video/webm"><source data-src="/v.mp4" type="video/mp4"></video>`;
    const video = document.querySelector('video')!;
    const load = vi.spyOn(video, 'load').mockImplementation(() => {});
    cg.init(demoConfig());
    cg.update({ analytics: true });
    const sources = () =>
      [...video.querySelectorAll('source')].map((s) => [s.getAttribute('src'), s.hasAttribute('data-src')]);
    expect(sources()).toEqual([
      [null, true],
      [null, true],
    ]);
    expect(load).not.toHaveBeenCalled();
    cg.update({ marketing: true });
    expect(sources()).toEqual([
      ['/v.webm', false],
      ['/v.mp4', false],
    ]);
    // Once for both sources: each load() would abort the one before.
    expect(load).toHaveBeenCalledTimes(1);
    cg.update({ marketing: true, analytics: false });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('leaves a child of a released video that is gated on its own to its own category', () => {
    document.body.innerHTML = `
      <video data-category="analytics" data-src="/v.mp4">
        <track data-src="/captions.vtt" kind="captions">
        <img data-category="marketing" data-src="/tracker.gif" alt="">
      </video>`;
    const video = document.querySelector('video')!;
    const load = vi.spyOn(video, 'load').mockImplementation(() => {});
    cg.init(demoConfig());
    cg.update({ analytics: true });
    expect(video.getAttribute('src')).toBe('/v.mp4');
    expect(document.querySelector('track')!.getAttribute('src')).toBe('/captions.vtt');
    // Marketing is declined: the fallback's pixel stays held back.
    expect(document.querySelector('img')!.hasAttribute('src')).toBe(false);
    expect(load).toHaveBeenCalledTimes(1);
    cg.update({ marketing: true });
    expect(document.querySelector('img')!.getAttribute('src')).toBe('/tracker.gif');
  });

  it('a <source> gated on its own category: released with it, its video chooses again', () => {
    document.body.innerHTML = `<video data-category="analytics"><source data-category="marketing" data-src="/v.mp4"></video>`;
    const video = document.querySelector('video')!;
    const load = vi.spyOn(video, 'load').mockImplementation(() => {});
    cg.init(demoConfig());
    cg.update({ analytics: true });
    expect(document.querySelector('source')!.hasAttribute('src')).toBe(false);
    expect(load).not.toHaveBeenCalled();
    cg.update({ marketing: true });
    expect(document.querySelector('source')!.getAttribute('src')).toBe('/v.mp4');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a video with data-src of its own and no gated children: its src starts the load, no load() call', () => {
    document.body.innerHTML = `<video data-category="analytics" data-src="/v.mp4"><source src="/plain.mp4"></video>`;
    const video = document.querySelector('video')!;
    const load = vi.spyOn(video, 'load').mockImplementation(() => {});
    cg.init(demoConfig());
    cg.update({ analytics: true });
    expect(video.getAttribute('src')).toBe('/v.mp4');
    expect(load).not.toHaveBeenCalled();
  });

  it('runs each script once, however often consent is given', async () => {
    document.body.innerHTML = `<script type="text/plain" data-category="analytics">document.defaultView.ran.push('x')</script>`;
    cg.init(demoConfig());
    cg.acceptAll();
    cg.acceptAll();
    cg.update({ analytics: true });
    await flush();
    expect(ran()).toEqual(['x']);
  });

  it('a held-back script taken out of the page before its turn does not run, until the page puts it back', async () => {
    setConsentCookie(decisionJSON());
    document.body.innerHTML = `
      <script type="text/plain" data-category="analytics">document.defaultView.ran.push('first')</script>
      <script type="text/plain" data-category="analytics" id="second">document.defaultView.ran.push('second')</script>
      <p>The end</p>`;
    cg.init(demoConfig());
    // Queued at init, run in order from the next microtask: removed before its turn.
    const second = document.getElementById('second')!;
    second.remove();
    await flush();
    expect(ran()).toEqual(['first']);
    expect(document.head.querySelector('script')).toBeNull();
    document.body.append(second);
    await flush();
    expect(ran()).toEqual(['first', 'second']);
  });

  it('picks up gated markup added after init', async () => {
    setConsentCookie(decisionJSON());
    cg.init(demoConfig());
    document.body.insertAdjacentHTML(
      'beforeend',
      `<script type="text/plain" data-category="analytics">document.defaultView.ran.push('late')</script>`,
    );
    await flush();
    expect(ran()).toEqual(['late']);
  });

  it('warns about unlisted services (which follow their category) and unknown categories (which stay blocked)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    document.body.innerHTML = `
      <script type="text/plain" id="u" data-category="analytics" data-service="matomo">document.defaultView.ran.push('m')</script>
      <script type="text/plain" id="x" data-category="ads">document.defaultView.ran.push('ads')</script>`;
    cg.init(demoConfig());
    cg.acceptAll();
    await flush();
    expect(ran()).toEqual(['m']);
    expect(warn.mock.calls.join('\n')).toMatch(
      /data-service="matomo" is not in categories\.analytics\.services: list it so that visitors see it/,
    );
    expect(warn.mock.calls.join('\n')).toMatch(
      /data-category="ads" is not a category of the config: it stays blocked/,
    );
  });

  it('gives injected scripts the configured nonce', async () => {
    document.body.innerHTML = `<script type="text/plain" data-category="analytics">document.defaultView.ran.push('x')</script>`;
    cg.init(demoConfig({ nonce: 'abc123' }));
    cg.acceptAll();
    await flush();
    expect(live()[0].nonce).toBe('abc123');
  });

  it('while the page is parsed, a gated script that nothing follows yet waits (its text may be incomplete)', async () => {
    setConsentCookie(decisionJSON());
    const state = vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    jsdomGlobal().n = 0;
    document.body.innerHTML =
      '<script type="text/plain" data-category="analytics">document.defaultView.n++</script>';
    cg.init(demoConfig());
    await flush();
    expect(jsdomGlobal().n).toBe(0);
    document.body.append(document.createElement('p'));
    await flush();
    expect(jsdomGlobal().n).toBe(1);
    state.mockRestore();
  });
});

describe('configured scripts and services', () => {
  const withScripts = () => {
    const cfg = demoConfig();
    const ga = cfg.categories.analytics.services!['google-analytics'];
    ga.scripts = [
      { src: '/gtag.js', async: true, attrs: { 'data-x': 'y' } },
      { inline: "document.defaultView.ran.push('gtag-config')" },
    ];
    ga.onAccept = vi.fn();
    ga.onReject = vi.fn();
    return { cfg, ga };
  };

  it("injects a service's scripts into <head> once it is accepted, and calls onAccept", async () => {
    const { cfg, ga } = withScripts();
    cg.init(cfg);
    await flush();
    expect(document.head.querySelectorAll('script')).toHaveLength(0);
    cg.acceptAll();
    await flush();
    const s = [...document.head.querySelectorAll('script')];
    expect(s.map((e) => e.getAttribute('src') || e.textContent)).toEqual([
      '/gtag.js',
      "document.defaultView.ran.push('gtag-config')",
    ]);
    expect(s[0].async && s[0].getAttribute('data-x') == 'y').toBe(true);
    expect(ga.onAccept).toHaveBeenCalledOnce();
    cg.acceptAll();
    await flush();
    expect(document.head.querySelectorAll('script')).toHaveLength(2);
  });

  it("on decline deletes the service's cookies and calls onReject; later declines too", async () => {
    const { cfg, ga } = withScripts();
    document.cookie = '_ga=GA1.1.1; path=/';
    document.cookie = '_ga_XYZ=GS1; path=/';
    document.cookie = '_gid=1; path=/';
    document.cookie = 'keep=1; path=/';
    cg.init(cfg);
    cg.rejectAll();
    expect(document.cookie).not.toMatch(/_ga|_gid/);
    expect(document.cookie).toMatch(/keep=1/);
    expect(ga.onReject).toHaveBeenCalledOnce();
    cg.acceptAll();
    document.cookie = '_ga=GA1.1.2; path=/';
    cg.update({ analytics: { 'google-analytics': false } });
    expect(document.cookie).not.toMatch(/_ga=/);
    expect(ga.onReject).toHaveBeenCalledTimes(2);
  });

  it('register() runs a new service at once in an accepted category, and not in a declined one', async () => {
    setConsentCookie(decisionJSON());
    cg.init(demoConfig());
    const onAccept = vi.fn();
    cg.register('analytics', 'matomo', {
      label: 'Matomo',
      scripts: [{ inline: "document.defaultView.ran.push('matomo')" }],
      onAccept,
    });
    await flush();
    expect(ran()).toEqual(['matomo']);
    expect(onAccept).toHaveBeenCalledOnce();
    cg.register('marketing', 'pixel', {
      label: 'Pixel',
      scripts: [{ inline: "document.defaultView.ran.push('pixel')" }],
    });
    await flush();
    expect(ran()).toEqual(['matomo']);
  });

  it('register() validates its input like init', () => {
    expect(() => cg.register('analytics', 'x', { label: 'X' })).toThrow(
      new cg.ConsentGateConfigError('register("analytics", "x"): needs init() first'),
    );
    cg.init(demoConfig());
    expect(() => cg.register('nope', 'x', { label: 'X' })).toThrow(/"nope" is not a category/);
    expect(() => cg.register('analytics', 'x', { label: 'X', scripts: [{ src: 1 as never }] })).toThrow(
      'register("analytics", "x").scripts[0].src must be a string (got number)',
    );
  });

  // Scripts run once per page (the test file), so each test gives its scripts a tag of its own.
  const withRequiredService = (onAccept = vi.fn(), tag = ''): Config => ({
    categories: {
      necessary: {
        label: 'N',
        required: true,
        services: {
          lb: { label: 'Load balancer', scripts: [{ inline: 'document.defaultView.n++' + tag }], onAccept },
        },
      },
      analytics: {
        label: 'A',
        services: { ga: { label: 'GA', scripts: [{ inline: 'document.defaultView.n += 100' + tag }] } },
      },
    },
  });

  it('runs required services (scripts and onAccept) at once, before any decision, and only once', async () => {
    jsdomGlobal().n = 0;
    const onAccept = vi.fn();
    cg.init(withRequiredService(onAccept));
    await flush();
    expect(jsdomGlobal().n).toBe(1);
    expect(onAccept).toHaveBeenCalledOnce();
    cg.rejectAll();
    await flush();
    expect(jsdomGlobal().n).toBe(1);
    expect(onAccept).toHaveBeenCalledOnce();
  });

  it('destroy() then init() does not run configured scripts a second time', async () => {
    jsdomGlobal().n = 0;
    cg.init(withRequiredService(vi.fn(), ';'));
    cg.acceptAll();
    cg.destroy();
    cg.init(withRequiredService(vi.fn(), ';'));
    await flush();
    expect(jsdomGlobal().n).toBe(101);
  });

  it('register() accepts ids that are Object.prototype names', async () => {
    setConsentCookie(decisionJSON());
    cg.init(demoConfig());
    const onAccept = vi.fn();
    cg.register('analytics', 'constructor', { label: 'C', onAccept });
    expect(onAccept).toHaveBeenCalledOnce();
  });
});
