import { expect } from "chai";
import { isAtlasApiError, type AtlasApiError } from "../../provider/atlas/errors";
import { rejectionOf } from "./rejection-of";

export { rejectionOf };

/** Awaits a promise that must reject, and checks the message. */
export async function expectRejection(promise: Promise<unknown>, message: RegExp): Promise<Error> {
  const error = await rejectionOf(promise, `a rejection matching ${message}`);
  expect(error.message).to.match(message);
  return error;
}

/** The Atlas API error a client call fails with; any other failure is thrown again as it is. */
export async function atlasRejectionOf(promise: Promise<unknown>): Promise<AtlasApiError> {
  const error = await rejectionOf(promise, "the call to fail");
  if (isAtlasApiError(error)) return error;
  throw error;
}
