// dist/consent-gate.autoblock.min.js: load it right after consent-gate.min.js, both without defer,
// before any tag it should hold back.
import { attach } from './addons/attach';
import { autoblock } from './addons/autoblock';

attach(autoblock, 'consent-gate.autoblock.min.js');
