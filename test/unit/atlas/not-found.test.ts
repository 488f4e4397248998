import { expect } from "chai";
import { AtlasApiError } from "../../../provider/atlas/errors";
import { GONE_WHEN, goneIf, isGone, MisdirectedRequestError } from "../../../provider/atlas/not-found";

const PATH = "/proxy/api/atlas/v2/orgs/5f1a2b3c4d5e6f7a8b9c0d1e/apiKeys/6a1b2c3d4e5f6a7b8c9d0e1f";
const answer = (status: number, errorCode?: string) =>
  new AtlasApiError({ status, errorCode, method: "DELETE", path: PATH });

/** What a 404 means for each kind of object read: [what was read, error code, gone?]. */
const RULE: [keyof typeof GONE_WHEN, string, boolean][] = [
  ["orgKey", "API_KEY_NOT_FOUND", true],
  ["orgKey", "ORG_NOT_FOUND", true],
  ["orgKey", "GROUP_NOT_FOUND", false],
  ["orgKey", "RESOURCE_NOT_FOUND", false],
  ["orgKey", "UNEXPECTED_RESPONSE", false], // a 404 whose body is not an Atlas error (an HTML page)
  ["orgKeys", "ORG_NOT_FOUND", true],
  ["orgKeys", "API_KEY_NOT_FOUND", false],
  ["project", "GROUP_NOT_FOUND", true],
  ["project", "RESOURCE_NOT_FOUND", false],
  ["project", "API_KEY_NOT_FOUND", false],
  ["projectAssignment", "API_KEY_NOT_FOUND", true],
  ["projectAssignment", "GROUP_NOT_FOUND", true],
  ["projectAssignment", "RESOURCE_NOT_FOUND", false],
  ["accessListEntry", "API_KEY_ACCESS_LIST_NOT_FOUND", true],
  ["accessListEntry", "API_KEY_WHITELIST_NOT_FOUND", true],
  ["accessListEntry", "API_KEY_NOT_FOUND", true],
  ["accessListEntry", "RESOURCE_NOT_FOUND", false],
  ["accessListEntry", "UNEXPECTED_RESPONSE", false],
];

describe("not found: decided by the Atlas error code naming the object", () => {
  for (const [read, code, gone] of RULE) {
    it(`${read}: 404 ${code} ${gone ? "is gone" : "is an error that says the base URL looks wrong"}`, async () => {
      const outcome = await goneIf(Promise.reject(answer(404, code)), GONE_WHEN[read]).then(
        (value) => ({ gone: value === undefined, error: undefined as Error | undefined }),
        (error: Error) => ({ gone: false, error }),
      );
      expect(outcome.gone).to.equal(gone);
      if (gone) return;
      expect(outcome.error).to.be.instanceOf(MisdirectedRequestError);
      expect(outcome.error!.message)
        .to.include(`DELETE ${PATH} answered HTTP 404 with error code "${code}"`)
        .and.match(/base URL looks wrong/)
        .and.match(/mongodbatlas:baseUrl .* host root, e\.g\. "https:\/\/cloud\.mongodb\.com"/);
    });
  }

  it("passes values through and rethrows errors that are not 404s unchanged", async () => {
    expect(await goneIf(Promise.resolve("value"), GONE_WHEN.orgKey)).to.equal("value");
    for (const error of [answer(401, "UNEXPECTED_ERROR"), answer(500), answer(0, "TIMEOUT"), new Error("404")]) {
      const thrown = await goneIf(Promise.reject(error), GONE_WHEN.orgKey).catch((e: unknown) => e);
      expect(thrown).to.equal(error);
      expect(isGone(error, GONE_WHEN.orgKey)).to.equal(false);
    }
  });

  it("never shows a credential: only method, path and code", () => {
    const error = new AtlasApiError({
      status: 404,
      errorCode: "RESOURCE_NOT_FOUND",
      method: "GET",
      path: "/x?token=s3cr3t-value-123",
      detail: "Authorization: Digest username=abcdefgh",
    });
    let message = "";
    try {
      isGone(error, GONE_WHEN.orgKey);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).to.match(/^GET \/x/);
    expect(message).to.not.include("s3cr3t").and.not.include("abcdefgh");
  });
});
