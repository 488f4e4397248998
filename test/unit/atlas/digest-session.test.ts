import { expect } from "chai";
import { AtlasClient, isAtlasApiError, type AtlasApiError } from "../../../provider/atlas";
import { closedAfterEachTest, digestGuard, sendJson, type DigestGuardOptions } from "./support/local-server";

const ORG = "5f1a2b3c4d5e6f7a8b9c0d1e";
// Test-only credentials: a public key and a UUID-shaped private key that exist nowhere else.
const PUBLIC_KEY = "abcdwxyz";
const PRIVATE_KEY = "0f6a7c1e-3b2d-4e5f-8a9b-0c1d2e3f4a5b";

describe("atlas digest session against a local server", () => {
  const local = closedAfterEachTest();

  async function setup(guard: Partial<DigestGuardOptions> = {}, password = PRIVATE_KEY) {
    const { handler, decisions } = digestGuard(
      { realm: "MMS Public API", username: PUBLIC_KEY, password: PRIVATE_KEY, allowReuse: true, ...guard },
      (req, res) => sendJson(res, 200, { id: ORG, name: "org", url: req.url }),
    );
    const server = await local.startServer(handler);
    const lines: string[] = [];
    const client = local.closeAfterTest(
      new AtlasClient({
        baseUrl: server.baseUrl,
        credentials: { type: "apiKey", publicKey: PUBLIC_KEY, privateKey: password },
        log: (line) => lines.push(line),
      }),
    );
    return { decisions, lines, client, server };
  }

  it("costs one HTTP request per call in steady state (nonce reused, nc increasing)", async () => {
    const { decisions, client, server } = await setup();
    for (let i = 0; i < 20; i++) await client.getOrganization(ORG);
    expect(server.requests).to.have.length(21); // one probe, then one request per call
    expect(client.stats).to.include({ apiCalls: 20, httpRequests: 21, challenges: 1, retries: 0 });
    const accepted = decisions.filter((d) => d.outcome === "accepted");
    expect(new Set(accepted.map((d) => d.nonce)).size).to.equal(1);
    expect(accepted.map((d) => d.nc)).to.deep.equal(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it("sends only one probe when 16 calls start at once, and nc stays unique per nonce", async () => {
    const { decisions, client, server } = await setup();
    const results = await Promise.all(Array.from({ length: 16 }, () => client.getOrganization(ORG)));
    expect(results.every((r) => r.id === ORG)).to.equal(true);
    expect(decisions.filter((d) => d.outcome === "challenged")).to.have.length(1);
    const signed = decisions.filter((d) => d.nc !== undefined);
    const keys = signed.map((d) => `${d.nonce}#${d.nc}`);
    expect(new Set(keys).size).to.equal(keys.length);
    // Arrival order may differ from send order on parallel sockets; any out-of-order
    // refusal is answered by one re-challenge, so the total stays close to 1 per call.
    expect(server.requests.length).to.be.at.most(16 + 1 + 16);
    const again = server.requests.length;
    for (let i = 0; i < 5; i++) await client.getOrganization(ORG);
    expect(server.requests.length - again).to.equal(5);
  });

  it("signs the query string as part of the uri", async () => {
    const { client, decisions } = await setup();
    await client.listOrgApiKeys(ORG);
    const accepted = decisions.filter((d) => d.outcome === "accepted");
    expect(accepted[0].url).to.equal(`/api/atlas/v2/orgs/${ORG}/apiKeys?itemsPerPage=500&pageNum=1`);
  });

  it("answers a stale nonce with one re-challenge and carries on with the new nonce", async () => {
    const { decisions, client, server } = await setup({ staleAfterUses: 3 });
    for (let i = 0; i < 6; i++) await client.getOrganization(ORG);
    // probe + 3 accepted, stale 401 + resend, 2 more accepted on the new nonce
    expect(decisions.map((d) => d.outcome)).to.deep.equal([
      "challenged",
      "accepted",
      "accepted",
      "accepted",
      "stale",
      "accepted",
      "accepted",
      "accepted",
    ]);
    expect(server.requests).to.have.length(8);
    expect(client.stats.challenges).to.equal(2);
    const nonces = decisions.filter((d) => d.outcome === "accepted").map((d) => d.nonce);
    expect(new Set(nonces).size).to.equal(2);
  });

  it("falls back to a challenge per call when the server refuses reused nonces, without failing a call", async () => {
    const { decisions, client, server, lines } = await setup({ allowReuse: false });
    for (let i = 0; i < 6; i++) {
      const org = await client.getOrganization(ORG);
      expect(org.id).to.equal(ORG);
    }
    const outcomes = decisions.map((d) => d.outcome);
    // call 1: probe + signed; calls 2 and 3: reused nonce refused, resent; then two requests per call.
    expect(outcomes.slice(0, 6)).to.deep.equal(["challenged", "accepted", "stale", "accepted", "stale", "accepted"]);
    expect(outcomes.slice(6)).to.deep.equal([
      "challenged",
      "accepted",
      "challenged",
      "accepted",
      "challenged",
      "accepted",
    ]);
    expect(server.requests).to.have.length(12);
    expect(lines.some((l) => /refuses reused nonces/.test(l))).to.equal(true);
  });

  it("reports wrong credentials as a 401 AtlasApiError after probe + one signed request", async () => {
    const { client, server } = await setup({}, "ffffffff-ffff-4fff-8fff-ffffffffffff");
    let error: AtlasApiError | undefined;
    try {
      await client.getOrganization(ORG);
    } catch (e) {
      if (isAtlasApiError(e)) error = e;
    }
    expect(error?.status).to.equal(401);
    expect(error?.errorCode).to.equal("UNEXPECTED_ERROR");
    expect(server.requests).to.have.length(2);
  });

  it("supports SHA-256 challenges", async () => {
    const { client } = await setup({ algorithm: "SHA-256" });
    expect((await client.getOrganization(ORG)).id).to.equal(ORG);
  });
});
