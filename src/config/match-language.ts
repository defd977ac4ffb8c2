// Which of the languages a site has texts for serves a visitor's language tag. Pure: no DOM, so
// that the rule is tested on its own (tests/unit/match-language.test.ts).

/**
 * The code in `have` for the language tag `wanted` (`de-AT`, `pt_BR`, `zh-Hant-TW`), compared
 * case-insensitively, or `undefined` when none fits. An exact match wins (`pt-BR`); then the
 * language itself (`de-AT` → `de`), Chinese by script (Traditional for `zh-Hant-*` and in Taiwan,
 * Hong Kong and Macau; Simplified otherwise) and Norwegian as one language (`nb`, `no`, `nn` read
 * each other); then another region of the language (`pt-PT` → `pt-BR` when the site has only that
 * one), which a reader prefers to English.
 */
export function matchLanguage(wanted: string, have: readonly string[]): string | undefined {
  const tag = wanted.toLowerCase().replace(/_/g, '-');
  const base = tag.split('-')[0];
  const nearest = [tag, base];
  if (/^zh-(hant|tw|hk|mo)(-|$)/.test(tag)) nearest[1] = 'zh-hant';
  if (base == 'zh') nearest.push('zh-hans');
  if (/^n[bon]$/.test(base)) nearest.push('nb', 'no', 'nn');
  const lower = have.map((code) => code.toLowerCase());
  for (const code of nearest) {
    const at = lower.indexOf(code);
    if (at >= 0) return have[at];
  }
  // Another region or script of the language: pt-PT → pt-BR, zh-TW → zh when there is no zh-Hant.
  const sibling = lower.findIndex((code) => code.split('-')[0] == base);
  return sibling >= 0 ? have[sibling] : undefined;
}
