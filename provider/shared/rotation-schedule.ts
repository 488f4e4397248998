import type { RotationTimes } from "./rotation-policy";

/**
 * The rotation schedule as a pure function of the policy, what the outputs
 * recorded and the time. The handlers ask it in `diff` (is there anything to
 * do now?) and in `update` (what exactly?), so `preview` and `up` agree, and
 * every transition is testable with an injected clock.
 *
 * Timeline of one credential: created (rotatedAt) → current until
 * rotatedAt + every (nextRotationAt) → previous until the next rotation's
 * time + overlap (previousExpiresAt) → deleted by the first `up` after that.
 */

/** What the outputs recorded about rotation. Times are ISO 8601; "" or absent when none. */
export interface RotationRecord {
  rotatedAt?: string;
  /** Id of the previous credential (a key id, a service-account secret id); "" or absent when none. */
  previousId?: string;
  previousExpiresAt?: string;
}

/** Everything the schedule looks at. */
export interface RotationSituation {
  /** The policy in effect now (the new inputs); undefined when the resource has none. */
  policy?: RotationTimes;
  record: RotationRecord;
  /** False when refresh found the current credential deleted outside Pulumi. */
  hasCurrent: boolean;
  /** `keepers` changed: with a policy this rotates now instead of replacing. */
  keepersChanged: boolean;
  /** Now, in milliseconds since the epoch (injected: tests pass a fixed clock). */
  now: number;
}

/**
 * - `none`: the current credential stays.
 * - `rotate`: a new credential becomes current; the current one becomes previous.
 * - `recreate`: the current credential was deleted outside Pulumi; a new one
 *   becomes current and the previous one (if any) keeps its expiry.
 */
export type RotationStep = "none" | "rotate" | "recreate";

/** Why a new credential is made. */
export type RotationReason = "due" | "keepers" | "current-deleted";

/** What to do, and the times to record once it is done ("" when none). */
export interface RotationPlan {
  step: RotationStep;
  reason?: RotationReason;
  /** Delete the recorded previous credential: expired, displaced by a rotation, or the policy removed. */
  deletePrevious: boolean;
  rotatedAt: string;
  nextRotationAt: string;
  previousExpiresAt: string;
}

/** Decides what the next `up` does. */
export function planRotation(situation: RotationSituation): RotationPlan {
  const { policy, record, now } = situation;
  const hasPrevious = Boolean(record.previousId);
  if (!policy) {
    // Removing the policy ends any overlap: the previous credential must not outlive its record.
    return { step: "none", deletePrevious: hasPrevious, rotatedAt: "", nextRotationAt: "", previousExpiresAt: "" };
  }
  const rotatedAt = timeOf(record.rotatedAt);
  const reason = rotationReason(situation, rotatedAt, policy);
  if (reason === undefined) {
    // A policy just added starts its clock now (rotate at once by changing keepers).
    return { step: "none", ...untilPreviousExpires(situation, rotatedAt ?? now) };
  }
  if (reason === "current-deleted") {
    return { step: "recreate", reason, ...untilPreviousExpires(situation, now) };
  }
  // At most one previous credential: a rotation displaces the one before (normally expired by then).
  return {
    step: "rotate",
    reason,
    deletePrevious: hasPrevious,
    rotatedAt: iso(now),
    nextRotationAt: iso(now + policy.everyMs),
    previousExpiresAt: iso(now + policy.overlapMs),
  };
}

/**
 * The times of a plan that starts its clock at `since` and keeps the previous
 * credential until its recorded expiry. One without a readable expiry is
 * treated as expired: better gone than forgotten.
 */
function untilPreviousExpires(
  { policy, record, now }: RotationSituation,
  since: number,
): Omit<RotationPlan, "step" | "reason"> {
  const hasPrevious = Boolean(record.previousId);
  const expires = hasPrevious ? timeOf(record.previousExpiresAt) : undefined;
  const previousExpired = hasPrevious && (expires === undefined || now >= expires);
  return {
    deletePrevious: previousExpired,
    rotatedAt: iso(since),
    nextRotationAt: iso(since + policy!.everyMs),
    previousExpiresAt: hasPrevious && !previousExpired ? iso(expires!) : "",
  };
}

/** True when the plan changes anything in Atlas. */
export function planActs(plan: RotationPlan): boolean {
  return plan.step !== "none" || plan.deletePrevious;
}

function rotationReason(
  situation: RotationSituation,
  rotatedAt: number | undefined,
  policy: RotationTimes,
): RotationReason | undefined {
  if (!situation.hasCurrent) return "current-deleted";
  if (situation.keepersChanged) return "keepers";
  if (rotatedAt !== undefined && situation.now >= rotatedAt + policy.everyMs) return "due";
  return undefined;
}

/** Milliseconds of a recorded ISO time; undefined when absent or unreadable. */
function timeOf(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
