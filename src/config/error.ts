/**
 * Thrown by `init` and `register` when the configuration is wrong. The message names the path
 * of the bad value and what was expected there.
 */
export class ConsentGateConfigError extends Error {
  /** Always `'ConsentGateConfigError'`, in every build (unlike the class's own name after minifying). */
  declare readonly name: 'ConsentGateConfigError';
  constructor(message: string) {
    super(message);
    // Set explicitly: minifiers rename the class.
    this.name = 'ConsentGateConfigError';
  }
}
