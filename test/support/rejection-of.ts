/*
 * The error a promise rejects with, on its own: it imports nothing from provider/, so the
 * emulator's tests can use it too.
 */

/** The error a promise rejects with; fails the test, saying what was expected, when it resolves. */
export async function rejectionOf<E extends Error = Error>(
  promise: Promise<unknown>,
  expected = "a failure",
): Promise<E> {
  try {
    await promise;
  } catch (error) {
    return error as E;
  }
  throw new Error(`expected ${expected}`);
}
