// Is Decline as easy to see and hit as Accept? Our own UI test holds Accept all and Decline all to the
// same computed style and size (tests/browser/ui.test.ts); another site's buttons rarely match to the
// pixel, and need not, so the audit reports every difference and objects only to the ones that make
// reject plainly harder to see or hit: half the size, smaller text, a plain link beside a button,
// text that is hard to read, or faded.
import type { ButtonLook } from './types';

type RGBA = [number, number, number, number];

/** `rgb(…)` / `rgba(…)`, comma or space separated, as getComputedStyle gives colours. */
export function parseColour(colour: string): RGBA | undefined {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(
    colour.trim(),
  );
  if (!m) return undefined;
  let alpha = 1;
  if (m[4] !== undefined) alpha = m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

function over(top: RGBA, bottom: RGBA): RGBA {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1) as RGBA;
}

function luminance([r, g, b]: RGBA): number {
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio of a button's text against what is behind it; undefined for colours it cannot read. */
export function contrast(look: Pick<ButtonLook, 'color' | 'backdrop'>): number | undefined {
  const text = parseColour(look.color);
  const behind = parseColour(look.backdrop);
  if (!text || !behind) return undefined;
  const back = over(behind, [255, 255, 255, 1]);
  const front = over(text, back);
  const [hi, lo] = [luminance(front), luminance(back)].sort((a, b) => b - a);
  return Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100;
}

/** Whether it looks like a button (a filled shape or a visible border), not a line of text. */
export function looksLikeButton(look: ButtonLook): boolean {
  const own = parseColour(look.background);
  const around = parseColour(look.surroundings);
  const filled = !!own && own[3] > 0.1 && (!around || own.slice(0, 3).join() !== around.slice(0, 3).join());
  const border = parseColour(look.borderColor);
  const bordered = look.borderWidth > 0 && look.borderStyle !== 'none' && !!border && border[3] > 0.1;
  return filled || bordered;
}

export interface Comparison {
  /** What makes reject harder to see or hit: a finding when not empty. */
  reasons: string[];
  /** Every computed style that differs, for the report. */
  differences: string[];
}

/** Compares how the reject button looks with the accept button. */
export function compareButtons(accept: ButtonLook, reject: ButtonLook): Comparison {
  const reasons: string[] = [];
  const acceptArea = accept.width * accept.height;
  const rejectArea = reject.width * reject.height;
  if (acceptArea > 0 && rejectArea < acceptArea / 2) {
    reasons.push(
      `it is less than half the size (${reject.width}×${reject.height} px against ${accept.width}×${accept.height} px)`,
    );
  }
  if (reject.fontSize < accept.fontSize * 0.85) {
    reasons.push(`its text is smaller (${reject.fontSize} px against ${accept.fontSize} px)`);
  }
  if (looksLikeButton(accept) && !looksLikeButton(reject)) {
    reasons.push('it looks like plain text, while accept is a button');
  }
  const rejectContrast = contrast(reject);
  const acceptContrast = contrast(accept);
  if (
    rejectContrast !== undefined &&
    acceptContrast !== undefined &&
    rejectContrast < 3 &&
    acceptContrast >= 4.5
  ) {
    reasons.push(`its text is hard to read (contrast ${rejectContrast}:1 against ${acceptContrast}:1)`);
  }
  if (reject.opacity < accept.opacity * 0.75) {
    reasons.push(`it is faded (opacity ${reject.opacity} against ${accept.opacity})`);
  }
  const differences = Object.keys(accept.style).filter((p) => accept.style[p] !== reject.style[p]);
  if (Math.abs(accept.width - reject.width) > 1) differences.push('width');
  if (Math.abs(accept.height - reject.height) > 1) differences.push('height');
  return { reasons, differences };
}
