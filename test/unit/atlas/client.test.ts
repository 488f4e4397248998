import { expect } from "chai";
import { inspect } from "util";
import { AtlasClient } from "../../../provider/atlas";
import { digestGuard, sendJson, startServer, type LoggedRequest, type LocalServer } from "./support/local-server";

const ORG = "5f1a2b3c4d5e6f7a8b9c0d1e";
const GROUP = "6a1a2b3c4d5e6f7a8b9c0d1e";
const KEY = "6c1a2b3c4d5e6f7a8b9c0d1e";
const PUBLIC_KEY = "clientky";
const PRIVATE_KEY = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";
const NEW_PRIVATE_KEY = "c8150efd-c7a0-4afd-8c4f-01bdd56c8977";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const VERSION = (require("../../../../package.json") as { version: string }).version;

const apiKey = (id: string, publicKey: string) => ({
  id,
  desc: `key ${publicKey}`,
  publicKey,
  privateKey: "********-****-****-01bdd56c8977",
  roles: [{ orgId: ORG, roleName: "ORG_MEMBER" }],
});

/** A small fake of the Atlas routes the client calls. */
function route(req: LoggedRequest): { status: number; body?: unknown } {
  const url = new URL(req.url, "http://x");
  const page = Number(url.searchParams.get("pageNum") ?? "1");
  const per = Number(url.searchParams.get("itemsPerPage") ?? "100");
  const p = url.pathname.replace("/api/atlas/v2", "");
  const all = ["aaaaaaaa", "bbbbbbbb", "cccccccc", "dddddddd", "eeeeeeee"].map((k, i) =>
    apiKey(`${KEY.slice(0, -1)}${i}`, k),
  );
  const key = `${req.method} ${p}`;
  if (key === `GET /orgs/${ORG}/apiKeys` || key === `GET /groups/${GROUP}/apiKeys`) {
    const results = all.slice((page - 1) * per, page * per);
    const links = [{ rel: "self", href: req.url }, ...(page * per < all.length ? [{ rel: "next", href: "next" }] : [])];
    return { status: 200, body: { links, results, totalCount: all.length } };
  }
  if (key === `POST /orgs/${ORG}/apiKeys` || key === `POST /groups/${GROUP}/apiKeys`) {
    return {
      status: 200,
      body: { ...apiKey(KEY, "newkeyab"), ...JSON.parse(req.body), roles: [], privateKey: NEW_PRIVATE_KEY },
    };
  }
  if (key === `GET /orgs/${ORG}/apiKeys/${KEY}`) return { status: 200, body: apiKey(KEY, "newkeyab") };
  if (key === `PATCH /orgs/${ORG}/apiKeys/${KEY}` || key === `PATCH /groups/${GROUP}/apiKeys/${KEY}`) {
    return { status: 200, body: { ...apiKey(KEY, "newkeyab"), ...JSON.parse(req.body), roles: [] } };
  }
  if (req.method === "DELETE") return { status: 204 };
  if (key === `POST /groups/${GROUP}/apiKeys/${KEY}`) return { status: 204 };
  if (key === `POST /orgs/${ORG}/apiKeys/${KEY}/accessList`) {
    const entries = (JSON.parse(req.body) as Array<{ ipAddress?: string; cidrBlock?: string }>).map((e) => ({
      cidrBlock: e.cidrBlock ?? `${e.ipAddress}/32`,
      ...(e.ipAddress ? { ipAddress: e.ipAddress } : {}),
      count: 0,
      created: "2026-08-01T00:00:00Z",
    }));
    return { status: 200, body: { links: [], results: entries, totalCount: entries.length } };
  }
  if (key === `GET /orgs/${ORG}/apiKeys/${KEY}/accessList/10.0.0.0%2F24`)
    return { status: 200, body: { cidrBlock: "10.0.0.0/24" } };
  if (key === `GET /orgs/${ORG}`) return { status: 200, body: { id: ORG, name: "org", isDeleted: false } };
  if (key === `GET /groups/${GROUP}`) return { status: 200, body: { id: GROUP, name: "proj", orgId: ORG } };
  return {
    status: 404,
    body: { error: 404, errorCode: "RESOURCE_NOT_FOUND", reason: "Not Found", detail: `No route ${key}` },
  };
}

