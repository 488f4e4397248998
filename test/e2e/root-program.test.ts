/**
 * The root program (index.ts, what `npm run demo` deploys) through the real CLI: an organization
 * key with an access list and keepers, a project key, and the organization key assigned to the
 * project.
 */
import { expect } from "chai";
import { describeExample, type E2eExampleOptions } from "../support/e2e-example";
import { expectOnly, isCiphertext } from "../support/e2e-stack";
import {
  expectCleanDestroy,
  expectDeletionRecovered,
  expectDriftCorrected,
  expectNoChanges,
  expectRotation,
  expectUpdateInPlace,
} from "../support/e2e-steps";

const setUp: E2eExampleOptions = {
  seed: "e2e-root-program",
  stack: (atlas) => ({
    program: "root",
    projectName: "root-program",
    config: { orgId: atlas.emulator.orgId, projectId: atlas.emulator.projectId },
  }),
};

describeExample("e2e: root program (index.ts)", setUp, (example) => {
  let deployId: string;
  let appId: string;
  let projectId: string;
  before(() => (projectId = example.atlas.emulator.projectId));
  const keys = () => example.atlas.emulator.model.state.apiKeys;

  it("up creates both keys and the assignment; both private keys are secrets", async () => {
    expectOnly(await example.stack.up(), { create: 4 });
    deployId = (await example.stack.get("deploy")).outputs!.apiKeyId;
    appId = (await example.stack.get("app")).outputs!.apiKeyId;
    expect(keys()[deployId]).to.deep.include({ desc: "deploy pipeline", orgRoles: ["ORG_MEMBER"] });
    expect(keys()[deployId].projectRoles).to.deep.equal({ [projectId]: ["GROUP_CLUSTER_MANAGER"] });
    expect(keys()[deployId].accessList.map((e) => e.cidrBlock)).to.deep.equal(["203.0.113.0/24"]);
    expect(keys()[appId].projectRoles).to.deep.equal({ [projectId]: ["GROUP_DATA_ACCESS_READ_WRITE"] });
    const outputs = await example.stack.stackOutputs();
    expect(isCiphertext(outputs.deployPrivateKey), "deployPrivateKey encrypted").to.equal(true);
    expect(isCiphertext(outputs.appPrivateKey), "appPrivateKey encrypted").to.equal(true);
    await example.stack.expectNoLeaks();
  });

  it("preview of the same program reports no changes", () => expectNoChanges(example.stack));

  it("description and roles of the organization key change in place: same key id", async () => {
    await expectUpdateInPlace(example.stack, "deploy", {
      description: "deploy pipeline v2",
      roleNames: ["ORG_MEMBER", "ORG_READ_ONLY"],
    });
    expect(keys()[deployId].desc).to.equal("deploy pipeline v2");
    expect([...keys()[deployId].orgRoles].sort()).to.deep.equal(["ORG_MEMBER", "ORG_READ_ONLY"]);
  });

  it("a keepers change replaces the key and its assignment, new key first", async () => {
    const rotated = await expectRotation(example.stack, "deploy", "2", { replace: 2 });
    deployId = rotated.outputs!.apiKeyId;
    expect(keys()[deployId]).to.deep.include({ desc: "deploy pipeline v2" });
    expect(keys()[deployId].projectRoles).to.deep.equal({ [projectId]: ["GROUP_CLUSTER_MANAGER"] });
    expect(keys()[deployId].accessList.map((e) => e.cidrBlock)).to.deep.equal(["203.0.113.0/24"]);
    expect((await example.stack.get("deploy-in-project")).id).to.equal(`${projectId}/${deployId}`);
    expect((await example.stack.get("app")).outputs!.apiKeyId, "project key untouched").to.equal(appId);
    await example.stack.expectNoLeaks();
  });

  it("refresh records an out-of-band description change; the next up restores it", () =>
    expectDriftCorrected(example.stack, "deploy", {
      make: () =>
        example.atlas.admin.updateOrgApiKey(example.atlas.emulator.orgId, deployId, {
          desc: "changed in the Atlas UI",
        }),
      property: "description",
      drifted: "changed in the Atlas UI",
      declared: "deploy pipeline v2",
      remote: () => keys()[deployId].desc,
    }));

  it("refresh drops the project key deleted out of band; the next up creates a new one", async () => {
    const recreated = await expectDeletionRecovered(example.stack, "app", () =>
      example.atlas.admin.deleteOrgApiKey(example.atlas.emulator.orgId, appId),
    );
    expect(recreated.outputs!.apiKeyId).to.not.equal(appId);
    appId = recreated.outputs!.apiKeyId;
    expect(keys()[appId].projectRoles).to.deep.equal({ [projectId]: ["GROUP_DATA_ACCESS_READ_WRITE"] });
  });

  it("destroy leaves the organization with the keys it had before; no secret anywhere", () =>
    expectCleanDestroy(example.stack, example.keysBefore));
});
