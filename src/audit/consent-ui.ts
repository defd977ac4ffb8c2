// Finding the consent dialog in a page, as a person would: a visible box with an accept button, in
// the page or in an open shadow root, named in the page's words. The function below runs in the
// page (sent as source text: it may use nothing from around it) and hands back the elements to click
// and how each button looks, for the equal-prominence check.
import type { ButtonLook, DialogInfo } from './types';
import type { ButtonRole, Phrase } from './vocabulary';

/** Containers consent managers put their dialog in, besides role=dialog and aria-modal. */
export const CMP_CONTAINERS = [
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[aria-modal="true"]',
  'dialog[open]',
  '#onetrust-banner-sdk',
  '#onetrust-pc-sdk',
  '#CybotCookiebotDialog',
  '#usercentrics-root',
  '#uc-banner',
  '.qc-cmp2-container',
  '#didomi-notice',
  '#didomi-popup',
  '.fc-consent-root',
  '#cmpbox',
  '.cky-consent-container',
  '#cookie-law-info-bar',
  '#BorlabsCookieBox',
  '.klaro',
  '#cc-main',
  '.cc-window',
  '#cookiescript_injected',
  '#truste-consent-track',
  '#iubenda-cs-banner',
  '#axeptio_overlay',
  '.cmplz-cookiebanner',
  '#moove_gdpr_cookie_info_bar',
  '#sp_message_container',
  '[id*="cookie-banner" i]',
  '[class*="cookie-banner" i]',
  '[id*="consent-banner" i]',
  '[class*="consent-banner" i]',
  '[id*="cookie-notice" i]',
  '[class*="cookie-notice" i]',
  '[id*="cookie-consent" i]',
  '[class*="cookie-consent" i]',
].join(',');

/** Consent managers told apart by what they leave in the page: [name, global or selector]. */
export const CMP_SIGNS: [string, string][] = [
  ['consent-gate', 'window.ConsentGate'],
  ['vanilla-cookieconsent', 'window.CookieConsent'],
  ['OneTrust', 'window.OneTrust'],
  ['Cookiebot', 'window.Cookiebot'],
  ['Usercentrics', 'window.UC_UI'],
  ['Didomi', 'window.Didomi'],
  ['Quantcast Choice', '.qc-cmp2-container'],
  ['CookieYes', '.cky-consent-container'],
  ['Complianz', '.cmplz-cookiebanner'],
  ['Borlabs Cookie', '#BorlabsCookieBox'],
  ['Klaro', 'window.klaro'],
  ['iubenda', '#iubenda-cs-banner'],
  ['Osano', '.osano-cm-window'],
];

export interface FinderInput {
  phrases: Phrase[];
  containers: string;
  signs: [string, string][];
}

/** What the finder hands back: `info` as data, the elements to click by role. */
export interface FinderResult {
  info: (Omit<DialogInfo, 'frame'> & { found: true }) | { found: false };
  buttons: Partial<Record<ButtonRole, Element>>;
}

