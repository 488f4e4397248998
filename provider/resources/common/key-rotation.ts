import type * as pulumi from "@pulumi/pulumi";
import type { HandlerContext } from "./contract";
import { PartialFailure, isPartialFailure } from "./applied-steps";
import { deleteOrgKey } from "./key-operations";
import { rotationTimes, type RotationPolicy } from "../../shared/rotation-policy";
import {
  NO_ROTATION_FIELDS,
  asPreviousKey,
  currentOf,
  previousOf,
  recordAfterPlan,
  samePolicy,
  situationOf,
  type Credential,
  type RotatingOutputs,
  type RotationOutputs,
} from "../../shared/rotation-record";
import { planActs, planRotation } from "../../shared/rotation-schedule";

/**
 * Scheduled rotation with an overlap window, for the key resources (issue 15).
 * The schedule itself is pure (rotation-schedule.ts); this is the order of the
 * Atlas calls that carry a plan out, and what the state records when one fails.
 */

/** What a key resource supplies to rotate. */
export interface KeyLifecycle<Inputs, Outputs> {
  /**
   * Creates a key with the declared settings; on failure deletes what it made
   * (nothing left behind). `known` are the keys the state holds, which an
   * unanswered create's message must not mistake for the one it may have made.
   */
  create(inputs: Inputs, known: string[]): Promise<Outputs>;
  /** Applies in-place changes (description, roles, projects, access list) to the current key. */
  update(olds: Outputs, news: Inputs): Promise<Outputs>;
}

type RotatingInputs = { rotation?: RotationPolicy; keepers?: Record<string, string> };

/**
 * The engine's diff for a resource with a policy (or losing one). A change of
 * `keepers` rotates instead of replacing; the clock alone can make a change
 * (rotation due, previous key expired), which `preview` shows as an update.
 */
export function diffRotating(
  ctx: HandlerContext,
  olds: RotatingOutputs,
  news: RotatingInputs,
  model: { replaces: string[]; updates: string[] },
): pulumi.dynamic.DiffResult {
  const replaces = news.rotation === undefined ? model.replaces : model.replaces.filter((name) => name !== "keepers");
  const acts = planActs(planRotation(situationOf(olds, news, ctx.now())));
  const policyChanged = !samePolicy(olds.rotation, news.rotation);
  return {
    changes: replaces.length + model.updates.length > 0 || acts || policyChanged,
    replaces,
    deleteBeforeReplace: false,
  };
}

/**
 * Update of a resource with a policy. Order, and what a failure leaves:
 * - no rotation: in-place changes on the current key, then the expired previous
 *   key is deleted; if that fails it stays in the state for the next run.
 * - rotation: first the previous key a rotation displaces (normally expired),
 *   then the new key, created complete (description, roles, projects, access
 *   list) or not at all; the current key becomes previous. If the new key
 *   cannot be made, the state is what was done before (nothing else changed).
 */
