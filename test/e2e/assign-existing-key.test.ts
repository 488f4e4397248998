/**
 * examples/assign-existing-key through the real CLI: a key made outside the stack is assigned to
 * a project; destroy unassigns it and leaves the key alone. Also: invalid input stops `preview`
 * before any request reaches Atlas.
 */
import { expect } from "chai";
import type { ApiKeyDetails } from "../../provider/atlas/types";
import { apiRequests, startAtlas, type E2eAtlas } from "../support/e2e-env";
import { E2eStack, expectOnly } from "../support/e2e-stack";
import {
  expectCleanDestroy,
  expectDeletionRecovered,
  expectDriftCorrected,
  expectNoChanges,
  expectUpdateInPlace,
} from "../support/e2e-steps";
import { requirePulumiCli } from "../support/require-pulumi-cli";

describe("e2e: examples/assign-existing-key", function () {
  let atlas: E2eAtlas;
  let s: E2eStack;
  let keysBefore: string[];
  let outside: ApiKeyDetails;
  let projectId: string;
  const remoteRoles = () => atlas.emulator.model.state.apiKeys[outside.id].projectRoles[projectId];

  before(async function () {
    requirePulumiCli(this);
    atlas = await startAtlas("e2e-assign-existing-key");
    projectId = atlas.emulator.projectId;
    // Made by hand in the Atlas UI: not the stack's to delete.
    outside = await atlas.admin.createOrgApiKey(atlas.emulator.orgId, { desc: "monitoring", roles: ["ORG_MEMBER"] });
    keysBefore = atlas.orgKeyIds();
    s = await E2eStack.create(atlas, { program: "assign-existing-key", config: { projectId, apiKeyId: outside.id } });
  });
  after(async () => {
    s?.remove();
    await atlas?.close();
  });

  it("up assigns the existing key to the project; no key is created", async () => {
    expectOnly(await s.up(), { create: 2 });
    expect((await s.get("monitoring-in-project")).id).to.equal(`${projectId}/${outside.id}`);
    expect(remoteRoles()).to.deep.equal(["GROUP_READ_ONLY"]);
    expect(atlas.orgKeyIds()).to.deep.equal(keysBefore);
    await s.expectNoLeaks();
  });

  it("preview of the same program reports no changes", () => expectNoChanges(s));

  it("roles change in place: same assignment id (no description in this resource)", async () => {
    await expectUpdateInPlace(s, "monitoring-in-project", {
      roles: ["GROUP_READ_ONLY", "GROUP_DATA_ACCESS_READ_ONLY"],
    });
    expect([...remoteRoles()].sort()).to.deep.equal(["GROUP_DATA_ACCESS_READ_ONLY", "GROUP_READ_ONLY"]);
  });

  it("keepers change: not applicable (an assignment has no keepers)", function () {
    this.skip();
  });

  it("refresh records out-of-band roles; the next up restores the declared ones", () =>
    expectDriftCorrected(s, "monitoring-in-project", {
      make: () => atlas.admin.updateProjectApiKey(projectId, outside.id, { roles: ["GROUP_OWNER"] }),
      property: "roles",
      drifted: ["GROUP_OWNER"],
      declared: ["GROUP_DATA_ACCESS_READ_ONLY", "GROUP_READ_ONLY"],
      remote: () => [...remoteRoles()].sort(),
    }));

  it("refresh drops an assignment removed out of band; the next up assigns the key again", async () => {
    await expectDeletionRecovered(s, "monitoring-in-project", () =>
      atlas.admin.unassignApiKeyFromProject(projectId, outside.id),
    );
    expect([...remoteRoles()].sort()).to.deep.equal(["GROUP_DATA_ACCESS_READ_ONLY", "GROUP_READ_ONLY"]);
  });

  it("destroy unassigns only: the key stays in the organization, out of the project; no secret anywhere", async () => {
    await expectCleanDestroy(s, keysBefore);
    expect(atlas.emulator.model.state.apiKeys[outside.id].projectRoles).to.deep.equal({});
  });

  it("a public key given as apiKeyId fails preview with the check message and sends no request", async () => {
    await s.setConfig({ apiKeyId: outside.publicKey });
    atlas.emulator.clearRequests();
    const failure = await s.stack.preview({ ...s.output.handlers }).then(
      () => undefined,
      (error: Error) => error,
    );
    expect(failure, "preview error").to.be.instanceOf(Error);
    expect(failure!.message).to.include("looks like a public key, not the key id");
    expect(apiRequests(atlas.emulator), "requests that reached the Admin API").to.deep.equal([]);
    await s.expectNoLeaks();
  });
});
