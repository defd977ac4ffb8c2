// Presets by name (issue 13): a JSON config's `{ "preset": "googleAnalytics" }`, resolved from the
// presets file (dist/consent-gate.presets.min.js, src/presets-iife.ts) in the browser and from the
// same source, src/services, on the server. The tag order is tested in Chromium
// (tests/browser/presets.test.ts).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/dom';
import * as cg from '../../src/index';
import * as services from '../../src/services/index';
import { validate } from '../../src/config/validate';
import { textsFor } from '../../src/config/language';
import { hashTexts } from '../../src/integrations/consent-log';
import { presetsByName } from '../../src/services/by-name';
import { textsShown } from '../../src/server/texts';
import { freshPage } from './helpers';
import type { Config } from '../../src/types';

freshPage();
const page = globalThis as { ConsentGatePresets?: unknown };
afterEach(() => delete page.ConsentGatePresets);

const PRESETS = presetsByName(services);

/** A config as a script-tag page writes it, in JSON. */
const config = (services: Record<string, unknown>): Config =>
  JSON.parse(
    JSON.stringify({
      categories: {
        necessary: { label: 'Strictly necessary', required: true },
        analytics: { label: 'Analytics', services },
      },
    }),
  );

describe('presets by name', () => {
  it('a service takes the preset’s fields, its own over them', () => {
    const s = validate(
      config({ ga: { preset: 'googleAnalytics', description: 'Ours.', scripts: [{ src: '/gtag.js' }] } }),
      PRESETS,
    );
    const ga = s.categories.analytics.services.ga;
    expect(ga.label).toBe('Google Analytics');
    expect(ga.description).toBe('Ours.');
    expect(ga.cookies).toEqual(services.googleAnalytics.cookies);
    expect(ga.blocks).toEqual(services.googleAnalytics.blocks);
    expect(ga.scripts).toEqual([{ src: '/gtag.js' }]);
    // The config decides the id and the category: the preset's own are not carried along.
    expect(ga).not.toHaveProperty('id');
    expect(ga).not.toHaveProperty('category');
    expect(ga).not.toHaveProperty('preset');
  });

  it('are every preset of consent-gate/services, by export name', () => {
    const names = Object.keys(services).filter((name) => name != 'servicesFrom');
    expect(Object.keys(PRESETS).sort()).toEqual(names.sort());
    expect(names.length).toBeGreaterThan(20);
  });

  it('an unknown name is a config error naming the path and the known names', () => {
    const bad = () => validate(config({ ga: { preset: 'googleAnalytic' } }), PRESETS);
    expect(bad).toThrow(cg.ConsentGateConfigError);
    expect(bad).toThrow(
      `categories.analytics.services.ga.preset must be one of: ${Object.keys(PRESETS).join(', ')} (got "googleAnalytic")`,
    );
    expect(() => validate(config({ ga: { preset: 7 } }), PRESETS)).toThrow(
      /\.preset must be one of: .*\(got number\)$/,
    );
  });

  it('without the presets file, the error says which file the name needs', () => {
    expect(() => validate(config({ ga: { preset: 'googleAnalytics' } }))).toThrow(
      'categories.analytics.services.ga.preset must be a preset of consent-gate.presets.min.js, which is not loaded (got "googleAnalytics")',
    );
  });

  it('the presets file leaves them on the page and says so; init() then takes names', async () => {
    const heard = vi.fn();
    addEventListener('consent-gate:presets', heard);
    await import('../../src/presets-iife');
    removeEventListener('consent-gate:presets', heard);
    expect(heard).toHaveBeenCalledOnce();
    expect(page.ConsentGatePresets).toEqual(PRESETS);

    cg.init(config({ 'google-analytics': { preset: 'googleAnalytics' }, hotjar: { preset: 'hotjar' } }));
    cg.showPreferences();
    const prefs = screen.getByRole('dialog', { name: 'Cookie preferences' });
    within(prefs).getByRole('radiogroup', { name: 'Google Analytics' });
    within(prefs).getByText(services.hotjar.description!);
  });

  it('the server knows them too, and rebuilds the texts a page with the presets file hashed', async () => {
    const site = config({ 'google-analytics': { preset: 'googleAnalytics' } });
    page.ConsentGatePresets = PRESETS;
    const s = validate(site);
    delete page.ConsentGatePresets;
    const [, browser] = await hashTexts(s, textsFor(s, 'en'));
    const server = await textsShown(site, 'en');
    expect(server.hash).toBe(browser);
    expect(server.shown).toContain(services.googleAnalytics.description);
  });
});
