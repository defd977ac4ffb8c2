// The script-tag add-on files: each hands its add-on to the already loaded library.
import type { Addon } from '../types';

export function attach(addon: Addon, file: string): void {
  const cg = (window as unknown as { ConsentGate?: { use?(a: Addon): void } }).ConsentGate;
  if (cg && cg.use) cg.use(addon);
  else console.error(`consent-gate: ${file} needs consent-gate.min.js loaded before it; it does nothing.`);
}
