/**
 * examples/project-key through the real CLI: one key created for two projects, with different
 * roles in each, owned by the stack (destroy deletes it).
 */
import { expect } from "chai";
import { describeExample, type E2eExampleOptions } from "../support/e2e-example";
import { expectOnly, isCiphertext } from "../support/e2e-stack";
import {
  expectCleanDestroy,
  expectDeletionRecovered,
  expectDriftCorrected,
  expectNoChanges,
  expectUpdateInPlace,
} from "../support/e2e-steps";

const setUp: E2eExampleOptions = {
  seed: "e2e-project-key",
  stack: (atlas) => {
    const [projectId, secondProjectId] = atlas.emulator.projectIds;
    return { program: "project-key", config: { projectId, secondProjectId } };
  },
};

describeExample("e2e: examples/project-key", setUp, (example) => {
  let apiKeyId: string;
  let first: string;
  let second: string;
  before(() => ([first, second] = example.atlas.emulator.projectIds));
  const remoteKey = () => example.atlas.emulator.model.state.apiKeys[apiKeyId];

  it("up creates one key assigned to both projects; the private key is a secret", async () => {
    expectOnly(await example.stack.up(), { create: 2 });
    const key = await example.stack.get("billing-service");
    apiKeyId = key.outputs!.apiKeyId;
    expect(key.id).to.equal(`${first}/${apiKeyId}`);
    expect(remoteKey().desc).to.equal("billing service");
    expect(remoteKey().projectRoles).to.deep.equal({
      [first]: ["GROUP_READ_ONLY"],
      [second]: ["GROUP_DATA_ACCESS_READ_ONLY"],
    });
    expect(isCiphertext(key.outputs!.privateKey), "privateKey output encrypted").to.equal(true);
    expect(isCiphertext((await example.stack.stackOutputs()).privateKey), "privateKey stack output encrypted").to.equal(
      true,
    );
    await example.stack.expectNoLeaks();
  });

  it("preview of the same program reports no changes", () => expectNoChanges(example.stack));

  it("description and roles in the first project change in place: same key id", async () => {
    await expectUpdateInPlace(example.stack, "billing-service", {
      description: "billing service v2",
      roleNames: ["GROUP_CLUSTER_MANAGER", "GROUP_READ_ONLY"],
    });
    expect(remoteKey().desc).to.equal("billing service v2");
    expect([...remoteKey().projectRoles[first]].sort()).to.deep.equal(["GROUP_CLUSTER_MANAGER", "GROUP_READ_ONLY"]);
    expect(remoteKey().projectRoles[second]).to.deep.equal(["GROUP_DATA_ACCESS_READ_ONLY"]);
  });

  it("refresh records an out-of-band description change; the next up restores it", () =>
    expectDriftCorrected(example.stack, "billing-service", {
      make: () =>
        example.atlas.admin.updateOrgApiKey(example.atlas.emulator.orgId, apiKeyId, { desc: "edited in the Atlas UI" }),
      property: "description",
      drifted: "edited in the Atlas UI",
      declared: "billing service v2",
      remote: () => remoteKey().desc,
    }));

  it("refresh drops a key deleted out of band; the next up creates a new one in both projects", async () => {
    const recreated = await expectDeletionRecovered(example.stack, "billing-service", () =>
      example.atlas.admin.deleteOrgApiKey(example.atlas.emulator.orgId, apiKeyId),
    );
    expect(recreated.outputs!.apiKeyId).to.not.equal(apiKeyId);
    apiKeyId = recreated.outputs!.apiKeyId;
    expect(Object.keys(remoteKey().projectRoles).sort()).to.deep.equal([first, second].sort());
  });

  it("destroy deletes the key: the organization has the keys it had before; no secret anywhere", () =>
    expectCleanDestroy(example.stack, example.keysBefore));
});
