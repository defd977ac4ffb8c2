// Modal behaviour (WAI-ARIA APG dialog pattern), for the preferences and a blocking banner: the
// page behind is inert, Tab wraps inside, Escape closes, and focus goes back where it came from.

/**
 * Makes `dialog` (a direct child of <body>) modal and moves focus to its first control; returns
 * the function that undoes it. Without `onEscape`, Escape does nothing (a banner that needs a decision).
 */
export function modal(dialog: HTMLElement, onEscape?: () => void): () => void {
  const opener = document.activeElement as HTMLElement | null;
  const made: Element[] = [];
  for (const el of document.body.children) {
    if (el != dialog && !el.hasAttribute('inert')) {
      el.setAttribute('inert', '');
      made.push(el);
    }
  }
  // In both dialogs the first and the last control are a button or a link (inputs sit between).
  const all = dialog.querySelectorAll<HTMLElement>('button,[href]');
  const first = all[0];
  const last = all[all.length - 1];
  const keys = (e: KeyboardEvent) => {
    if (e.key == 'Escape' && onEscape) {
      e.preventDefault();
      onEscape();
    } else if (e.key == 'Tab' && document.activeElement == (e.shiftKey ? first : last)) {
      e.preventDefault();
      (e.shiftKey ? last : first).focus();
    }
  };
  // On the document: a click on the dialog's text moves focus to <body>, and Escape must still work.
  document.addEventListener('keydown', keys, true);
  first.focus();
  return () => {
    document.removeEventListener('keydown', keys, true);
    for (const el of made) el.removeAttribute('inert');
    if (opener && opener.isConnected) opener.focus();
  };
}
