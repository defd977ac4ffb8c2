/**
 * Thrown by `init` and `register` when the configuration is wrong. The message names the path
 * of the bad value and what was expected there.
 */
export class ConsentGateConfigError extends Error {
  constructor(message: string) {
    super(message);
    // Set explicitly: minifiers rename the class.
    this.name = 'ConsentGateConfigError';
  }
}
