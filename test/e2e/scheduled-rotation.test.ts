/**
 * examples/scheduled-rotation through the real CLI, with a policy of seconds and the wall clock:
 * a key stack with `rotation: { every, overlap }` and a consumer stack reading both credentials
 * through a StackReference. Rotation due → `up` updates (no replace) → both keys work against the
 * emulator → after the overlap only the new one works; `preview` between those moments reports no
 * changes, and no secret is in clear in either state or in the CLI output at any step.
 */
import { expect } from "chai";
import type { LocalWorkspace } from "@pulumi/pulumi/automation";
import { AtlasClient } from "../../provider/atlas/client";
import { expectSameSecret, startAtlas, type E2eAtlas } from "../support/e2e-env";
import { E2eStack, expectOnly, isCiphertext, type StateValue } from "../support/e2e-stack";
import { expectCleanDestroy, expectNoChanges } from "../support/e2e-steps";
import { requirePulumiCli } from "../support/require-pulumi-cli";

/**
 * Long enough for an `up` and a `preview` (up to about 45 s and 25 s on a loaded 2-core machine)
 * inside each window; a preview that ends after its window fails with a message saying so.
 */
const EVERY_S = 150;
const OVERLAP_S = 60;

describe("e2e: examples/scheduled-rotation", function () {
  let atlas: E2eAtlas;
  let keys: E2eStack;
  let consumer: E2eStack;
  let keysBefore: string[];
  let first: StateValue;
  let rotated: StateValue;

  before(async function () {
    requirePulumiCli(this);
    atlas = await startAtlas("e2e-scheduled-rotation");
    keysBefore = atlas.orgKeyIds();
    keys = await E2eStack.create(atlas, {
      program: "scheduled-rotation",
      stackName: "keys",
      config: { orgId: atlas.emulator.orgId, every: `${EVERY_S}s`, overlap: `${OVERLAP_S}s` },
    });
    const shared = (keys.stack.workspace as LocalWorkspace).envVars;
    consumer = await E2eStack.create(atlas, {
      program: "scheduled-rotation/consumer",
      projectName: "scheduled-rotation-consumer",
      stackName: "app",
      config: { keyStack: "organization/scheduled-rotation/keys" },
      env: { PULUMI_BACKEND_URL: shared.PULUMI_BACKEND_URL },
    });
  });
  after(async () => {
    consumer?.remove();
    keys?.remove();
    await atlas?.close();
  });

  /** Decrypted stack outputs of a stack. */
  async function outputs(s: E2eStack): Promise<Record<string, string>> {
    const all = await s.stack.outputs();
    return Object.fromEntries(Object.entries(all).map(([name, output]) => [name, output.value as string]));
  }

  /** True when `publicKey:privateKey` authenticates against the emulator. */
  async function works(credential: string): Promise<boolean> {
    const [publicKey, privateKey] = credential.split(":");
    const client = new AtlasClient({
      baseUrl: atlas.emulator.url,
      credentials: { type: "apiKey", publicKey, privateKey },
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
    });
    try {
      await client.getProject(atlas.emulator.projectId);
      return true;
    } catch {
      return false;
    } finally {
      client.close();
    }
  }

  async function sleepUntil(iso: string): Promise<void> {
    const wait = Date.parse(iso) - Date.now() + 1_000;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  /** A preview that must see no change: it must also finish before `deadline`, or the window was missed. */
  async function expectQuietUntil(deadline: string): Promise<void> {
    await expectNoChanges(keys);
    expect(Date.now(), `preview finished before ${deadline} (machine too slow for the windows)`).to.be.lessThan(
      Date.parse(deadline),
    );
  }

  it("up creates the key with its schedule; the id is the stable rotating id", async () => {
    expectOnly(await keys.up(), { create: 2 });
    first = (await keys.get("deployer")).outputs!;
    const resource = await keys.get("deployer");
    expect(resource.id).to.equal(`${atlas.emulator.orgId}/rotating/${first.apiKeyId}`);
    expect(first.rotation).to.deep.equal({ every: `${EVERY_S}s`, overlap: `${OVERLAP_S}s` });
    expect(Date.parse(first.nextRotationAt) - Date.parse(first.rotatedAt)).to.equal(EVERY_S * 1000);
    expect(first.previousApiKeyId).to.equal("");
    expect(isCiphertext(first.privateKey), "privateKey encrypted").to.equal(true);
    await keys.expectNoLeaks();
  });

  it("before nextRotationAt, preview reports no changes", () => expectQuietUntil(first.nextRotationAt));

  it("the consumer reads the current key; there is no previous one yet", async () => {
    expectOnly(await consumer.up(), { create: 1 });
    const out = await outputs(consumer);
    const infra = await outputs(keys);
    expectSameSecret(out.current, `${infra.publicKey}:${infra.privateKey}`, "consumer's current credential");
    expect(out.previous === "").to.equal(true);
    expect(await works(out.current)).to.equal(true);
    await consumer.expectNoLeaks();
  });

  it("at nextRotationAt, preview plans an update and up rotates without replacing", async () => {
    await sleepUntil(first.nextRotationAt);
    expectOnly(await keys.preview(), { update: 1 });
    const before = await keys.get("deployer");
    expectOnly(await keys.up(), { update: 1 });
    const after = await keys.get("deployer");
    rotated = after.outputs!;
    expect(after.id, "resource id").to.equal(before.id);
    expect(after.urn).to.equal(before.urn);
    expect(rotated.apiKeyId).to.not.equal(first.apiKeyId);
    expect(rotated.previousApiKeyId).to.equal(first.apiKeyId);
    expect(rotated.previousPublicKey).to.equal(first.publicKey);
    expect(isCiphertext(rotated.privateKey), "privateKey encrypted").to.equal(true);
    expect(isCiphertext(rotated.previousPrivateKey), "previousPrivateKey encrypted").to.equal(true);
    const remote = atlas.emulator.model.state.apiKeys;
    expect(remote[rotated.apiKeyId]?.desc).to.equal("deploy pipeline");
    expect(remote[first.apiKeyId], "previous key still in Atlas").to.not.equal(undefined);
    await keys.expectNoLeaks();
  });

  it("during the overlap, preview reports no changes", () => expectQuietUntil(rotated.previousExpiresAt));

  it("during the overlap both keys work for the consumer", async () => {
    // The StackReference's outputs changed: the consumer's `up` reads them again.
    expectOnly(await consumer.up(), { read: 1 });
    const out = await outputs(consumer);
    const infra = await outputs(keys);
    expectSameSecret(out.current, `${infra.publicKey}:${infra.privateKey}`, "consumer's current credential");
    expectSameSecret(out.previous, `${infra.previousPublicKey}:${infra.previousPrivateKey}`, "previous credential");
    expect(await works(out.current), "new key works").to.equal(true);
    expect(await works(out.previous), "previous key works").to.equal(true);
    await consumer.expectNoLeaks();
  });

  it("after previousExpiresAt, up deletes the previous key: only the new one works", async () => {
    const previous = (await outputs(consumer)).previous;
    await sleepUntil(rotated.previousExpiresAt);
    expectOnly(await keys.up(), { update: 1 });
    const settled = (await keys.get("deployer")).outputs!;
    expect(settled.apiKeyId).to.equal(rotated.apiKeyId);
    expect(settled.previousApiKeyId).to.equal("");
    expect(settled.previousExpiresAt).to.equal("");
    expect(atlas.emulator.model.state.apiKeys[first.apiKeyId], "previous key gone from Atlas").to.equal(undefined);
    expect(await works(previous), "previous key refused").to.equal(false);
    await keys.expectNoLeaks();
  });

  it("until the next rotation, preview reports no changes", () => expectQuietUntil(rotated.nextRotationAt));

  it("the consumer now hands out the new key only", async () => {
    expectOnly(await consumer.up(), { read: 1 });
    const out = await outputs(consumer);
    expect(await works(out.current), "new key works").to.equal(true);
    expect(out.previous === "").to.equal(true);
    await consumer.expectNoLeaks();
  });

  it("destroy of both stacks deletes the key; the organization has the keys it had before", async () => {
    expectOnly(await consumer.destroy(), { delete: 1, discard: 1 });
    await consumer.expectNoLeaks();
    await expectCleanDestroy(keys, keysBefore);
  });
});
