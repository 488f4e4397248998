import { expect } from "chai";
import { AtlasClient, isAtlasApiError, type AtlasApiError } from "../../../provider/atlas";
import { closedAfterEachTest, sendJson, startServer } from "./support/local-server";

const ORG = "5f1a2b3c4d5e6f7a8b9c0d1e";
const CLIENT_ID = "mdb_sa_id_0123456789abcdef01234567";
const CLIENT_SECRET = "mdb_sa_sk_TESTONLYsecretValue0123456789";

/** A token endpoint plus an API that accepts only the latest token. */
async function startOAuthServer(options: { expiresIn?: number; tokenScript?: number[] } = {}) {
  let issued = 0;
  const valid = new Set<string>();
  const state = {
    revokeAll: () => valid.clear(),
    tokenRequests: 0,
  };
  const server = await startServer(async (req, res) => {
    if (req.url === "/api/oauth/token") {
      state.tokenRequests++;
      const scripted = options.tokenScript?.shift();
      if (scripted)
        return sendJson(
          res,
          scripted,
          { error: scripted, errorCode: "RATE_LIMITED", detail: "slow down" },
          { "Retry-After": "1" },
        );
      const expected = "Basic " + Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString("base64");
      const formOk =
        req.headers["content-type"] === "application/x-www-form-urlencoded" &&
        req.body === "grant_type=client_credentials";
      if (req.method !== "POST" || req.headers.authorization !== expected || !formOk) {
        return sendJson(res, 401, { error: "invalid_client", error_description: "bad client credentials" });
      }
      // Slow enough that concurrent callers overlap with the token request.
      await new Promise((r) => setTimeout(r, 50));
      const token = `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.sig${++issued}`;
      valid.add(token);
      return sendJson(res, 200, { access_token: token, token_type: "Bearer", expires_in: options.expiresIn ?? 3600 });
    }
    const token = req.headers.authorization?.replace(/^Bearer /, "");
    if (!token || !valid.has(token)) {
      return sendJson(res, 401, {
        error: 401,
        errorCode: "UNEXPECTED_ERROR",
        reason: "Unauthorized",
        detail: "You are not authorized for this resource.",
      });
    }
    return sendJson(res, 200, { id: ORG, name: "org" });
  });
  return { server, state };
}

describe("atlas service-account (OAuth) auth", () => {
  const local = closedAfterEachTest();

  function makeClient(baseUrl: string, now?: () => number) {
    return new AtlasClient({
      baseUrl,
      credentials: { type: "serviceAccount", clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
      retry: { sleep: async () => undefined, ...(now ? { now } : {}) },
    });
  }

  it("fetches one token, caches it, and sends it as a bearer token", async () => {
    const started = await startOAuthServer();
    const server = local.closeAfterTest(started.server);
    const client = local.closeAfterTest(makeClient(server.baseUrl));
    for (let i = 0; i < 5; i++) expect((await client.getOrganization(ORG)).id).to.equal(ORG);
    expect(started.state.tokenRequests).to.equal(1);
    expect(client.stats).to.include({ tokenRequests: 1, apiCalls: 5, httpRequests: 6 });
    const apiRequest = server.requests.find((r) => r.url.startsWith("/api/atlas/v2/"));
    expect(apiRequest?.headers.authorization).to.match(/^Bearer eyJ/);
  });

  it("makes one token request for 10 concurrent callers", async () => {
    const started = await startOAuthServer();
    const server = local.closeAfterTest(started.server);
    const client = local.closeAfterTest(makeClient(server.baseUrl));
    await Promise.all(Array.from({ length: 10 }, () => client.getOrganization(ORG)));
    expect(started.state.tokenRequests).to.equal(1);
    expect(client.stats.httpRequests).to.equal(11);
  });

  it("drops a token refused with 401, fetches a new one and resends once", async () => {
    const started = await startOAuthServer();
    const server = local.closeAfterTest(started.server);
    const client = local.closeAfterTest(makeClient(server.baseUrl));
    await client.getOrganization(ORG);
    started.state.revokeAll();
    expect((await client.getOrganization(ORG)).id).to.equal(ORG);
    expect(started.state.tokenRequests).to.equal(2);
    const api = server.requests.filter((r) => r.url.startsWith("/api/atlas/"));
    expect(api).to.have.length(3);
  });

  it("renews the token shortly before it expires", async () => {
    const started = await startOAuthServer({ expiresIn: 3600 });
    const server = local.closeAfterTest(started.server);
    let now = 1_000_000;
    const client = local.closeAfterTest(makeClient(server.baseUrl, () => now));
    await client.getOrganization(ORG);
    now += (3600 - 61) * 1000; // still outside the 60 s margin
    await client.getOrganization(ORG);
    expect(started.state.tokenRequests).to.equal(1);
    now += 2000; // inside the margin
    await client.getOrganization(ORG);
    expect(started.state.tokenRequests).to.equal(2);
  });

  it("uses 10% of the lifetime as the margin for short tokens", async () => {
    const started = await startOAuthServer({ expiresIn: 100 });
    const server = local.closeAfterTest(started.server);
    let now = 0;
    const client = local.closeAfterTest(makeClient(server.baseUrl, () => now));
    await client.getOrganization(ORG);
    now += 89_000;
    await client.getOrganization(ORG);
    expect(started.state.tokenRequests).to.equal(1);
    now += 2_000;
    await client.getOrganization(ORG);
    expect(started.state.tokenRequests).to.equal(2);
  });

  it("retries the token endpoint's 429", async () => {
    const started = await startOAuthServer({ tokenScript: [429, 429] });
    const server = local.closeAfterTest(started.server);
    const client = local.closeAfterTest(makeClient(server.baseUrl));
    expect((await client.getOrganization(ORG)).id).to.equal(ORG);
    expect(started.state.tokenRequests).to.equal(3);
    expect(client.stats).to.include({ tokenRequests: 3, rateLimited: 2 });
  });

  it("reports bad client credentials as an AtlasApiError without the secret", async () => {
    const started = await startOAuthServer();
    const server = local.closeAfterTest(started.server);
    const client = local.closeAfterTest(
      new AtlasClient({
        baseUrl: server.baseUrl,
        credentials: { type: "serviceAccount", clientId: CLIENT_ID, clientSecret: "mdb_sa_sk_WRONGsecretValue" },
      }),
    );
    let error: AtlasApiError | undefined;
    await client.getOrganization(ORG).catch((e) => (error = isAtlasApiError(e) ? e : undefined));
    expect(error).to.include({ status: 401, errorCode: "invalid_client", path: "/api/oauth/token", method: "POST" });
    expect(error?.detail).to.equal("bad client credentials");
    const dump = JSON.stringify(error) + String(error) + String(error?.stack);
    expect(dump.includes("WRONGsecret") || dump.includes("Basic "), "a secret leaked").to.equal(false);
  });
});
