// Which of the languages a site has texts for serves a visitor's language tag. Pure: no DOM, so
// that the rule is tested on its own (tests/unit/match-language.test.ts).

/**
 * Codes that stand in for a tag that has no exact match, nearest first. Chinese goes by script
 * (Traditional in Taiwan, Hong Kong and Macau), Norwegian Bokmål, Nynorsk and the bare `no` read
 * each other, and Hebrew and Indonesian keep their old codes (`iw`, `in`).
 */
function nearest(tag: string): string[] {
  const [base, ...rest] = tag.split('-');
  if (base == 'zh') {
    const traditional = rest.includes('hant') || (!rest.includes('hans') && /^(tw|hk|mo)$/.test(rest[0]));
    return traditional ? ['zh-hant', 'zh'] : ['zh', 'zh-hans', 'zh-hant'];
  }
  if (/^(nb|no|nn)$/.test(base)) return [base, 'nb', 'no', 'nn'];
  if (base == 'iw') return ['he'];
  if (base == 'in') return ['id'];
  return [base];
}

/**
 * The code in `have` for the language tag `wanted` (`de-AT`, `pt_BR`, `zh-Hant-TW`), compared
 * case-insensitively, or `undefined` when none fits. An exact match wins (`pt-BR`); then the
 * stand-ins above (`zh-TW` → `zh-Hant`, `nn` → `nb`); then the base language (`de-AT` → `de`);
 * then another region of it (`pt-PT` → `pt-BR` when the site has only that one), which a reader of
 * the language prefers to English.
 */
export function matchLanguage(wanted: string, have: readonly string[]): string | undefined {
  const tag = wanted.trim().toLowerCase().replace(/_/g, '-');
  if (!tag) return undefined;
  const lower = have.map((code) => code.toLowerCase());
  for (const code of [tag, ...nearest(tag)]) {
    const at = lower.indexOf(code);
    if (at >= 0) return have[at];
  }
  // Another region of the same language (or of a stand-in): pt-PT → pt-BR, nn → nb-NO.
  const bases = nearest(tag).map((code) => code.split('-')[0] + '-');
  const sibling = lower.findIndex((code) => bases.some((base) => code.startsWith(base)));
  return sibling >= 0 ? have[sibling] : undefined;
}
