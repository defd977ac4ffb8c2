// Proof of consent, as an add-on: each decision made in the page goes to the site's own endpoint
// (`consentLog: { url }` in the config), with a fingerprint of the texts the visitor was shown.
// Only sites that keep such a log pay for it.
import { hashTexts, sendLog, type TextsHash } from '../integrations/consent-log';
import type { Addon, Texts } from '../types';

export const consentLog: Addon = (host) => {
  const url = host.config.consentLog?.url;
  if (!url)
    return console.warn(
      'consent-gate: the consent log add-on needs consentLog: { url } in the config; it does nothing.',
    );
  let shown: Texts | undefined;
  let hash: Promise<TextsHash>;
  // Fingerprinted as soon as texts are shown (a language may change), not on the click: the digest
  // is async, and the visitor may leave the page right after deciding.
  const fingerprint = () => {
    const t = host.texts();
    if (t != shown) hash = hashTexts(host.config, (shown = t));
    return hash;
  };
  fingerprint();
  const offs = [host.on('banner:show', fingerprint), host.on('preferences:show', fingerprint)];
  offs.push(
    host.decided((consent) => {
      const log = {
        consent,
        revision: consent.revision,
        language: host.language(),
        url: location.href,
        userAgent: navigator.userAgent,
        gpc: (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl === true,
      };
      fingerprint().then(([hashAlgorithm, textsHash]) => sendLog(url, { ...log, textsHash, hashAlgorithm }));
    }),
  );
  return () => offs.forEach((off) => off());
};
