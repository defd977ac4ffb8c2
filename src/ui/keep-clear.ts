/**
 * WCAG 2.4.11 for the non-modal banner: a control focused in the page must not end up hidden behind
 * it. On focus, before the browser scrolls the control into view, the banner's height goes to --cg-h
 * on <html>, which the CSS makes scroll-padding on the banner's edge: the browser then scrolls the
 * control clear of it. Where scrolling cannot help (the top or the end of the page), the banner moves
 * to the opposite edge. Returns the function that stops it.
 */
export function keepClear(root: HTMLElement): () => void {
  const html = document.documentElement;
  const box = root.firstChild as HTMLElement;
  const onFocus = ({ target }: FocusEvent) => {
    html.style.setProperty('--cg-h', box.offsetHeight + 'px');
    // After the browser has scrolled the newly focused control into view.
    requestAnimationFrame(() => {
      if (root.contains(target as Node)) return;
      const a = (target as Element).getBoundingClientRect();
      const b = box.getBoundingClientRect();
      if (b.left >= a.right || a.left >= b.right) return;
      // The banner at the other edge: only there if that hides less of the control. A banner taller
      // than half the screen (200 % text on a phone) can cover a control at either edge.
      const otherTop = root.classList.contains('cg-top') ? innerHeight - b.height : 0;
      if (coveredHeight(a, otherTop, otherTop + b.height) < coveredHeight(a, b.top, b.bottom)) {
        root.classList.toggle('cg-top');
        root.classList.toggle('cg-bottom');
      }
    });
  };
  addEventListener('focusin', onFocus);
  return () => {
    removeEventListener('focusin', onFocus);
    html.style.removeProperty('--cg-h');
    // Leave no empty style="" behind (the page's own inline styles stay). Reading the attribute
    // first matters: Chromium writes it back from the emptied style object when read later.
    if (!html.getAttribute('style')) html.removeAttribute('style');
  };
}

/** How much of the control's height lies between top and bottom. */
function coveredHeight(control: DOMRect, top: number, bottom: number): number {
  return Math.max(0, Math.min(control.bottom, bottom) - Math.max(control.top, top));
}
