// Event handlers registered with on(); every event also goes to window as consent-gate:<event>.
import { error } from './log';
import type { EventArgs, EventName } from './types';

type Handler = (...args: any[]) => void;
let handlers: Partial<Record<EventName, Set<Handler>>> = {};

/** Calls a site's callback; an error in it must not stop the library's own work. */
export function safe(fn: Handler | undefined, ...args: unknown[]): void {
  try {
    if (fn) fn(...args);
  } catch (e) {
    error('a callback threw', e);
  }
}

/** Calls `handler` on every `event`; returns the function that stops it. */
export function on<E extends EventName>(event: E, handler: (...args: EventArgs[E]) => void): () => void {
  (handlers[event] ||= new Set()).add(handler as Handler);
  return () => void handlers[event]?.delete(handler as Handler);
}

export function emit(event: EventName, detail: unknown, ...extra: unknown[]): void {
  handlers[event]?.forEach((fn) => safe(fn, detail, ...extra));
  window.dispatchEvent(new CustomEvent('consent-gate:' + event, { detail }));
}

export function clearHandlers(): void {
  handlers = {};
}
