/**
 * consent-gate/autoblock: holds back scripts and iframes that other code adds, by the URL patterns
 * in each service's `blocks`. `use(autoblock)` after importing it, before any such code runs.
 * @packageDocumentation
 */
export { autoblock } from './addons/autoblock';
