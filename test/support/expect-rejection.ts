import { expect } from "chai";

/** Awaits a promise that must reject, and checks the message. */
export async function expectRejection(promise: Promise<unknown>, message: RegExp): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    expect((error as Error).message).to.match(message);
    return error as Error;
  }
  throw new Error(`expected a rejection matching ${message}`);
}
