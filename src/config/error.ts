/**
 * Thrown by `init` and `register` when the configuration is wrong. The message names the path
 * of the bad value and what was expected there.
 */
export interface ConsentGateConfigError extends Error {
  /** Always `'ConsentGateConfigError'`, in every build (unlike the class's own name after minifying). */
  readonly name: 'ConsentGateConfigError';
}

/** The constructor of {@link ConsentGateConfigError}. */
export const ConsentGateConfigError: new (message: string) => ConsentGateConfigError =
  class extends Error {} as never;

// On the prototype, set by name: minifiers rename the class.
ConsentGateConfigError.prototype.name = 'ConsentGateConfigError';
