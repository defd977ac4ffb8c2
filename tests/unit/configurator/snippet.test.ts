// The snippet the owner pastes: tags in the order the library needs, its JSON the config itself.
import { describe, expect, it } from 'vitest';
import { toConfig } from '../../../configurator/src/model/config';
import { newDraft } from '../../../configurator/src/model/draft';
import {
  customCss,
  markupExample,
  npmSnippet,
  safeFont,
  scriptSafeJson,
  scriptSnippet,
} from '../../../configurator/src/model/snippet';
import * as services from '../../../src/services/index';
import { SHIPPED } from './support';

const tags = (snippet: string) => [...snippet.matchAll(/<(link|script|style)\b[^>]*>/g)].map((m) => m[0]);

function configIn(snippet: string): unknown {
  const json = /<script type="application\/json" id="consent-gate-config">\n([\s\S]*?)\n<\/script>/.exec(
    snippet,
  )![1];
  return JSON.parse(json);
}

describe('scriptSnippet', () => {
  it('holds the stylesheet, the config, then the library, deferred', () => {
    const draft = newDraft();
    const config = toConfig(draft, SHIPPED);
    const snippet = scriptSnippet(draft, config, '1.2.3');
    expect(tags(snippet)).toEqual([
      '<link rel="stylesheet" href="/consent-gate/consent-gate.css">',
      '<script type="application/json" id="consent-gate-config">',
      '<script src="/consent-gate/consent-gate.min.js" defer>',
    ]);
    expect(configIn(snippet)).toEqual(config);
    expect(snippet).toContain('consent-gate 1.2.3');
  });

  it('loads the add-ons after the library, their stylesheet after its own; without defer for auto-blocking', () => {
    const draft = newDraft();
    draft.filesAt = 'https://static.example.com/cg';
    draft.addons = { embeds: true, autoblock: true, consentLogUrl: 'https://example.com/consent' };
    const snippet = scriptSnippet(draft, toConfig(draft, SHIPPED), '1.0.0');
    expect(tags(snippet)).toEqual([
      '<link rel="stylesheet" href="https://static.example.com/cg/consent-gate.css">',
      '<link rel="stylesheet" href="https://static.example.com/cg/consent-gate.embeds.css">',
      '<script type="application/json" id="consent-gate-config">',
      '<script src="https://static.example.com/cg/consent-gate.min.js">',
      '<script src="https://static.example.com/cg/consent-gate.embeds.min.js">',
      '<script src="https://static.example.com/cg/consent-gate.autoblock.min.js">',
      '<script src="https://static.example.com/cg/consent-gate.consent-log.min.js">',
    ]);
    draft.addons.autoblock = false;
    expect(
      tags(scriptSnippet(draft, toConfig(draft, SHIPPED), '1.0.0')).filter((t) => t.includes(' defer')),
    ).toHaveLength(3);
  });

  it('cannot be ended early by a text that says </script> or <!--', () => {
    const draft = newDraft();
    draft.texts.en = { banner: { title: '</script><script>alert(1)</script><!--' } };
    const config = toConfig(draft, SHIPPED);
    const snippet = scriptSnippet(draft, config, '1.0.0');
    expect(snippet.match(/<\/script>/g)).toHaveLength(2);
    expect(configIn(snippet)).toEqual(config);
    expect(scriptSafeJson('"<"')).toBe('"\\u003c"');
  });

  it('escapes the files’ folder in attributes', () => {
    const draft = newDraft();
    draft.filesAt = '/a"b/';
    expect(
      scriptSnippet(draft, toConfig(draft, SHIPPED), '1').includes('href="/a&quot;b/consent-gate.css"'),
    ).toBe(true);
  });

  it('writes only the custom properties changed, each theme where the library’s stylesheet lets it win', () => {
    const draft = newDraft();
    expect(customCss(draft)).toBe('');
    draft.style.light.accent = '#0b6e4f';
    draft.style.radius = 0;
    draft.style.font = 'inherit';
    expect(customCss(draft)).toBe(
      ':root {\n  --cg-accent: #0b6e4f;\n  --cg-btn-bg: #0b6e4f;\n  --cg-radius: 0rem;\n  --cg-btn-radius: 0rem;\n  --cg-font: inherit;\n}',
    );
    draft.ui.theme = 'dark';
    draft.style.dark.accent = '#5fd3a8';
    expect(customCss(draft)).toContain('.cg-dark {\n  --cg-accent: #5fd3a8;');
    expect(customCss(draft)).not.toContain('#0b6e4f');
    draft.ui.theme = 'auto';
    expect(customCss(draft)).toContain(
      '@media (prefers-color-scheme: dark) {\n  .cg-auto {\n    --cg-accent: #5fd3a8;',
    );
    expect(customCss(draft)).toContain('--cg-accent: #0b6e4f;');
    const snippet = scriptSnippet(draft, toConfig(draft, SHIPPED), '1');
    expect(snippet.indexOf('<style>')).toBeGreaterThan(snippet.indexOf('consent-gate.css'));
  });

  it('keeps a font list inside its declaration', () => {
    expect(safeFont('Inter; } body { display: none </style>')).toBe('Inter  body  display: none /style');
  });
});

describe('npmSnippet', () => {
  it('imports the presets it uses and the add-ons, and spreads a preset only where the owner changed it', () => {
    const draft = newDraft();
    draft.addons.embeds = true;
    draft.categories[1].services.push(
      {
        preset: 'google-analytics',
        id: 'google-analytics',
        label: 'Google Analytics',
        description: services.googleAnalytics.description!,
        cookies: [],
        blocks: [],
        scriptUrl: '',
      },
      {
        preset: 'hotjar',
        id: 'hotjar',
        label: 'Heatmaps',
        description: services.hotjar.description!,
        cookies: [],
        blocks: [],
        scriptUrl: '',
      },
    );
    const code = npmSnippet(draft, toConfig(draft, SHIPPED), services as any);
    expect(code).toContain("import { init, use } from 'consent-gate';");
    expect(code).toContain("import { embeds } from 'consent-gate/embeds';");
    expect(code).toContain("import { googleAnalytics, hotjar } from 'consent-gate/services';");
    expect(code).toContain("import 'consent-gate/styles.css';");
    expect(code).toContain("import 'consent-gate/embeds.css';");
    expect(code).toContain("'google-analytics': googleAnalytics,");
    expect(code).toContain("hotjar: {\n          ...hotjar,\n          label: 'Heatmaps',\n        },");
    expect(code).toContain('use(embeds);');
    // It parses as a module.
    const body = code.replace(/^(import|\/\/).*$/gm, '');
    expect(() => new Function('init', 'use', 'embeds', 'googleAnalytics', 'hotjar', body)).not.toThrow();
  });
});

describe('markupExample', () => {
  it('shows an embed as a held-back iframe, Google Analytics as Google’s snippet, others as a script', () => {
    expect(markupExample('marketing', 'youtube', 'youtube', 'YouTube')).toMatch(
      /^<iframe title="…" width="560" height="315" data-category="marketing" data-service="youtube"\n\s+data-src=/,
    );
    const ga = markupExample('analytics', 'google-analytics', 'google-analytics', 'Google Analytics');
    expect(
      ga.match(/<script type="text\/plain" data-category="analytics" data-service="google-analytics"/g),
    ).toHaveLength(2);
    expect(ga).toContain("gtag('config', 'G-XXXX')");
    expect(markupExample('stats', 'chat', undefined, 'Chat')).toBe(
      '<script type="text/plain" data-category="stats" data-service="chat"\n        data-src="…the URL of Chat’s script…" async></script>',
    );
  });
});
