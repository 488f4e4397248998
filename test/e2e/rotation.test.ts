/**
 * examples/rotation through the real CLI: an organization key whose `keepers` come from config,
 * so changing `rotation` replaces the key, the new one first.
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
  seed: "e2e-rotation",
  stack: (atlas) => ({ program: "rotation", config: { orgId: atlas.emulator.orgId } }),
};

describeExample("e2e: examples/rotation", setUp, (example) => {
  let apiKeyId: string;
  const remoteKey = () => example.atlas.emulator.model.state.apiKeys[apiKeyId];

  it("up creates the key; the private key is a secret", async () => {
    expectOnly(await example.stack.up(), { create: 2 });
    const key = await example.stack.get("rotating");
    apiKeyId = key.outputs!.apiKeyId;
    expect(key.outputs!.keepers).to.deep.equal({ rotation: "2026-11" });
    expect(remoteKey().desc).to.equal("rotated monthly");
    expect(isCiphertext(key.outputs!.privateKey), "privateKey output encrypted").to.equal(true);
    await example.stack.expectNoLeaks();
  });

  it("preview of the same program reports no changes", () => expectNoChanges(example.stack));

  it("description changes in place: same key id (roles are fixed in this program)", async () => {
    await expectUpdateInPlace(example.stack, "rotating", { description: "rotated monthly (billing)" });
    expect(remoteKey().desc).to.equal("rotated monthly (billing)");
  });

  it("a keepers change replaces the key: new public key, old key deleted after the new one exists", async () => {
    const rotated = await expectRotation(example.stack, "rotating", "2026-12", { replace: 1 });
    apiKeyId = rotated.outputs!.apiKeyId;
    expect(rotated.outputs!.keepers).to.deep.equal({ rotation: "2026-12" });
    expect(remoteKey().desc).to.equal("rotated monthly (billing)");
    expect(isCiphertext(rotated.outputs!.privateKey), "new privateKey output encrypted").to.equal(true);
    await example.stack.expectNoLeaks();
  });

  it("refresh records an out-of-band description change; the next up restores it", () =>
    expectDriftCorrected(example.stack, "rotating", {
      make: () =>
        example.atlas.admin.updateOrgApiKey(example.atlas.emulator.orgId, apiKeyId, { desc: "renamed by hand" }),
      property: "description",
      drifted: "renamed by hand",
      declared: "rotated monthly (billing)",
      remote: () => remoteKey().desc,
    }));

  it("refresh drops a key deleted out of band; the next up creates a new one", async () => {
    const recreated = await expectDeletionRecovered(example.stack, "rotating", () =>
      example.atlas.admin.deleteOrgApiKey(example.atlas.emulator.orgId, apiKeyId),
    );
    expect(recreated.outputs!.apiKeyId).to.not.equal(apiKeyId);
    apiKeyId = recreated.outputs!.apiKeyId;
    expect(remoteKey().desc).to.equal("rotated monthly (billing)");
  });

  it("destroy leaves the organization with the keys it had before; no secret anywhere", () =>
    expectCleanDestroy(example.stack, example.keysBefore));
});
