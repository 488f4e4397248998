/**
 * ProjectApiKey adopts an existing key (`adoptApiKeyId`), as ApiKey does: no new key, the
 * declared description, projects and access list applied, and a failure halfway recorded as a
 * partial result that matches Atlas, so no live key or assignment is left that the state does
 * not show.
 */
import { expect } from "chai";
import { adminClient, configureRuntime, handlers, start, type Emulator } from "../support/provider-harness";
import { expectRejection } from "../support/expect-rejection";
import type { ProjectApiKeyOutputs } from "../../provider/resources/project-api-key/model";
import type { ApiKeyDetails } from "../../provider/atlas/types";

const projectKey = handlers.projectApiKey;

describe("ProjectApiKey adoption against the emulator", () => {
  let emulator: Emulator;
  let admin: ReturnType<typeof adminClient>;
  let projectA: string;
  let projectB: string;
  let projectC: string;
  before(async () => {
    emulator = await start({ port: 0, seed: "project-key-adoption", rateLimit: false });
    admin = adminClient(emulator);
    [projectA, projectB] = emulator.projectIds;
    projectC = emulator.model.createProject(emulator.orgId, "project-c").id;
  });
  after(async () => emulator.close());
  beforeEach(() => {
    configureRuntime(emulator);
    emulator.clearFaults();
  });

  /** A key made outside Pulumi: in projects A (read only) and C, with one access-list entry. */
  async function keyMadeByHand(): Promise<ApiKeyDetails> {
    const key = await admin.createProjectApiKey(projectA, { desc: "made by hand", roles: ["GROUP_READ_ONLY"] });
    await admin.assignApiKeyToProject(projectC, key.id, ["GROUP_READ_ONLY"]);
    await admin.createAccessListEntries(emulator.orgId, key.id, [{ ipAddress: "192.0.2.1" }]);
    return key;
  }

  const declared = (existing: ApiKeyDetails, extra: object = {}) => ({
    description: "billing service",
    projectAssignments: [
      { projectId: projectA, roleNames: ["GROUP_OWNER"] },
      { projectId: projectB, roleNames: ["GROUP_DATA_ACCESS_READ_ONLY"] },
    ],
    accessList: ["198.51.100.0/24"],
    adoptApiKeyId: existing.id,
    adoptPrivateKey: existing.privateKey,
    ...extra,
  });

  async function inAtlas(apiKeyId: string) {
    const key = await admin.getOrgApiKey(emulator.orgId, apiKeyId);
    const entries = await admin.listAccessListEntries(emulator.orgId, apiKeyId);
    const projects = [...new Set(key.roles.flatMap((r) => (r.groupId ? [r.groupId] : [])))].sort();
    return {
      description: key.desc,
      projectAssignments: projects.map((projectId) => ({
        projectId,
        roleNames: key.roles.filter((r) => r.groupId === projectId).map((r) => r.roleName),
      })),
      accessList: entries.map((e) => e.ipAddress ?? e.cidrBlock).sort(),
    };
  }

  const byProject = (assignments: { projectId: string; roleNames: string[] }[]) =>
    [...assignments].sort((a, b) => a.projectId.localeCompare(b.projectId));

  it("adopts the key: no new key, declared values applied, undeclared project unassigned, private key kept", async () => {
    const existing = await keyMadeByHand();
    const keysBefore = (await admin.listOrgApiKeys(emulator.orgId)).length;
    const checked = await projectKey.check({}, declared(existing));
    expect(checked.failures).to.deep.equal([]);
    const { id, outs } = (await projectKey.create(checked.inputs)) as { id: string; outs: ProjectApiKeyOutputs };

    expect(id).to.equal(`${projectA}/${existing.id}`);
    expect(outs.apiKeyId).to.equal(existing.id);
    expect(outs.publicKey).to.equal(existing.publicKey);
    expect(outs.privateKey === existing.privateKey, "the adopted private key is the output").to.equal(true);
    expect(outs).to.not.have.property("adoptPrivateKey");
    expect(outs.adoptApiKeyId).to.equal(existing.id);
    expect(outs.orgId).to.equal(emulator.orgId);
    expect((await admin.listOrgApiKeys(emulator.orgId)).length).to.equal(keysBefore);
    expect(await inAtlas(existing.id)).to.deep.equal({
      description: "billing service",
      projectAssignments: byProject(checked.inputs!.projectAssignments),
      accessList: ["198.51.100.0/24"],
    });

    // The adopted key is owned like a created one: refresh shows no drift, destroy deletes it.
    const read = await projectKey.read(id, outs);
    expect(await projectKey.diff(id, read.props, checked.inputs)).to.deep.include({ changes: false });
    expect(read.inputs).to.deep.include({ adoptApiKeyId: existing.id });
    await projectKey.delete(id, outs);
    expect((await admin.listOrgApiKeys(emulator.orgId)).some((k) => k.id === existing.id)).to.equal(false);
  });

  it("refuses bad adoption inputs in check with zero requests, never repeating the private key", async () => {
    emulator.clearRequests();
    const notAPrivateKey = "c8150efd-c7a0-4afd-8c4f-not-a-key";
    const bad = [
      { adoptApiKeyId: "abcdefgh" },
      { adoptPrivateKey: "c8150efd-c7a0-4afd-8c4f-01bdd56c8977" },
      { adoptApiKeyId: emulator.apiKeyId, adoptPrivateKey: notAPrivateKey },
    ];
    const failed: string[] = [];
    for (const adoption of bad) {
      const result = await projectKey.check({}, { ...declared({} as ApiKeyDetails), ...adoption });
      failed.push(...result.failures!.map((f) => f.property));
      expect(result.failures!.some((f) => f.reason.includes(notAPrivateKey))).to.equal(false);
    }
    expect(failed).to.deep.equal(["adoptApiKeyId", "adoptPrivateKey", "adoptPrivateKey"]);
    expect(emulator.requests()).to.have.length(0);
  });

  it("refuses a key that does not exist, naming the id, and writes nothing", async () => {
    const missing = "0123456789abcdef01234567";
    const checked = await projectKey.check(
      {},
      { ...declared({ id: missing } as ApiKeyDetails), adoptPrivateKey: null },
    );
    const stateBefore = JSON.stringify(emulator.model.state);
    emulator.clearRequests();
    await expectRejection(
      projectKey.create(checked.inputs!),
      new RegExp(`adoptApiKeyId: organization ${emulator.orgId} .* has no API key ${missing}`),
    );
    expect(emulator.requests().filter((r) => r.method !== "GET")).to.deep.equal([]);
    expect(JSON.stringify(emulator.model.state) === stateBefore, "the emulator's state changed").to.equal(true);
  });

  it("a failure halfway records the key with what Atlas holds; the next up finishes without refresh", async () => {
    const existing = await keyMadeByHand();
    const checked = await projectKey.check({}, declared(existing));
    // Assigning the key to project B is refused: the key is then in A (roles set) and C (not yet removed).
    emulator.injectFault({ method: "POST", path: `/groups/${projectB}/apiKeys/`, status: 403, count: 5 });
    const failure = (await projectKey.create(checked.inputs).then(
      () => expect.fail("the adoption should have failed"),
      (error: unknown) => error,
    )) as Error & { id?: string; properties?: ProjectApiKeyOutputs };
    expect(failure.message).to.match(/assigning the key to project/);
    expect(failure.id).to.equal(`${projectA}/${existing.id}`);
    const recorded = failure.properties!;
    expect(recorded.apiKeyId).to.equal(existing.id);
    expect(recorded).to.not.have.property("adoptPrivateKey");
    expect(recorded.privateKey === existing.privateKey, "the private key is recorded").to.equal(true);
    const atlas = await inAtlas(existing.id);
    expect(byProject(recorded.projectAssignments)).to.deep.equal(atlas.projectAssignments);
    expect(atlas.projectAssignments.map((a) => a.projectId)).to.have.members([projectA, projectC]);
    expect(recorded.description).to.equal(atlas.description);

    // The engine stores the partial result; the next `up` diffs against it and converges.
    emulator.clearFaults();
    const diff = await projectKey.diff(failure.id!, recorded, checked.inputs);
    expect(diff).to.deep.include({ changes: true, replaces: [] });
    await projectKey.update(failure.id!, recorded, checked.inputs);
    expect(await inAtlas(existing.id)).to.deep.equal({
      description: "billing service",
      projectAssignments: byProject(checked.inputs!.projectAssignments),
      accessList: ["198.51.100.0/24"],
    });
  });

  it("adopting another key replaces; a new adoptPrivateKey for the held key updates it in place", async () => {
    const existing = await keyMadeByHand();
    const checked = await projectKey.check({}, declared(existing, { adoptPrivateKey: undefined }));
    const { id, outs } = (await projectKey.create(checked.inputs)) as { id: string; outs: ProjectApiKeyOutputs };
    expect(outs.privateKey).to.equal("");

    const withKey = (await projectKey.check(outs, declared(existing))).inputs!;
    expect(await projectKey.diff(id, outs, withKey)).to.deep.include({ changes: true, replaces: [] });
    const updated = (await projectKey.update(id, outs, withKey)).outs as ProjectApiKeyOutputs;
    expect(updated.privateKey === existing.privateKey, "the given private key is recorded").to.equal(true);

    const other = (await projectKey.check(outs, declared({ id: "0123456789abcdef01234567" } as ApiKeyDetails))).inputs!;
    expect(await projectKey.diff(id, updated, other)).to.deep.include({ replaces: ["adoptApiKeyId"] });
  });
});
