import { expect } from "chai";
import { start, type EmulatorHandle } from "../../../../emulator";
import { expectAtlasError } from "../support/assertions";
import { startWithAdmin } from "../support/admin-api";
import { bearerRequest, DigestClient, fetchToken, rawRequest } from "../support/http-client";

const SA_TYPE = "application/vnd.atlas.2024-08-05+json;charset=utf-8";
const CLIENT_ID = /^mdb_sa_id_[a-f0-9]{24}$/;
const HOUR = 3600;

describe("emulator service accounts", function () {
  this.timeout(30_000);
  let emu: EmulatorHandle;
  let api: DigestClient;
  const accounts = () => `/api/atlas/v2/orgs/${emu.orgId}/serviceAccounts`;
  const account = (clientId: string) => `${accounts()}/${clientId}`;
  const group = (clientId: string, groupId = emu.projectId) =>
    `/api/atlas/v2/groups/${groupId}/serviceAccounts/${clientId}`;

  beforeEach(async () => {
    ({ emu, api } = await startWithAdmin({ seed: "service-accounts", rateLimit: false }));
  });
  afterEach(() => emu.close());

  async function create(body: Record<string, unknown> = {}) {
    const res = await api.post(accounts(), {
      name: "deployer",
      description: "CI deployer",
      roles: ["ORG_MEMBER"],
      secretExpiresAfterHours: 24,
      ...body,
    });
    expect(res.status, res.text).to.equal(201);
    return res.json;
  }

  describe("accounts", () => {
    it("creates an account: 201, version 2024-08-05, mdb_sa_id_ client id, the secret in clear only here", async () => {
      const res = await api.post(accounts(), {
        name: "deployer",
        description: "CI deployer",
        roles: ["ORG_MEMBER"],
        secretExpiresAfterHours: 24,
      });
      expect(res.status).to.equal(201);
      expect(res.headers["content-type"]).to.equal(SA_TYPE);
      expect(res.json.clientId).to.match(CLIENT_ID);
      expect(res.json.roles).to.deep.equal(["ORG_MEMBER"]);
      const [secret] = res.json.secrets;
      expect(secret.secret).to.match(/^mdb_sa_sk_[a-z0-9]{40}$/);
      expect(secret).not.to.have.property("maskedSecretValue");
      expect(Date.parse(secret.expiresAt) - Date.parse(secret.createdAt)).to.equal(24 * HOUR * 1000);
      const read = await api.get(account(res.json.clientId));
      expect(read.json.secrets[0]).not.to.have.property("secret");
      expect(read.json.secrets[0].maskedSecretValue).to.equal(`mdb_sa_sk_...${secret.secret.slice(-4)}`);
      expect(read.text).not.to.include(secret.secret);
      const list = await api.get(accounts());
      expect(list.json.results.map((a: { clientId: string }) => a.clientId)).to.include(res.json.clientId);
      expect(list.text).not.to.include(secret.secret);
    });

    it("creates an account without a secret, and refuses both withoutInitialSecret and a lifetime", async () => {
      expect((await create({ withoutInitialSecret: true, secretExpiresAfterHours: undefined })).secrets).to.deep.equal(
        [],
      );
      const both = await api.post(accounts(), {
        name: "n",
        description: "d",
        roles: ["ORG_MEMBER"],
        withoutInitialSecret: true,
        secretExpiresAfterHours: 24,
      });
      expectAtlasError(both, 400, "VALIDATION_ERROR");
    });

    const invalid: Array<[string, Record<string, unknown>, string]> = [
      ["a 65-character name", { name: "n".repeat(65) }, "VALIDATION_ERROR"],
      ["a name with a slash", { name: "a/b" }, "VALIDATION_ERROR"],
      ["a 251-character description", { description: "d".repeat(251) }, "VALIDATION_ERROR"],
      ["no roles", { roles: [] }, "VALIDATION_ERROR"],
      ["a project role", { roles: ["GROUP_OWNER"] }, "INVALID_ROLE_FOR_ORG"],
      ["a 7-hour secret", { secretExpiresAfterHours: 7 }, "VALIDATION_ERROR"],
      ["a secret over a year", { secretExpiresAfterHours: 8761 }, "VALIDATION_ERROR"],
      ["an unknown attribute", { desc: "x" }, "INVALID_ATTRIBUTE"],
    ];
    for (const [name, override, code] of invalid) {
      it(`refuses ${name} with 400 ${code} and creates nothing`, async () => {
        const before = (await api.get(accounts())).json.totalCount;
        const res = await api.post(accounts(), {
          name: "n",
          description: "d",
          roles: ["ORG_MEMBER"],
          secretExpiresAfterHours: 24,
          ...override,
        });
        expectAtlasError(res, 400, code);
        expect((await api.get(accounts())).json.totalCount).to.equal(before);
      });
    }

    it("bounds secret lifetimes by the organization setting", async () => {
      const patched = await api.patch(`/api/atlas/v2/orgs/${emu.orgId}/settings`, {
        maxServiceAccountSecretValidityInHours: 48,
      });
      expect(patched.json.maxServiceAccountSecretValidityInHours).to.equal(48);
      const res = await api.post(accounts(), {
        name: "n",
        description: "d",
        roles: ["ORG_MEMBER"],
        secretExpiresAfterHours: 49,
      });
      expectAtlasError(res, 400, "VALIDATION_ERROR");
      expect(res.json.parameters).to.deep.equal(["secretExpiresAfterHours", 8, 48]);
      await create({ secretExpiresAfterHours: 48 });
    });

    it("updates name, description and roles; 404 SERVICE_ACCOUNT_NOT_FOUND for unknown and malformed ids", async () => {
      const { clientId } = await create();
      const res = await api.patch(account(clientId), { name: "renamed", roles: ["ORG_READ_ONLY"] });
      expect(res.json).to.include({ name: "renamed", description: "CI deployer" });
      expect(res.json.roles).to.deep.equal(["ORG_READ_ONLY"]);
      expectAtlasError(await api.get(account("mdb_sa_id_000000000000000000000000")), 404, "SERVICE_ACCOUNT_NOT_FOUND");
      expectAtlasError(await api.get(account("not-a-client-id")), 404, "SERVICE_ACCOUNT_NOT_FOUND");
      expectAtlasError(
        await api.get(`/api/atlas/v2/orgs/${emu.otherOrg.orgId}/serviceAccounts/${clientId}`),
        401,
        "USER_CANNOT_ACCESS_ORG",
      );
    });

    it("allows 200 accounts per organization", async () => {
      const existing = emu.model.serviceAccounts.list({ orgId: emu.orgId }).length;
      for (let i = existing; i < 200; i++)
        emu.model.serviceAccounts.create(
          { orgId: emu.orgId },
          {
            name: `sa ${i}`,
            description: "d",
            roles: ["ORG_MEMBER"],
            withoutInitialSecret: true,
          },
        );
      const res = await api.post(accounts(), {
        name: "n",
        description: "d",
        roles: ["ORG_MEMBER"],
        withoutInitialSecret: true,
      });
      expectAtlasError(res, 400, "SERVICE_ACCOUNT_LIMIT_EXCEEDED");
    });

    it("needs ORG_OWNER to write and ORG_READ_ONLY or ORG_OWNER to read", async () => {
      const reader = emu.seedData({ orgId: emu.orgId, apiKey: { roles: ["ORG_READ_ONLY"] }, serviceAccount: false });
      const member = emu.seedData({ orgId: emu.orgId, apiKey: { roles: ["ORG_MEMBER"] }, serviceAccount: false });
      const asReader = new DigestClient(emu.url, reader.publicKey!, reader.privateKey!);
      const asMember = new DigestClient(emu.url, member.publicKey!, member.privateKey!);
      expect((await asReader.get(accounts())).status).to.equal(200);
      expectAtlasError(
        await asReader.post(accounts(), {
          name: "n",
          description: "d",
          roles: ["ORG_MEMBER"],
          secretExpiresAfterHours: 24,
        }),
        401,
        "USER_UNAUTHORIZED",
      );
      expectAtlasError(await asMember.get(accounts()), 401, "USER_UNAUTHORIZED");
    });
  });

  describe("secrets and OAuth", () => {
    it("keeps at most two secrets; a new one cuts the older to at most 7 days", async () => {
      const sa = await create({ secretExpiresAfterHours: 90 * 24 });
      const second = await api.post(`${account(sa.clientId)}/secrets`, { secretExpiresAfterHours: 90 * 24 });
      expect(second.status).to.equal(201);
      expect(second.headers["content-type"]).to.equal(SA_TYPE);
      expect(second.json.secret).to.match(/^mdb_sa_sk_/);
      expect(second.json).not.to.have.property("maskedSecretValue");
      const [older, newer] = (await api.get(account(sa.clientId))).json.secrets;
      expect(Date.parse(older.expiresAt) - Date.parse(newer.createdAt)).to.equal(7 * 24 * HOUR * 1000);
      expect(Date.parse(newer.expiresAt) - Date.parse(newer.createdAt)).to.equal(90 * 24 * HOUR * 1000);
      const third = await api.post(`${account(sa.clientId)}/secrets`, { secretExpiresAfterHours: 24 });
      expectAtlasError(third, 400, "SERVICE_ACCOUNT_MAX_SECRETS_EXCEEDED");
      expect((await api.delete(`${account(sa.clientId)}/secrets/${older.id}`)).status).to.equal(204);
      expectAtlasError(
        await api.delete(`${account(sa.clientId)}/secrets/${older.id}`),
        404,
        "SERVICE_ACCOUNT_SECRET_NOT_FOUND",
      );
      expect((await api.post(`${account(sa.clientId)}/secrets`, { secretExpiresAfterHours: 24 })).status).to.equal(201);
    });

    it("lets an API-created secret mint tokens at once; deleting it revokes them and refuses it", async () => {
      const sa = await create({ roles: ["ORG_OWNER"] });
      const secret = sa.secrets[0];
      const token = await fetchToken(emu.url, sa.clientId, secret.secret);
      expect(token.status).to.equal(200);
      const call = () => bearerRequest(emu.url, token.json.access_token, "GET", accounts());
      expect((await call()).status).to.equal(200);
      expect((await api.get(account(sa.clientId))).json.secrets[0].lastUsedAt).to.be.a("string");
      expect((await api.delete(`${account(sa.clientId)}/secrets/${secret.id}`)).status).to.equal(204);
      expect((await call()).status).to.equal(401);
      expect((await fetchToken(emu.url, sa.clientId, secret.secret)).status).to.equal(401);
    });

    it("refuses an expired secret at the token endpoint once the clock moves past its expiry", async () => {
      const sa = await create({ secretExpiresAfterHours: 8 });
      expect((await fetchToken(emu.url, sa.clientId, sa.secrets[0].secret)).status).to.equal(200);
      const moved = await rawRequest(emu.url, "POST", "/__emulator/clock", {
        body: JSON.stringify({ advanceSeconds: 8 * HOUR - 60 }),
      });
      expect(moved.status).to.equal(200);
      expect((await fetchToken(emu.url, sa.clientId, sa.secrets[0].secret)).status).to.equal(200);
      emu.advanceClock(61);
      const refused = await fetchToken(emu.url, sa.clientId, sa.secrets[0].secret);
      expect(refused.status).to.equal(401);
      expect(refused.json.error).to.equal("invalid_client");
      expect((await api.get(account(sa.clientId))).json.secrets).to.have.length(1); // expired secrets stay listed
    });

    it("caps an account at 100 live tokens with 403 access_denied", async () => {
      const sa = await create();
      for (let i = 0; i < 100; i++) emu.model.issueToken(sa.clientId, 3600, sa.secrets[0].id);
      const res = await fetchToken(emu.url, sa.clientId, sa.secrets[0].secret);
      expect(res.status).to.equal(403);
      expect(res.json.error).to.equal("access_denied");
    });
  });

  describe("projects", () => {
    it("invites with project roles, changes them, lists, and unassigns without deleting the account", async () => {
      const sa = await create();
      const invited = await api.post(`${group(sa.clientId)}:invite`, { roles: ["GROUP_READ_ONLY"] });
      expect(invited.status, invited.text).to.equal(200);
      expect(invited.headers["content-type"]).to.equal(SA_TYPE);
      expect(invited.json.roles).to.deep.equal(["GROUP_READ_ONLY"]);
      expectAtlasError(
        await api.post(`${group(sa.clientId)}:invite`, { roles: ["GROUP_OWNER"] }),
        400,
        "SERVICE_ACCOUNT_ALREADY_IN_GROUP",
      );
      expectAtlasError(
        await api.post(`${group(sa.clientId, emu.secondProjectId)}:invite`, { roles: ["ORG_OWNER"] }),
        400,
        "INVALID_ROLE_FOR_GROUP",
      );
      const patched = await api.patch(group(sa.clientId), { roles: ["GROUP_OWNER", "GROUP_READ_ONLY"] });
      expect(patched.json.roles).to.deep.equal(["GROUP_OWNER", "GROUP_READ_ONLY"]);
      expect((await api.get(group(sa.clientId))).json.roles).to.deep.equal(["GROUP_OWNER", "GROUP_READ_ONLY"]);
      const listed = await api.get(`/api/atlas/v2/groups/${emu.projectId}/serviceAccounts`);
      expect(listed.json.results.map((a: { clientId: string }) => a.clientId)).to.include(sa.clientId);
      const groups = await api.get(`${account(sa.clientId)}/groups`);
      expect(groups.json.results).to.deep.equal([
        { groupId: emu.projectId, roles: ["GROUP_OWNER", "GROUP_READ_ONLY"] },
      ]);
      expect((await api.delete(group(sa.clientId))).status).to.equal(204);
      expectAtlasError(await api.get(group(sa.clientId)), 404, "SERVICE_ACCOUNT_NOT_FOUND");
      expect((await api.get(account(sa.clientId))).status).to.equal(200);
    });

    it("creates a project service account: ORG_MEMBER in the organization, the roles in the project", async () => {
      const res = await api.post(`/api/atlas/v2/groups/${emu.projectId}/serviceAccounts`, {
        name: "project made",
        description: "d",
        roles: ["GROUP_OWNER"],
        secretExpiresAfterHours: 24,
      });
      expect(res.status, res.text).to.equal(201);
      expect(res.json.roles).to.deep.equal(["GROUP_OWNER"]);
      expect(res.json.secrets[0].secret).to.match(/^mdb_sa_sk_/);
      expect((await api.get(account(res.json.clientId))).json.roles).to.deep.equal(["ORG_MEMBER"]);
      const wrongScope = await api.post(`/api/atlas/v2/groups/${emu.projectId}/serviceAccounts`, {
        name: "n",
        description: "d",
        roles: ["ORG_OWNER"],
        secretExpiresAfterHours: 24,
      });
      expectAtlasError(wrongScope, 400, "INVALID_ROLE_FOR_GROUP");
      const other = await create();
      expectAtlasError(
        await api.post(`${group(other.clientId)}/secrets`, { secretExpiresAfterHours: 24 }),
        404,
        "SERVICE_ACCOUNT_NOT_FOUND",
      );
      expectAtlasError(await api.get(`${group(other.clientId)}/accessList`), 404, "SERVICE_ACCOUNT_NOT_FOUND");
    });

    it("does not invite an account of another organization", async () => {
      const res = await api.post(`${group(emu.otherOrg.clientId!)}:invite`, { roles: ["GROUP_READ_ONLY"] });
      expectAtlasError(res, 404, "SERVICE_ACCOUNT_NOT_FOUND");
    });
  });

  describe("access list", () => {
    it("adds entries (200, the whole list), refuses duplicates with 409, deletes with %2F in the path", async () => {
      const sa = await create();
      const list = `${account(sa.clientId)}/accessList`;
      const added = await api.post(list, [{ ipAddress: "192.0.2.10" }, { cidrBlock: "198.51.100.0/24" }]);
      expect(added.status).to.equal(200);
      expect(added.headers["content-type"]).to.equal(SA_TYPE);
      expect(added.json.results.map((e: { cidrBlock: string }) => e.cidrBlock)).to.deep.equal([
        "192.0.2.10/32",
        "198.51.100.0/24",
      ]);
      expect(added.json.results[0]).to.include({ ipAddress: "192.0.2.10", requestCount: 0 });
      expectAtlasError(await api.post(list, [{ cidrBlock: "198.51.100.0/24" }]), 409, "ADDRESS_ALREADY_IN_ACCESS_LIST");
      expectAtlasError(await api.post(list, [{ cidrBlock: 42 }]), 400, "INVALID_JSON_ATTRIBUTE");
      expect((await api.delete(`${list}/198.51.100.0%2F24`)).status).to.equal(204);
      expectAtlasError(
        await api.delete(`${list}/198.51.100.0%2F24`),
        404,
        "SERVICE_ACCOUNT_ACCESS_LIST_ENTRY_NOT_FOUND",
      );
      expect((await api.get(list)).json.results).to.have.length(1);
    });

    it("restricts the use of tokens (not their creation) when enforcement is on", async () => {
      const sa = await create({ roles: ["ORG_OWNER"] });
      await api.post(`${account(sa.clientId)}/accessList`, [{ cidrBlock: "203.0.113.0/24" }]);
      emu.configure({ enforceAccessList: true });
      const token = await fetchToken(emu.url, sa.clientId, sa.secrets[0].secret);
      expect(token.status).to.equal(200);
      expectAtlasError(
        await bearerRequest(emu.url, token.json.access_token, "GET", accounts()),
        403,
        "IP_ADDRESS_NOT_ON_ACCESS_LIST",
      );
      await api.post(`${account(sa.clientId)}/accessList`, [{ ipAddress: "127.0.0.1" }]);
      expect((await bearerRequest(emu.url, token.json.access_token, "GET", accounts())).status).to.equal(200);
      const entries = (await api.get(`${account(sa.clientId)}/accessList`)).json.results;
      expect(entries[1]).to.include({ requestCount: 1, lastUsedAddress: "127.0.0.1" });
    });
  });

  it("deleting an account removes its secrets, assignments, access list and tokens", async () => {
    const sa = await create({ roles: ["ORG_OWNER"] });
    await api.post(`${group(sa.clientId)}:invite`, { roles: ["GROUP_READ_ONLY"] });
    await api.post(`${account(sa.clientId)}/accessList`, [{ ipAddress: "127.0.0.1" }]);
    const token = (await fetchToken(emu.url, sa.clientId, sa.secrets[0].secret)).json.access_token;
    expect((await api.delete(account(sa.clientId))).status).to.equal(204);
    expectAtlasError(await api.get(account(sa.clientId)), 404, "SERVICE_ACCOUNT_NOT_FOUND");
    expectAtlasError(await api.get(group(sa.clientId)), 404, "SERVICE_ACCOUNT_NOT_FOUND");
    expectAtlasError(await api.get(`${account(sa.clientId)}/accessList`), 404, "SERVICE_ACCOUNT_NOT_FOUND");
    expect((await bearerRequest(emu.url, token, "GET", accounts())).status).to.equal(401);
    expect((await fetchToken(emu.url, sa.clientId, sa.secrets[0].secret)).status).to.equal(401);
    expect(JSON.stringify(emu.state())).not.to.include(sa.clientId);
  });
});

