import { expect } from "chai";
import { adminClient, configureRuntime, handlers, start, type Emulator } from "../support/provider-harness";
import { expectRejection } from "../support/expect-rejection";
import type { ProjectApiKeyOutputs } from "../../provider/resources/project-api-key/model";
import type { AssignmentOutputs } from "../../provider/resources/api-key-project-assignment/model";

const projectKey = handlers.projectApiKey;
const assignment = handlers.apiKeyProjectAssignment;

describe("ProjectApiKey and ApiKeyProjectAssignment providers against the emulator", () => {
  let emulator: Emulator;
  let projectB: string;
  before(async () => {
    emulator = await start({ port: 0, seed: "project-key-tests", rateLimit: false });
    projectB = emulator.projectIds[1];
  });
  after(async () => emulator.close());
  beforeEach(() => configureRuntime(emulator));

  async function createProjectKey(assignments: { projectId: string; roleNames: string[] }[], extra: object = {}) {
    const checked = await projectKey.check({}, { description: "service", projectAssignments: assignments, ...extra });
    expect(checked.failures).to.deep.equal([]);
    const result = await projectKey.create(checked.inputs);
    return { id: result.id, outs: result.outs as ProjectApiKeyOutputs };
  }

  it("creates a key for two projects; Atlas adds ORG_MEMBER; the first project hosts it", async () => {
    const { id, outs } = await createProjectKey([
      { projectId: emulator.projectId, roleNames: ["GROUP_READ_ONLY"] },
      { projectId: projectB, roleNames: ["GROUP_OWNER"] },
    ]);
    expect(id).to.equal(`${emulator.projectId}/${outs.apiKeyId}`);
    expect(outs.orgId).to.equal(emulator.orgId);
    expect(outs.roleNames).to.deep.equal(["ORG_MEMBER"]);
    const remote = await adminClient(emulator).getOrgApiKey(emulator.orgId, outs.apiKeyId);
    const byProject = (p: string) => remote.roles.filter((r) => r.groupId === p).map((r) => r.roleName);
    expect(byProject(emulator.projectId)).to.deep.equal(["GROUP_READ_ONLY"]);
    expect(byProject(projectB)).to.deep.equal(["GROUP_OWNER"]);
  });

  it("updates assignments in place: add, change roles, remove; destroy deletes the key", async () => {
    const { id, outs } = await createProjectKey([{ projectId: emulator.projectId, roleNames: ["GROUP_READ_ONLY"] }]);
    const news = (
      await projectKey.check(
        {},
        {
          description: "service v2",
          projectAssignments: [{ projectId: projectB, roleNames: ["GROUP_CLUSTER_MANAGER"] }],
        },
      )
    ).inputs!;
    expect(await projectKey.diff(id, outs, news)).to.deep.include({ changes: true, replaces: [] });
    const updated = (await projectKey.update(id, outs, news)).outs as ProjectApiKeyOutputs;
    expect(updated.privateKey).to.equal(outs.privateKey);
    const admin = adminClient(emulator);
    const remote = await admin.getOrgApiKey(emulator.orgId, outs.apiKeyId);
    expect(remote.desc).to.equal("service v2");
    expect(remote.roles.filter((r) => r.groupId).map((r) => [r.groupId, r.roleName])).to.deep.equal([
      [projectB, "GROUP_CLUSTER_MANAGER"],
    ]);
    await projectKey.delete(id, updated);
    expect((await admin.listOrgApiKeys(emulator.orgId)).map((k) => k.id)).to.not.include(outs.apiKeyId);
  });

  it("refresh reports every project the key is in, from one read of the key, and up removes the extra one", async () => {
    const { id, outs } = await createProjectKey([{ projectId: emulator.projectId, roleNames: ["GROUP_READ_ONLY"] }]);
    const admin = adminClient(emulator);
    await admin.assignApiKeyToProject(projectB, outs.apiKeyId, ["GROUP_OWNER"]);
    emulator.clearRequests();
    const read = await projectKey.read(id, outs);
    const reads = emulator.requests().filter((r) => r.method === "GET");
    expect(reads.map((r) => r.path)).to.deep.equal([`/api/atlas/v2/orgs/${emulator.orgId}/apiKeys/${outs.apiKeyId}`]);
    const refreshed = read.props as ProjectApiKeyOutputs;
    expect(refreshed.projectAssignments).to.deep.equal([
      { projectId: emulator.projectId, roleNames: ["GROUP_READ_ONLY"] },
      { projectId: projectB, roleNames: ["GROUP_OWNER"] },
    ]);
    const declared = (
      await projectKey.check({}, { description: "service", projectAssignments: outs.projectAssignments })
    ).inputs!;
    expect(await projectKey.diff(id, refreshed, declared)).to.deep.include({ changes: true });
    await projectKey.update(id, refreshed, declared);
    const remote = await admin.getOrgApiKey(emulator.orgId, outs.apiKeyId);
    expect(remote.roles.some((r) => r.groupId === projectB)).to.equal(false);
  });

  it("rolls back the key when a later assignment fails (unknown project)", async () => {
    const admin = adminClient(emulator);
    const before = (await admin.listOrgApiKeys(emulator.orgId)).length;
    await expectRejection(
      createProjectKey([
        { projectId: emulator.projectId, roleNames: ["GROUP_READ_ONLY"] },
        { projectId: "111111111111111111111111", roleNames: ["GROUP_READ_ONLY"] },
      ]),
      /deleted again; nothing was left behind. Cause: .*GROUP_NOT_FOUND/,
    );
    expect((await admin.listOrgApiKeys(emulator.orgId)).length).to.equal(before);
  });

  it("a key whose organization the state lacks and whose project is gone is neither refreshed away nor reported deleted", async () => {
    const { outs } = await createProjectKey([{ projectId: emulator.projectId, roleNames: ["GROUP_READ_ONLY"] }]);
    const goneProject = "111111111111111111111111";
    const recorded = {
      ...outs,
      orgId: "",
      projectAssignments: [{ projectId: goneProject, roleNames: ["GROUP_READ_ONLY"] }],
    };
    const id = `${goneProject}/${outs.apiKeyId}`;
    await expectRejection(projectKey.read(id, recorded), /state does not record its organization.*delete it there/);
    await expectRejection(projectKey.delete(id, recorded), /state does not record its organization.*delete it there/);
    const remote = await adminClient(emulator).getOrgApiKey(emulator.orgId, outs.apiKeyId);
    expect(remote.id).to.equal(outs.apiKeyId);
    await projectKey.delete(`${emulator.projectId}/${outs.apiKeyId}`, outs);
  });

  describe("ApiKeyProjectAssignment", () => {
    async function orgKey() {
      return adminClient(emulator).createOrgApiKey(emulator.orgId, { desc: "shared", roles: ["ORG_MEMBER"] });
    }

    it("assigns, updates roles, and unassigns without deleting the key", async () => {
      const key = await orgKey();
      const inputs = (await assignment.check({}, { projectId: projectB, apiKeyId: key.id, roles: ["GROUP_READ_ONLY"] }))
        .inputs!;
      const { id, outs } = await assignment.create(inputs);
      expect(id).to.equal(`${projectB}/${key.id}`);
      const news = (await assignment.check({}, { ...inputs, roles: ["GROUP_OWNER"] })).inputs!;
      expect(await assignment.diff(id!, outs as AssignmentOutputs, news)).to.deep.include({
        changes: true,
        replaces: [],
      });
      await assignment.update(id!, outs as AssignmentOutputs, news);
      expect((await assignment.read(id!)).props).to.deep.equal({
        projectId: projectB,
        apiKeyId: key.id,
        roles: ["GROUP_OWNER"],
      });
      await assignment.delete(id!, news);
      const admin = adminClient(emulator);
      expect((await admin.listProjectApiKeys(projectB)).map((k) => k.id)).to.not.include(key.id);
      expect((await admin.getOrgApiKey(emulator.orgId, key.id)).id).to.equal(key.id);
    });

    it("adopts an assignment that already exists (API_KEY_ALREADY_IN_GROUP) and sets the declared roles", async () => {
      const key = await orgKey();
      await adminClient(emulator).assignApiKeyToProject(projectB, key.id, ["GROUP_READ_ONLY"]);
      const inputs = (
        await assignment.check({}, { projectId: projectB, apiKeyId: key.id, roles: ["GROUP_CLUSTER_MANAGER"] })
      ).inputs!;
      const { id } = await assignment.create(inputs);
      expect((await assignment.read(id!)).props).to.deep.include({ roles: ["GROUP_CLUSTER_MANAGER"] });
    });

    it("refresh drops a vanished assignment, and a vanished key, instead of failing", async () => {
      const key = await orgKey();
      const inputs = (await assignment.check({}, { projectId: projectB, apiKeyId: key.id, roles: ["GROUP_READ_ONLY"] }))
        .inputs!;
      const { id } = await assignment.create(inputs);
      await adminClient(emulator).unassignApiKeyFromProject(projectB, key.id);
      expect(await assignment.read(id!)).to.deep.equal({});
      await assignment.create(inputs);
      await adminClient(emulator).deleteOrgApiKey(emulator.orgId, key.id);
      expect(await assignment.read(id!)).to.deep.equal({});
      await assignment.delete(id!, inputs);
    });
  });
});
