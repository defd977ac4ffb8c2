// A locator is a list of steps, sent as JSON into the page and resolved there (in-page.ts).

/** A string (Playwright's rules: case-insensitive substring, or exact) or a RegExp, as JSON. */
export type Matcher = { s: string } | { re: string; flags: string };

export type Step =
  | { css: string }
  | {
      role: string;
      name?: Matcher;
      exact?: boolean;
      includeHidden?: boolean;
      checked?: boolean;
      level?: number;
      pressed?: boolean;
      expanded?: boolean;
      selected?: boolean;
    }
  | { text: Matcher; exact?: boolean }
  | { label: Matcher; exact?: boolean }
  | { nth: number }
  | { or: Step[] }
  | {
      filter: { hasText?: Matcher; hasNotText?: Matcher; has?: Step[]; hasNot?: Step[]; visible?: boolean };
    }
  /** Continue inside the <iframe> found so far (the rest is evaluated in that frame). */
  | { frame: true };

export function toMatcher(value: string | RegExp): Matcher {
  return typeof value === 'string' ? { s: value } : { re: value.source, flags: value.flags };
}