describe("emulator service accounts: control plane, buckets and state files", function () {
  this.timeout(30_000);

  it("dumps accounts with secret ids and expiry but no secret value, and moves the clock on request", async () => {
    const emu = await start({ seed: "sa-dump", rateLimit: false });
    try {
      const sa = emu.model.serviceAccounts.create(
        { orgId: emu.orgId },
        {
          name: "dumped",
          description: "d",
          roles: ["ORG_MEMBER"],
          secretExpiresAfterHours: 8,
        },
      );
      const secret = sa.secrets[0];
      const dumped = (await rawRequest(emu.url, "GET", "/__emulator/state")).json.serviceAccounts.find(
        (a: { clientId: string }) => a.clientId === sa.clientId,
      );
      expect(dumped.secrets).to.deep.equal([{ id: secret.id, expiresAt: dumped.secrets[0].expiresAt, expired: false }]);
      const refused = await rawRequest(emu.url, "POST", "/__emulator/clock", { body: '{"advanceSeconds":-1}' });
      expect(refused.status).to.equal(400);
      const before = Date.parse((await rawRequest(emu.url, "GET", "/__emulator/clock")).json.now);
      const moved = await rawRequest(emu.url, "POST", "/__emulator/clock", { body: '{"advanceSeconds":28800}' });
      expect(Date.parse(moved.json.now) - before).to.be.at.least(28_800_000);
      const state = await rawRequest(emu.url, "GET", "/__emulator/state");
      expect(state.text).not.to.include(secret.secret);
      expect(emu.state().serviceAccounts.find((a) => a.clientId === sa.clientId)?.secrets[0].expired).to.equal(true);
    } finally {
      await emu.close();
    }
  });

  it("draws service-account calls from per-organization and per-project buckets", async () => {
    const emu = await start({
      seed: "sa-buckets",
      rateLimit: { orgCapacity: 2, projectCapacity: 3, refillPerSecond: 0 },
    });
    try {
      const api = new DigestClient(emu.url, emu.publicKey, emu.privateKey, { reuseNonce: true });
      const orgPath = `/api/atlas/v2/orgs/${emu.orgId}/serviceAccounts`;
      expect((await api.get(orgPath)).headers["ratelimit-limit"]).to.equal("2");
      await api.get(orgPath);
      expectAtlasError(await api.get(orgPath), 429, "RATE_LIMITED_TOKEN_BUCKET");
      const groupPath = `/api/atlas/v2/groups/${emu.projectId}/serviceAccounts`;
      expect((await api.get(groupPath)).headers["ratelimit-limit"]).to.equal("3");
    } finally {
      await emu.close();
    }
  });

  it("loads a state file written before secrets were a list: the client secret keeps working", async () => {
    const { mkdtempSync, rmSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "sa-upgrade-"));
    try {
      const first = await start({ seed: "sa-upgrade", stateFile: join(dir, "state.json") });
      const snapshot = first.model.snapshot();
      await first.close();
      for (const sa of Object.values(snapshot.state.serviceAccounts) as unknown as Array<Record<string, unknown>>) {
        sa.clientSecret = (sa.secrets as Array<{ secret: string }>)[0].secret;
        delete sa.secrets;
        delete sa.accessList;
        delete sa.description;
      }
      writeFileSync(join(dir, "state.json"), JSON.stringify(snapshot));
      const second = await start({ stateFile: join(dir, "state.json") });
      try {
        expect(second.clientSecret === first.clientSecret).to.equal(true);
        expect((await fetchToken(second.url, second.clientId, second.clientSecret)).status).to.equal(200);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
