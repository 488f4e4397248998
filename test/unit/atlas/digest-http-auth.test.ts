import { expect } from "chai";
import { createHash } from "crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "http";
import type { AddressInfo } from "net";
import { AtlasClient } from "../../../provider/atlas";

// A digest server this project did not write: the `http-auth` package.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const httpAuth = require("http-auth") as {
  digest(options: { realm: string; qop?: string; algorithm?: string; file: () => string }): {
    check(
      handler: (req: IncomingMessage, res: ServerResponse) => void,
    ): (req: IncomingMessage, res: ServerResponse) => void;
  };
};

const REALM = "MMS Public API";
const PUBLIC_KEY = "qrstuvwx";
const PRIVATE_KEY = "9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b6a";

describe("atlas digest against the http-auth package", () => {
  let server: Server;
  let baseUrl: string;
  const seen: Array<{ url: string; user?: string }> = [];

  before(async () => {
    const ha1 = createHash("md5").update(`${PUBLIC_KEY}:${REALM}:${PRIVATE_KEY}`).digest("hex");
    const digest = httpAuth.digest({ realm: REALM, qop: "auth", file: () => `${PUBLIC_KEY}:${REALM}:${ha1}` });
    server = createServer(
      digest.check((req, res) => {
        seen.push({ url: req.url ?? "", user: (req as IncomingMessage & { user?: string }).user });
        res.writeHead(200, { "Content-Type": "application/vnd.atlas.2023-01-01+json;charset=utf-8" });
        res.end(JSON.stringify({ id: "5f1a2b3c4d5e6f7a8b9c0d1e", name: "org", results: [{ id: "k1" }], links: [] }));
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("authenticates a GET, then keeps reusing the nonce (one request per call)", async () => {
    const client = new AtlasClient({
      baseUrl,
      credentials: { type: "apiKey", publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY },
    });
    try {
      const org = await client.getOrganization("5f1a2b3c4d5e6f7a8b9c0d1e");
      expect(org.name).to.equal("org");
      for (let i = 0; i < 10; i++) await client.getProject("6a1a2b3c4d5e6f7a8b9c0d1e");
      expect(client.stats).to.include({ apiCalls: 11, httpRequests: 12, challenges: 1 });
      expect(seen.at(-1)?.user).to.equal(PUBLIC_KEY);
    } finally {
      client.close();
    }
  });

  it("authenticates requests with a query string and encoded segments", async () => {
    const client = new AtlasClient({
      baseUrl,
      credentials: { type: "apiKey", publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY },
    });
    try {
      const keys = await client.listOrgApiKeys("5f1a2b3c4d5e6f7a8b9c0d1e");
      expect(keys).to.deep.equal([{ id: "k1" }]);
      const entries = await client.listAccessListEntries("5f1a2b3c4d5e6f7a8b9c0d1e", "6b1a2b3c4d5e6f7a8b9c0d1e");
      expect(entries).to.have.length(1);
      await client.getAccessListEntry("5f1a2b3c4d5e6f7a8b9c0d1e", "6b1a2b3c4d5e6f7a8b9c0d1e", "10.0.0.0/24");
      expect(seen.at(-1)?.url).to.match(/\/accessList\/10\.0\.0\.0%2F24$/);
      expect(seen.some((s) => s.url.endsWith("?itemsPerPage=500&pageNum=1"))).to.equal(true);
    } finally {
      client.close();
    }
  });

  it("authenticates 16 concurrent calls", async () => {
    const client = new AtlasClient({
      baseUrl,
      credentials: { type: "apiKey", publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY },
    });
    try {
      const orgs = await Promise.all(
        Array.from({ length: 16 }, () => client.getOrganization("5f1a2b3c4d5e6f7a8b9c0d1e")),
      );
      expect(orgs).to.have.length(16);
    } finally {
      client.close();
    }
  });

  it("rejects a wrong private key with HTTP 401", async () => {
    const client = new AtlasClient({
      baseUrl,
      credentials: { type: "apiKey", publicKey: PUBLIC_KEY, privateKey: "00000000-0000-4000-8000-000000000000" },
    });
    try {
      await client.getOrganization("5f1a2b3c4d5e6f7a8b9c0d1e").then(
        () => expect.fail("should have failed"),
        (e: { status?: number }) => expect(e.status).to.equal(401),
      );
    } finally {
      client.close();
    }
  });
});
