/**
 * examples/rotation through the real CLI: an organization key whose `keepers` come from config,
 * so changing `rotation` replaces the key, the new one first.
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

describe("e2e: examples/rotation", function () {
  let atlas: E2eAtlas;
  let s: E2eStack;
  let keysBefore: string[];
  let apiKeyId: string;
  const remoteKey = () => atlas.emulator.model.state.apiKeys[apiKeyId];

  before(async function () {
    requirePulumiCli(this);
    atlas = await startAtlas("e2e-rotation");
    keysBefore = atlas.orgKeyIds();
    s = await E2eStack.create(atlas, { program: "rotation", config: { orgId: atlas.emulator.orgId } });
  });
  after(async () => {
    s?.remove();
    await atlas?.close();
  });

  it("up creates the key; the private key is a secret", async () => {
    expectOnly(await s.up(), { create: 2 });
    const key = await s.get("rotating");
    apiKeyId = key.outputs!.apiKeyId;
    expect(key.outputs!.keepers).to.deep.equal({ rotation: "2026-11" });
    expect(remoteKey().desc).to.equal("rotated monthly");
    expect(isCiphertext(key.outputs!.privateKey), "privateKey output encrypted").to.equal(true);
    await s.expectNoLeaks();
  });

  it("preview of the same program reports no changes", () => expectNoChanges(s));

  it("description changes in place: same key id (roles are fixed in this program)", async () => {
    await expectUpdateInPlace(s, "rotating", { description: "rotated monthly (billing)" });
    expect(remoteKey().desc).to.equal("rotated monthly (billing)");
  });

  it("a keepers change replaces the key: new public key, old key deleted after the new one exists", async () => {
    const rotated = await expectRotation(s, "rotating", "2026-12", { replace: 1 });
    apiKeyId = rotated.outputs!.apiKeyId;
    expect(rotated.outputs!.keepers).to.deep.equal({ rotation: "2026-12" });
    expect(remoteKey().desc).to.equal("rotated monthly (billing)");
    expect(isCiphertext(rotated.outputs!.privateKey), "new privateKey output encrypted").to.equal(true);
    await s.expectNoLeaks();
  });

  it("refresh records an out-of-band description change; the next up restores it", () =>
    expectDriftCorrected(s, "rotating", {
      make: () => atlas.admin.updateOrgApiKey(atlas.emulator.orgId, apiKeyId, { desc: "renamed by hand" }),
      property: "description",
      drifted: "renamed by hand",
      declared: "rotated monthly (billing)",
      remote: () => remoteKey().desc,
    }));

  it("refresh drops a key deleted out of band; the next up creates a new one", async () => {
    const recreated = await expectDeletionRecovered(s, "rotating", () =>
      atlas.admin.deleteOrgApiKey(atlas.emulator.orgId, apiKeyId),
    );
    expect(recreated.outputs!.apiKeyId).to.not.equal(apiKeyId);
    apiKeyId = recreated.outputs!.apiKeyId;
    expect(remoteKey().desc).to.equal("rotated monthly (billing)");
  });

  it("destroy leaves the organization with the keys it had before; no secret anywhere", () =>
    expectCleanDestroy(s, keysBefore));
});
