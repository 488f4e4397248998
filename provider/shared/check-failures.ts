import type * as pulumi from "@pulumi/pulumi";

/** One validation failure, in the shape the Pulumi engine shows under the property name. */
export type CheckFailure = pulumi.dynamic.CheckFailure;

/**
 * The value the engine sends for inputs not yet known during `preview`
 * (an output of a resource that is not created yet). Validation skips them:
 * they are checked again at `up`, once known.
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True when the value, or any value inside it, is not known yet. */
export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}

/** Collects failures for one `check` call. */
export class Failures {
  readonly list: CheckFailure[] = [];

  add(property: string, reason: string): void {
    this.list.push({ property, reason });
  }
}
