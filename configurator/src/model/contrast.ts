// WCAG 2 contrast between the colours the owner picks and the library's own. Pure.
import type { Colours } from './draft';

/** The library's values of one theme's custom properties (from styles/consent-gate.css, at build time). */
export type ThemeDefaults = Record<string, string>;

/** [r, g, b] of `#rgb` or `#rrggbb`; null for anything else (a name, rgb(), a typo). */
export function parseHex(colour: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim());
  if (!m) return null;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

function luminance([r, g, b]: [number, number, number]): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The contrast ratio of two colours (1 to 21), or null when either is not a hex colour. */
export function contrast(a: string, b: string): number | null {
  const x = parseHex(a);
  const y = parseHex(b);
  if (!x || !y) return null;
  const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
  return (hi + 0.05) / (lo + 0.05);
}

export interface ContrastProblem {
  /** The colour field to fix. */
  field: keyof Colours;
  /** What is drawn on what, in words. */
  pair: string;
  ratio: number;
  needed: number;
}

/**
 * The pairs of one theme that fall under WCAG's minimum: text 4.5:1 (1.4.3), controls and the
 * focus ring 3:1 (1.4.11). A colour the owner left empty is the library's.
 */
export function contrastProblems(chosen: Colours, defaults: ThemeDefaults): ContrastProblem[] {
  const bg = chosen.bg || defaults['--cg-bg'];
  const fg = chosen.fg || defaults['--cg-fg'];
  const accent = chosen.accent || defaults['--cg-accent'];
  const btnFg = chosen.btnFg || defaults['--cg-btn-fg'];
  const pairs: [keyof Colours, string, string, string, number][] = [
    ['fg', 'Text on the background', fg, bg, 4.5],
    ['bg', 'Descriptions (the library’s muted grey) on the background', defaults['--cg-muted'], bg, 4.5],
    ['accent', 'Links (accent colour) on the background', accent, bg, 4.5],
    ['btnFg', 'Button text on the Accept all and Decline all buttons (accent colour)', btnFg, accent, 4.5],
    ['bg', 'The focus ring (the library’s) on the background', defaults['--cg-focus'], bg, 3],
    ['accent', 'Switches and radios (accent colour) on the background', accent, bg, 3],
  ];
  // The library's own defaults pass (its browser suite checks them): only a theme the owner changed is checked.
  if (!Object.values(chosen).some(Boolean)) return [];
  const out: ContrastProblem[] = [];
  for (const [field, pair, a, b, needed] of pairs) {
    const ratio = contrast(a, b);
    if (ratio !== null && ratio < needed) out.push({ field, pair, ratio, needed });
  }
  return out;
}
