import type * as pulumi from "@pulumi/pulumi";
import { Failures } from "../../shared/check-failures";
import { formatDuration } from "../../shared/durations";
import { checkRotation, rotationTimesOrProblems, type RotationPolicy } from "../../shared/rotation-policy";
import { MAX_SECRET_OVERLAP_MS, checkAccountIds, checkSecretHours } from "../../shared/service-accounts";
import { checkKeepers } from "../../shared/validators";
import { clean } from "../common/contract";
import type { ServiceAccountSecretInputs } from "./model";

/**
 * Validates ServiceAccountSecret inputs before any request: ids, the lifetime
 * (8–8760 hours), `keepers`, and a rotation policy within Atlas's rules.
 */
export function checkServiceAccountSecret(
  news: Partial<ServiceAccountSecretInputs>,
): pulumi.dynamic.CheckResult<ServiceAccountSecretInputs> {
  const failures = new Failures();
  const inputs: ServiceAccountSecretInputs = {
    ...checkAccountIds(failures, news),
    secretExpiresAfterHours: checkSecretHours(failures, news.secretExpiresAfterHours),
    rotation: checkRotation(failures, news.rotation),
    keepers: checkKeepers(failures, news.keepers),
  };
  if (failures.list.length === 0 && inputs.rotation) {
    checkSecretRotation(failures, inputs.rotation, inputs.secretExpiresAfterHours);
  }
  return { inputs: clean(inputs), failures: failures.list };
}

/**
 * What Atlas's rules add to a policy (docs/rotation.md, "Service-account secrets"):
 * a new secret cuts the previous one to at most 7 days, so the overlap cannot be
 * longer; and the current secret must still work until the overlap after its
 * rotation ends, so its lifetime must cover `every` + `overlap`. Values not known
 * at preview are checked at `up`.
 */
function checkSecretRotation(failures: Failures, policy: RotationPolicy, hours: number): void {
  const times = rotationTimesOrProblems(policy);
  if ("problems" in times) return;
  if (times.overlapMs > MAX_SECRET_OVERLAP_MS) {
    failures.add(
      "rotation",
      `rotation.overlap (${policy.overlap}) is longer than 7 days: when a service account gets a new secret, Atlas cuts the previous one to at most 7 days, so it cannot keep working longer. Set rotation.overlap to "7d" or less.`,
    );
  }
  if (typeof hours !== "number") return;
  const neededMs = times.everyMs + times.overlapMs;
  if (hours * 3_600_000 < neededMs) {
    const neededHours = Math.ceil(neededMs / 3_600_000);
    failures.add(
      "secretExpiresAfterHours",
      `secretExpiresAfterHours (${hours}, ${formatDuration(hours * 3_600_000)}) is shorter than rotation.every + rotation.overlap (${policy.every} + ${policy.overlap}): each secret must keep working until the overlap after its own rotation ends. Set secretExpiresAfterHours to at least ${neededHours}, or shorten rotation.every.`,
    );
  }
}
