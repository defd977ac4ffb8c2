// The one try/catch of the library's edges: the cookie jar, a stored value, the Trusted Types factory.

/** What f returns, or undefined where it throws (hostile input, no cookie jar, no Trusted Types). */
export function guard<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    // Nothing to return.
  }
}
