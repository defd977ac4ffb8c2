// Every language the package ships as dist/i18n/<code>.json, with the script it is written in and
// its direction: the one list the tests hold the files to (a file added or lost fails them).

export type Script =
  'Latin' | 'Cyrillic' | 'Greek' | 'Arabic' | 'Hebrew' | 'CJK' | 'Hangul' | 'Thai' | 'Devanagari';

export interface Language {
  code: string;
  name: string;
  script: Script;
  rtl?: true;
}

/** The 24 official languages of the EU. */
export const EU = [
  'bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'ga', 'hr',
  'hu', 'it', 'lt', 'lv', 'mt', 'nl', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv',
]; // prettier-ignore

export const LANGUAGES: Language[] = [
  { code: 'ar', name: 'العربية', script: 'Arabic', rtl: true },
  { code: 'bg', name: 'Български', script: 'Cyrillic' },
  { code: 'cs', name: 'Čeština', script: 'Latin' },
  { code: 'da', name: 'Dansk', script: 'Latin' },
  { code: 'de', name: 'Deutsch', script: 'Latin' },
  { code: 'el', name: 'Ελληνικά', script: 'Greek' },
  { code: 'en', name: 'English', script: 'Latin' },
  { code: 'es', name: 'Español', script: 'Latin' },
  { code: 'et', name: 'Eesti', script: 'Latin' },
  { code: 'fi', name: 'Suomi', script: 'Latin' },
  { code: 'fr', name: 'Français', script: 'Latin' },
  { code: 'ga', name: 'Gaeilge', script: 'Latin' },
  { code: 'he', name: 'עברית', script: 'Hebrew', rtl: true },
  { code: 'hi', name: 'हिन्दी', script: 'Devanagari' },
  { code: 'hr', name: 'Hrvatski', script: 'Latin' },
  { code: 'hu', name: 'Magyar', script: 'Latin' },
  { code: 'id', name: 'Bahasa Indonesia', script: 'Latin' },
  { code: 'is', name: 'Íslenska', script: 'Latin' },
  { code: 'it', name: 'Italiano', script: 'Latin' },
  { code: 'ja', name: '日本語', script: 'CJK' },
  { code: 'ko', name: '한국어', script: 'Hangul' },
  { code: 'lt', name: 'Lietuvių', script: 'Latin' },
  { code: 'lv', name: 'Latviešu', script: 'Latin' },
  { code: 'mt', name: 'Malti', script: 'Latin' },
  { code: 'nb', name: 'Norsk bokmål', script: 'Latin' },
  { code: 'nl', name: 'Nederlands', script: 'Latin' },
  { code: 'pl', name: 'Polski', script: 'Latin' },
  { code: 'pt', name: 'Português (Portugal)', script: 'Latin' },
  { code: 'pt-BR', name: 'Português (Brasil)', script: 'Latin' },
  { code: 'ro', name: 'Română', script: 'Latin' },
  { code: 'ru', name: 'Русский', script: 'Cyrillic' },
  { code: 'sk', name: 'Slovenčina', script: 'Latin' },
  { code: 'sl', name: 'Slovenščina', script: 'Latin' },
  { code: 'sv', name: 'Svenska', script: 'Latin' },
  { code: 'th', name: 'ไทย', script: 'Thai' },
  { code: 'tr', name: 'Türkçe', script: 'Latin' },
  { code: 'uk', name: 'Українська', script: 'Cyrillic' },
  { code: 'vi', name: 'Tiếng Việt', script: 'Latin' },
  { code: 'zh', name: '中文（简体）', script: 'CJK' },
  { code: 'zh-Hant', name: '中文（繁體）', script: 'CJK' },
];

export const CODES = LANGUAGES.map((l) => l.code);
