import { expect } from "chai";
import { start, type EmulatorHandle } from "../../../../emulator";
import { bearerRequest, DigestClient, fetchToken, rawRequest } from "../support/http-client";

describe("emulator control plane", function () {
  this.timeout(30_000);
  let emu: EmulatorHandle;
  let api: DigestClient;
  const orgKeys = () => `/api/atlas/v2/orgs/${emu.orgId}/apiKeys`;
  const control = (method: string, name: string, body?: unknown) =>
    rawRequest(emu.url, method, `/__emulator/${name}`, {
      headers: { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  before(async () => {
    emu = await start({ seed: "control-tests" });
    api = new DigestClient(emu.url, emu.publicKey, emu.privateKey);
  });
  after(() => emu.close());
  beforeEach(() => emu.reset());

  it("needs no authentication and answers JSON", async () => {
    const res = await control("GET", "health");
    expect(res.status).to.equal(200);
    expect(res.headers["content-type"]).to.equal("application/json");
    expect(res.json).to.deep.equal({ ok: true });
    expect((await control("GET", "nope")).status).to.equal(404);
  });

  it("logs requests with auth scheme and challenge flag, and no secrets", async () => {
    await api.post(`${orgKeys()}?pretty=true`, { desc: "logged", roles: ["ORG_MEMBER"] });
    const token = (await fetchToken(emu.url, emu.clientId, emu.clientSecret)).json.access_token;
    await bearerRequest(emu.url, token, "GET", orgKeys());
    const { requests } = (await control("GET", "requests")).json;
    expect(
      requests.map((r: Record<string, unknown>) => [r.method, r.query, r.status, r.auth, r.challenge]),
    ).to.deep.equal([
      ["POST", "pretty=true", 401, "none", true],
      ["POST", "pretty=true", 200, "digest", false],
      ["POST", "", 200, "basic", false],
      ["GET", "", 200, "bearer", false],
    ]);
    expect(requests[1]).to.include({ seq: 2, path: orgKeys(), operationId: "createOrgApiKey" });
    const text = JSON.stringify(requests);
    for (const secret of [emu.privateKey, emu.clientSecret, token]) expect(text).to.not.include(secret);
    expect((await control("DELETE", "requests")).status).to.equal(204);
    expect((await control("GET", "requests")).json.requests).to.deep.equal([]);
  });

  it("dumps the state with secrets redacted", async () => {
    const created = (await api.post(orgKeys(), { desc: "dumped", roles: ["ORG_MEMBER"] })).json;
    await api.post(`/api/atlas/v2/groups/${emu.projectId}/apiKeys/${created.id}`, [{ roles: ["GROUP_READ_ONLY"] }]);
    await api.post(`${orgKeys()}/${created.id}/accessList`, [{ ipAddress: "192.0.2.1" }]);
    const state = (await control("GET", "state")).json;
    expect(state.orgs.map((o: { name: string }) => o.name)).to.deep.equal(["emulated-org", "other-org"]);
    expect(state.orgs[0].projects.map((p: { id: string }) => p.id)).to.deep.equal([emu.projectId, emu.secondProjectId]);
    const key = state.apiKeys.find((k: { id: string }) => k.id === created.id);
    expect(key).to.deep.include({
      orgId: emu.orgId,
      orgRoles: ["ORG_MEMBER"],
      projectRoles: { [emu.projectId]: ["GROUP_READ_ONLY"] },
      accessList: ["192.0.2.1/32"],
    });
    expect(key.privateKey).to.match(/^\*{8}-/);
    const text = JSON.stringify(state);
    for (const secret of [emu.privateKey, created.privateKey, emu.clientSecret]) expect(text).to.not.include(secret);
  });

  it("resets to the seeded start with the same credentials, clearing faults and the log", async () => {
    await api.post(orgKeys(), { desc: "gone after reset", roles: ["ORG_MEMBER"] });
    emu.injectFault({ status: 500 });
    const res = await control("POST", "reset");
    expect(res.status).to.equal(200);
    expect(res.json.defaults[0]).to.include({
      orgId: emu.orgId,
      publicKey: emu.publicKey,
      privateKey: emu.privateKey,
      clientId: emu.clientId,
    });
    expect(emu.state().apiKeys.map((k) => k.desc)).to.not.include("gone after reset");
    expect(emu.faults()).to.deep.equal([]);
    expect(emu.requests()).to.deep.equal([]);
    expect((await api.get(orgKeys())).status).to.equal(200);
  });

  it("resets to an empty state on request", async () => {
    await control("POST", "reset", { empty: true });
    expect(emu.state().orgs).to.deep.equal([]);
    expect((await api.get(orgKeys())).status).to.equal(401);
  });

  it("seeds organizations, projects, keys with given roles and service accounts", async () => {
    const res = await control("POST", "seed", {
      orgName: "seeded-org",
      projects: ["a", "b"],
      apiKey: { roles: ["ORG_READ_ONLY"], projectRoles: ["GROUP_OWNER"] },
    });
    expect(res.status).to.equal(200);
    const seeded = res.json;
    expect(seeded.projectIds).to.have.length(2);
    expect(seeded.clientSecret).to.match(/^mdb_sa_sk_/);
    const client = new DigestClient(emu.url, seeded.publicKey, seeded.privateKey);
    const key = (await client.get(`/api/atlas/v2/orgs/${seeded.orgId}/apiKeys/${seeded.apiKeyId}`)).json;
    expect(key.roles).to.have.deep.members([
      { orgId: seeded.orgId, roleName: "ORG_READ_ONLY" },
      { groupId: seeded.projectIds[0], roleName: "GROUP_OWNER" },
      { groupId: seeded.projectIds[1], roleName: "GROUP_OWNER" },
    ]);
    const bad = await control("POST", "seed", { apiKey: { roles: ["GROUP_OWNER"] } });
    expect(bad.status).to.equal(400);
    expect(bad.json.errorCode).to.equal("INVALID_ROLE_FOR_ORG");
  });

  it("reads and changes the configuration live", async () => {
    const config = (await control("GET", "config")).json;
    expect(config).to.deep.include({
      latencyMs: 0,
      nonceLifetimeMs: 60000,
      nonceReuse: true,
      digestAlgorithm: "MD5",
      tokenLifetimeSeconds: 3600,
    });
    expect(config.rateLimit).to.include({ enabled: true, orgCapacity: 500, projectCapacity: 1200 });
    const changed = await control("POST", "config", { latencyMs: 200, rateLimit: { orgCapacity: 7 } });
    expect(changed.json).to.deep.include({ latencyMs: 200 });
    expect(changed.json.rateLimit.orgCapacity).to.equal(7);
    try {
      const started = Date.now();
      const res = await rawRequest(emu.url, "GET", orgKeys());
      expect(res.status).to.equal(401);
      expect(Date.now() - started).to.be.at.least(190);
      expect((await api.get(orgKeys())).headers["ratelimit-limit"]).to.equal("7");
    } finally {
      await control("POST", "config", { latencyMs: 0, rateLimit: { orgCapacity: 500 } });
    }
    const bad = await control("POST", "config", { latencyMs: -1 });
    expect(bad.status).to.equal(400);
    expect(bad.json.detail).to.match(/latencyMs/);
    expect((await control("POST", "config", { bogus: 1 })).status).to.equal(400);
  });
});
