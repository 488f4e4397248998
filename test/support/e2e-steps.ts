/**
 * The lifecycle steps every end-to-end suite runs on its program, each asserting real outcomes
 * in the engine's summary, the exported state and the emulator.
 */
import { expect } from "chai";
import type { OpMap } from "@pulumi/pulumi/automation";
import { apiRequests, firstSuccess } from "./e2e-env";
import { expectOnly, type ConfigValue, type E2eStack, type StateResource } from "./e2e-stack";

/** A second `preview` of the same program plans nothing but `same`. */
export async function expectNoChanges(s: E2eStack): Promise<void> {
  expect(Object.keys(await s.preview()), "preview change summary").to.deep.equal(["same"]);
}

/**
 * Changes config, runs `up`, and asserts resource `name` was updated in place: the summary holds
 * one update (no create, delete or replace) and the resource id, which holds the key id, did not
 * change.
 */
export async function expectUpdateInPlace(
  s: E2eStack,
  name: string,
  config: Record<string, ConfigValue>,
): Promise<StateResource> {
  const before = await s.get(name);
  await s.setConfig(config);
  expectOnly(await s.up(), { update: 1 });
  const after = await s.get(name);
  expect(after.id, `${name} id`).to.equal(before.id);
  return after;
}

/**
 * Changes the `rotation` config that feeds `keepers` and asserts rotation with overlap: key
 * `name` gets a new id and public key, and the emulator's request log shows the new key created
 * before the old one was deleted (the old key is gone afterwards).
 */
export async function expectRotation(
  s: E2eStack,
  name: string,
  rotation: string,
  changes: OpMap,
): Promise<StateResource> {
  const old = (await s.get(name)).outputs!;
  const { emulator } = s.atlas;
  emulator.clearRequests();
  await s.setConfig({ rotation });
  expectOnly(await s.up(), changes);
  const now = (await s.get(name)).outputs!;
  expect(now.apiKeyId, "key id after rotation").to.not.equal(old.apiKeyId);
  expect(now.publicKey, "public key after rotation").to.not.equal(old.publicKey);
  expect(emulator.model.state.apiKeys[now.apiKeyId], "new key in Atlas").to.not.equal(undefined);
  expect(emulator.model.state.apiKeys[old.apiKeyId], "old key in Atlas").to.equal(undefined);
  const log = apiRequests(emulator);
  const created = firstSuccess(log, "POST", /^\/api\/atlas\/v2\/(orgs|groups)\/[0-9a-f]{24}\/apiKeys$/);
  const deleted = firstSuccess(log, "DELETE", new RegExp(`^/api/atlas/v2/orgs/[0-9a-f]{24}/apiKeys/${old.apiKeyId}$`));
  expect(created, "request number of the new key's create").to.be.greaterThan(0);
  expect(deleted, "request number of the old key's delete").to.be.greaterThan(created);
  return s.get(name);
}

/** An out-of-band change and how to observe it. */
export interface Drift {
  /** Makes the change directly in Atlas, as a person in the Atlas UI would. */
  make(): Promise<unknown>;
  /** Output property of the resource that shows the change after `refresh`. */
  property: string;
  /** The value made out of band. */
  drifted: unknown;
  /** The value the program declares. */
  declared: unknown;
  /** The value as Atlas holds it now. */
  remote(): unknown;
}

/**
 * Makes a change out of band; `refresh` must record it in state, and the next `up` must update
 * the resource in place and bring Atlas back to the declared value.
 */
export async function expectDriftCorrected(s: E2eStack, name: string, drift: Drift): Promise<void> {
  await drift.make();
  await s.refresh();
  expect((await s.get(name)).outputs![drift.property], `${name}.${drift.property} after refresh`).to.deep.equal(
    drift.drifted,
  );
  expectOnly(await s.up(), { update: 1 });
  expect(drift.remote(), `${drift.property} in Atlas after up`).to.deep.equal(drift.declared);
}

/**
 * Deletes something out of band; `refresh` must drop resource `name` from state and the next
 * `up` must create it again. Returns the new resource.
 */
export async function expectDeletionRecovered(
  s: E2eStack,
  name: string,
  remove: () => Promise<unknown>,
): Promise<StateResource> {
  await remove();
  await s.refresh();
  expect(await s.find(name), `${name} in state after refresh`).to.equal(undefined);
  expectOnly(await s.up(), { create: 1 });
  return s.get(name);
}

/**
 * `destroy` empties the state and leaves the organization with exactly the keys it had before
 * the stack existed; then scans state and the whole run's CLI output for secrets.
 */
export async function expectCleanDestroy(s: E2eStack, keysBefore: string[]): Promise<void> {
  await s.destroy();
  expect(await s.resources(), "resources in state after destroy").to.have.length(0);
  expect(s.atlas.orgKeyIds(), "keys of the organization after destroy").to.deep.equal(keysBefore);
  await s.expectNoLeaks();
}
