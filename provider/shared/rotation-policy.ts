import { Failures, containsUnknown } from "./check-failures";
import { parseDuration } from "./durations";

/** A rotation policy as the user writes it: `{ every: "90d", overlap: "7d" }`. */
export interface RotationPolicy {
  /** How long a credential stays current before the next `up` replaces it by a new one. */
  every: string;
  /** How long the replaced credential keeps working after a rotation; shorter than `every`. */
  overlap: string;
}

/** A policy in milliseconds, as the schedule computes with it. */
export interface RotationTimes {
  everyMs: number;
  overlapMs: number;
}

const EXAMPLE = '{ every: "90d", overlap: "7d" }';

/**
 * Checks an optional `rotation` input before any request: an object with
 * `every` and `overlap`, both positive durations, the overlap shorter than the
 * period (otherwise two rotations would overlap and a third key would be live).
 * Values not known yet at preview pass through and are checked at `up`.
 */
export function checkRotation(failures: Failures, value: unknown): RotationPolicy | undefined {
  if (value === undefined || value === null) return undefined;
  if (containsUnknown(value)) return value as RotationPolicy;
  if (typeof value !== "object" || Array.isArray(value)) {
    failures.add("rotation", `rotation must be an object such as ${EXAMPLE}.`);
    return undefined;
  }
  const { every, overlap, ...extra } = value as Partial<RotationPolicy>;
  for (const name of Object.keys(extra)) {
    failures.add("rotation", `rotation.${name} is not a setting of a rotation policy: use only every and overlap.`);
  }
  const times = rotationTimesOrProblems({ every, overlap } as RotationPolicy);
  if ("problems" in times) {
    times.problems.forEach((problem) => failures.add("rotation", problem));
    return value as RotationPolicy;
  }
  return { every: (every as string).trim(), overlap: (overlap as string).trim() };
}

/** The policy in milliseconds, or the messages that say what to fix. */
export function rotationTimesOrProblems(policy: RotationPolicy): RotationTimes | { problems: string[] } {
  const every = parseDuration(policy.every);
  const overlap = parseDuration(policy.overlap);
  const problems: string[] = [];
  if ("problem" in every) problems.push(`rotation.every ${every.problem}.`);
  if ("problem" in overlap) problems.push(`rotation.overlap ${overlap.problem}.`);
  if ("ms" in every && "ms" in overlap && overlap.ms >= every.ms) {
    problems.push(
      `rotation.overlap (${policy.overlap}) must be shorter than rotation.every (${policy.every}): the previous credential must be gone before the next rotation. Shorten rotation.overlap or lengthen rotation.every.`,
    );
  }
  if (problems.length > 0 || !("ms" in every) || !("ms" in overlap)) return { problems };
  return { everyMs: every.ms, overlapMs: overlap.ms };
}

/** The policy in milliseconds; throws on a policy `check` would have refused (state edited by hand). */
export function rotationTimes(policy: RotationPolicy): RotationTimes {
  const times = rotationTimesOrProblems(policy);
  if ("problems" in times) throw new Error(times.problems.join(" "));
  return times;
}
