// dist/consent-gate.consent-log.min.js: load it after consent-gate.min.js.
import { attach } from './addons/attach';
import { consentLog } from './addons/consent-log';

attach(consentLog, 'consent-gate.consent-log.min.js');
