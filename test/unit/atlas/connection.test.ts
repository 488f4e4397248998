import { expect } from "chai";
import { connectionFor, forgetConnection } from "../../../provider/atlas/connection";
import { startServer, type LocalServer } from "./support/local-server";

const PROJECT = "7a1b2c3d4e5f6a7b8c9d0e1f";
const KEY = "6a1b2c3d4e5f6a7b8c9d0e1f";

/** A server that lists one key in the project and accepts any write. */
async function atlasLike(): Promise<LocalServer> {
  return startServer((req, res) => {
    res.setHeader("Content-Type", "application/vnd.atlas.2023-01-01+json");
    if (req.method === "GET" && req.url.startsWith(`/api/atlas/v2/groups/${PROJECT}/apiKeys`)) {
      const key = { id: KEY, desc: "d", publicKey: "abcdefgh", privateKey: "x", roles: [] };
      res.end(JSON.stringify({ results: [{ ...key, roles: [{ groupId: PROJECT, roleName: "GROUP_READ_ONLY" }] }] }));
      return;
    }
    if (req.method === "GET") {
      res.end(JSON.stringify({ id: PROJECT, orgId: "5f1a2b3c4d5e6f7a8b9c0d1e", name: "p" }));
      return;
    }
    res.end(JSON.stringify({ id: KEY, desc: "d", publicKey: "abcdefgh", privateKey: "x", roles: [] }));
  });
}

const settingsFor = (server: LocalServer, publicKey = "abcdefgh") => ({
  baseUrl: server.baseUrl,
  credentials: { type: "apiKey" as const, publicKey, privateKey: "00000000-0000-4000-8000-000000000000" },
});

describe("connection: one client per set of credentials, writes clear the read cache", () => {
  let server: LocalServer;
  before(async () => (server = await atlasLike()));
  after(async () => {
    forgetConnection();
    await server.close();
  });
  beforeEach(() => forgetConnection());

  const lists = () => server.requests.filter((r) => r.method === "GET" && r.url.includes("/apiKeys")).length;

  it("gives the same client for the same settings, and one per distinct set of credentials", () => {
    const first = connectionFor(settingsFor(server));
    expect(connectionFor(settingsFor(server))).to.equal(first);
    const other = connectionFor(settingsFor(server, "zyxwvuts"));
    expect(other.client).to.not.equal(first.client);
    expect(connectionFor(settingsFor(server)), "one connection per set: the first is kept").to.equal(first);
    expect(connectionFor(settingsFor(server, "zyxwvuts"))).to.equal(other);
  });

  const writes: [string, (c: ReturnType<typeof connectionFor>["client"]) => Promise<unknown>][] = [
    ["POST", (c) => c.assignApiKeyToProject(PROJECT, KEY, ["GROUP_READ_ONLY"])],
    ["PATCH", (c) => c.updateProjectApiKey(PROJECT, KEY, { roles: ["GROUP_OWNER"] })],
    ["DELETE", (c) => c.unassignApiKeyFromProject(PROJECT, KEY)],
  ];
  for (const [method, write] of writes) {
    it(`a ${method} through the client makes the next read go to Atlas again`, async () => {
      const { client, reader } = connectionFor(settingsFor(server));
      await reader.projectKey(PROJECT, KEY);
      const before = lists();
      await reader.projectKey(PROJECT, KEY);
      expect(lists(), "a read within the snapshot's lifetime is answered from it").to.equal(before);
      await write(client);
      await reader.projectKey(PROJECT, KEY);
      expect(lists()).to.equal(before + 1);
    });
  }

  it("a GET leaves the snapshot in place", async () => {
    const { client, reader } = connectionFor(settingsFor(server));
    await reader.projectKey(PROJECT, KEY);
    const before = lists();
    await client.getProject(PROJECT);
    await reader.projectKey(PROJECT, KEY);
    expect(lists()).to.equal(before);
  });
});
