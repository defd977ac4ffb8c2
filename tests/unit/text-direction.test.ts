// Texts that come from the config take their own direction (issue 13): dir="auto" on each element
// that holds one, so that an English description in a right-to-left page keeps its full stop at its
// end instead of at its start (".make here"). The look is checked in the RTL screenshots.
import { expect, it } from 'vitest';
import { screen, within } from '@testing-library/dom';
import * as cg from '../../src/index';
import { EN } from '../../src/config/texts';
import { demoConfig, freshPage } from './helpers';

freshPage();

/** A Hebrew page whose config keeps the site's English texts and labels. */
const he = { ...EN, banner: { ...EN.banner, title: 'אנחנו משתמשים בעוגיות' } };

it('every config text sits in an element with dir="auto", in a right-to-left UI', () => {
  const config = demoConfig({ language: 'he', translations: { he } });
  config.categories.analytics.services!.hotjar.description = 'Surveys on the page.';
  cg.init(config);
  const banner = screen.getByRole('dialog', { name: 'אנחנו משתמשים בעוגיות' });
  expect(banner.closest('.cg-root')!.getAttribute('dir')).toBe('rtl');
  const holding = (root: HTMLElement, text: string) =>
    within(root).getByText(text, { ignore: 'script, style, button' });
  for (const text of ['אנחנו משתמשים בעוגיות', EN.banner.description])
    expect(holding(banner, text).getAttribute('dir'), text).toBe('auto');

  cg.showPreferences();
  const prefs = screen.getByRole('dialog', { name: EN.preferences.title });
  for (const text of [
    EN.preferences.title,
    EN.preferences.description,
    'Analytics', // a category's label
    'Tools that measure how the site is used.', // its description
    'Google Analytics', // a service's name (the legend)
    'Surveys on the page.', // a service's description
  ])
    expect(holding(prefs, text).getAttribute('dir'), text).toBe('auto');
});
