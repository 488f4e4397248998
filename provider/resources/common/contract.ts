import type * as pulumi from "@pulumi/pulumi";
import type { AtlasApi } from "../../atlas/types";
import type { KeyReader } from "../../atlas/key-reader";

/**
 * What a handler may use, handed to it by the runtime on every call (see
 * `provider/runtime/context.ts`). Handlers hold no state of their own and
 * reach nothing global, so each can be run against any client in a test.
 */
export interface HandlerContext {
  /**
   * The process's Atlas client. Every write through it clears `reader`'s
   * snapshots. Resolved at first use: bad settings fail the call that needs
   * Atlas, while `check` and `diff` work without credentials.
   */
  readonly atlas: AtlasApi;
  /** Batched, briefly cached key reads (see key-reader.ts). */
  readonly reader: KeyReader;
  /** The provider process's clock, in milliseconds since the epoch (tests step it). */
  now(): number;
}

/**
 * What each resource kind implements: the dynamic provider interface minus
 * `configure`, which is process-wide, each method receiving the context
 * first. The runtime binds it, so the serialized stub calls
 * `handlers[kind].create(inputs)` as it always did.
 */
export interface KindHandlers<Inputs, Outputs> {
  check(ctx: HandlerContext, olds: Partial<Inputs>, news: Partial<Inputs>): Promise<pulumi.dynamic.CheckResult<Inputs>>;
  diff(ctx: HandlerContext, id: string, olds: Outputs, news: Inputs): Promise<pulumi.dynamic.DiffResult>;
  create(ctx: HandlerContext, inputs: Inputs): Promise<pulumi.dynamic.CreateResult<Outputs>>;
  read(ctx: HandlerContext, id: string, props?: Partial<Outputs>): Promise<pulumi.dynamic.ReadResult<Outputs>>;
  update(ctx: HandlerContext, id: string, olds: Outputs, news: Inputs): Promise<pulumi.dynamic.UpdateResult<Outputs>>;
  delete(ctx: HandlerContext, id: string, props: Outputs): Promise<void>;
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

/** A model's diff: the fields that force a replacement and those updated in place. */
export interface ModelDiff {
  replaces: string[];
  updates: string[];
}

/**
 * `check` and `diff` for a kind whose diff needs nothing but the model: both
 * are pure, so they run without credentials and never call Atlas.
 */
export function modelCheckAndDiff<Inputs, Outputs>(
  check: (news: Partial<Inputs>) => pulumi.dynamic.CheckResult<Inputs>,
  diff: (olds: Outputs, news: Inputs) => ModelDiff,
) {
  return {
    async check(_ctx: unknown, _olds: Partial<Inputs>, news: Partial<Inputs>) {
      return check(news);
    },
    async diff(_ctx: unknown, _id: string, olds: Outputs, news: Inputs) {
      return diffResult(diff(olds, news));
    },
  };
}

/** The names of the `fields` whose values differ between `olds` and `news` (compared with `!==`). */
export function changedFields<Olds, News>(
  olds: Olds,
  news: News,
  fields: readonly (keyof Olds & keyof News & string)[],
) {
  return fields.filter((field) => (olds[field] as unknown) !== (news[field] as unknown));
}

/** The diff of a kind whose every input is identity: any change replaces. */
export function replacesOnly<Outputs, Inputs>(replaces: (olds: Outputs, news: Inputs) => string[]) {
  return (olds: Outputs, news: Inputs): ModelDiff => ({ replaces: replaces(olds, news), updates: [] });
}
