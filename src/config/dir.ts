// A module of its own, without imports: the embeds add-on needs it without the rest of the config code.

/** Right-to-left scripts: Arabic, Hebrew, Persian, Urdu and a few more. */
export const dir = (lang: string) => (/^(ar|he|fa|ur|ps|sd|ug|yi|dv|ckb)\b/i.test(lang) ? 'rtl' : 'ltr');
