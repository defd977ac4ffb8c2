// The library's voice in the console: every message names it, and each warning is said once.
const said = new Set<string>();

export const warn = (msg: string): void => {
  if (!said.has(msg)) console.warn('consent-gate: ' + msg);
  said.add(msg);
};

export const error = (msg: string, e: unknown): void => console.error('consent-gate: ' + msg, e);
