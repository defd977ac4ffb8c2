/**
 * consent-gate/consent-log: proof of consent. `use(consentLog)` after importing it, with
 * `consentLog: { url }` in the config.
 * @packageDocumentation
 */
export { consentLog } from './addons/consent-log';
