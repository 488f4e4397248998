import { expect } from "chai";
import { createServer, type Server, type Socket } from "net";
import type { AddressInfo } from "net";
import { AtlasClient, isAtlasApiError, type AtlasApiError } from "../../../provider/atlas";
import { sendJson, startServer } from "./support/local-server";

const ORG = "5f1a2b3c4d5e6f7a8b9c0d1e";
const credentials = {
  type: "apiKey" as const,
  publicKey: "transprt",
  privateKey: "4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a",
};

async function failure(promise: Promise<unknown>): Promise<AtlasApiError> {
  const e = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!isAtlasApiError(e)) throw new Error("expected an AtlasApiError");
  return e;
}

describe("atlas transport", () => {
  it("times out a connection whose TLS handshake never completes, and may resend even a create (nothing was sent)", async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as AddressInfo).port;
    const client = new AtlasClient({
      baseUrl: `https://127.0.0.1:${port}`,
      credentials,
      connectTimeoutMs: 150,
      requestTimeoutMs: 10_000,
      retry: { maxAttempts: 2, sleep: async () => undefined },
    });
    try {
      const started = Date.now();
      const error = await failure(client.createOrgApiKey(ORG, { desc: "d", roles: ["ORG_MEMBER"] }));
      expect(error).to.include({ status: 0, errorCode: "TIMEOUT", ambiguous: false, attempts: 2 });
      expect(sockets).to.have.length(2);
      expect(Date.now() - started).to.be.below(5_000);
    } finally {
      client.close();
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it("does not follow redirects (credentials must not travel to another host)", async () => {
    const server = await startServer((req, res) => {
      if (req.url === "/api/oauth/token")
        return sendJson(res, 200, { access_token: "tkn-0123456789", token_type: "Bearer", expires_in: 3600 });
      res.writeHead(302, { Location: "http://127.0.0.2:1/steal" });
      res.end();
    });
    const client = new AtlasClient({
      baseUrl: server.baseUrl,
      credentials: { type: "serviceAccount", clientId: "id", clientSecret: "s" },
    });
    try {
      const error = await failure(client.getOrganization(ORG));
      expect(error).to.include({ status: 302, errorCode: "UNEXPECTED_RESPONSE" });
      expect(server.requests.map((r) => r.url)).to.deep.equal(["/api/oauth/token", `/api/atlas/v2/orgs/${ORG}`]);
    } finally {
      client.close();
      await server.close();
    }
  });

  it("reuses one keep-alive connection for sequential calls", async () => {
    const ports = new Set<number>();
    const server = await startServer((req, res, raw) => {
      ports.add(raw.socket.remotePort ?? 0);
      if (req.url === "/api/oauth/token")
        return sendJson(res, 200, { access_token: "tkn-0123456789", token_type: "Bearer", expires_in: 3600 });
      sendJson(res, 200, { id: ORG, name: "o" });
    });
    const client = new AtlasClient({
      baseUrl: server.baseUrl,
      credentials: { type: "serviceAccount", clientId: "id", clientSecret: "s" },
    });
    try {
      for (let i = 0; i < 5; i++) await client.getOrganization(ORG);
      expect(ports.size).to.equal(1);
    } finally {
      client.close();
      await server.close();
    }
  });
});
