/**
 * consent-gate/embeds: placeholders for held-back iframes. `use(embeds)` after importing it.
 * @packageDocumentation
 */
export { embeds } from './addons/embeds';
