import type * as pulumi from "@pulumi/pulumi";

/**
 * What the runtime implements for one resource kind: the dynamic provider
 * interface minus `configure`, which is process-wide (see context.ts).
 */
export interface ResourceHandlers<Inputs, Outputs> {
  check(olds: Partial<Inputs>, news: Partial<Inputs>): Promise<pulumi.dynamic.CheckResult<Inputs>>;
  diff(id: string, olds: Outputs, news: Inputs): Promise<pulumi.dynamic.DiffResult>;
  create(inputs: Inputs): Promise<pulumi.dynamic.CreateResult<Outputs>>;
  read(id: string, props?: Partial<Outputs>): Promise<pulumi.dynamic.ReadResult<Outputs>>;
  update(id: string, olds: Outputs, news: Inputs): Promise<pulumi.dynamic.UpdateResult<Outputs>>;
  delete(id: string, props: Outputs): Promise<void>;
}

/** A read that found nothing: the engine drops the resource from state on refresh. */
export const GONE: pulumi.dynamic.ReadResult = {};

/**
 * Removes `undefined` fields (and the engine's `__provider`) so outputs can
 * cross the gRPC boundary: the host rejects `undefined` with "Unexpected struct type".
 */
export function clean<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field !== undefined && key !== "__provider") out[key] = field;
  }
  return out as T;
}

/**
 * The engine's view of a model diff. Replacements are create-before-delete
 * (`deleteBeforeReplace: false`): a rotated key exists before the old one goes,
 * and a replaced access-list entry never leaves callers locked out.
 */
export function diffResult(diff: { replaces: string[]; updates: string[] }): pulumi.dynamic.DiffResult {
  return {
    changes: diff.replaces.length + diff.updates.length > 0,
    replaces: diff.replaces,
    deleteBeforeReplace: false,
  };
}
