// What scripts/build-configurator.mjs hands the page at build time, as a module.
declare module 'configurator:data' {
  import type { TextsInput } from '../../src/types';
  /** The shipped translations, i18n/<code>.json, English aside: whatever languages the build found. */
  export const LANGUAGES: Record<string, TextsInput>;
  /** The library's custom properties per theme, read from styles/consent-gate.css. */
  export const THEMES: { light: Record<string, string>; dark: Record<string, string> };
  /** The package's version. */
  export const VERSION: string;
}
