/**
 * examples/project-key through the real CLI: one key created for two projects, with different
 * roles in each, owned by the stack (destroy deletes it).
 */
import { expect } from "chai";
import { startAtlas, type E2eAtlas } from "../support/e2e-env";
import { E2eStack, expectOnly, isCiphertext } from "../support/e2e-stack";
import {
  expectCleanDestroy,
  expectDeletionRecovered,
  expectDriftCorrected,
  expectNoChanges,
  expectUpdateInPlace,
} from "../support/e2e-steps";
import { requirePulumiCli } from "../support/require-pulumi-cli";

describe("e2e: examples/project-key", function () {
  let atlas: E2eAtlas;
  let s: E2eStack;
  let keysBefore: string[];
  let apiKeyId: string;
  let first: string;
  let second: string;
  const remoteKey = () => atlas.emulator.model.state.apiKeys[apiKeyId];

  before(async function () {
    requirePulumiCli(this);
    atlas = await startAtlas("e2e-project-key");
    keysBefore = atlas.orgKeyIds();
    [first, second] = atlas.emulator.projectIds;
    s = await E2eStack.create(atlas, { program: "project-key", config: { projectId: first, secondProjectId: second } });
  });
  after(async () => {
    s?.remove();
    await atlas?.close();
  });

  it("up creates one key assigned to both projects; the private key is a secret", async () => {
    expectOnly(await s.up(), { create: 2 });
    const key = await s.get("billing-service");
    apiKeyId = key.outputs!.apiKeyId;
    expect(key.id).to.equal(`${first}/${apiKeyId}`);
    expect(remoteKey().desc).to.equal("billing service");
    expect(remoteKey().projectRoles).to.deep.equal({
      [first]: ["GROUP_READ_ONLY"],
      [second]: ["GROUP_DATA_ACCESS_READ_ONLY"],
    });
    expect(isCiphertext(key.outputs!.privateKey), "privateKey output encrypted").to.equal(true);
    expect(isCiphertext((await s.stackOutputs()).privateKey), "privateKey stack output encrypted").to.equal(true);
    await s.expectNoLeaks();
  });

  it("preview of the same program reports no changes", () => expectNoChanges(s));

  it("description and roles in the first project change in place: same key id", async () => {
    await expectUpdateInPlace(s, "billing-service", {
      description: "billing service v2",
      roleNames: ["GROUP_CLUSTER_MANAGER", "GROUP_READ_ONLY"],
    });
    expect(remoteKey().desc).to.equal("billing service v2");
    expect([...remoteKey().projectRoles[first]].sort()).to.deep.equal(["GROUP_CLUSTER_MANAGER", "GROUP_READ_ONLY"]);
    expect(remoteKey().projectRoles[second]).to.deep.equal(["GROUP_DATA_ACCESS_READ_ONLY"]);
  });

  it("keepers change: not applicable (the program sets no keepers)", function () {
    this.skip();
  });

  it("refresh records an out-of-band description change; the next up restores it", () =>
    expectDriftCorrected(s, "billing-service", {
      make: () => atlas.admin.updateOrgApiKey(atlas.emulator.orgId, apiKeyId, { desc: "edited in the Atlas UI" }),
      property: "description",
      drifted: "edited in the Atlas UI",
      declared: "billing service v2",
      remote: () => remoteKey().desc,
    }));

  it("refresh drops a key deleted out of band; the next up creates a new one in both projects", async () => {
    const recreated = await expectDeletionRecovered(s, "billing-service", () =>
      atlas.admin.deleteOrgApiKey(atlas.emulator.orgId, apiKeyId),
    );
    expect(recreated.outputs!.apiKeyId).to.not.equal(apiKeyId);
    apiKeyId = recreated.outputs!.apiKeyId;
    expect(Object.keys(remoteKey().projectRoles).sort()).to.deep.equal([first, second].sort());
  });

  it("destroy deletes the key: the organization has the keys it had before; no secret anywhere", () =>
    expectCleanDestroy(s, keysBefore));
});
