import { expect } from "chai";
import { start, type EmulatorHandle } from "../../../../emulator";
import { bearerRequest, fetchToken, rawRequest } from "../support/http-client";

describe("emulator service-account OAuth", function () {
  this.timeout(30_000);
  let emu: EmulatorHandle;
  let clock = Date.now();
  const orgKeys = () => `/api/atlas/v2/orgs/${emu.orgId}/apiKeys`;

  before(async () => {
    emu = await start({ seed: "oauth-tests", now: () => clock });
  });
  after(() => emu.close());
  beforeEach(() => {
    emu.reset();
    emu.configure({
      tokenLifetimeSeconds: 3600,
      rateLimit: { enabled: true, oauthCapacity: 10, oauthRefillPerSecond: 10 / 60 },
    });
  });

  it("issues a bearer token for client credentials without any prior challenge", async () => {
    const res = await fetchToken(emu.url, emu.clientId, emu.clientSecret);
    expect(res.status).to.equal(200);
    expect(res.headers["content-type"]).to.equal("application/json");
    expect(res.headers["cache-control"]).to.equal("no-store");
    expect(Object.keys(res.json)).to.deep.equal(["access_token", "expires_in", "token_type"]);
    expect(res.json).to.include({ expires_in: 3600, token_type: "Bearer" });
    expect(res.json.access_token).to.be.a("string").with.length.greaterThan(20);
    expect(emu.requests().map((r) => r.status)).to.deep.equal([200]);
  });

  it("accepts the token on the Admin API", async () => {
    const token = (await fetchToken(emu.url, emu.clientId, emu.clientSecret)).json.access_token;
    const res = await bearerRequest(emu.url, token, "POST", orgKeys(), {
      desc: "by service account",
      roles: ["ORG_MEMBER"],
    });
    expect(res.status).to.equal(200);
    expect(emu.requests().pop()).to.include({ auth: "bearer", status: 200, challenge: false });
  });

  it("refuses wrong client credentials and unsupported grants", async () => {
    const wrong = await fetchToken(emu.url, emu.clientId, "mdb_sa_sk_wrong");
    expect(wrong.status).to.equal(401);
    expect(wrong.json).to.deep.equal({ error: "invalid_client", error_description: "Client authentication failed." });
    const grant = await rawRequest(emu.url, "POST", "/api/oauth/token", {
      headers: {
        Authorization: `Basic ${Buffer.from(`${emu.clientId}:${emu.clientSecret}`).toString("base64")}`,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "grant_type=password",
    });
    expect(grant.status).to.equal(400);
    expect(grant.json.error).to.equal("unsupported_grant_type");
  });

  it("expires tokens after their lifetime: then 401 with the digest challenge", async () => {
    emu.configure({ tokenLifetimeSeconds: 60 });
    const issued = (await fetchToken(emu.url, emu.clientId, emu.clientSecret)).json;
    expect(issued.expires_in).to.equal(60);
    expect((await bearerRequest(emu.url, issued.access_token, "GET", orgKeys())).status).to.equal(200);
    clock += 60_000;
    const expired = await bearerRequest(emu.url, issued.access_token, "GET", orgKeys());
    expect(expired.status).to.equal(401);
    expect(expired.json.errorCode).to.equal("UNEXPECTED_ERROR");
    expect(expired.headers["www-authenticate"]).to.match(/^Digest /);
  });

  it("revokes tokens", async () => {
    const token = (await fetchToken(emu.url, emu.clientId, emu.clientSecret)).json.access_token;
    const basic = Buffer.from(`${emu.clientId}:${emu.clientSecret}`).toString("base64");
    const res = await rawRequest(emu.url, "POST", "/api/oauth/revoke", {
      headers: { Authorization: `Basic ${basic}`, "Content-Type": "application/x-www-form-urlencoded" },
      body: `token=${encodeURIComponent(token)}&token_type_hint=access_token`,
    });
    expect(res.status).to.equal(200);
    expect((await bearerRequest(emu.url, token, "GET", orgKeys())).status).to.equal(401);
  });

  it("rejects an unknown bearer token", async () => {
    expect((await bearerRequest(emu.url, "not-a-token", "GET", orgKeys())).status).to.equal(401);
  });

  it("limits the token endpoint to 10 requests per minute per client (429 RATE_LIMITED + Retry-After)", async () => {
    for (let i = 0; i < 10; i++)
      expect((await fetchToken(emu.url, emu.clientId, emu.clientSecret)).status).to.equal(200);
    const limited = await fetchToken(emu.url, emu.clientId, emu.clientSecret);
    expect(limited.status).to.equal(429);
    expect(limited.headers["retry-after"]).to.equal("6");
    expect(limited.json).to.deep.equal({
      detail: "Resource api/oauth/token is limited to 10 requests every 1 minutes.",
      error: 429,
      errorCode: "RATE_LIMITED",
      parameters: ["api/oauth/token", 10, 1],
      reason: "Too Many Requests",
    });
    clock += 6_000;
    expect((await fetchToken(emu.url, emu.clientId, emu.clientSecret)).status).to.equal(200);
  });

  it("keeps tokens out of the state dump and the request log", async () => {
    const token = (await fetchToken(emu.url, emu.clientId, emu.clientSecret)).json.access_token;
    await bearerRequest(emu.url, token, "GET", orgKeys());
    const dump = JSON.stringify(emu.state()) + JSON.stringify(emu.requests()) + JSON.stringify(emu.model.snapshot());
    expect(dump).to.not.include(token);
    expect(JSON.stringify(emu.state()) + JSON.stringify(emu.requests())).to.not.include(emu.clientSecret);
    expect(emu.state().activeTokens).to.equal(1);
  });
});
