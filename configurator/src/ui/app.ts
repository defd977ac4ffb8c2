// The page's state: the draft, and what follows a change (preview, snippet, checks, address).
import type { Texts } from '../../../src/types';
import type { Draft } from '../model/draft';
import type { Shipped } from '../model/config';
import type { ThemeDefaults } from '../model/contrast';
import { keepFocus } from './fields';

/** What the build knows: the shipped translations, the English texts, the themes' defaults. */
export interface Catalog {
  shipped: Shipped;
  english: Texts;
  themes: { light: ThemeDefaults; dark: ThemeDefaults };
  version: string;
}

/** A part of the form that is built from the draft, and rebuilt when its structure changes. */
export interface Section {
  name: string;
  build(): HTMLElement;
  /** The key of the control to focus when the focused one is gone after a rebuild. */
  fallback?: () => string | undefined;
}

type Listener = () => void;

export class App {
  private readonly sections = new Map<string, { section: Section; el: HTMLElement }>();
  private readonly listeners: Listener[] = [];
  private undo: { draft: string; what: string } | null = null;
  private statusEl: HTMLElement | null = null;

  constructor(
    public draft: Draft,
    readonly catalog: Catalog,
  ) {}

  /** Builds a section and keeps it, so that `rebuild(name)` can replace it. */
  mount(section: Section): HTMLElement {
    const el = section.build();
    this.sections.set(section.name, { section, el });
    return el;
  }

  /** Call after every change: the preview, the snippet, the checks and the address follow. */
  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  changed(): void {
    for (const listener of this.listeners) listener();
  }

  /** The draft's structure changed: rebuild these sections (all, without names), keeping focus. */
  rebuild(...names: string[]): void {
    for (const [name, entry] of this.sections) {
      if (names.length && !names.includes(name)) continue;
      entry.el = keepFocus(entry.el, () => entry.section.build(), entry.section.fallback?.());
    }
    this.changed();
  }

  /** Remember the draft before a change that loses work (remove, start over, import), for Undo. */
  checkpoint(what: string): void {
    this.undo = { draft: JSON.stringify(this.draft), what };
  }

  /** Says what happened in the status line (a live region), with Undo when there is a checkpoint. */
  announce(text: string, withUndo = false): void {
    const el = this.statusEl;
    if (!el) return;
    el.replaceChildren(text);
    if (withUndo && this.undo) {
      const { draft, what } = this.undo;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'link';
      button.textContent = `Undo: ${what}`;
      button.addEventListener('click', () => {
        this.draft = JSON.parse(draft);
        this.undo = null;
        this.rebuild();
        this.announce(`Undone: ${what}.`);
        // The button is gone with the message: focus stays with the message, not lost to the page.
        el.focus();
      });
      el.append(' ', button);
    }
  }

  /** The live region that announce() writes to. */
  setStatus(el: HTMLElement): void {
    this.statusEl = el;
  }
}
