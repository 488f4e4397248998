import type * as pulumi from "@pulumi/pulumi";
import { splitResourceId } from "../../shared/resource-ids";
import { isRotatingResourceId, rotates, rotatingResourceId } from "../../shared/rotation-record";
import type { RotationPolicy } from "../../shared/rotation-policy";
import type { RotatingOutputs, RotationOutputs } from "../../shared/rotation-record";
import { GONE, clean, diffResult, type HandlerContext, type KindHandlers, type ModelDiff } from "./contract";
import { diffRotating, startRotation, updateRotating, type KeyLifecycle } from "./key-rotation";

/**
 * The steps ApiKey and ProjectApiKey take alike: each owns one key, which a
 * rotation policy may replace on a schedule. Only where the key lives (an
 * organization, a host project) and how it is made differ: each kind gives
 * those in a {@link KeyKind}, and `keyMethods` makes its check, diff, create
 * and update.
 */

type KeyInputs = { rotation?: RotationPolicy; keepers?: Record<string, string> };

/** What makes one key kind differ from the other in `check`, `diff`, `create` and `update`. */
export interface KeyKind<Inputs, Outputs> {
  /** The kind's checks (validation.ts). */
  check(news: Partial<Inputs>): pulumi.dynamic.CheckResult<Inputs>;
  /** The model's diff (model.ts). */
  diff(olds: Outputs, news: Inputs): ModelDiff;
  /** Makes a new key (`known`: the keys the state holds, see {@link KeyLifecycle.create}). */
  create(ctx: HandlerContext, inputs: Inputs, known?: string[]): Promise<Outputs>;
  /** Applies in-place changes to the current key of the resource `id`. */
  updateInPlace(ctx: HandlerContext, id: string, olds: Outputs, news: Inputs): Promise<Outputs>;
  /** Takes over the existing key `apiKeyId` instead. */
  adopt(ctx: HandlerContext, inputs: Inputs, apiKeyId: string): Promise<Outputs>;
  /** Where the key lives, the first part of the resource id: the organization, the host project. */
  scope(inputs: Inputs, outs: Outputs): string;
}

/** `check`, `diff`, `create` and `update` of a key kind, made from what is its own. */
export function keyMethods<
  Inputs extends KeyInputs & { adoptApiKeyId?: string },
  Outputs extends RotatingOutputs & { apiKeyId: string; orgId: string },
>(kind: KeyKind<Inputs, Outputs>): Pick<KindHandlers<Inputs, Outputs>, "check" | "diff" | "create" | "update"> {
  return {
    async check(_ctx, _olds, news) {
      return kind.check(news);
    },
    async diff(ctx, _id, olds, news) {
      return diffKey(ctx, olds, news, kind.diff(olds, news));
    },
    async create(ctx, inputs) {
      const adopted = inputs.adoptApiKeyId;
      const outs = adopted ? await kind.adopt(ctx, inputs, adopted) : await kind.create(ctx, inputs);
      return createdKey(ctx, inputs.rotation, kind.scope(inputs, outs), outs);
    },
    async update(ctx, id, olds, news) {
      return updateKey(ctx, id, olds, news, {
        orgId: olds.orgId,
        create: (inputs, known) => kind.create(ctx, inputs, known),
        update: (current, next) => kind.updateInPlace(ctx, id, current, next),
      });
    },
  };
}

/** The engine's diff: the rotation's with a policy (or when losing one), the model's otherwise. */
function diffKey(
  ctx: HandlerContext,
  olds: RotatingOutputs,
  news: KeyInputs,
  model: { replaces: string[]; updates: string[] },
): pulumi.dynamic.DiffResult {
  return rotates(olds, news) ? diffRotating(ctx, olds, news, model) : diffResult(model);
}

/**
 * The result of a create. Without a policy the id is `<scope>/<apiKeyId>`; with one it is the
 * rotating id, stable across rotations, and the rotation's clock starts now.
 */
function createdKey<Outputs extends { apiKeyId: string }>(
  ctx: HandlerContext,
  rotation: RotationPolicy | undefined,
  scope: string,
  outs: Outputs,
): pulumi.dynamic.CreateResult<Outputs> {
  if (rotation === undefined) return { id: `${scope}/${outs.apiKeyId}`, outs: clean(outs) };
  return { id: rotatingResourceId(scope, outs.apiKeyId), outs: clean({ ...outs, ...startRotation(ctx, rotation) }) };
}

/** An update: in place on the current key, or the rotation's steps when a policy is involved. */
async function updateKey<Inputs extends KeyInputs, Outputs extends RotatingOutputs>(
  ctx: HandlerContext,
  id: string,
  olds: Outputs,
  news: Inputs,
  lifecycle: KeyLifecycle<Inputs, Outputs> & { orgId: string },
): Promise<pulumi.dynamic.UpdateResult<Outputs>> {
  if (!rotates(olds, news)) return { outs: clean(await lifecycle.update(olds, news)) };
  return { outs: clean(await updateRotating(ctx, id, olds, news, lifecycle.orgId, lifecycle)) };
}

/**
 * A read that found no current key. A rotating resource whose previous key still works stays,
 * with no current key: the next `up` makes a new one. Otherwise the key is gone and so is the
 * resource.
 */
export function withoutCurrentKey<Inputs>(
  id: string,
  props: object | undefined,
  rotation: RotationOutputs | undefined,
  inputs: () => Inputs,
): pulumi.dynamic.ReadResult {
  if (!rotation?.previousApiKeyId) return GONE;
  return { id, props: clean({ ...props, ...rotation, apiKeyId: "", publicKey: "", privateKey: "" }), inputs: inputs() };
}

/**
 * The key a read looks at: the outputs' `apiKeyId` when there is state (the current key, also
 * after rotations), else the one the id names (`get`), as `[scope, apiKeyId]`.
 */
export function keyToRead(
  resource: string,
  scopeName: "orgId" | "projectId",
  id: string,
  recorded: { scope?: string; apiKeyId?: string },
): [string, string] {
  if (recorded.scope !== undefined && recorded.apiKeyId !== undefined) return [recorded.scope, recorded.apiKeyId];
  if (isRotatingResourceId(id)) {
    throw new Error(
      `${resource} id "${id}" names a key with a rotation policy, which is read from its state: to read its current key, use the id <${scopeName}>/<apiKeyId> with the apiKeyId output.`,
    );
  }
  return splitResourceId(id, [scopeName, "apiKeyId"], resource) as [string, string];
}
