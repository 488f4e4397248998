import { expect } from "chai";
import { openTarget, type ContractTarget } from "./target";
import { checkFidelity } from "./fidelity";
import { AtlasApiError } from "../../provider/atlas/errors";
import { AtlasClient } from "../../provider/atlas/client";

const UNKNOWN_ID = "111111111111111111111111";

async function failure(call: Promise<unknown>): Promise<AtlasApiError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "expected the call to fail").to.be.instanceOf(AtlasApiError);
  return error as AtlasApiError;
}

describe("contract: Atlas errors, authentication and rate limits", () => {
  let t: ContractTarget;
  before(async () => {
    t = await openTarget("contract-errors");
  });
  after(async () => t.close());

  it("GROUP_NOT_FOUND for an unknown project, with Atlas's detail and parameters", async () => {
    const error = await failure(t.client.createProjectApiKey(UNKNOWN_ID, { desc: "x", roles: ["GROUP_READ_ONLY"] }));
    expect(error).to.include({
      status: 404,
      errorCode: "GROUP_NOT_FOUND",
      detail: `No group with ID ${UNKNOWN_ID} exists.`,
    });
    expect(error.parameters).to.deep.equal([UNKNOWN_ID]);
    expect(error.message).to.match(
      /^POST \/api\/atlas\/v2\/groups\/1{24}\/apiKeys: HTTP 404 \(Error code: "GROUP_NOT_FOUND"\)/,
    );
  });

  it("API_KEY_NOT_FOUND for an unknown key; PATH_PARAM_PARSE_ERROR for a public key given as id", async () => {
    expect(await failure(t.client.getOrgApiKey(t.orgId, UNKNOWN_ID))).to.include({
      status: 404,
      errorCode: "API_KEY_NOT_FOUND",
    });
    expect(await failure(t.client.getOrgApiKey(t.orgId, "abcdefgh"))).to.include({
      status: 400,
      errorCode: "PATH_PARAM_PARSE_ERROR",
    });
  });

  it("ORG_NOT_FOUND for an unknown organization", async function () {
    if (!t.emulator) this.skip(); // live Atlas: its answer for an organization the key cannot see is not documented; this checks the emulator's
    expect(await failure(t.client.getOrganization(UNKNOWN_ID))).to.include({ status: 404, errorCode: "ORG_NOT_FOUND" });
  });

  it("API_KEY_ALREADY_IN_GROUP when assigning a key twice", async () => {
    const key = await t.client.createOrgApiKey(t.orgId, { desc: "twice", roles: ["ORG_MEMBER"] });
    await t.client.assignApiKeyToProject(t.projectId, key.id, ["GROUP_READ_ONLY"]);
    const error = await failure(t.client.assignApiKeyToProject(t.projectId, key.id, ["GROUP_READ_ONLY"]));
    expect(error.errorCode).to.equal("API_KEY_ALREADY_IN_GROUP");
    await t.client.deleteOrgApiKey(t.orgId, key.id);
  });

  it("rejects an invalid role, an over-long description and a duplicate access-list entry", async () => {
    const badRole = await failure(t.client.createOrgApiKey(t.orgId, { desc: "x", roles: ["ORG_ADMIN"] }));
    expect(badRole.status).to.equal(400);
    expect(badRole.message).to.match(/Invalid role/i);
    expect(
      (await failure(t.client.createOrgApiKey(t.orgId, { desc: "x".repeat(251), roles: ["ORG_MEMBER"] }))).status,
    ).to.equal(400);
    const key = await t.client.createOrgApiKey(t.orgId, { desc: "dup", roles: ["ORG_MEMBER"] });
    await t.client.createAccessListEntries(t.orgId, key.id, [{ ipAddress: "192.0.2.1" }]);
    const duplicate = await failure(t.client.createAccessListEntries(t.orgId, key.id, [{ ipAddress: "192.0.2.1" }]));
    expect(duplicate.status).to.equal(409);
    await t.client.deleteOrgApiKey(t.orgId, key.id);
  });

  it("costs one HTTP request per API call in steady state (digest nonce reuse)", async () => {
    await t.client.getOrganization(t.orgId);
    const before = t.client.stats;
    const emulatorBefore = t.emulator?.requests().length ?? 0;
    for (let i = 0; i < 20; i++)
      await t.client.getOrgApiKey(t.orgId, t.emulator?.apiKeyId ?? (await t.client.listOrgApiKeys(t.orgId))[0].id);
    const after = t.client.stats;
    expect(after.apiCalls - before.apiCalls).to.equal(20);
    expect(after.httpRequests - before.httpRequests).to.equal(20);
    if (t.emulator) expect(t.emulator.requests().length - emulatorBefore).to.equal(20);
  });

  it("survives nonce expiry with one re-challenge (stale=true)", async function () {
    if (!t.emulator) this.skip(); // live Atlas: nonce lifetime cannot be shortened there; the emulator expires one on demand
    const client = t.clientWith({});
    await client.getOrganization(t.orgId);
    t.emulator.configure({ nonceLifetimeMs: 300 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const before = client.stats.httpRequests;
    await client.getOrganization(t.orgId);
    t.emulator.configure({ nonceLifetimeMs: 60_000 });
    expect(client.stats.httpRequests - before).to.equal(2);
    client.close();
  });

  it("honours the token bucket: 429 RATE_LIMITED_TOKEN_BUCKET without retries, success with them, paced or not", async function () {
    if (!t.emulator) this.skip(); // live Atlas: draining a real organization's rate limit would disturb its other users
    // A slow refill (one token every 500 ms): eight concurrent calls exhaust the bucket even when a
    // loaded machine spreads them out, so the 429s this test needs always happen.
    t.emulator.configure({ rateLimit: { enabled: true, orgCapacity: 3, refillPerSecond: 2 } });
    try {
      const impatient = t.clientWith({ retry: { maxAttempts: 1, maxThrottledWaitMs: 0 }, pacing: { enabled: false } });
      const results = await Promise.allSettled(Array.from({ length: 8 }, () => impatient.listOrgApiKeys(t.orgId)));
      const limited = results
        .filter((r) => r.status === "rejected")
        .map((r) => (r as PromiseRejectedResult).reason as AtlasApiError);
      expect(limited.length).to.be.greaterThan(0);
      expect(limited[0]).to.include({ status: 429, errorCode: "RATE_LIMITED_TOKEN_BUCKET" });
      // Without pacing, the 429s happen and the retries absorb them.
      const unpaced = t.clientWith({ pacing: { enabled: false } });
      await Promise.all(Array.from({ length: 8 }, () => unpaced.getOrganization(t.orgId)));
      expect(unpaced.stats.rateLimited).to.be.greaterThan(0);
      // Paced, the first answers teach the bucket: at most the one request that asks for its refill meets a 429.
      const paced = t.clientWith({});
      await Promise.all(Array.from({ length: 8 }, () => paced.getOrganization(t.orgId)));
      expect(paced.stats.rateLimited).to.be.at.most(1);
      expect(paced.stats.pacedRequests).to.be.greaterThan(0);
      impatient.close();
      unpaced.close();
      paced.close();
    } finally {
      t.emulator.configure({ rateLimit: false });
    }
  });

  it("works with a service account (OAuth client credentials): one token for many calls", async function () {
    if (!t.emulator) this.skip(); // live Atlas: needs service-account credentials of its own
    const client = new AtlasClient({
      baseUrl: t.proxy.url,
      credentials: { type: "serviceAccount", clientId: t.emulator.clientId, clientSecret: t.emulator.clientSecret },
    });
    await Promise.all(Array.from({ length: 5 }, () => client.listOrgApiKeys(t.orgId)));
    expect(client.stats.tokenRequests).to.equal(1);
    client.close();
  });

  it("rejects wrong credentials with Atlas's 401 and no secret in the error", async () => {
    const client = t.clientWith({
      credentials: { type: "apiKey", publicKey: "zzzzzzzz", privateKey: "00000000-0000-4000-8000-000000000000" },
    });
    const error = await failure(client.getOrganization(t.orgId));
    expect(error.status).to.equal(401);
    expect(JSON.stringify(error) + String(error) + error.stack).to.not.include("00000000-0000-4000-8000-000000000000");
    client.close();
  });

  it("every response body matches the official OpenAPI spec", function () {
    checkFidelity(this, t.proxy.recorded);
  });
});
