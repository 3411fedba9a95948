// What a call throws, for tests that look at an error's code, field and words.
import { AppError } from '../../electron/services/errors';

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

/** The AppError `fn` throws (what the user would read: code, field, sentence). */
export function appErrorOf(fn: () => unknown): AppError {
  return thrownBy(fn, AppError);
}

/** The AppError a promise (or a function returning one, or throwing) rejects with; anything else fails the test as it was. */
export async function appErrorFrom(p: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}
