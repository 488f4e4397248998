import { expect } from "chai";
import { inspect } from "util";
import { AtlasClient } from "../../../provider/atlas";
import { sendJson, startServer, type LocalServer, type LoggedRequest } from "./support/local-server";
import { atlasRejectionOf } from "../../support/expect-rejection";

const ORG = "5f1a2b3c4d5e6f7a8b9c0d1e";
const GROUP = "6a1a2b3c4d5e6f7a8b9c0d1e";
const CLIENT = "mdb_sa_id_1234567890abcdef12345678";
const MANAGER_SECRET = "mdb_sa_sk_managermanagermanagermanager0";
const NEW_SECRET = "mdb_sa_sk_newsecretnewsecretnewsecret01";
const SECRET_ID = "6c1a2b3c4d5e6f7a8b9c0d1e";
const MEDIA = "application/vnd.atlas.2024-08-05+json";
const ACCOUNT = `/orgs/${ORG}/serviceAccounts/${CLIENT}`;

const account = (i: number) => ({
  clientId: `mdb_sa_id_${String(i).padStart(24, "0")}`,
  createdAt: "2026-08-01T00:00:00Z",
  name: `sa ${i}`,
  description: "d",
  roles: ["ORG_MEMBER"],
  secrets: [],
});

type Step = "ok" | number;

/** A fake of the service-account routes; `script` answers the next authenticated requests. */
function fake(script: Step[]) {
  return (req: LoggedRequest): { status: number; body?: unknown } => {
    const step = script.shift() ?? "ok";
    if (typeof step === "number") return { status: step, body: { error: step, errorCode: "UNEXPECTED_ERROR" } };
    const url = new URL(req.url, "http://x");
    const page = Number(url.searchParams.get("pageNum") ?? "1");
    const per = Number(url.searchParams.get("itemsPerPage") ?? "100");
    const key = `${req.method} ${url.pathname.replace("/api/atlas/v2", "")}`;
    const paged = (all: unknown[]) => ({
      links: page * per < all.length ? [{ rel: "next", href: "next" }] : [],
      results: all.slice((page - 1) * per, page * per),
      totalCount: all.length,
    });
    if (key === `GET /orgs/${ORG}/serviceAccounts`) return { status: 200, body: paged([1, 2, 3, 4, 5].map(account)) };
    if (key === `POST /orgs/${ORG}/serviceAccounts`) {
      const body = JSON.parse(req.body) as { withoutInitialSecret?: boolean };
      const secrets = body.withoutInitialSecret
        ? []
        : [{ id: SECRET_ID, createdAt: "c", expiresAt: "e", secret: NEW_SECRET }];
      return { status: 201, body: { ...account(0), ...body, clientId: CLIENT, secrets } };
    }
    if (key === `GET ${ACCOUNT}`) return { status: 200, body: { ...account(0), clientId: CLIENT } };
    if (key === `PATCH ${ACCOUNT}`) return { status: 200, body: { ...account(0), ...JSON.parse(req.body) } };
    if (key === `POST ${ACCOUNT}/secrets`)
      return { status: 201, body: { id: SECRET_ID, createdAt: "c", expiresAt: "e", secret: NEW_SECRET } };
    if (key === `GET ${ACCOUNT}/groups`)
      return {
        status: 200,
        body: paged([GROUP, ORG, SECRET_ID].map((groupId) => ({ groupId, roles: ["GROUP_OWNER"] }))),
      };
    if (key === `GET ${ACCOUNT}/accessList`)
      return { status: 200, body: paged(["10.0.0.1", "10.0.0.2", "10.0.0.3"].map((ipAddress) => ({ ipAddress }))) };
    // Atlas answers with the first page of the whole list (default page size 100, here 2 of 3 entries).
    if (key === `POST ${ACCOUNT}/accessList`)
      return {
        status: 200,
        body: { links: [{ rel: "next", href: "next" }], results: JSON.parse(req.body).slice(0, 2) },
      };
    if (key === `POST /groups/${GROUP}/serviceAccounts/${CLIENT}:invite`)
      return { status: 200, body: { clientId: CLIENT, ...JSON.parse(req.body) } };
    if (key === `GET /groups/${GROUP}/serviceAccounts` || key.startsWith(`GET /groups/${GROUP}/serviceAccounts/`))
      return { status: 200, body: key.endsWith("serviceAccounts") ? paged([account(7)]) : account(7) };
    if (key === `PATCH /groups/${GROUP}/serviceAccounts/${CLIENT}`)
      return { status: 200, body: { clientId: CLIENT, ...JSON.parse(req.body) } };
    if (req.method === "DELETE") return { status: 204 };
    return { status: 404, body: { error: 404, errorCode: "RESOURCE_NOT_FOUND", detail: `No route ${key}` } };
  };
}

