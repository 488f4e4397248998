import { expect } from "chai";
import type { EmulatorHandle } from "../../../../emulator";
import { createOrgKey, startWithAdmin, type AdminApi } from "../support/admin-api";
import { expectAtlasError as expectError } from "../support/assertions";
import { DigestClient } from "../support/http-client";

const REDACTED = /^\*{8}-\*{4}-\*{4}-[0-9a-f]{12}$/;
const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe("emulator Admin API: project keys and access lists", function () {
  this.timeout(30_000);
  let emu: EmulatorHandle;
  let api: DigestClient;
  let admin: AdminApi;
  const orgKeys = () => `/api/atlas/v2/orgs/${emu.orgId}/apiKeys`;
  const groupKeys = (groupId = emu.projectId) => `/api/atlas/v2/groups/${groupId}/apiKeys`;

  before(async () => {
    admin = await startWithAdmin({ seed: "api-project-tests" });
    ({ emu, api } = admin);
  });
  after(() => emu.close());

  describe("project API keys", () => {
    it("creates a key in a project with ORG_MEMBER added and the org key URL as self link", async () => {
      const res = await api.post(groupKeys(), { desc: "project key", roles: ["GROUP_READ_ONLY"] });
      expect(res.status).to.equal(200);
      expect(res.json.privateKey).to.match(/^[0-9a-f-]{36}$/);
      expect(res.json.roles).to.have.deep.members([
        { orgId: emu.orgId, roleName: "ORG_MEMBER" },
        { groupId: emu.projectId, roleName: "GROUP_READ_ONLY" },
      ]);
      expect(res.json.links).to.deep.equal([
        { href: `${emu.url}/api/atlas/v2/orgs/${emu.orgId}/apiKeys/${res.json.id}`, rel: "self" },
      ]);
      const listed = (await api.get(groupKeys())).json.results.find((k: { id: string }) => k.id === res.json.id);
      expect(listed.privateKey).to.match(REDACTED);
    });

    it("assigns an existing key with 204, refuses a second assignment with 400 API_KEY_ALREADY_IN_GROUP", async () => {
      const key = await createOrgKey(admin, "shared");
      const path = `${groupKeys(emu.secondProjectId)}/${key.id}`;
      const res = await api.post(path, [{ roles: ["GROUP_READ_ONLY", "GROUP_CLUSTER_MANAGER"] }]);
      expect(res.status).to.equal(204);
      expect(res.text).to.equal("");
      const again = await api.post(path, [{ roles: ["GROUP_READ_ONLY"] }]);
      expectError(again, 400, "API_KEY_ALREADY_IN_GROUP");
      expect(again.json).to.deep.equal({
        detail: "API key is already in the group.",
        error: 400,
        errorCode: "API_KEY_ALREADY_IN_GROUP",
        parameters: [],
        reason: "Bad Request",
      });
    });

    it("replaces the key's roles in that project with PATCH", async () => {
      const created = (await api.post(groupKeys(), { desc: "roles", roles: ["GROUP_READ_ONLY"] })).json;
      const res = await api.patch(`${groupKeys()}/${created.id}`, {
        roles: ["GROUP_OWNER", "GROUP_DATA_ACCESS_READ_ONLY"],
      });
      expect(res.status).to.equal(200);
      const projectRoles = res.json.roles
        .filter((r: { groupId?: string }) => r.groupId === emu.projectId)
        .map((r: { roleName: string }) => r.roleName);
      expect(projectRoles).to.have.members(["GROUP_OWNER", "GROUP_DATA_ACCESS_READ_ONLY"]);
      expectError(
        await api.patch(`${groupKeys()}/${created.id}`, { roles: ["ORG_OWNER"] }),
        400,
        "INVALID_ROLE_FOR_GROUP",
      );
    });

    it("unassigns with 204 and keeps the key in the organization", async () => {
      const created = (await api.post(groupKeys(), { desc: "leaves", roles: ["GROUP_READ_ONLY"] })).json;
      expect((await api.delete(`${groupKeys()}/${created.id}`)).status).to.equal(204);
      const ids = (await api.get(`${groupKeys()}?itemsPerPage=500`)).json.results.map((k: { id: string }) => k.id);
      expect(ids).to.not.include(created.id);
      const still = await api.get(`${orgKeys()}/${created.id}`);
      expect(still.status).to.equal(200);
      expect(still.json.roles).to.deep.equal([{ orgId: emu.orgId, roleName: "ORG_MEMBER" }]);
      expectError(await api.delete(`${groupKeys()}/${created.id}`), 404, "API_KEY_NOT_FOUND");
    });

    it("deleting the org key removes it from its projects", async () => {
      const created = (await api.post(groupKeys(), { desc: "cascade", roles: ["GROUP_READ_ONLY"] })).json;
      await api.post(`${groupKeys(emu.secondProjectId)}/${created.id}`, [{ roles: ["GROUP_OWNER"] }]);
      expect((await api.delete(`${orgKeys()}/${created.id}`)).status).to.equal(204);
      for (const groupId of [emu.projectId, emu.secondProjectId]) {
        const ids = (await api.get(`${groupKeys(groupId)}?itemsPerPage=500`)).json.results.map(
          (k: { id: string }) => k.id,
        );
        expect(ids).to.not.include(created.id);
      }
    });
  });

  describe("access lists", () => {
    let keyId: string;
    const list = () => `${orgKeys()}/${keyId}/accessList`;
    before(async () => {
      keyId = (await createOrgKey(admin, "with access list")).id;
    });

    it("stores an ipAddress as a /32 block with count 0 and returns the whole list (200)", async () => {
      const res = await api.post(list(), [{ ipAddress: "192.168.0.229" }]);
      expect(res.status).to.equal(200);
      expect(res.json.totalCount).to.equal(1);
      const [entry] = res.json.results;
      expect(Object.keys(entry)).to.deep.equal(["cidrBlock", "count", "created", "ipAddress", "links"]);
      expect(entry).to.include({ cidrBlock: "192.168.0.229/32", ipAddress: "192.168.0.229", count: 0 });
      expect(entry.created).to.match(ISO_SECONDS);
      expect(entry.links[0].href).to.equal(`${emu.url}${list()}/192.168.0.229%2F32`);
    });

    it("finds an entry by address, and by %2F-encoded block", async () => {
      expect((await api.get(`${list()}/192.168.0.229`)).json.cidrBlock).to.equal("192.168.0.229/32");
      expect((await api.get(`${list()}/192.168.0.229%2F32`)).json.cidrBlock).to.equal("192.168.0.229/32");
    });

    it("adds a CIDR block and deletes it through the encoded path", async () => {
      expect((await api.post(list(), [{ cidrBlock: "198.51.100.0/24" }])).json.totalCount).to.equal(2);
      expect((await api.delete(`${list()}/198.51.100.0%2F24`)).status).to.equal(204);
      expectError(await api.get(`${list()}/198.51.100.0%2F24`), 404, "API_KEY_ACCESS_LIST_NOT_FOUND");
    });

    it("answers a duplicate entry with 409", async () => {
      expectError(await api.post(list(), [{ cidrBlock: "192.168.0.229/32" }]), 409, "ADDRESS_ALREADY_IN_ACCESS_LIST");
    });

    it("refuses an entry with both fields", async () => {
      expectError(
        await api.post(list(), [{ ipAddress: "10.0.0.1", cidrBlock: "10.0.0.0/8" }]),
        400,
        "BAD_ACCESS_LIST_ADD_REQUEST",
      );
    });

    it("refuses to let a key remove its caller's own address", async () => {
      const self = list().replace(keyId, emu.apiKeyId);
      await api.post(self, [{ cidrBlock: "127.0.0.0/8" }]);
      expectError(await api.delete(`${self}/127.0.0.0%2F8`), 400, "CANNOT_REMOVE_CALLER_FROM_ACCESS_LIST");
      // Another owner may remove it.
      const other = emu.seedData({ orgId: emu.orgId, serviceAccount: false });
      const second = new DigestClient(emu.url, other.publicKey!, other.privateKey!);
      expect((await second.delete(`${self}/127.0.0.0%2F8`)).status).to.equal(204);
    });
  });
});
