/**
 * Thrown by `init` and `register` when the configuration is wrong. The message names the path
 * of the bad value and what was expected there.
 */
export class ConsentGateConfigError extends Error {
  /** Always `'ConsentGateConfigError'`, in every build (unlike the class's own name after minifying). */
  declare readonly name: 'ConsentGateConfigError';
}
// On the prototype, set by name: minifiers rename the class.
(ConsentGateConfigError.prototype as { name: string }).name = 'ConsentGateConfigError';