describe("atlas client service-account operations (authenticated as a service account)", () => {
  let server: LocalServer;
  let client: AtlasClient;
  let script: Step[];
  const api = () => server.requests.filter((r) => r.url !== "/api/oauth/token");
  const calls = () => api().map((r) => `${r.method} ${r.url.replace("/api/atlas/v2", "")}`);

  beforeEach(async () => {
    script = [];
    const route = fake(script);
    server = await startServer((req, res) => {
      if (req.url === "/api/oauth/token")
        return sendJson(res, 200, { access_token: "bearer-t0ken", token_type: "Bearer", expires_in: 3600 });
      const { status, body } = route(req);
      sendJson(res, status, body);
    });
    client = new AtlasClient({
      baseUrl: server.baseUrl,
      credentials: {
        type: "serviceAccount",
        clientId: "mdb_sa_id_aaaaaaaaaaaaaaaaaaaaaaaa",
        clientSecret: MANAGER_SECRET,
      },
      itemsPerPage: 2,
      retry: { sleep: async () => undefined, random: () => 0 },
    });
  });
  afterEach(async () => {
    client.close();
    await server.close();
  });

  it("sends the 2024-08-05 media type as Accept, and as Content-Type with a body", async () => {
    await client.updateServiceAccount(ORG, CLIENT, { description: "new" });
    await client.getServiceAccount(ORG, CLIENT);
    const [patch, get] = api();
    expect([patch.headers.accept, patch.headers["content-type"]]).to.deep.equal([MEDIA, MEDIA]);
    expect(patch.headers.authorization).to.equal("Bearer bearer-t0ken");
    expect(get.headers.accept).to.equal(MEDIA);
    expect(get.headers["content-type"]).to.equal(undefined);
  });

  it("creates an account with its first secret in clear, or without one", async () => {
    const created = await client.createServiceAccount(ORG, {
      name: "ci",
      description: "CI pipeline",
      roles: ["ORG_READ_ONLY"],
      secretExpiresAfterHours: 24,
    });
    expect(created.clientId).to.equal(CLIENT);
    expect(created.secrets?.[0].secret === NEW_SECRET).to.equal(true);
    const bare = await client.createServiceAccount(ORG, {
      name: "ci",
      description: "d",
      roles: ["ORG_MEMBER"],
      withoutInitialSecret: true,
    });
    expect(bare.secrets).to.deep.equal([]);
    expect(JSON.parse(api()[1].body)).to.deep.equal({
      name: "ci",
      description: "d",
      roles: ["ORG_MEMBER"],
      withoutInitialSecret: true,
    });
  });

  it("creates and deletes secrets, assigns, updates and unassigns projects", async () => {
    const secret = await client.createServiceAccountSecret(ORG, CLIENT, { secretExpiresAfterHours: 8 });
    expect(secret.id).to.equal(SECRET_ID);
    expect(await client.deleteServiceAccountSecret(ORG, CLIENT, SECRET_ID)).to.equal(undefined);
    expect((await client.assignServiceAccountToProject(GROUP, CLIENT, ["GROUP_READ_ONLY"])).roles).to.deep.equal([
      "GROUP_READ_ONLY",
    ]);
    expect((await client.updateProjectServiceAccountRoles(GROUP, CLIENT, ["GROUP_OWNER"])).roles).to.deep.equal([
      "GROUP_OWNER",
    ]);
    expect((await client.getProjectServiceAccount(GROUP, CLIENT)).name).to.equal("sa 7");
    expect(await client.unassignServiceAccountFromProject(GROUP, CLIENT)).to.equal(undefined);
    expect(await client.deleteServiceAccount(ORG, CLIENT)).to.equal(undefined);
    expect(calls()).to.deep.equal([
      `POST ${ACCOUNT}/secrets`,
      `DELETE ${ACCOUNT}/secrets/${SECRET_ID}`,
      `POST /groups/${GROUP}/serviceAccounts/${CLIENT}:invite`,
      `PATCH /groups/${GROUP}/serviceAccounts/${CLIENT}`,
      `GET /groups/${GROUP}/serviceAccounts/${CLIENT}`,
      `DELETE /groups/${GROUP}/serviceAccounts/${CLIENT}`,
      `DELETE ${ACCOUNT}`,
    ]);
    expect(JSON.parse(api()[0].body)).to.deep.equal({ secretExpiresAfterHours: 8 });
    expect(JSON.parse(api()[2].body)).to.deep.equal({ roles: ["GROUP_READ_ONLY"] });
  });

  it("reads every page of every list", async () => {
    expect((await client.listServiceAccounts(ORG)).map((a) => a.name)).to.deep.equal([
      "sa 1",
      "sa 2",
      "sa 3",
      "sa 4",
      "sa 5",
    ]);
    expect((await client.listServiceAccountProjects(ORG, CLIENT)).map((p) => p.groupId)).to.deep.equal([
      GROUP,
      ORG,
      SECRET_ID,
    ]);
    expect(await client.listServiceAccountAccessList(ORG, CLIENT)).to.have.length(3);
    expect(await client.listProjectServiceAccounts(GROUP)).to.have.length(1);
    expect(
      calls()
        .filter((c) => c.startsWith("GET"))
        .map((c) => c.replace(/.*\?/, "")),
    ).to.deep.equal([
      "itemsPerPage=2&pageNum=1",
      "itemsPerPage=2&pageNum=2",
      "itemsPerPage=2&pageNum=3",
      "itemsPerPage=2&pageNum=1",
      "itemsPerPage=2&pageNum=2",
      "itemsPerPage=2&pageNum=1",
      "itemsPerPage=2&pageNum=2",
      "itemsPerPage=2&pageNum=1",
    ]);
  });

  it("adds access-list entries, reading the whole list when the answer has more pages", async () => {
    const entries = await client.createServiceAccountAccessListEntries(ORG, CLIENT, [
      { ipAddress: "10.0.0.9" },
      { cidrBlock: "10.1.0.0/16" },
      { ipAddress: "10.0.0.8" },
    ]);
    expect(entries).to.have.length(3);
    expect(calls()[0]).to.equal(`POST ${ACCOUNT}/accessList`);
    expect(calls().slice(1)).to.have.length(2);
    expect(await client.deleteServiceAccountAccessListEntry(ORG, CLIENT, "10.1.0.0/16")).to.equal(undefined);
    expect(calls().at(-1)).to.equal(`DELETE ${ACCOUNT}/accessList/10.1.0.0%2F16`);
  });

  it("never resends an account- or secret-creating POST after a 500, but resends a read", async () => {
    script.push(500, 500, 503);
    const account = await atlasRejectionOf(
      client.createServiceAccount(ORG, { name: "n", description: "d", roles: ["ORG_MEMBER"] }),
    );
    expect(account).to.include({ status: 500, ambiguous: true });
    const secret = await atlasRejectionOf(
      client.createServiceAccountSecret(ORG, CLIENT, { secretExpiresAfterHours: 8 }),
    );
    expect(secret).to.include({ status: 500, ambiguous: true });
    expect((await client.getServiceAccount(ORG, CLIENT)).clientId).to.equal(CLIENT);
    expect(calls()).to.deep.equal([
      `POST /orgs/${ORG}/serviceAccounts`,
      `POST ${ACCOUNT}/secrets`,
      `GET ${ACCOUNT}`,
      `GET ${ACCOUNT}`,
    ]);
  });

  it("keeps the managing secret and created secrets out of dumps and errors", async () => {
    script.push(400);
    const error = await atlasRejectionOf(
      client.createServiceAccountSecret(ORG, CLIENT, { secretExpiresAfterHours: 1 }),
    );
    const dump =
      JSON.stringify(client) + inspect(client, { depth: 10, showHidden: true }) + String(error) + inspect(error);
    expect(dump.includes(MANAGER_SECRET), "the managing secret leaked").to.equal(false);
    expect(dump).to.contain("serviceAccount");
  });
});
