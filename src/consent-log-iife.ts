// dist/consent-gate.consent-log.min.js: before or after consent-gate.min.js, with or without defer/async.
import { attach } from './addons/attach';
import { consentLog } from './addons/consent-log';

attach(consentLog, 'consent-gate.consent-log.min.js');
