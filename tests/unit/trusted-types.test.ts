// The Trusted Types policy of src/gating/scripts.ts, with a stand-in for the browser's trustedTypes
// (jsdom has none): made lazily, once, named "consent-gate", passing the site's own code through.
import { describe, expect, it, vi } from 'vitest';
import * as cg from '../../src/index';
import { decisionJSON, demoConfig, freshPage, setConsentCookie } from './helpers';

freshPage();

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('Trusted Types', () => {
  it('creates the "consent-gate" policy only when a script is released, once, and passes values through', async () => {
    const made: string[] = [];
    const createPolicy = vi.fn(
      (_name: string, rules: Record<'createScript' | 'createScriptURL', (s: string) => string>) => ({
        createScript: (s: string) => {
          made.push('script:' + s);
          return rules.createScript(s);
        },
        createScriptURL: (s: string) => {
          made.push('url:' + s);
          return rules.createScriptURL(s);
        },
      }),
    );
    (window as unknown as { trustedTypes: unknown }).trustedTypes = { createPolicy };
    try {
      document.body.innerHTML = `
        <script type="text/plain" data-category="analytics" data-src="/a.js" onload="this.dataset.ran = 'yes'"></script>
        <script type="text/plain" data-category="analytics">/* inline */</script>
        <iframe data-category="analytics" data-src="/frame.html"></iframe>`;
      cg.init(demoConfig());
      await flush();
      // Nothing released yet: no policy either (a page that never consents never needs one).
      expect(createPolicy).not.toHaveBeenCalled();
      cg.acceptAll();
      await flush();
      document.querySelector<HTMLScriptElement>('script[src="/a.js"]')!.dispatchEvent(new Event('load'));
      await flush();
      expect(createPolicy).toHaveBeenCalledOnce();
      expect(createPolicy.mock.calls[0][0]).toBe('consent-gate');
      expect(made.sort()).toEqual(
        ["script:this.dataset.ran = 'yes'", 'script:/* inline */', 'url:/a.js', 'url:/frame.html'].sort(),
      );
      // The onload attribute went through the policy and still works.
      expect(document.querySelector<HTMLScriptElement>('script[src="/a.js"]')!.dataset.ran).toBe('yes');
      expect(document.querySelector('iframe')!.getAttribute('src')).toBe('/frame.html');
      // Another page load's worth of releases reuses the same policy.
      cg.destroy();
      setConsentCookie(decisionJSON());
      document.body.innerHTML = '<script type="text/plain" data-category="analytics">/* again */</script>';
      cg.init(demoConfig());
      await flush();
      expect(made).toContain('script:/* again */');
      expect(createPolicy).toHaveBeenCalledOnce();
    } finally {
      delete (window as unknown as { trustedTypes?: unknown }).trustedTypes;
    }
  });
});
