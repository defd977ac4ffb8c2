// Small checks on plain values that several modules share.

/** A plain object: not null, not an array. */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value == 'object' && !Array.isArray(value);

export const isBoolean = (value: unknown): value is boolean => value === true || value === false;

/**
 * Whether `key` is an own property of `object`. An inherited one (`toString`, or a key some other
 * script put on Object.prototype) never counts as a category, a service or a choice.
 */
export const hasOwn = (object: object, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(object, key);
