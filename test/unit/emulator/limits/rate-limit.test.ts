import { expect } from "chai";
import { start, type EmulatorHandle } from "../../../../emulator";
import { TokenBuckets } from "../../../../emulator/limits/rate-limit";
import { DigestClient } from "../support/http-client";

describe("emulator rate limits", function () {
  this.timeout(30_000);
  let emu: EmulatorHandle;
  let api: DigestClient;
  let clock = Date.now();
  const orgKeys = () => `/api/atlas/v2/orgs/${emu.orgId}/apiKeys`;

  before(async () => {
    emu = await start({
      seed: "rate-limit-tests",
      now: () => clock,
      rateLimit: { orgCapacity: 3, projectCapacity: 2, refillPerSecond: 0.5 },
    });
    api = new DigestClient(emu.url, emu.publicKey, emu.privateKey);
  });
  after(() => emu.close());
  beforeEach(() => {
    emu.reset();
    emu.configure({ rateLimit: { enabled: true, orgCapacity: 3, projectCapacity: 2, refillPerSecond: 0.5 } });
  });

  it("counts down Ratelimit-Remaining, then answers 429 with Retry-After and Atlas's body", async () => {
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await api.get(orgKeys());
      expect(res.status).to.equal(200);
      expect(res.headers["ratelimit-limit"]).to.equal("3");
      remaining.push(String(res.headers["ratelimit-remaining"]));
    }
    expect(remaining).to.deep.equal(["2", "1", "0"]);
    const limited = await api.get(orgKeys());
    expect(limited.status).to.equal(429);
    expect(limited.headers["retry-after"]).to.equal("2");
    expect(limited.headers["x-error-code"]).to.equal("RATE_LIMITED_TOKEN_BUCKET");
    expect(limited.text).to.equal(
      '{"detail":"Rate limit exceeded for api/atlas/v2/orgs. Please retry after 2 seconds. Request capacity: 3. Refill rate: 30 per 60 seconds.",' +
        '"error":429,"errorCode":"RATE_LIMITED_TOKEN_BUCKET","parameters":["api/atlas/v2/orgs",2,3,30,60],"reason":"Too Many Requests"}',
    );
    clock += 2_000;
    expect((await api.get(orgKeys())).status).to.equal(200);
  });

  it("sets the tokens left in an organization's key bucket, as a neighbour draining it would", async () => {
    emu.setOrgKeyBucketTokens(emu.orgId, 1);
    const first = await api.get(orgKeys());
    expect([first.status, first.headers["ratelimit-remaining"]]).to.deep.equal([200, "0"]);
    expect((await api.get(orgKeys())).status).to.equal(429);
    emu.setOrgKeyBucketTokens(emu.orgId, 99);
    expect((await api.get(orgKeys())).headers["ratelimit-remaining"]).to.equal("2");
  });

  it("shares one bucket between the org keys and their access lists, per organization", async () => {
    await api.get(orgKeys());
    await api.get(`${orgKeys()}/${emu.apiKeyId}/accessList`);
    await api.post(orgKeys(), { desc: "x", roles: ["ORG_MEMBER"] });
    expect((await api.get(`${orgKeys()}/${emu.apiKeyId}`)).status).to.equal(429);
    // GET /orgs/{id} has its own bucket; so has every other organization.
    expect((await api.get(`/api/atlas/v2/orgs/${emu.orgId}`)).status).to.equal(200);
    const other = new DigestClient(emu.url, emu.otherOrg.publicKey!, emu.otherOrg.privateKey!);
    expect((await other.get(`/api/atlas/v2/orgs/${emu.otherOrg.orgId}/apiKeys`)).status).to.equal(200);
  });

  it("keeps a bucket per project for project key endpoints", async () => {
    const groupKeys = (id: string) => `/api/atlas/v2/groups/${id}/apiKeys`;
    expect((await api.get(groupKeys(emu.projectId))).headers["ratelimit-limit"]).to.equal("2");
    await api.get(groupKeys(emu.projectId));
    expect((await api.get(groupKeys(emu.projectId))).status).to.equal(429);
    expect((await api.get(groupKeys(emu.secondProjectId))).status).to.equal(200);
  });

  it("does not charge unauthenticated challenge round trips", async () => {
    for (let i = 0; i < 3; i++) expect((await api.get(orgKeys())).status).to.equal(200);
    const challenges = emu.requests().filter((r) => r.challenge).length;
    expect(challenges).to.equal(3);
  });

  it("can be disabled: no 429 and no rate-limit headers", async () => {
    emu.configure({ rateLimit: false });
    for (let i = 0; i < 6; i++) {
      const res = await api.get(orgKeys());
      expect(res.status).to.equal(200);
      expect(res.headers).to.not.have.property("ratelimit-limit");
    }
  });

  it("refills continuously up to the capacity", () => {
    let now = 0;
    const buckets = new TokenBuckets(() => now);
    const spec = { key: "k", capacity: 2, refillPerSecond: 1, label: "x" };
    expect(buckets.take(spec)).to.deep.equal({ allowed: true, limit: 2, remaining: 1, retryAfterSeconds: 0 });
    expect(buckets.take(spec).allowed).to.equal(true);
    expect(buckets.take(spec)).to.deep.equal({ allowed: false, limit: 2, remaining: 0, retryAfterSeconds: 1 });
    now = 10_000;
    expect(buckets.take(spec).remaining).to.equal(1);
  });
});
