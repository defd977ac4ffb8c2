// The words consent dialogs use for their buttons, by language. The start is consent-gate's own
// translations (i18n/*.json, read when the command runs, so every language shipped is in), then the
// wordings other consent managers use most, so that a dialog that is not ours is found too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** What a button does in a consent dialog. */
export type ButtonRole = 'accept' | 'reject' | 'settings' | 'save';

/** [phrase (normalised), role, language]. */
export type Phrase = [string, ButtonRole, string];

/** Wordings of other consent managers, by language: what our own texts do not say. */
const MORE: Record<string, Partial<Record<ButtonRole, string[]>>> = {
  en: {
    accept: [
      'accept',
      'accept all cookies',
      'accept cookies',
      'allow all',
      'allow all cookies',
      'allow cookies',
      'allow',
      'i accept',
      'i agree',
      'agree',
      'agree and close',
      'ok',
      'got it',
      'accept and close',
      'accept & close',
    ],
    reject: [
      'reject',
      'reject all',
      'reject all cookies',
      'reject cookies',
      'deny',
      'deny all',
      'refuse',
      'refuse all',
      'decline',
      'decline cookies',
      'disagree',
      'necessary only',
      'only necessary',
      'necessary cookies only',
      'only necessary cookies',
      'accept necessary',
      'accept only necessary',
      'accept necessary cookies',
      'allow necessary',
      'allow necessary cookies',
      'allow only necessary',
      'use necessary cookies only',
      'essential only',
      'only essential',
      'essential cookies only',
      'accept essential',
      'continue without accepting',
      'do not accept',
      "don't allow",
    ],
    settings: [
      'settings',
      'cookie settings',
      'manage',
      'manage preferences',
      'manage cookies',
      'manage settings',
      'manage options',
      'customize',
      'customise',
      'more options',
      'options',
      'preferences',
      'cookie preferences',
      'show purposes',
      'let me choose',
    ],
    save: [
      'save',
      'save settings',
      'save preferences',
      'save my choices',
      'confirm my choices',
      'confirm choices',
      'save and close',
    ],
  },
  de: {
    accept: [
      'akzeptieren',
      'alle cookies akzeptieren',
      'zustimmen',
      'alle zulassen',
      'alle erlauben',
      'einverstanden',
      'ich stimme zu',
    ],
    reject: [
      'ablehnen',
      'alle ablehnen',
      'nur notwendige',
      'nur notwendige cookies',
      'nur essenzielle cookies',
      'nur erforderliche',
      'verweigern',
    ],
    settings: [
      'einstellungen',
      'cookie-einstellungen',
      'anpassen',
      'mehr optionen',
      'individuelle einstellungen',
    ],
    save: ['speichern', 'auswahl speichern', 'auswahl bestätigen', 'einstellungen speichern'],
  },
  fr: {
    accept: ['accepter', 'tout accepter', 'accepter tout', "j'accepte", 'accepter et fermer', 'autoriser'],
    reject: ['refuser', 'tout refuser', 'refuser tout', 'continuer sans accepter', 'je refuse', 'rejeter'],
    settings: ['personnaliser', 'paramètres', 'gérer les cookies', 'paramétrer', 'gérer mes choix'],
    save: ['enregistrer', 'enregistrer mes choix', 'valider', 'confirmer mes choix'],
  },
  es: {
    accept: ['aceptar', 'aceptar todo', 'aceptar todas', 'aceptar cookies', 'permitir todas'],
    reject: ['rechazar', 'rechazar todo', 'rechazar todas', 'solo necesarias'],
    settings: ['configurar', 'configuración', 'personalizar', 'preferencias'],
    save: ['guardar', 'guardar preferencias'],
  },
  it: {
    accept: ['accetta', 'accetta tutto', 'accetta tutti', 'accetto'],
    reject: ['rifiuta', 'rifiuta tutto', 'rifiuta tutti', 'solo necessari', 'continua senza accettare'],
    settings: ['personalizza', 'impostazioni', 'preferenze', 'gestisci preferenze'],
    save: ['salva', 'salva preferenze'],
  },
  nl: {
    accept: ['accepteren', 'alles accepteren', 'alle cookies accepteren', 'akkoord', 'toestaan'],
    reject: ['weigeren', 'alles weigeren', 'alleen noodzakelijke', 'afwijzen'],
    settings: ['instellingen', 'aanpassen', 'voorkeuren'],
    save: ['opslaan', 'voorkeuren opslaan'],
  },
};

/** Lower case, one space between words, no punctuation or symbols around: how names are compared. */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u200b]+/g, ' ')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .trim();
}

/** Where consent-gate's translations are: dist/i18n beside the built command, i18n/ in the source tree. */
function translationsFolder(): string | undefined {
  const here = import.meta.url;
  const candidates = ['./i18n/', '../../dist/i18n/', '../../i18n/'].map((rel) =>
    fileURLToPath(new URL(rel, here)),
  );
  return candidates.find((dir) => existsSync(`${dir}en.json`));
}

/** Our translations' button texts, by language code (lower case): `{ de: { accept: [...], ... } }`. */
export function shippedTexts(folder = translationsFolder()): Record<string, Record<ButtonRole, string[]>> {
  const out: Record<string, Record<ButtonRole, string[]>> = {};
  if (!folder) return out;
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.json'))) {
    let texts: any;
    try {
      texts = JSON.parse(readFileSync(`${folder}${file}`, 'utf8'));
    } catch {
      continue; // the build checks translations; a broken file only means fewer words here
    }
    const banner = texts?.banner ?? {};
    const prefs = texts?.preferences ?? {};
    const pick = (...values: unknown[]) =>
      values.filter((v): v is string => typeof v === 'string' && !!v.trim());
    out[file.slice(0, -5).toLowerCase()] = {
      accept: pick(banner.acceptAll, prefs.acceptAll, prefs.accept),
      reject: pick(banner.rejectAll, prefs.rejectAll, prefs.decline),
      settings: pick(banner.preferences, texts?.embed?.preferences),
      save: pick(prefs.save),
    };
  }
  return out;
}

/** Every phrase of every language, normalised, without repeats. */
export function allPhrases(shipped = shippedTexts()): Phrase[] {
  const out: Phrase[] = [];
  const seen = new Set<string>();
  const add = (lang: string, role: ButtonRole, texts: string[] = []) => {
    for (const text of texts) {
      const phrase = normalise(text);
      if (!phrase || seen.has(`${lang}|${phrase}`)) continue;
      seen.add(`${lang}|${phrase}`);
      out.push([phrase, role, lang]);
    }
  };
  const roles: ButtonRole[] = ['reject', 'save', 'settings', 'accept'];
  for (const [lang, texts] of Object.entries(shipped)) for (const role of roles) add(lang, role, texts[role]);
  for (const [lang, texts] of Object.entries(MORE)) for (const role of roles) add(lang, role, texts[role]);
  return out;
}

/**
 * The phrases to look for first on a page in `lang` (`de-AT` takes `de-at` and `de`): that language's
 * and English, which many sites use whatever their own language. Empty `lang`: every language.
 */
export function phrasesFor(lang: string | undefined, phrases: Phrase[]): Phrase[] {
  if (!lang) return phrases;
  const code = lang.toLowerCase();
  const primary = code.split('-')[0];
  return phrases.filter(([, , l]) => l === code || l === primary || l === 'en');
}
