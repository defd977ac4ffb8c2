import { subscribe } from 'consent-gate';

/** The visitor's decision as a Svelte store: `$consent` in a component, null before a decision. */
export const consent = { subscribe };