describe("atlas client operations against a local fake", () => {
  let server: LocalServer;
  let client: AtlasClient;
  const api = () => server.requests.filter((r) => r.headers.authorization);

  beforeEach(async () => {
    const { handler } = digestGuard(
      { realm: "MMS Public API", username: PUBLIC_KEY, password: PRIVATE_KEY, allowReuse: true },
      (req, res) => {
        const { status, body } = route(req);
        sendJson(res, status, body);
      },
    );
    server = await startServer(handler);
    client = new AtlasClient({
      baseUrl: server.baseUrl,
      credentials: { type: "apiKey", publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY },
    });
  });
  afterEach(async () => {
    client.close();
    await server.close();
  });

  it("sends the versioned media type and the package User-Agent", async () => {
    await client.updateOrgApiKey(ORG, KEY, { desc: "new" });
    const req = api()[0];
    expect(req.headers.accept).to.equal("application/vnd.atlas.2023-01-01+json");
    expect(req.headers["content-type"]).to.equal("application/vnd.atlas.2023-01-01+json");
    expect(req.headers["user-agent"]).to.equal(`pulumi-mongodbatlas-apikeys/${VERSION}`);
    expect(JSON.parse(req.body)).to.deep.equal({ desc: "new" });
  });

  it("creates org and project keys (HTTP 200) and returns the private key in clear", async () => {
    const org = await client.createOrgApiKey(ORG, { desc: "ci", roles: ["ORG_MEMBER"] });
    expect(org).to.include({ id: KEY, desc: "ci", privateKey: NEW_PRIVATE_KEY });
    const project = await client.createProjectApiKey(GROUP, { desc: "p", roles: ["GROUP_READ_ONLY"] });
    expect(project.desc).to.equal("p");
    expect(api().map((r) => `${r.method} ${r.url}`)).to.deep.equal([
      `POST /api/atlas/v2/orgs/${ORG}/apiKeys`,
      `POST /api/atlas/v2/groups/${GROUP}/apiKeys`,
    ]);
  });

  it("assigns with an array body and handles 204 answers", async () => {
    expect(await client.assignApiKeyToProject(GROUP, KEY, ["GROUP_READ_ONLY", "GROUP_OWNER"])).to.equal(undefined);
    expect(JSON.parse(api()[0].body)).to.deep.equal([{ roles: ["GROUP_READ_ONLY", "GROUP_OWNER"] }]);
    expect(await client.unassignApiKeyFromProject(GROUP, KEY)).to.equal(undefined);
    expect(await client.deleteOrgApiKey(ORG, KEY)).to.equal(undefined);
    expect(await client.deleteAccessListEntry(ORG, KEY, "192.168.0.0/16")).to.equal(undefined);
    expect(
      api()
        .map((r) => `${r.method} ${r.url}`)
        .slice(1),
    ).to.deep.equal([
      `DELETE /api/atlas/v2/groups/${GROUP}/apiKeys/${KEY}`,
      `DELETE /api/atlas/v2/orgs/${ORG}/apiKeys/${KEY}`,
      `DELETE /api/atlas/v2/orgs/${ORG}/apiKeys/${KEY}/accessList/192.168.0.0%2F16`,
    ]);
  });

  it("creates access-list entries from an array and returns the list's results", async () => {
    const entries = await client.createAccessListEntries(ORG, KEY, [
      { ipAddress: "192.168.0.229" },
      { cidrBlock: "10.0.0.0/24" },
    ]);
    expect(entries.map((e) => e.cidrBlock)).to.deep.equal(["192.168.0.229/32", "10.0.0.0/24"]);
    expect(JSON.parse(api()[0].body)).to.deep.equal([{ ipAddress: "192.168.0.229" }, { cidrBlock: "10.0.0.0/24" }]);
    expect((await client.getAccessListEntry(ORG, KEY, "10.0.0.0/24")).cidrBlock).to.equal("10.0.0.0/24");
  });

  it("reads keys, projects and organizations", async () => {
    expect((await client.getOrgApiKey(ORG, KEY)).publicKey).to.equal("newkeyab");
    expect(await client.getProject(GROUP)).to.include({ orgId: ORG });
    expect(await client.getOrganization(ORG)).to.include({ name: "org" });
    expect((await client.updateProjectApiKey(GROUP, KEY, { roles: ["GROUP_OWNER"] })).roles).to.deep.equal([]);
  });

  it("lists with itemsPerPage=500 in one call when everything fits", async () => {
    const keys = await client.listOrgApiKeys(ORG);
    expect(keys).to.have.length(5);
    expect(api().map((r) => r.url)).to.deep.equal([`/api/atlas/v2/orgs/${ORG}/apiKeys?itemsPerPage=500&pageNum=1`]);
  });

  it("follows pages while Atlas announces a next one", async () => {
    client.close();
    client = new AtlasClient({
      baseUrl: server.baseUrl,
      credentials: { type: "apiKey", publicKey: PUBLIC_KEY, privateKey: PRIVATE_KEY },
      itemsPerPage: 2,
    });
    const keys = await client.listProjectApiKeys(GROUP);
    expect(keys.map((k) => k.publicKey)).to.deep.equal(["aaaaaaaa", "bbbbbbbb", "cccccccc", "dddddddd", "eeeeeeee"]);
    expect(api().map((r) => new URL(r.url, "http://x").searchParams.get("pageNum"))).to.deep.equal(["1", "2", "3"]);
    expect(client.stats).to.include({ apiCalls: 3, httpRequests: 4 });
  });

  it("exposes read-only stats with the documented fields", async () => {
    await client.getOrganization(ORG);
    const stats = client.stats;
    expect(Object.keys(stats).sort()).to.deep.equal([
      "apiCalls",
      "challenges",
      "httpRequests",
      "pacedRequests",
      "pacedWaitMs",
      "rateLimited",
      "retries",
      "tokenRequests",
    ]);
    expect(Object.isFrozen(stats)).to.equal(true);
    expect(() => ((client as unknown as { stats: unknown }).stats = {})).to.throw();
  });

  it("keeps credentials out of JSON.stringify and util.inspect of the client", () => {
    const dump = JSON.stringify(client) + inspect(client, { depth: 10, showHidden: true });
    expect(dump.includes(PRIVATE_KEY), "the private key leaked").to.equal(false);
    expect(dump).to.contain("apiKey");
  });
});

