/**
 * A failed update leaves a state that matches Atlas: the handlers report what they applied
 * (a partial result), the engine stores it as the outputs, and the next `up`, with no refresh,
 * brings Atlas exactly to what the program declares, whether the program is run again or
 * reverted. `engineUpdate` plays the engine's part: on a partial result it keeps the reported
 * outputs, as `pulumi up` does (pulumi/pulumi engine/update.go, StatusPartialFailure).
 */
import { expect } from "chai";
import { adminClient, configureRuntime, handlers, start, type Emulator } from "../support/provider-harness";
import type { ApiKeyOutputs } from "../../provider/resources/api-key/model";
import type { ProjectApiKeyOutputs } from "../../provider/resources/project-api-key/model";
import type { ResourceKind } from "../../provider/runtime/serializable";

type Outputs = Record<string, unknown>;

/** One engine update step: the new outputs on success, the reported outputs on a partial failure. */
async function engineUpdate(kind: ResourceKind, id: string, olds: Outputs, declared: object) {
  const news = (await handlers[kind].check(olds, declared)).inputs;
  const diff = await handlers[kind].diff(id, olds, news);
  if (!diff.changes) return { outs: olds, failed: undefined, changed: false };
  try {
    return { outs: (await handlers[kind].update(id, olds, news)).outs as Outputs, failed: undefined, changed: true };
  } catch (error) {
    const partial = error as Error & { id?: string; properties?: Outputs };
    expect(partial.id, `no partial result in: ${partial.message}`).to.equal(id);
    return { outs: partial.properties!, failed: partial, changed: true };
  }
}

