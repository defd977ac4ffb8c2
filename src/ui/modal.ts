// Modal behaviour (WAI-ARIA APG dialog pattern), for the preferences and a blocking banner: the
// page behind is inert, Tab wraps inside, Escape closes, and focus goes back where it came from.

/**
 * Makes `dialog` (a direct child of <body>) modal and moves focus to its first control; returns
 * the function that undoes it. Without `onEscape`, Escape does nothing (a banner that needs a decision).
 */
export function modal(dialog: HTMLElement, onEscape?: () => void): () => void {
  const opener = document.activeElement as HTMLElement | null;
  // What is inert already is left alone, and stays so when this closes. The status region stays out:
  // an inert live region is not heard, and a decision is announced before the dialog closes.
  const madeInert = [...document.body.children].filter(
    (el) => el != dialog && !el.matches('[inert],[role=status]'),
  );
  // In both dialogs the first and the last control are a button or a link (inputs sit between),
  // and there are more than one.
  const controls = dialog.querySelectorAll<HTMLElement>('button,[href]');
  const first = controls[0];
  const last = controls[controls.length - 1];
  const onKey = (e: KeyboardEvent) => {
    if (e.key == 'Escape' && onEscape) {
      e.preventDefault();
      onEscape();
    } else if (e.key == 'Tab' && document.activeElement == (e.shiftKey ? first : last)) {
      e.preventDefault();
      (e.shiftKey ? last : first).focus();
    }
  };
  for (const el of madeInert) el.setAttribute('inert', '');
  // On the window: a click on the dialog's text moves focus to <body>, and Escape must still work.
  addEventListener('keydown', onKey, true);
  first.focus();
  return () => {
    removeEventListener('keydown', onKey, true);
    // Back to what it was, whatever page code set meanwhile: a toggle would invert its change.
    for (const el of madeInert) el.removeAttribute('inert');
    // A detached opener takes no focus.
    opener?.focus();
  };
}
