/**
 * examples/org-key through the real CLI: an organization key with an access list and no keepers.
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
  seed: "e2e-org-key",
  stack: (atlas) => ({ program: "org-key", config: { orgId: atlas.emulator.orgId } }),
};

describeExample("e2e: examples/org-key", setUp, (example) => {
  let apiKeyId: string;
  const remoteKey = () => example.atlas.emulator.model.state.apiKeys[apiKeyId];

  it("up creates the key with its access list; the private key is a secret", async () => {
    expectOnly(await example.stack.up(), { create: 2 });
    const key = await example.stack.get("ci");
    apiKeyId = key.outputs!.apiKeyId;
    expect(remoteKey().desc).to.equal("CI pipeline");
    expect(remoteKey().orgRoles).to.deep.equal(["ORG_READ_ONLY"]);
    expect(
      remoteKey()
        .accessList.map((e) => e.cidrBlock)
        .sort(),
    ).to.deep.equal(["198.51.100.7/32", "203.0.113.0/24"]);
    expect(isCiphertext(key.outputs!.privateKey), "privateKey output encrypted").to.equal(true);
    expect(isCiphertext((await example.stack.stackOutputs()).privateKey), "privateKey stack output encrypted").to.equal(
      true,
    );
    await example.stack.expectNoLeaks();
  });

  it("preview of the same program reports no changes", () => expectNoChanges(example.stack));

  it("description and roles change in place: same key id", async () => {
    await expectUpdateInPlace(example.stack, "ci", {
      description: "CI pipeline v2",
      roleNames: ["ORG_MEMBER", "ORG_BILLING_READ_ONLY"],
    });
    expect(remoteKey().desc).to.equal("CI pipeline v2");
    expect([...remoteKey().orgRoles].sort()).to.deep.equal(["ORG_BILLING_READ_ONLY", "ORG_MEMBER"]);
  });

  it("refresh records an out-of-band description change; the next up restores it", () =>
    expectDriftCorrected(example.stack, "ci", {
      make: () =>
        example.atlas.admin.updateOrgApiKey(example.atlas.emulator.orgId, apiKeyId, {
          desc: "changed in the Atlas UI",
        }),
      property: "description",
      drifted: "changed in the Atlas UI",
      declared: "CI pipeline v2",
      remote: () => remoteKey().desc,
    }));

  it("refresh drops a key deleted out of band; the next up creates a new one", async () => {
    const recreated = await expectDeletionRecovered(example.stack, "ci", () =>
      example.atlas.admin.deleteOrgApiKey(example.atlas.emulator.orgId, apiKeyId),
    );
    expect(recreated.outputs!.apiKeyId).to.not.equal(apiKeyId);
    apiKeyId = recreated.outputs!.apiKeyId;
    expect(remoteKey().desc).to.equal("CI pipeline v2");
    expect(remoteKey().accessList).to.have.length(2);
  });

  it("destroy leaves the organization with the keys it had before; no secret anywhere", () =>
    expectCleanDestroy(example.stack, example.keysBefore));
});
