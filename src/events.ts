// Event handlers registered with on(); every event also goes to window as consent-gate:<event>.
import { error, warn } from './log';
import type { Changes, EventArgs, EventName } from './types';

type Handler = (...args: any[]) => void;
/** Every event of on(); also dispatched on window as consent-gate:<event>. */
const EVENTS: EventName[] = [
  'consent',
  'change',
  'banner:show',
  'banner:hide',
  'preferences:show',
  'preferences:hide',
];
let handlers: Partial<Record<EventName, Set<Handler>>> = {};

/** Calls a site's callback; an error in it must not stop the library's own work. */
export function safe(fn: Handler | undefined, ...args: unknown[]): void {
  try {
    if (fn) fn(...args);
  } catch (e) {
    error('a callback threw', e);
  }
}

/**
 * Calls `handler` on every `event`; returns the function that stops it. A handler that is no function,
 * or an event that does not exist, is said at once (it would fail, or never fire, later) and not kept.
 */
export function on<E extends EventName>(event: E, handler: (...args: EventArgs[E]) => void): () => void {
  if (!EVENTS.includes(event)) {
    warn(`on("${event}"): no such event; the events are ${EVENTS.join(', ')}`);
    return () => {};
  }
  if (typeof handler != 'function') {
    warn(`on("${event}", …): the handler must be a function (got ${typeof handler})`);
    return () => {};
  }
  (handlers[event] ||= new Set()).add(handler as Handler);
  return () => void handlers[event]?.delete(handler as Handler);
}

/**
 * Calls the handlers of `event` with the consent (`detail`) and, for `change`, the changes; then
 * dispatches consent-gate:<event> on window with the consent in `detail` and the changes in `changes`.
 */
export function emit(event: EventName, detail: unknown, changes?: Changes): void {
  const args = changes ? [detail, changes] : [detail];
  handlers[event]?.forEach((fn) => safe(fn, ...args));
  const windowEvent = new CustomEvent('consent-gate:' + event, { detail });
  if (changes) Object.assign(windowEvent, { changes });
  window.dispatchEvent(windowEvent);
}

export function clearHandlers(): void {
  handlers = {};
}