describe("atlas client options", () => {
  const credentials = { type: "apiKey" as const, publicKey: "abcdefgh", privateKey: PRIVATE_KEY };

  it("checks itemsPerPage against Atlas's 1..500", () => {
    expect(() => new AtlasClient({ credentials, itemsPerPage: 501 })).to.throw(/itemsPerPage/);
    expect(() => new AtlasClient({ credentials, itemsPerPage: 0 })).to.throw(/itemsPerPage/);
  });

  it("checks credentials without echoing them", () => {
    let message = "";
    try {
      new AtlasClient({ credentials: { type: "apiKey", publicKey: "", privateKey: PRIVATE_KEY } });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).to.match(/publicKey and privateKey/);
    expect(message.includes(PRIVATE_KEY)).to.equal(false);
    expect(
      () => new AtlasClient({ credentials: { type: "serviceAccount", clientId: "id", clientSecret: "" } }),
    ).to.throw(/clientSecret/);
    expect(() => new AtlasClient({ credentials: {} as never })).to.throw(/credentials.type/);
  });

  it("accepts a custom User-Agent", async () => {
    const server = await startServer((req, res) =>
      req.url === "/api/oauth/token"
        ? sendJson(res, 200, { access_token: "t0ken-value", token_type: "Bearer", expires_in: 3600 })
        : sendJson(res, 200, { id: ORG, name: "o" }),
    );
    const client = new AtlasClient({
      baseUrl: server.baseUrl,
      credentials: { type: "serviceAccount", clientId: "id", clientSecret: "secret" },
      userAgent: "custom/1.0",
    });
    try {
      await client.getOrganization(ORG);
      expect(server.requests.map((r) => r.headers["user-agent"])).to.deep.equal(["custom/1.0", "custom/1.0"]);
    } finally {
      client.close();
      await server.close();
    }
  });
});
