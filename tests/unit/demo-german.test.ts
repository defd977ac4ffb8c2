// The demo at /?lang=de (examples/index.html with examples/options.js) is German throughout, its own
// category texts included (issue 13): the page's config and options script, the package's de.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/dom';
import * as cg from '../../src/index';
import { EN } from '../../src/config/texts';
import { freshPage } from './helpers';

freshPage();
afterEach(() => {
  vi.unstubAllGlobals();
  history.replaceState(null, '', '/');
});

const read = (file: string) => readFileSync(join(__dirname, '../..', file), 'utf8');
const html = read('examples/index.html');
const configText = /<script type="application\/json" id="consent-gate-config">([\s\S]*?)<\/script>/.exec(
  html,
)![1];

it('the demo at ?lang=de shows German preferences, its category texts too', async () => {
  history.replaceState(null, '', '/?lang=de');
  const el = document.createElement('script');
  el.type = 'application/json';
  el.id = 'consent-gate-config';
  el.textContent = configText;
  document.head.append(el);
  // What the page runs before the library reads its config.
  new Function(read('examples/options.js'))();
  const fetch = vi.fn(async () => new Response(read('i18n/de.json')));
  vi.stubGlobal('fetch', fetch);
  const warn = vi.spyOn(console, 'warn');

  const config = JSON.parse(el.textContent!);
  cg.init(config);
  await screen.findByRole('dialog', { name: 'Wir verwenden Cookies' });
  expect(fetch).toHaveBeenCalledWith('/dist/i18n/de.json');
  cg.showPreferences();
  const prefs = screen.getByRole('dialog', { name: 'Cookie-Einstellungen' });

  // No text of the dialog is one of the English ones: the library's, or the demo config's own.
  const english = new Set<string>();
  for (const part of Object.values(EN)) for (const text of Object.values(part)) english.add(text as string);
  for (const category of Object.values<any>(JSON.parse(configText).categories)) {
    english.add(category.label);
    if (category.description) english.add(category.description);
  }
  const walker = document.createTreeWalker(prefs, NodeFilter.SHOW_TEXT);
  const shown: string[] = [];
  while (walker.nextNode())
    if (walker.currentNode.textContent!.trim()) shown.push(walker.currentNode.textContent!);
  expect(shown).toContain('Statistik');
  expect(shown).toContain('Unbedingt erforderlich');
  expect(shown.filter((text) => english.has(text))).toEqual([]);
  expect(warn).not.toHaveBeenCalled();
});
