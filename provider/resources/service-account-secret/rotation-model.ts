import type { ServiceAccountSecretDetails } from "../../atlas/service-account-types";
import { sameMap } from "../../shared/maps";
import { rotationTimes, type RotationPolicy } from "../../shared/rotation-policy";
import { absentRecord, recordAfterPlan, type ScheduleOutputs } from "../../shared/rotation-record";
import { planRotation, type RotationSituation } from "../../shared/rotation-schedule";

/**
 * Pure glue between a ServiceAccountSecret's outputs and the shared rotation
 * schedule (shared/rotation-schedule.ts): the secret's own rotation record, on the
 * generic one of shared/rotation-record.ts. The names follow the resource's own
 * outputs (`secretId`, `secret`, `expiresAt`) with `previous` in front.
 */

/** The outputs a rotation policy adds. Present only on secrets with a policy (or one being removed). */
export interface SecretRotationOutputs extends ScheduleOutputs {
  /** The secret replaced by the last rotation while it still works; "" outside the overlap. */
  previousSecretId?: string;
  /** Secret. */
  previousSecret?: string;
  /**
   * When the first `up` after it deletes the previous secret (ISO 8601): the earlier of
   * `rotatedAt + overlap` and the expiry Atlas gave it when the new secret was made
   * (read back from Atlas, which cuts it to at most 7 days). "" outside the overlap.
   */
  previousExpiresAt?: string;
}

/** One secret: its id and clear value. */
export interface SecretCredential {
  secretId: string;
  secret: string;
}

/** The fields of the outputs the rotation logic reads. */
export type RotatingSecretOutputs = SecretCredential &
  SecretRotationOutputs & { secretExpiresAfterHours: number; keepers?: Record<string, string> };

/** The inputs the rotation logic reads. */
export type RotatingSecretInputs = {
  rotation?: RotationPolicy;
  keepers?: Record<string, string>;
  secretExpiresAfterHours: number;
};

/** True when the outputs carry rotation fields: reads and deletes must then look at two secrets. */
export function hasSecretRotationRecord(outputs: Partial<SecretRotationOutputs> | undefined): boolean {
  return outputs?.rotatedAt !== undefined || Boolean(outputs?.previousSecretId);
}

/** True when rotation takes part in this resource's life: a policy now or a record from one before. */
export function secretRotates(olds: Partial<SecretRotationOutputs> | undefined, news: { rotation?: RotationPolicy }) {
  return news.rotation !== undefined || hasSecretRotationRecord(olds);
}

/** The previous secret the outputs hold, if any. */
export function previousSecretOf(outputs: Partial<SecretRotationOutputs>): SecretCredential | undefined {
  if (!outputs.previousSecretId) return undefined;
  return { secretId: outputs.previousSecretId, secret: outputs.previousSecret ?? "" };
}

/**
 * What the schedule needs to know. With a policy, a new lifetime rotates now like a
 * `keepers` change: a secret's lifetime is fixed at creation, so only a new secret has it.
 */
export function secretSituation(
  olds: RotatingSecretOutputs,
  news: RotatingSecretInputs,
  now: number,
): RotationSituation {
  return {
    policy: news.rotation === undefined ? undefined : rotationTimes(news.rotation),
    record: { rotatedAt: olds.rotatedAt, previousId: olds.previousSecretId, previousExpiresAt: olds.previousExpiresAt },
    hasCurrent: Boolean(olds.secretId),
    keepersChanged:
      !sameMap(olds.keepers, news.keepers) || olds.secretExpiresAfterHours !== news.secretExpiresAfterHours,
    now,
  };
}

/** The rotation fields of a secret just created under a policy: its clock starts now, no previous one. */
export function startedSecretRotation(policy: RotationPolicy, now: number): SecretRotationOutputs {
  const situation = { policy: rotationTimes(policy), record: {}, hasCurrent: true, keepersChanged: false, now };
  return recordAfterPlan(asPreviousSecret, policy, planRotation(situation), undefined);
}

/** A secret in the outputs' `previous…` fields, for `recordAfterPlan`; "" in each for none. */
export function asPreviousSecret(secret: SecretCredential | undefined) {
  return { previousSecretId: secret?.secretId ?? "", previousSecret: secret?.secret ?? "" };
}

/** Rotation fields with every one absent, to strip them from outputs of a secret without a policy. */
export const NO_SECRET_ROTATION_FIELDS = absentRecord(asPreviousSecret);

/**
 * When the previous secret stops being kept: the schedule's time (`rotatedAt + overlap`,
 * or the recorded one), cut to the expiry Atlas reports for that secret, which a newer
 * secret shortens to at most 7 days. Atlas's answer wins when it is earlier, because
 * after it the secret no longer works, and when `atlasRules` (an overlap of exactly
 * Atlas's 7 days, where the schedule only restates Atlas's cut and differs from it by
 * the clocks' skew).
 */
export function previousExpiry(
  scheduled: string,
  listed: ServiceAccountSecretDetails | undefined,
  atlasRules = false,
): string {
  if (!listed || Number.isNaN(Date.parse(listed.expiresAt))) return scheduled;
  const planned = Date.parse(scheduled);
  if (atlasRules || Number.isNaN(planned) || Date.parse(listed.expiresAt) < planned) return listed.expiresAt;
  return scheduled;
}

/**
 * The rotation fields as refresh finds them in the account's secret list: a previous
 * secret deleted outside Pulumi is simply gone from the outputs; one still listed keeps
 * its clear value, and its expiry is cut to Atlas's if Atlas's is earlier.
 */
export function readSecretRotation(
  listed: ServiceAccountSecretDetails[],
  props: SecretRotationOutputs,
): SecretRotationOutputs {
  const fields = {
    rotation: props.rotation,
    rotatedAt: props.rotatedAt ?? "",
    nextRotationAt: props.nextRotationAt ?? "",
  };
  const previous = previousSecretOf(props);
  const item = previous && listed.find((s) => s.id === previous.secretId);
  if (!previous || !item) return { ...fields, ...asPreviousSecret(undefined), previousExpiresAt: "" };
  return {
    ...fields,
    previousSecretId: previous.secretId,
    previousSecret: previous.secret,
    previousExpiresAt: previousExpiry(props.previousExpiresAt ?? "", item),
  };
}
