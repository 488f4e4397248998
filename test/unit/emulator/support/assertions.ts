import { expect } from "chai";
import type { HttpResult } from "./http-client";

/** Asserts an Atlas error answer: status, media type, `X-Error-Code`, alphabetical `ApiError` keys, code. */
export function expectAtlasError(res: HttpResult, status: number, errorCode: string): void {
  expect(res.status, res.text).to.equal(status);
  expect(res.headers["content-type"]).to.equal("application/json");
  expect(res.headers["x-error-code"]).to.equal(errorCode);
  expect(Object.keys(res.json)).to.deep.equal(["detail", "error", "errorCode", "parameters", "reason"]);
  expect(res.json).to.include({ error: status, errorCode });
}
