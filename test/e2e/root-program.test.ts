/**
 * The root program (index.ts, what `npm run demo` deploys) through the real CLI: an organization
 * key with an access list and keepers, a project key, and the organization key assigned to the
 * project.
 */
import { expect } from "chai";
import { startAtlas, type E2eAtlas } from "../support/e2e-env";
import { E2eStack, expectOnly, isCiphertext } from "../support/e2e-stack";
import {
  expectCleanDestroy,
  expectDeletionRecovered,
  expectDriftCorrected,
  expectNoChanges,
  expectRotation,
  expectUpdateInPlace,
} from "../support/e2e-steps";
import { requirePulumiCli } from "../support/require-pulumi-cli";

describe("e2e: root program (index.ts)", function () {
  let atlas: E2eAtlas;
  let s: E2eStack;
  let keysBefore: string[];
  let deployId: string;
  let appId: string;
  let projectId: string;
  const keys = () => atlas.emulator.model.state.apiKeys;

  before(async function () {
    requirePulumiCli(this);
    atlas = await startAtlas("e2e-root-program");
    keysBefore = atlas.orgKeyIds();
    projectId = atlas.emulator.projectId;
    s = await E2eStack.create(atlas, {
      program: "root",
      projectName: "root-program",
      config: { orgId: atlas.emulator.orgId, projectId },
    });
  });
  after(async () => {
    s?.remove();
    await atlas?.close();
  });

  it("up creates both keys and the assignment; both private keys are secrets", async () => {
    expectOnly(await s.up(), { create: 4 });
    deployId = (await s.get("deploy")).outputs!.apiKeyId;
    appId = (await s.get("app")).outputs!.apiKeyId;
    expect(keys()[deployId]).to.deep.include({ desc: "deploy pipeline", orgRoles: ["ORG_MEMBER"] });
    expect(keys()[deployId].projectRoles).to.deep.equal({ [projectId]: ["GROUP_CLUSTER_MANAGER"] });
    expect(keys()[deployId].accessList.map((e) => e.cidrBlock)).to.deep.equal(["203.0.113.0/24"]);
    expect(keys()[appId].projectRoles).to.deep.equal({ [projectId]: ["GROUP_DATA_ACCESS_READ_WRITE"] });
    const outputs = await s.stackOutputs();
    expect(isCiphertext(outputs.deployPrivateKey), "deployPrivateKey encrypted").to.equal(true);
    expect(isCiphertext(outputs.appPrivateKey), "appPrivateKey encrypted").to.equal(true);
    await s.expectNoLeaks();
  });

  it("preview of the same program reports no changes", () => expectNoChanges(s));

  it("description and roles of the organization key change in place: same key id", async () => {
    await expectUpdateInPlace(s, "deploy", {
      description: "deploy pipeline v2",
      roleNames: ["ORG_MEMBER", "ORG_READ_ONLY"],
    });
    expect(keys()[deployId].desc).to.equal("deploy pipeline v2");
    expect([...keys()[deployId].orgRoles].sort()).to.deep.equal(["ORG_MEMBER", "ORG_READ_ONLY"]);
  });

  it("a keepers change replaces the key and its assignment, new key first", async () => {
    const rotated = await expectRotation(s, "deploy", "2", { replace: 2 });
    deployId = rotated.outputs!.apiKeyId;
    expect(keys()[deployId]).to.deep.include({ desc: "deploy pipeline v2" });
    expect(keys()[deployId].projectRoles).to.deep.equal({ [projectId]: ["GROUP_CLUSTER_MANAGER"] });
    expect(keys()[deployId].accessList.map((e) => e.cidrBlock)).to.deep.equal(["203.0.113.0/24"]);
    expect((await s.get("deploy-in-project")).id).to.equal(`${projectId}/${deployId}`);
    expect((await s.get("app")).outputs!.apiKeyId, "project key untouched").to.equal(appId);
    await s.expectNoLeaks();
  });

  it("refresh records an out-of-band description change; the next up restores it", () =>
    expectDriftCorrected(s, "deploy", {
      make: () => atlas.admin.updateOrgApiKey(atlas.emulator.orgId, deployId, { desc: "changed in the Atlas UI" }),
      property: "description",
      drifted: "changed in the Atlas UI",
      declared: "deploy pipeline v2",
      remote: () => keys()[deployId].desc,
    }));

  it("refresh drops the project key deleted out of band; the next up creates a new one", async () => {
    const recreated = await expectDeletionRecovered(s, "app", () =>
      atlas.admin.deleteOrgApiKey(atlas.emulator.orgId, appId),
    );
    expect(recreated.outputs!.apiKeyId).to.not.equal(appId);
    appId = recreated.outputs!.apiKeyId;
    expect(keys()[appId].projectRoles).to.deep.equal({ [projectId]: ["GROUP_DATA_ACCESS_READ_WRITE"] });
  });

  it("destroy leaves the organization with the keys it had before; no secret anywhere", () =>
    expectCleanDestroy(s, keysBefore));
});
