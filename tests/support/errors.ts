// What a call throws, for tests that look at an error's code, field and words.

/** The error `fn` throws, which must be a `type` (anything else thrown fails the test as it was). */
export function thrownBy<T extends Error>(fn: () => unknown, type: abstract new (...args: never[]) => T): T {
  try {
    fn();
  } catch (e) {
    if (e instanceof type) return e;
    throw e;
  }
  throw new Error(`expected a ${type.name} to be thrown`);
}
