import { expect } from "chai";
import { createValidator } from "../support/openapi-validator";
import { APIKEYS_SPEC, loadSpecOrSkip, SERVICE_ACCOUNTS_SPEC } from "../support/reference-spec";
import type { RecordedResponse } from "./recording-proxy";

/** The reference specs every recorded response is checked against (the one declaring its operation). */
const SPEC_FILES = [APIKEYS_SPEC, SERVICE_ACCOUNTS_SPEC];

/**
 * Validates every recorded response against the reference specs. Empty 204 bodies and the digest
 * challenge 401 are checked too (the 401 body is the live one). Without a spec: fails under
 * CI=true, skips elsewhere saying how to provide it.
 */
export function checkFidelity(ctx: Mocha.Context, recorded: RecordedResponse[]): void {
  const specs = SPEC_FILES.map((file) => loadSpecOrSkip(ctx, file));
  const validate = createValidator(specs, { acceptUndeclaredErrors: true });
  const problems = recorded.flatMap((response) => validate(response));
  expect(recorded.length).to.be.greaterThan(0);
  expect(problems, problems.slice(0, 20).join("\n")).to.deep.equal([]);
  console.log(`      ${recorded.length} responses validated against the OpenAPI specs`);
}
