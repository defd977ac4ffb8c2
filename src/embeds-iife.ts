// dist/consent-gate.embeds.min.js: load it after consent-gate.min.js.
import { attach } from './addons/attach';
import { embeds } from './addons/embeds';

attach(embeds, 'consent-gate.embeds.min.js');
