import { expect } from "chai";
import { openTarget, type ContractTarget } from "./target";
import { checkFidelity } from "./fidelity";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const REDACTED = /^\*{8}-\*{4}-\*{4}-[0-9a-f]{12}$/;

describe("contract: every key operation, client against the target", () => {
  let t: ContractTarget;
  const created: string[] = [];
  before(async () => {
    t = await openTarget("contract-operations");
  });
  after(async () => {
    for (const id of created) await t.client.deleteOrgApiKey(t.orgId, id).catch(() => undefined);
    await t.close();
  });

  it("reads the organization and the project (a project names its organization)", async () => {
    expect((await t.client.getOrganization(t.orgId)).id).to.equal(t.orgId);
    expect((await t.client.getProject(t.projectId)).orgId).to.equal(t.orgId);
  });

  it("creates an org key: 24-hex id, 8-letter public key, UUID v4 private key shown once", async () => {
    const key = await t.client.createOrgApiKey(t.orgId, { desc: "contract org key", roles: ["ORG_READ_ONLY"] });
    created.push(key.id);
    expect(key.id).to.match(/^[0-9a-f]{24}$/);
    expect(key.publicKey).to.match(/^[a-z]{8}$/);
    expect(key.privateKey).to.match(UUID_V4);
    expect(key.roles).to.deep.equal([{ orgId: t.orgId, roleName: "ORG_READ_ONLY" }]);
    const again = await t.client.getOrgApiKey(t.orgId, key.id);
    expect(again.privateKey)
      .to.match(REDACTED)
      .and.equal(`********-****-****-${key.privateKey.slice(-12)}`);
  });

  it("lists org keys sorted by public key, and updates description and roles", async () => {
    const key = await t.client.createOrgApiKey(t.orgId, { desc: "to update", roles: ["ORG_MEMBER"] });
    created.push(key.id);
    const list = await t.client.listOrgApiKeys(t.orgId);
    const publicKeys = list.map((k) => k.publicKey);
    expect(publicKeys).to.deep.equal([...publicKeys].sort());
    expect(list.find((k) => k.id === key.id)?.privateKey).to.match(REDACTED);
    const updated = await t.client.updateOrgApiKey(t.orgId, key.id, {
      desc: "updated",
      roles: ["ORG_BILLING_READ_ONLY", "ORG_MEMBER"],
    });
    expect(updated.desc).to.equal("updated");
    expect(updated.roles.map((r) => r.roleName).sort()).to.deep.equal(["ORG_BILLING_READ_ONLY", "ORG_MEMBER"]);
  });

  it("manages an access list: /32 normalisation, %2F-encoded CIDR paths, delete", async () => {
    const key = await t.client.createOrgApiKey(t.orgId, { desc: "access list", roles: ["ORG_MEMBER"] });
    created.push(key.id);
    const list = await t.client.createAccessListEntries(t.orgId, key.id, [
      { ipAddress: "192.0.2.10" },
      { cidrBlock: "198.51.100.0/24" },
    ]);
    const single = list.find((e) => e.ipAddress === "192.0.2.10");
    expect(single?.cidrBlock).to.equal("192.0.2.10/32");
    expect(single?.count).to.equal(0);
    expect((await t.client.getAccessListEntry(t.orgId, key.id, "192.0.2.10")).cidrBlock).to.equal("192.0.2.10/32");
    expect((await t.client.getAccessListEntry(t.orgId, key.id, "198.51.100.0/24")).cidrBlock).to.equal(
      "198.51.100.0/24",
    );
    await t.client.deleteAccessListEntry(t.orgId, key.id, "198.51.100.0/24");
    const after = await t.client.listAccessListEntries(t.orgId, key.id);
    expect(after.map((e) => e.cidrBlock)).to.deep.equal(["192.0.2.10/32"]);
  });

  it("creates a project key: Atlas adds ORG_MEMBER; assigns, updates and unassigns in another project", async function () {
    const key = await t.client.createProjectApiKey(t.projectId, {
      desc: "contract project key",
      roles: ["GROUP_READ_ONLY"],
    });
    created.push(key.id);
    expect(key.privateKey).to.match(UUID_V4);
    expect(key.roles).to.deep.include({ orgId: t.orgId, roleName: "ORG_MEMBER" });
    expect(key.roles).to.deep.include({ groupId: t.projectId, roleName: "GROUP_READ_ONLY" });
    const other = t.emulator?.projectIds[1];
    if (!other) return;
    await t.client.assignApiKeyToProject(other, key.id, ["GROUP_CLUSTER_MANAGER"]);
    expect((await t.client.listProjectApiKeys(other)).map((k) => k.id)).to.include(key.id);
    const patched = await t.client.updateProjectApiKey(other, key.id, { roles: ["GROUP_OWNER"] });
    expect(patched.roles.filter((r) => r.groupId === other).map((r) => r.roleName)).to.deep.equal(["GROUP_OWNER"]);
    await t.client.unassignApiKeyFromProject(other, key.id);
    expect((await t.client.listProjectApiKeys(other)).map((k) => k.id)).to.not.include(key.id);
    expect((await t.client.getOrgApiKey(t.orgId, key.id)).id).to.equal(key.id);
  });

  it("deletes an org key, which also removes it from its projects", async () => {
    const key = await t.client.createProjectApiKey(t.projectId, { desc: "to delete", roles: ["GROUP_READ_ONLY"] });
    await t.client.deleteOrgApiKey(t.orgId, key.id);
    expect((await t.client.listProjectApiKeys(t.projectId)).map((k) => k.id)).to.not.include(key.id);
    const error = await t.client.getOrgApiKey(t.orgId, key.id).catch((e: unknown) => e);
    expect(error).to.have.property("errorCode", "API_KEY_NOT_FOUND");
  });

  it("pages through 1,200 keys: 500 a page, following next links", async function () {
    if (!t.emulator) this.skip(); // live Atlas: 1,200 keys would be made in a real organization
    for (let i = 0; i < 1200; i++) t.emulator.model.createOrgKey(t.orgId, { desc: `bulk ${i}`, roles: ["ORG_MEMBER"] });
    const before = t.client.stats.httpRequests;
    const all = await t.client.listOrgApiKeys(t.orgId);
    expect(all.filter((k) => k.desc.startsWith("bulk "))).to.have.length(1200);
    expect(new Set(all.map((k) => k.id)).size).to.equal(all.length);
    expect(t.client.stats.httpRequests - before).to.equal(Math.ceil(all.length / 500));
  });

  it("every response body matches the official OpenAPI spec", function () {
    checkFidelity(this, t.proxy.recorded);
  });
});
