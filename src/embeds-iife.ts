// dist/consent-gate.embeds.min.js: before or after consent-gate.min.js, with or without defer/async.
import { attach } from './addons/attach';
import { embeds } from './addons/embeds';

attach(embeds, 'consent-gate.embeds.min.js');
