/**
 * examples/access-list through the real CLI: an organization key plus two access-list entries
 * managed as separate resources.
 */
import { expect } from "chai";
import { describeExample, type E2eExampleOptions } from "../support/e2e-example";
import { expectOnly } from "../support/e2e-stack";
import {
  expectCleanDestroy,
  expectDeletionRecovered,
  expectDriftCorrected,
  expectNoChanges,
  expectUpdateInPlace,
} from "../support/e2e-steps";

const setUp: E2eExampleOptions = {
  seed: "e2e-access-list",
  stack: (atlas) => ({ program: "access-list", config: { orgId: atlas.emulator.orgId } }),
};

describeExample("e2e: examples/access-list", setUp, (example) => {
  let apiKeyId: string;
  const remoteKey = () => example.atlas.emulator.model.state.apiKeys[apiKeyId];
  const remoteEntries = () =>
    remoteKey()
      .accessList.map((e) => e.cidrBlock)
      .sort();

  it("up creates the key and both entries", async () => {
    expectOnly(await example.stack.up(), { create: 4 });
    apiKeyId = (await example.stack.get("deployer")).outputs!.apiKeyId;
    expect(remoteEntries()).to.deep.equal(["198.51.100.0/24", "203.0.113.10/32"]);
    expect((await example.stack.get("office")).id).to.equal(
      `${example.atlas.emulator.orgId}/${apiKeyId}/198.51.100.0/24`,
    );
    expect((await example.stack.get("bastion")).outputs!.ipAddress).to.equal("203.0.113.10");
    await example.stack.expectNoLeaks();
  });

  it("preview of the same program reports no changes", () => expectNoChanges(example.stack));

  it("description changes in place: same key id (roles are fixed in this program)", async () => {
    await expectUpdateInPlace(example.stack, "deployer", { description: "deployer (eu)" });
    expect(remoteKey().desc).to.equal("deployer (eu)");
    expect(remoteEntries()).to.have.length(2);
  });

  it("refresh records an out-of-band description change; the next up restores it", () =>
    expectDriftCorrected(example.stack, "deployer", {
      make: () =>
        example.atlas.admin.updateOrgApiKey(example.atlas.emulator.orgId, apiKeyId, { desc: "edited by hand" }),
      property: "description",
      drifted: "edited by hand",
      declared: "deployer (eu)",
      remote: () => remoteKey().desc,
    }));

  it("refresh drops an entry deleted out of band; the next up adds it again", async () => {
    await expectDeletionRecovered(example.stack, "office", () =>
      example.atlas.admin.deleteAccessListEntry(example.atlas.emulator.orgId, apiKeyId, "198.51.100.0/24"),
    );
    expect(remoteEntries()).to.deep.equal(["198.51.100.0/24", "203.0.113.10/32"]);
  });

  it("destroy removes entries and key: the organization has the keys it had before; no secret anywhere", () =>
    expectCleanDestroy(example.stack, example.keysBefore));
});
