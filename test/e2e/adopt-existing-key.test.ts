/**
 * examples/adopt-existing-key through the real CLI: a key made outside the stack is taken over
 * (no new key), then managed like any other and deleted by destroy.
 */
import { expect } from "chai";
import type { ApiKeyDetails } from "../../provider/atlas/types";
import { apiRequests, expectSameSecret, type E2eAtlas } from "../support/e2e-env";
import { describeExample, type E2eExampleOptions } from "../support/e2e-example";
import { expectOnly, isCiphertext } from "../support/e2e-stack";
import { expectCleanDestroy, expectDriftCorrected, expectNoChanges, expectUpdateInPlace } from "../support/e2e-steps";

/** The key the stack adopts, made by hand (after the suite noted the organization's keys). */
let legacy: ApiKeyDetails;
const makeOutsideKey = (atlas: E2eAtlas, desc: string) =>
  atlas.admin.createOrgApiKey(atlas.emulator.orgId, { desc, roles: ["ORG_READ_ONLY"] });
const adoptConfig = (key: ApiKeyDetails) => ({
  existingApiKeyId: key.id,
  existingPrivateKey: { value: key.privateKey, secret: true as const },
});

const setUp: E2eExampleOptions = {
  seed: "e2e-adopt-existing-key",
  stack: async (atlas) => {
    legacy = await makeOutsideKey(atlas, "made by hand");
    return { program: "adopt-existing-key", config: { orgId: atlas.emulator.orgId, ...adoptConfig(legacy) } };
  },
};

describeExample("e2e: examples/adopt-existing-key", setUp, (example) => {
  const remoteKey = () => example.atlas.emulator.model.state.apiKeys[legacy.id];

  it("up adopts the key: no key created, same id, declared description and roles applied", async () => {
    example.atlas.emulator.clearRequests();
    expectOnly(await example.stack.up(), { create: 2 });
    const creates = apiRequests(example.atlas.emulator).filter((r) => r.method === "POST" && /\/apiKeys$/.test(r.path));
    expect(creates, "key-creating requests").to.deep.equal([]);
    const key = await example.stack.get("legacy");
    expect(key.outputs!.apiKeyId).to.equal(legacy.id);
    expect(remoteKey().desc).to.equal("legacy integration");
    expect(remoteKey().orgRoles).to.deep.equal(["ORG_MEMBER"]);
    expect(isCiphertext(key.outputs!.privateKey), "privateKey output encrypted").to.equal(true);
    expectSameSecret(
      (await example.stack.stack.outputs()).privateKey?.value,
      legacy.privateKey,
      "adopted private key output",
    );
    await example.stack.expectNoLeaks();
  });

  it("preview of the same program reports no changes", () => expectNoChanges(example.stack));

  it("description and roles change in place: same key id", async () => {
    await expectUpdateInPlace(example.stack, "legacy", {
      description: "legacy integration v2",
      roleNames: ["ORG_READ_ONLY"],
    });
    expect(remoteKey().desc).to.equal("legacy integration v2");
    expect(remoteKey().orgRoles).to.deep.equal(["ORG_READ_ONLY"]);
  });

  it("refresh records an out-of-band description change; the next up restores it", () =>
    expectDriftCorrected(example.stack, "legacy", {
      make: () =>
        example.atlas.admin.updateOrgApiKey(example.atlas.emulator.orgId, legacy.id, { desc: "edited again by hand" }),
      property: "description",
      drifted: "edited again by hand",
      declared: "legacy integration v2",
      remote: () => remoteKey().desc,
    }));

  it("destroy deletes the adopted key: the organization has the keys it had before; no secret anywhere", () =>
    expectCleanDestroy(example.stack, example.keysBefore));

  it("refresh drops an adopted key deleted out of band; the next up cannot recreate it and says why", async () => {
    legacy = await makeOutsideKey(example.atlas, "made by hand, again");
    await example.stack.setConfig(adoptConfig(legacy));
    expectOnly(await example.stack.up(), { create: 2 });
    await example.atlas.admin.deleteOrgApiKey(example.atlas.emulator.orgId, legacy.id);
    await example.stack.refresh();
    expect(await example.stack.find("legacy"), "adopted key in state after refresh").to.equal(undefined);
    const failure = await example.stack.stack.up({ ...example.stack.output.handlers }).then(
      () => undefined,
      (error: Error) => error,
    );
    expect(failure, "up error").to.be.instanceOf(Error);
    expect(failure!.message).to.include(`has no API key ${legacy.id}`);
    await example.stack.destroy();
    expect(example.atlas.orgKeyIds()).to.deep.equal(example.keysBefore);
    await example.stack.expectNoLeaks();
  });
});
