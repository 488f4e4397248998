import { expect } from "chai";
import type { ServerResponse, IncomingMessage } from "http";
import { AtlasClient, type RetryOptions } from "../../../provider/atlas";
import { closedAfterEachTest, digestGuard, sendJson, startServer } from "./support/local-server";
import { atlasRejectionOf } from "../../support/expect-rejection";

const ORG = "5f1a2b3c4d5e6f7a8b9c0d1e";
const PUBLIC_KEY = "retrykey";
const PRIVATE_KEY = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
const KEY_PATH = `/api/atlas/v2/orgs/${ORG}/apiKeys`;
const CREATED = {
  id: "6c1a2b3c4d5e6f7a8b9c0d1e",
  desc: "d",
  publicKey: "newkeyab",
  privateKey: "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e",
  roles: [],
};

/** What the server does with each authenticated request, in order; "ok" once the script runs out. */
type Step = "ok" | "hang" | "reset" | number | { status: number; headers?: Record<string, string> };

describe("atlas retry against a scripted local server", () => {
  const local = closedAfterEachTest();

  async function setup(script: Step[], retry: Partial<RetryOptions> = {}, requestTimeoutMs?: number) {
    const delays: number[] = [];
    const { handler } = digestGuard(
      { realm: "MMS Public API", username: PUBLIC_KEY, password: PRIVATE_KEY, allowReuse: true },
      (req, res: ServerResponse, raw: IncomingMessage) => {
        const step = script.shift() ?? "ok";
        if (step === "hang") return;
        if (step === "reset") return void raw.socket.destroy();
        if (step === "ok") return sendJson(res, 200, req.method === "POST" ? CREATED : { id: ORG, name: "org" });
        const { status, headers } = typeof step === "number" ? { status: step, headers: {} } : step;
        sendJson(
          res,
          status,
          { error: status, errorCode: status === 429 ? "RATE_LIMITED" : "UNEXPECTED_ERROR", reason: "Scripted" },
          headers,
        );
      },
    );
    const server = await local.startServer(handler);
    const client = local.closeAfterTest(
      new AtlasClient({
        baseUrl: server.baseUrl,
        credentials: { type: "apiKey", publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY },
        retry: { sleep: async (ms) => void delays.push(ms), random: () => 0, ...retry },
        requestTimeoutMs,
      }),
    );
    const log = () =>
      server.requests.map((r) => `${r.method} ${r.url} ${r.headers.authorization ? "signed" : "unsigned"}`);
    return { client, server, delays, log };
  }

  it("resends a GET after 503 and 502, then succeeds", async () => {
    const { client, delays, log } = await setup([503, 502]);
    expect((await client.getOrganization(ORG)).id).to.equal(ORG);
    const path = `GET /api/atlas/v2/orgs/${ORG}`;
    expect(log()).to.deep.equal([`${path} unsigned`, `${path} signed`, `${path} signed`, `${path} signed`]);
    expect(client.stats.retries).to.equal(2);
    expect(delays).to.have.length(2);
  });

  it("stops after maxAttempts and reports the last status and the attempt count", async () => {
    const { client, server } = await setup([503, 503, 503, 503], { maxAttempts: 3 });
    const error = await atlasRejectionOf(client.getOrganization(ORG));
    expect(error.status).to.equal(503);
    expect(error.attempts).to.equal(3);
    expect(error.ambiguous).to.equal(false);
    expect(server.requests).to.have.length(1 + 3);
  });

  it("never resends a key-creating POST after a 500", async () => {
    const { client, log } = await setup([500]);
    const error = await atlasRejectionOf(client.createOrgApiKey(ORG, { desc: "d", roles: ["ORG_MEMBER"] }));
    expect(log()).to.deep.equal([`POST ${KEY_PATH} unsigned`, `POST ${KEY_PATH} signed`]);
    expect(error).to.include({ status: 500, ambiguous: true, method: "POST", path: KEY_PATH });
    expect(error.message).to.match(/may have been created/);
  });

  it("never resends a key-creating POST after a connection reset", async () => {
    const { client, log } = await setup(["reset"]);
    const error = await atlasRejectionOf(
      client.createProjectApiKey("6a1a2b3c4d5e6f7a8b9c0d1e", { desc: "d", roles: ["GROUP_READ_ONLY"] }),
    );
    const path = "/api/atlas/v2/groups/6a1a2b3c4d5e6f7a8b9c0d1e/apiKeys";
    expect(log()).to.deep.equal([`POST ${path} unsigned`, `POST ${path} signed`]);
    expect(error).to.include({ status: 0, errorCode: "NETWORK_ERROR", ambiguous: true });
  });

  it("never resends a key-creating POST after a timeout", async () => {
    const { client, log } = await setup(["hang"], {}, 300);
    const error = await atlasRejectionOf(client.createOrgApiKey(ORG, { desc: "d", roles: ["ORG_MEMBER"] }));
    expect(log()).to.deep.equal([`POST ${KEY_PATH} unsigned`, `POST ${KEY_PATH} signed`]);
    expect(error).to.include({ status: 0, errorCode: "TIMEOUT", ambiguous: true });
  });

  it("resends a key-creating POST after a 429, waiting for Retry-After", async () => {
    const { client, log, delays } = await setup([{ status: 429, headers: { "Retry-After": "2" } }]);
    const key = await client.createOrgApiKey(ORG, { desc: "d", roles: ["ORG_MEMBER"] });
    expect(key.id).to.equal(CREATED.id);
    expect(log()).to.deep.equal([`POST ${KEY_PATH} unsigned`, `POST ${KEY_PATH} signed`, `POST ${KEY_PATH} signed`]);
    expect(delays).to.deep.equal([2000]);
    expect(client.stats).to.include({ rateLimited: 1, retries: 1 });
  });

  it("caps a huge Retry-After at maxRetryAfterMs", async () => {
    const { client, delays } = await setup([{ status: 429, headers: { "Retry-After": "3600" } }], {
      maxRetryAfterMs: 5000,
    });
    await client.getOrganization(ORG);
    expect(delays).to.deep.equal([5000]);
  });

  it("resends an idempotent GET after a timeout", async () => {
    const { client, server } = await setup(["hang"], {}, 300);
    expect((await client.getOrganization(ORG)).id).to.equal(ORG);
    expect(server.requests).to.have.length(3);
  });

  it("resends a key-creating POST when the connection is refused (nothing was sent)", async () => {
    const closed = await startServer(() => undefined);
    const baseUrl = closed.baseUrl;
    await closed.close();
    const client = local.closeAfterTest(
      new AtlasClient({
        baseUrl,
        credentials: { type: "apiKey", publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY },
        retry: { maxAttempts: 3, sleep: async () => undefined },
      }),
    );
    const error = await atlasRejectionOf(client.createOrgApiKey(ORG, { desc: "d", roles: ["ORG_MEMBER"] }));
    expect(error).to.include({ status: 0, errorCode: "NETWORK_ERROR", ambiguous: false, attempts: 3 });
    expect(error.detail).to.match(/ECONNREFUSED/);
  });
});