export async function updateRotating<Inputs extends RotatingInputs, Outputs extends RotatingOutputs>(
  ctx: HandlerContext,
  id: string,
  olds: Outputs,
  news: Inputs,
  orgId: string,
  lifecycle: KeyLifecycle<Inputs, Outputs>,
): Promise<Outputs> {
  const plan = planRotation(situationOf(olds, news, ctx.now()));
  const recordedPrevious = previousOf(olds);
  const withRotation = (outs: Outputs, previous: Credential | undefined, expiresAt?: string): Outputs => ({
    ...outs,
    ...NO_ROTATION_FIELDS,
    ...recordAfterPlan(asPreviousKey, news.rotation, plan, previous, expiresAt),
  });

  if (plan.step === "none") {
    const updated = await lifecycle.update(olds, news);
    if (!plan.deletePrevious || !recordedPrevious) return withRotation(updated, recordedPrevious);
    try {
      await deleteOrgKey(ctx, orgId, recordedPrevious.apiKeyId);
    } catch (error) {
      const kept = withRotation(updated, recordedPrevious, olds.previousExpiresAt ?? "");
      throw partialFailure(
        id,
        kept,
        `Deleting the previous key ${describe(recordedPrevious)} failed; it stays in the state and the next \`pulumi up\` deletes it.`,
        error,
      );
    }
    return withRotation(updated, undefined);
  }

  let applied = olds;
  if (plan.deletePrevious && recordedPrevious) {
    try {
      await deleteOrgKey(ctx, orgId, recordedPrevious.apiKeyId);
    } catch (error) {
      throw new Error(
        `Rotation needs the previous key ${describe(recordedPrevious)} gone first, and deleting it failed, so nothing changed: the next \`pulumi up\` tries again. Cause: ${messageOf(error)}`,
      );
    }
    applied = { ...olds, ...asPreviousKey(undefined), previousExpiresAt: "" };
  }
  let created: Outputs;
  try {
    created = await lifecycle.create(news, [olds.apiKeyId, recordedPrevious?.apiKeyId ?? ""].filter(Boolean));
  } catch (error) {
    if (isPartialFailure(error)) {
      // The new key is live and could not be deleted again: the state holds it as current and the
      // old one as previous, so neither is lost; the next `up` completes what the new key lacks.
      const leftLive = error.properties as Outputs;
      throw partialFailure(id, withRotation(leftLive, previousAfter(applied)), "Rotation stopped halfway.", error);
    }
    // The cause says what became of the new key: deleted again, or (an unanswered create) possibly made.
    const what = `Creating the new key for the rotation failed, so the current key stays current.`;
    if (applied === olds) throw new Error(`${what} Cause: ${messageOf(error)}`);
    throw partialFailure(id, applied, `${what} The expired previous key was deleted first.`, error);
  }
  return withRotation(created, previousAfter(applied));

  /** The previous key once the new one is current: the old current one, or (re-creation) the recorded one. */
  function previousAfter(state: Outputs): Credential | undefined {
    return plan.step === "rotate" ? currentOf(olds) : previousOf(state);
  }
}

/** The rotation fields of a key just created under a policy: its clock starts now, no previous key. */
export function startRotation(ctx: HandlerContext, policy: RotationPolicy): RotationOutputs {
  const situation = {
    policy: rotationTimes(policy),
    record: {},
    hasCurrent: true,
    keepersChanged: false,
    now: ctx.now(),
  };
  return recordAfterPlan(asPreviousKey, policy, planRotation(situation), undefined);
}

/**
 * The rotation fields as refresh finds them: the previous key is looked up by
 * its id, and one deleted outside Pulumi is simply gone from the outputs.
 */
export async function readRotationFields(
  ctx: HandlerContext,
  orgId: string,
  props: RotationOutputs,
): Promise<RotationOutputs> {
  const recorded = previousOf(props);
  const live = recorded !== undefined && (await ctx.reader.orgKey(orgId, recorded.apiKeyId)) !== undefined;
  const fields: RotationOutputs = {
    rotation: props.rotation,
    rotatedAt: props.rotatedAt ?? "",
    nextRotationAt: props.nextRotationAt ?? "",
  };
  if (live) {
    return { ...fields, ...pick(props) };
  }
  return { ...fields, ...asPreviousKey(undefined), previousExpiresAt: "" };
}

function pick(props: RotationOutputs): RotationOutputs {
  const { previousApiKeyId, previousPublicKey, previousPrivateKey, previousExpiresAt } = props;
  return { previousApiKeyId, previousPublicKey, previousPrivateKey, previousExpiresAt };
}

/** Deletes both keys of a rotating resource: the previous one first, then the current one. */
export async function deleteRotating(ctx: HandlerContext, orgId: string, outs: RotatingOutputs): Promise<void> {
  const previous = previousOf(outs);
  if (previous) await deleteOrgKey(ctx, orgId, previous.apiKeyId);
  if (outs.apiKeyId) await deleteOrgKey(ctx, orgId, outs.apiKeyId);
}

/**
 * An update that failed after changing something: the dynamic-provider host
 * turns an error carrying `id` and `properties` into a partial result, so the
 * state records what was applied.
 */
function partialFailure(id: string, properties: object, what: string, cause: unknown): Error {
  return new PartialFailure(`${what} Cause: ${messageOf(cause)}`, id, properties);
}

function describe(key: Credential): string {
  return `${key.apiKeyId} (public key ${key.publicKey})`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
