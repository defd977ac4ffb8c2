import { onScopeDispose, shallowRef } from 'vue';
import { subscribe, type ConsentSnapshot } from 'consent-gate';

/** The visitor's decision as a ref (null before one), for templates and computed values. */
export function useConsent() {
  const consent = shallowRef<ConsentSnapshot | null>(null);
  // subscribe() calls back at once with the current decision, then at each change.
  onScopeDispose(
    subscribe((value) => {
      consent.value = value;
    }),
  );
  return consent;
}
