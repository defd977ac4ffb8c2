// A browser that denies the page its storage (Firefox with "block all cookies": navigator.cookieEnabled
// false, and `new BroadcastChannel()` throws a SecurityError there) still gets the banner, and a
// decision still holds for the page. Found by the Firefox run of tests/browser/double-run.test.ts.
import { afterEach, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/dom';
import * as cg from '../../src/index';
import { demoConfig, freshPage } from './helpers';

freshPage();

const original = window.BroadcastChannel;
afterEach(() => {
  window.BroadcastChannel = original;
});

it('shows the banner and takes a decision when BroadcastChannel throws SecurityError', () => {
  window.BroadcastChannel = class {
    constructor() {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    }
  } as unknown as typeof BroadcastChannel;
  const err = vi.spyOn(console, 'error').mockImplementation(() => {});
  cg.init(demoConfig());
  const banner = screen.getByRole('dialog', { name: 'We use cookies' });
  within(banner).getByRole('button', { name: 'Accept all' }).click();
  expect(cg.isAccepted('analytics')).toBe(true);
  expect(err).not.toHaveBeenCalled();
});
