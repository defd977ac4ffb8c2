// Runs IN THE PAGE, not in Node: bundled once into an IIFE (locate.ts) and injected into a page the
// first time a locator is used there, as window.__cgLocate. Role, name, text and label queries are
// Testing Library's (and its dom-accessibility-api), so that "the button named Accept all" means the
// same thing in every engine, whatever the engine's own accessibility tree says.
import { queryAllByLabelText, queryAllByRole, type ByRoleOptions } from '@testing-library/dom';
import type { Matcher, Step } from './steps';

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Playwright's rules: a string matches case-insensitively anywhere, or exactly; a RegExp tests. */
function matches(matcher: Matcher, text: string, exact = false): boolean {
  const value = normalize(text);
  if ('re' in matcher) return new RegExp(matcher.re, matcher.flags).test(value);
  return exact
    ? value === normalize(matcher.s)
    : value.toLowerCase().includes(normalize(matcher.s).toLowerCase());
}

const SKIP_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD']);

/** The deepest elements whose text matches: a match none of whose child elements matches too. */
function byText(root: Element, matcher: Matcher, exact?: boolean): Element[] {
  const found: Element[] = [];
  const visit = (el: Element): boolean => {
    if (SKIP_TEXT.has(el.tagName)) return false;
    let childMatched = false;
    for (const child of Array.from(el.children)) childMatched = visit(child) || childMatched;
    if (childMatched) return true;
    if (matches(matcher, el.textContent ?? '', exact)) {
      found.push(el);
      return true;
    }
    return false;
  };
  for (const child of Array.from(root.children)) visit(child);
  return found;
}

/** Visible as Playwright means it: a non-empty box, and not visibility:hidden. */
export function isVisible(el: Element): boolean {
  const style = getComputedStyle(el);
  if (style.display === 'contents') return Array.from(el.children).some(isVisible);
  if (style.visibility !== 'visible') return false;
  return Array.from(el.getClientRects()).some((r) => r.width > 0 && r.height > 0);
}

function inDocumentOrder(elements: Element[]): Element[] {
  return [...new Set(elements)].sort((a, b) => {
    if (a === b) return 0;
    return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
}

function apply(step: Step, current: Element[]): Element[] {
  if ('css' in step)
    return inDocumentOrder(current.flatMap((root) => Array.from(root.querySelectorAll(step.css))));
  if ('role' in step) {
    const options: ByRoleOptions = { hidden: step.includeHidden ?? false };
    if (step.name) options.name = (name: string) => matches(step.name!, name, step.exact);
    if (step.checked !== undefined) options.checked = step.checked;
    if (step.level !== undefined) options.level = step.level;
    if (step.pressed !== undefined) options.pressed = step.pressed;
    if (step.expanded !== undefined) options.expanded = step.expanded;
    if (step.selected !== undefined) options.selected = step.selected;
    return inDocumentOrder(
      current.flatMap((root) => queryAllByRole(root as HTMLElement, step.role, options)),
    );
  }
  if ('text' in step) return inDocumentOrder(current.flatMap((root) => byText(root, step.text, step.exact)));
  if ('label' in step) {
    return inDocumentOrder(
      current.flatMap((root) =>
        queryAllByLabelText(root as HTMLElement, (content) => matches(step.label, content, step.exact)),
      ),
    );
  }
  if ('nth' in step) {
    const el = step.nth < 0 ? current[current.length + step.nth] : current[step.nth];
    return el ? [el] : [];
  }
  if ('or' in step) return inDocumentOrder([...current, ...resolve(step.or)]);
  if ('filter' in step) {
    const f = step.filter;
    return current.filter(
      (el) =>
        (!f.hasText || matches(f.hasText, el.textContent ?? '')) &&
        (!f.hasNotText || !matches(f.hasNotText, el.textContent ?? '')) &&
        (!f.has || resolve(f.has, [el]).length > 0) &&
        (!f.hasNot || resolve(f.hasNot, [el]).length === 0) &&
        (f.visible === undefined || isVisible(el) === f.visible),
    );
  }
  throw new Error(`unknown locator step ${JSON.stringify(step)}`);
}

/** The elements a chain of steps finds, in document order. */
export function resolve(steps: Step[], roots: Element[] = [document.documentElement]): Element[] {
  return steps.reduce((current, step) => apply(step, current), roots);
}

/** What a waiting action hears back while its element is not ready yet. */
export interface NotYet {
  __cgNotYet: string;
}

function notYet(reason: string): NotYet {
  return { __cgNotYet: reason };
}

/**
 * The one element `steps` find, ready for `need` (attached, visible, or visible and enabled); or why
 * not yet. More than one element is an error, as in Playwright's strict mode.
 */
export function one(
  steps: Step[],
  description: string,
  need: 'attached' | 'visible' | 'enabled',
): Element | NotYet {
  const found = resolve(steps);
  if (found.length === 0) return notYet(`no element for ${description}`);
  if (found.length > 1) {
    const list = found.slice(0, 5).map((el) => el.outerHTML.slice(0, 100));
    throw new Error(`strict mode: ${description} found ${found.length} elements:\n  ${list.join('\n  ')}`);
  }
  const el = found[0]!;
  if (need !== 'attached' && !isVisible(el)) return notYet(`${description} is not visible`);
  if (need === 'enabled' && (el as HTMLButtonElement).disabled) return notYet(`${description} is disabled`);
  return el;
}

/** For waitFor({ state }): whether the state is reached. */
export function reached(steps: Step[], state: 'attached' | 'detached' | 'visible' | 'hidden'): boolean {
  const found = resolve(steps);
  if (state === 'attached') return found.length > 0;
  if (state === 'detached') return found.length === 0;
  if (state === 'visible') return found.some(isVisible);
  return !found.some(isVisible);
}

/** Per element, for the locator's reading methods. */
export function describeAll(steps: Step[]): { visible: boolean; text: string }[] {
  return resolve(steps).map((el) => ({ visible: isVisible(el), text: el.textContent ?? '' }));
}

/** A same-origin frame's URL, or any frame's src, for the Node side to evaluate in that frame. */
export function frameUrl(steps: Step[], description: string): string | NotYet {
  const frame = one(steps, description, 'attached');
  if (!(frame instanceof Element)) return frame;
  if (!(frame instanceof HTMLIFrameElement)) throw new Error(`${description} is not an <iframe>`);
  let url: string;
  try {
    url = frame.contentWindow?.location.href ?? '';
  } catch {
    url = frame.src; // cross-origin: its src is what the engine knows it by
  }
  return url && url !== 'about:blank' ? url : notYet(`${description} has not loaded`);
}
