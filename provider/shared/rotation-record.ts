import { sameMap } from "./maps";
import { rotationTimes, type RotationPolicy } from "./rotation-policy";
import type { RotationPlan, RotationSituation } from "./rotation-schedule";

/**
 * Pure glue between a resource's outputs and the rotation schedule: what the
 * outputs record, the fields a plan writes, and the id of a rotating resource.
 * The record is the same for every credential but for the `previous…` fields
 * that hold the one kept for the overlap, named after the credential's own
 * fields; so the generic part is written once here ({@link ScheduleOutputs},
 * {@link recordAfterPlan}, {@link absentRecord}), with the record of the key
 * resources, ApiKey and ProjectApiKey, whose outputs both name the current key
 * `apiKeyId`/`publicKey`/`privateKey`. Service-account secrets have theirs in
 * resources/service-account-secret/rotation-model.ts.
 */

/** The rotation outputs every credential has, whatever it is called. */
export interface ScheduleOutputs {
  rotation?: RotationPolicy;
  /** When the current credential became current (ISO 8601). */
  rotatedAt?: string;
  /** When the next `up` replaces the current credential by a new one (ISO 8601). */
  nextRotationAt?: string;
  /** When the first `up` after it deletes the previous credential (ISO 8601); "" outside the overlap. */
  previousExpiresAt?: string;
}

/** The outputs a rotation policy adds to a key. Present only on resources with a policy (or one being removed). */
export interface RotationOutputs extends ScheduleOutputs {
  /** The key replaced by the last rotation while it still works; "" outside the overlap. */
  previousApiKeyId?: string;
  previousPublicKey?: string;
  /** Secret. */
  previousPrivateKey?: string;
}

/** One credential: a key's id, its public and private key. */
export interface Credential {
  apiKeyId: string;
  publicKey: string;
  privateKey: string;
}

/** The fields of a key resource's outputs the rotation logic reads. */
export type RotatingOutputs = Credential & RotationOutputs & { keepers?: Record<string, string> };

/** True when the outputs carry rotation fields: reads and deletes must then look at two keys. */
export function hasRotationRecord(outputs: Partial<RotationOutputs> | undefined): boolean {
  return outputs?.rotatedAt !== undefined || Boolean(outputs?.previousApiKeyId);
}

/** True when `rotation` takes part in this resource's life: a policy now or a record from one before. */
export function rotates(olds: Partial<RotationOutputs> | undefined, news: { rotation?: RotationPolicy }): boolean {
  return news.rotation !== undefined || hasRotationRecord(olds);
}

/** The previous credential the outputs hold, if any. */
export function previousOf(outputs: Partial<RotationOutputs>): Credential | undefined {
  if (!outputs.previousApiKeyId) return undefined;
  return {
    apiKeyId: outputs.previousApiKeyId,
    publicKey: outputs.previousPublicKey ?? "",
    privateKey: outputs.previousPrivateKey ?? "",
  };
}

/** The current credential, or undefined when refresh found it deleted outside Pulumi. */
export function currentOf(outputs: Credential): Credential | undefined {
  if (!outputs.apiKeyId) return undefined;
  return { apiKeyId: outputs.apiKeyId, publicKey: outputs.publicKey, privateKey: outputs.privateKey };
}

/** What the schedule needs to know, from the recorded outputs and the new inputs. */
export function situationOf(
  olds: RotatingOutputs,
  news: { rotation?: RotationPolicy; keepers?: Record<string, string> },
  now: number,
): RotationSituation {
  return {
    policy: news.rotation === undefined ? undefined : rotationTimes(news.rotation),
    record: {
      rotatedAt: olds.rotatedAt,
      previousId: olds.previousApiKeyId,
      previousExpiresAt: olds.previousExpiresAt,
    },
    hasCurrent: Boolean(olds.apiKeyId),
    keepersChanged: !sameMap(olds.keepers, news.keepers),
    now,
  };
}

/**
 * The rotation outputs after a plan is carried out, for any credential. `previous` is
 * the credential kept for the overlap (undefined for none), which `asPrevious` writes in
 * the resource's `previous…` fields. Without a policy and without a previous credential
 * left behind, no rotation field is written at all: outputs are exactly those of a
 * resource without a policy.
 */
export function recordAfterPlan<Credential, PreviousFields extends object>(
  asPrevious: (credential: Credential | undefined) => PreviousFields,
  policy: RotationPolicy | undefined,
  plan: Pick<RotationPlan, "rotatedAt" | "nextRotationAt" | "previousExpiresAt">,
  previous: Credential | undefined,
  previousExpiresAt = plan.previousExpiresAt,
): ScheduleOutputs & Partial<PreviousFields> {
  if (policy === undefined && previous === undefined) return {};
  return {
    rotation: policy,
    rotatedAt: plan.rotatedAt,
    nextRotationAt: plan.nextRotationAt,
    ...asPrevious(previous),
    previousExpiresAt: previous ? previousExpiresAt : "",
  };
}

/** Every field of a rotation record, each absent (undefined). */
export type AbsentRecord<PreviousFields> = Record<keyof ScheduleOutputs | keyof PreviousFields, undefined>;

/**
 * Every field of a rotation record, absent, in the order {@link recordAfterPlan} writes
 * them: spread over outputs before a new record, it strips the old one.
 */
export function absentRecord<PreviousFields extends object>(
  asPrevious: (none: undefined) => PreviousFields,
): AbsentRecord<PreviousFields> {
  const previousFields = Object.keys(asPrevious(undefined));
  const fields = ["rotation", "rotatedAt", "nextRotationAt", ...previousFields, "previousExpiresAt"];
  return Object.fromEntries(fields.map((field) => [field, undefined])) as AbsentRecord<PreviousFields>;
}

/** A key in the outputs' `previous…` fields, for {@link recordAfterPlan}; "" in each for none. */
export function asPreviousKey(key: Credential | undefined) {
  return {
    previousApiKeyId: key?.apiKeyId ?? "",
    previousPublicKey: key?.publicKey ?? "",
    previousPrivateKey: key?.privateKey ?? "",
  };
}

/** A key resource's rotation fields, each absent, to strip them from outputs of a resource without a policy. */
export const NO_ROTATION_FIELDS = absentRecord(asPreviousKey);

/**
 * The id of a resource created with a policy: `<scope>/rotating/<first credential id>`
 * (scope: `orgId` or `projectId` for keys, `orgId/clientId` for service-account secrets).
 * An update cannot change a resource's id, and rotation replaces the credential, so the
 * id names the resource's first one only as a stable token; reads use the ids in the
 * outputs (`apiKeyId` and `previousApiKeyId`, `secretId` and `previousSecretId`).
 */
export function rotatingResourceId(scope: string, firstId: string): string {
  return `${scope}/rotating/${firstId}`;
}

/** True for an id made by {@link rotatingResourceId}, whatever its scope. */
export function isRotatingResourceId(id: string): boolean {
  return id.split("/").at(-2) === "rotating";
}

/** Policies compare by their text (after `check` trimmed it). */
export function samePolicy(a: RotationPolicy | undefined, b: RotationPolicy | undefined): boolean {
  return a?.every === b?.every && a?.overlap === b?.overlap;
}
