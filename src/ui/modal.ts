// Modal behaviour for the preferences (WAI-ARIA APG dialog pattern): the page behind is inert,
// Tab wraps inside, Escape closes, and focus goes back where it came from.

/** Makes `dialog` (a direct child of <body>) modal; returns the function that undoes it. */
export function modal(dialog: HTMLElement, first: HTMLElement, last: HTMLElement, onEscape: () => void): () => void {
  const opener = document.activeElement as HTMLElement | null;
  const made: Element[] = [];
  for (const el of document.body.children) {
    if (el != dialog && !el.hasAttribute('inert')) {
      el.setAttribute('inert', '');
      made.push(el);
    }
  }
  const keys = (e: KeyboardEvent) => {
    if (e.key == 'Escape') {
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
