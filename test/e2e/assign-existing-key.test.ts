/**
 * examples/assign-existing-key through the real CLI: a key made outside the stack is assigned to
 * a project; destroy unassigns it and leaves the key alone. Also: invalid input stops `preview`
 * before any request reaches Atlas.
 */
import { expect } from "chai";
import type { ApiKeyDetails } from "../../provider/atlas/types";
import { apiRequests } from "../support/e2e-env";
import { describeExample, type E2eExampleOptions } from "../support/e2e-example";
import { expectOnly } from "../support/e2e-stack";
import {
  expectCleanDestroy,
  expectDeletionRecovered,
  expectDriftCorrected,
  expectNoChanges,
  expectUpdateInPlace,
} from "../support/e2e-steps";

/** Made by hand in the Atlas UI before the stack exists: not the stack's to delete. */
let outside: ApiKeyDetails;

const setUp: E2eExampleOptions = {
  seed: "e2e-assign-existing-key",
  outsideStack: async (atlas) => {
    outside = await atlas.admin.createOrgApiKey(atlas.emulator.orgId, { desc: "monitoring", roles: ["ORG_MEMBER"] });
  },
  stack: (atlas) => ({
    program: "assign-existing-key",
    config: { projectId: atlas.emulator.projectId, apiKeyId: outside.id },
  }),
};

describeExample("e2e: examples/assign-existing-key", setUp, (example) => {
  let projectId: string;
  before(() => (projectId = example.atlas.emulator.projectId));
  const remoteRoles = () => example.atlas.emulator.model.state.apiKeys[outside.id].projectRoles[projectId];

  it("up assigns the existing key to the project; no key is created", async () => {
    expectOnly(await example.stack.up(), { create: 2 });
    expect((await example.stack.get("monitoring-in-project")).id).to.equal(`${projectId}/${outside.id}`);
    expect(remoteRoles()).to.deep.equal(["GROUP_READ_ONLY"]);
    expect(example.atlas.orgKeyIds()).to.deep.equal(example.keysBefore);
    await example.stack.expectNoLeaks();
  });

  it("preview of the same program reports no changes", () => expectNoChanges(example.stack));

  it("roles change in place: same assignment id (no description in this resource)", async () => {
    await expectUpdateInPlace(example.stack, "monitoring-in-project", {
      roles: ["GROUP_READ_ONLY", "GROUP_DATA_ACCESS_READ_ONLY"],
    });
    expect([...remoteRoles()].sort()).to.deep.equal(["GROUP_DATA_ACCESS_READ_ONLY", "GROUP_READ_ONLY"]);
  });

  it("refresh records out-of-band roles; the next up restores the declared ones", () =>
    expectDriftCorrected(example.stack, "monitoring-in-project", {
      make: () => example.atlas.admin.updateProjectApiKey(projectId, outside.id, { roles: ["GROUP_OWNER"] }),
      property: "roles",
      drifted: ["GROUP_OWNER"],
      declared: ["GROUP_DATA_ACCESS_READ_ONLY", "GROUP_READ_ONLY"],
      remote: () => [...remoteRoles()].sort(),
    }));

  it("refresh drops an assignment removed out of band; the next up assigns the key again", async () => {
    await expectDeletionRecovered(example.stack, "monitoring-in-project", () =>
      example.atlas.admin.unassignApiKeyFromProject(projectId, outside.id),
    );
    expect([...remoteRoles()].sort()).to.deep.equal(["GROUP_DATA_ACCESS_READ_ONLY", "GROUP_READ_ONLY"]);
  });

  it("destroy unassigns only: the key stays in the organization, out of the project; no secret anywhere", async () => {
    await expectCleanDestroy(example.stack, example.keysBefore);
    expect(example.atlas.emulator.model.state.apiKeys[outside.id].projectRoles).to.deep.equal({});
  });

  it("a public key given as apiKeyId fails preview with the check message and sends no request", async () => {
    await example.stack.setConfig({ apiKeyId: outside.publicKey });
    example.atlas.emulator.clearRequests();
    const failure = await example.stack.stack.preview({ ...example.stack.output.handlers }).then(
      () => undefined,
      (error: Error) => error,
    );
    expect(failure, "preview error").to.be.instanceOf(Error);
    expect(failure!.message).to.include("looks like a public key, not the key id");
    expect(apiRequests(example.atlas.emulator), "requests that reached the Admin API").to.deep.equal([]);
    await example.stack.expectNoLeaks();
  });
});