export function findConsentUI(input: FinderInput): FinderResult {
  const BUTTONS =
    'button, [role="button"], a, input[type="button"], input[type="submit"], [onclick], [tabindex]';
  const LETTER = /[\p{L}\p{N}]/u;
  const NO_SPACES = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

  const normalise = (text: string) =>
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\s\u200b]+/g, ' ')
      .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
      .trim();

  const parentOf = (el: Element): Element | null => {
    if (el.parentElement) return el.parentElement;
    const root = el.getRootNode();
    return root instanceof ShadowRoot ? root.host : null;
  };

  /** Every element of a subtree, open shadow roots included. */
  const everything = (root: ParentNode, selector: string): Element[] => {
    const out: Element[] = [...root.querySelectorAll(selector)];
    for (const el of root.querySelectorAll('*'))
      if (el.shadowRoot) out.push(...everything(el.shadowRoot, selector));
    return out;
  };

  /** Whether `el` is inside `box`, shadow roots crossed (Node.contains stops at them). */
  const within = (box: Element, el: Element) => {
    for (let e: Element | null = el; e; e = parentOf(e)) if (e === box) return true;
    return false;
  };

  const visible = (el: Element) => {
    const box = el.getBoundingClientRect();
    if (box.width < 2 || box.height < 2) return false;
    const check = (el as any).checkVisibility;
    if (
      check &&
      !check.call(el, {
        checkOpacity: true,
        checkVisibilityCSS: true,
        opacityProperty: true,
        visibilityProperty: true,
      })
    )
      return false;
    const height = Math.max(innerHeight, document.documentElement.scrollHeight);
    return box.bottom > 0 && box.right > 0 && box.top < height && box.left < innerWidth;
  };

  const textOf = (el: Element): string => {
    const label = el.getAttribute('aria-label');
    if (label && label.trim()) return label;
    const by = el.getAttribute('aria-labelledby');
    const root = el.getRootNode() as Document | ShadowRoot;
    if (by) {
      const named = by
        .split(/\s+/)
        .map((id) => root.getElementById?.(id)?.textContent ?? '')
        .join(' ');
      if (named.trim()) return named;
    }
    if (el instanceof HTMLInputElement) return el.value;
    return (el as HTMLElement).innerText ?? el.textContent ?? '';
  };

  const says = (name: string, phrase: string) => {
    for (let at = name.indexOf(phrase); at >= 0; at = name.indexOf(phrase, at + 1)) {
      if (NO_SPACES.test(phrase)) return true;
      const before = name[at - 1];
      const after = name[at + phrase.length];
      if ((!before || !LETTER.test(before)) && (!after || !LETTER.test(after))) return true;
    }
    return false;
  };

  /** The role of a button by its name: the longest phrase it says wins ("Accept only necessary" rejects). */
  const roleOf = (name: string): Phrase | undefined => {
    if (!name || name.length > 60) return undefined;
    let best: Phrase | undefined;
    for (const phrase of input.phrases) {
      if (says(name, phrase[0]) && (!best || phrase[0].length > best[0].length)) best = phrase;
    }
    return best;
  };

  const isContainer = (el: Element) => {
    if (el.matches(input.containers)) return true;
    const position = getComputedStyle(el).position;
    return position === 'fixed' || position === 'sticky';
  };

  const containerOf = (button: Element): Element | null => {
    for (
      let el = parentOf(button);
      el && el !== document.body && el !== document.documentElement;
      el = parentOf(el)
    ) {
      if (isContainer(el)) return el;
    }
    return null;
  };

  type Candidate = { el: Element; name: string; phrase: Phrase };
  const candidates = (root: ParentNode): Candidate[] => {
    const found: Candidate[] = [];
    for (const el of everything(root, BUTTONS)) {
      if (!visible(el)) continue;
      const name = normalise(textOf(el));
      const phrase = roleOf(name);
      if (phrase) found.push({ el, name: textOf(el).replace(/\s+/g, ' ').trim(), phrase });
    }
    // A wrapper that holds a button of the same role is not the button.
    return found.filter(
      (c) => !found.some((o) => o !== c && o.phrase[1] === c.phrase[1] && within(c.el, o.el)),
    );
  };

  const all = candidates(document);

  /** No dialog markup and nothing fixed: the nearest block (six levels up at most) that also holds another choice. */
  const nearestBlock = (candidate: Candidate): Element | null => {
    let el = parentOf(candidate.el);
    for (let up = 0; el && el !== document.body && up < 6; up++) {
      const block = el;
      if (all.some((o) => o !== candidate && within(block, o.el))) return block;
      el = parentOf(el);
    }
    return null;
  };

  const boxes = new Map<Element, Candidate[]>();
  for (const candidate of all.filter((c) => c.phrase[1] === 'accept' || c.phrase[1] === 'reject')) {
    const box = containerOf(candidate.el) ?? nearestBlock(candidate);
    if (box && !boxes.has(box))
      boxes.set(
        box,
        all.filter((c) => within(box, c.el)),
      );
  }

  // The box with the most kinds of choice; then the smallest (the banner, not the page around it).
  let best: [Element, Candidate[]] | undefined;
  const kinds = (list: Candidate[]) => new Set(list.map((c) => c.phrase[1])).size;
  const area = (el: Element) => {
    const r = el.getBoundingClientRect();
    return r.width * r.height;
  };
  // Every button in a box is visible (candidates are); the box itself may be a 0×0 shadow host.
  for (const entry of boxes) {
    if (
      !best ||
      kinds(entry[1]) > kinds(best[1]) ||
      (kinds(entry[1]) === kinds(best[1]) && area(entry[0]) < area(best[0]))
    ) {
      best = entry;
    }
  }
  if (!best) return { info: { found: false }, buttons: {} };

  const [box, inside] = best;
  const colourOf = (el: Element | null): string => {
    for (let e = el; e; e = parentOf(e)) {
      const colour = getComputedStyle(e).backgroundColor;
      if (colour && colour !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(colour)) return colour;
    }
    return 'rgb(255, 255, 255)';
  };
  const STYLE = [
    'backgroundColor',
    'color',
    'fontFamily',
    'fontSize',
    'fontWeight',
    'borderTopWidth',
    'borderTopStyle',
    'borderTopColor',
    'borderRadius',
    'paddingTop',
    'paddingLeft',
    'textDecorationLine',
    'opacity',
  ];
  const lookOf = (el: Element): ButtonLook => {
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    let opacity = 1;
    for (let e: Element | null = el; e; e = parentOf(e)) opacity *= Number(getComputedStyle(e).opacity);
    const style: Record<string, string> = {};
    for (const p of STYLE) style[p] = (cs as any)[p];
    return {
      width: Math.round(r.width),
      height: Math.round(r.height),
      fontSize: parseFloat(cs.fontSize),
      fontWeight: Number(cs.fontWeight) || 400,
      color: cs.color,
      background: cs.backgroundColor,
      backdrop: colourOf(el),
      surroundings: colourOf(parentOf(el)),
      borderWidth: parseFloat(cs.borderTopWidth) || 0,
      borderStyle: cs.borderTopStyle,
      borderColor: cs.borderTopColor,
      textDecoration: cs.textDecorationLine,
      opacity: Math.round(opacity * 100) / 100,
      style,
    };
  };

  const buttons: Partial<Record<ButtonRole, Element>> = {};
  const info: Omit<DialogInfo, 'frame'> & { found: true } = {
    found: true,
    name: '',
    where: '',
    shadow: false,
  };
  const byRole = new Map<ButtonRole, Candidate>();
  for (const c of inside) {
    const role = c.phrase[1];
    const known = byRole.get(role);
    // The longest phrase of a role: "Accept all" before a lone "Accept".
    if (!known || c.phrase[0].length > known.phrase[0].length) byRole.set(role, c);
  }
  for (const [role, c] of byRole) {
    buttons[role] = c.el;
    info[role] = { text: c.name, look: lookOf(c.el) };
  }
  const main = byRole.get('accept') ?? byRole.get('reject');
  info.lang = main?.phrase[2];

  const heading = box.querySelector('h1, h2, h3, h4, [role="heading"]');
  const label = box.getAttribute('aria-label');
  const labelled = box.getAttribute('aria-labelledby');
  const root = box.getRootNode() as Document | ShadowRoot;
  const title =
    (label && label.trim()) ||
    (labelled && root.getElementById?.(labelled.split(/\s+/)[0])?.textContent) ||
    heading?.textContent ||
    (box as HTMLElement).innerText?.slice(0, 80) ||
    '';
  info.name = title.replace(/\s+/g, ' ').trim();
  const role = box.getAttribute('role');
  info.where =
    box.tagName.toLowerCase() +
    (box.id ? `#${box.id}` : '') +
    [...box.classList]
      .slice(0, 3)
      .map((c) => `.${c}`)
      .join('') +
    (role ? `[role=${role}]` : '');
  // In a shadow root: the dialog, or the buttons of a dialog whose box is the shadow host.
  info.shadow = [box, ...inside.map((c) => c.el)].some((el) => el.getRootNode() instanceof ShadowRoot);
  for (const [name, sign] of input.signs) {
    const there = sign.startsWith('window.')
      ? (window as any)[sign.slice(7)] !== undefined
      : !!document.querySelector(sign);
    if (there) {
      info.cmp = name;
      break;
    }
  }
  return { info, buttons };
}
