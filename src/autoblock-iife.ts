// dist/consent-gate.autoblock.min.js: before or after consent-gate.min.js; it blocks from the
// library's init on, so load both without defer, before any tag it should hold back.
import { attach } from './addons/attach';
import { autoblock } from './addons/autoblock';

attach(autoblock, 'consent-gate.autoblock.min.js');