describe("partial updates: what was applied is recorded, and the next up converges without refresh", () => {
  let emulator: Emulator;
  let admin: ReturnType<typeof adminClient>;
  const A = "192.0.2.10";
  const B = "198.51.100.0/24";
  before(async () => {
    emulator = await start({ port: 0, seed: "partial-update-tests", rateLimit: false });
    admin = adminClient(emulator);
  });
  after(async () => emulator.close());
  beforeEach(() => {
    configureRuntime(emulator);
    emulator.clearFaults();
  });

  async function createApiKey(declared: object) {
    const inputs = (await handlers.apiKey.check({}, declared)).inputs;
    const result = await handlers.apiKey.create(inputs);
    return { id: result.id, outs: result.outs as Outputs };
  }

  async function apiKeyInAtlas(apiKeyId: string) {
    const key = await admin.getOrgApiKey(emulator.orgId, apiKeyId);
    const entries = await admin.listAccessListEntries(emulator.orgId, apiKeyId);
    return {
      description: key.desc,
      roleNames: key.roles.map((r) => r.roleName).sort(),
      accessList: entries.map((e) => e.ipAddress ?? e.cidrBlock).sort(),
    };
  }

  describe("ApiKey: description, roles and access list in one update, an entry's delete refused (403)", () => {
    const original = () => ({
      orgId: emulator.orgId,
      description: "ci v1",
      roleNames: ["ORG_READ_ONLY"],
      accessList: [A],
    });
    const changed = () => ({ ...original(), description: "ci v2", roleNames: ["ORG_OWNER"], accessList: [B] });

    async function failHalfway() {
      const { id, outs } = await createApiKey(original());
      const apiKeyId = outs.apiKeyId as string;
      emulator.injectFault({ method: "DELETE", path: "/accessList/", status: 403, errorCode: "USER_UNAUTHORIZED" });
      const result = await engineUpdate("apiKey", id, outs, changed());
      expect(result.failed?.message).to.match(/failed while removing access-list entry 192\.0\.2\.10: .*HTTP 403/);
      expect(result.failed?.message).to.match(/The 2 step\(s\) before it were applied; Atlas refused it/);
      const recorded = result.outs as unknown as ApiKeyOutputs;
      expect({ description: recorded.description, roleNames: recorded.roleNames, accessList: recorded.accessList })
        .to.deep.equal({ description: "ci v2", roleNames: ["ORG_OWNER"], accessList: [A, B] })
        .and.to.deep.equal(await apiKeyInAtlas(apiKeyId));
      expect(recorded.privateKey === outs.privateKey, "the private key is kept").to.equal(true);
      return { id, apiKeyId, recorded: result.outs };
    }

    it("a revert of the program, without refresh, brings Atlas back exactly", async () => {
      const { id, apiKeyId, recorded } = await failHalfway();
      const revert = await engineUpdate("apiKey", id, recorded, original());
      expect(revert.failed).to.equal(undefined);
      expect(await apiKeyInAtlas(apiKeyId)).to.deep.equal({
        description: "ci v1",
        roleNames: ["ORG_READ_ONLY"],
        accessList: [A],
      });
    });

    it("running the program again, without refresh, finishes the change", async () => {
      const { id, apiKeyId, recorded } = await failHalfway();
      await engineUpdate("apiKey", id, recorded, changed());
      expect(await apiKeyInAtlas(apiKeyId)).to.deep.equal({
        description: "ci v2",
        roleNames: ["ORG_OWNER"],
        accessList: [B],
      });
    });
  });

  it("ApiKey: a step whose outcome is unknown (the answer lost on every attempt) is set again by the revert", async () => {
    const original = { orgId: emulator.orgId, description: "svc v1", roleNames: ["ORG_READ_ONLY"] };
    const { id, outs } = await createApiKey(original);
    // Applied, then the answer is lost on every attempt: Atlas holds the new values, the client cannot know.
    emulator.injectFault({ method: "PATCH", path: "/apiKeys/", type: "dropAfterCommit", count: 20 });
    const failed = await engineUpdate("apiKey", id, outs, {
      ...original,
      description: "svc v2",
      roleNames: ["ORG_OWNER"],
    });
    expect(failed.failed?.message).to.match(/its own outcome is unknown/);
    emulator.clearFaults();
    const atlasNow = await apiKeyInAtlas(outs.apiKeyId as string);
    expect(atlasNow.description).to.equal("svc v2");
    await engineUpdate("apiKey", id, failed.outs, original);
    const reverted = await apiKeyInAtlas(outs.apiKeyId as string);
    expect([reverted.description, reverted.roleNames]).to.deep.equal(["svc v1", ["ORG_READ_ONLY"]]);
  });

  describe("ProjectApiKey: assignments moved from P1 to P2 while the unassign from P1 fails", () => {
    const assigned = async (apiKeyId: string) =>
      (await admin.getOrgApiKey(emulator.orgId, apiKeyId)).roles.filter((r) => r.groupId).map((r) => r.groupId);
    const declared = (projectId: string) => ({
      description: "mover",
      projectAssignments: [{ projectId, roleNames: ["GROUP_READ_ONLY"] }],
    });

    async function failHalfway() {
      const [p1, p2] = emulator.projectIds;
      const inputs = (await handlers.projectApiKey.check({}, declared(p1))).inputs;
      const created = await handlers.projectApiKey.create(inputs);
      const apiKeyId = (created.outs as ProjectApiKeyOutputs).apiKeyId;
      emulator.injectFault({ method: "DELETE", path: `/groups/${p1}/apiKeys/`, status: 500, count: 20 });
      const result = await engineUpdate("projectApiKey", created.id, created.outs as Outputs, declared(p2));
      expect(result.failed?.message).to.match(/failed while unassigning the key from project/);
      expect((await assigned(apiKeyId)).sort()).to.deep.equal([p1, p2].sort());
      const recorded = (result.outs as unknown as ProjectApiKeyOutputs).projectAssignments.map((a) => a.projectId);
      expect(recorded).to.have.members([p1, p2]);
      emulator.clearFaults();
      return { id: created.id, apiKeyId, recorded: result.outs, p1, p2 };
    }

    it("the state shows both projects, and a revert without refresh unassigns P2", async () => {
      const { id, apiKeyId, recorded, p1 } = await failHalfway();
      await engineUpdate("projectApiKey", id, recorded, declared(p1));
      expect(await assigned(apiKeyId)).to.deep.equal([p1]);
    });

    it("running the program again unassigns P1", async () => {
      const { id, apiKeyId, recorded, p2 } = await failHalfway();
      await engineUpdate("projectApiKey", id, recorded, declared(p2));
      expect(await assigned(apiKeyId)).to.deep.equal([p2]);
    });
  });

  /**
   * Both kinds of project assignment: a roles change whose outcome is unknown (the connection
   * drops after Atlas applied it) records no roles, and the revert sets the original ones again.
   */
  async function expectRevertSetsRolesAgain(
    kind: "apiKeyProjectAssignment" | "serviceAccountProjectAssignment",
    original: { projectId: string; roles: string[] },
    rolesInAtlas: () => Promise<string[]>,
  ): Promise<void> {
    const created = await handlers[kind].create((await handlers[kind].check({}, original)).inputs);
    emulator.injectFault({ method: "PATCH", path: "/groups/", type: "dropAfterCommit", count: 20 });
    const failed = await engineUpdate(kind, created.id, created.outs as Outputs, {
      ...original,
      roles: ["GROUP_OWNER"],
    });
    expect(failed.outs.roles).to.deep.equal([]);
    emulator.clearFaults();
    await engineUpdate(kind, created.id, failed.outs, original);
    expect(await rolesInAtlas()).to.deep.equal(["GROUP_READ_ONLY"]);
  }

  it("ApiKeyProjectAssignment: roles whose change has an unknown outcome are set again by the revert", async () => {
    const key = await admin.createOrgApiKey(emulator.orgId, { desc: "assigned", roles: ["ORG_MEMBER"] });
    const original = { projectId: emulator.projectId, apiKeyId: key.id, roles: ["GROUP_READ_ONLY"] };
    await expectRevertSetsRolesAgain("apiKeyProjectAssignment", original, async () =>
      (await admin.listProjectApiKeys(emulator.projectId))
        .find((k) => k.id === key.id)!
        .roles.filter((r) => r.groupId === emulator.projectId)
        .map((r) => r.roleName),
    );
  });

  it("ServiceAccount: a name, description and roles change with an unknown outcome is set again by the revert", async () => {
    const original = { orgId: emulator.orgId, name: "pu v1", description: "pu v1", roles: ["ORG_READ_ONLY"] };
    const created = await handlers.serviceAccount.create(
      (await handlers.serviceAccount.check({}, { ...original, withoutInitialSecret: true })).inputs,
    );
    const clientId = created.outs.clientId;
    emulator.injectFault({ method: "PATCH", path: "/serviceAccounts/", type: "dropAfterCommit", count: 20 });
    const changed = {
      ...original,
      withoutInitialSecret: true,
      name: "pu v2",
      description: "pu v2",
      roles: ["ORG_MEMBER"],
    };
    const failed = await engineUpdate("serviceAccount", created.id, created.outs as unknown as Outputs, changed);
    expect(failed.failed?.message).to.match(/its own outcome is unknown/);
    expect({ name: failed.outs.name, description: failed.outs.description, roles: failed.outs.roles }).to.deep.equal({
      name: "",
      description: "",
      roles: [],
    });
    emulator.clearFaults();
    await engineUpdate("serviceAccount", created.id, failed.outs, { ...original, withoutInitialSecret: true });
    const account = await admin.getServiceAccount(emulator.orgId, clientId);
    expect({ name: account.name, description: account.description, roles: account.roles }).to.deep.equal({
      name: "pu v1",
      description: "pu v1",
      roles: ["ORG_READ_ONLY"],
    });
  });

  it("ServiceAccountProjectAssignment: roles whose change has an unknown outcome are set again by the revert", async () => {
    const account = await admin.createServiceAccount(emulator.orgId, {
      name: "pu assigned",
      description: "pu",
      roles: ["ORG_MEMBER"],
      withoutInitialSecret: true,
    });
    const original = { projectId: emulator.projectId, clientId: account.clientId, roles: ["GROUP_READ_ONLY"] };
    await expectRevertSetsRolesAgain(
      "serviceAccountProjectAssignment",
      original,
      async () => (await admin.getProjectServiceAccount(emulator.projectId, account.clientId)).roles,
    );
  });
});
