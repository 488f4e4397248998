/**
 * The step matrix shared by `partial-update-matrix.test.ts` (the key resources) and
 * `service-account-matrix.test.ts`: the four faults a step can meet, and one engine operation
 * (`up` of a program, a first create, a destroy) run through the provider runtime in this
 * process the way `pulumi up` / `destroy` records it, with no refresh in between.
 */
import type { FaultSpec } from "../../emulator";
import { handlers } from "../../provider/runtime";
import type { ResourceKind } from "../../provider/runtime/serializable";

export type Outputs = Record<string, unknown>;
export type Program = Record<string, unknown>;

/**
 * {4xx, 5xx exhausted, dropped connection, dropped after commit}: a 4xx is a refusal (nothing
 * changed); the three others outlast every retry, so the outcome of the step is unknown.
 */
export const STEP_FAULTS: Array<[string, Omit<FaultSpec, "method" | "path">]> = [
  ["4xx", { status: 403, errorCode: "USER_UNAUTHORIZED", count: 1 }],
  ["5xx exhausted", { status: 503, count: 50 }],
  ["dropped connection", { type: "drop", count: 50 }],
  ["dropped after commit", { type: "dropAfterCommit", count: 50 }],
];

/**
 * For a step that creates (never resent once it may have been processed): the request outlasts
 * the client's timeout ({@link STEP_TIMEOUT_MS}) and the server carries it out afterwards.
 */
export const CREATE_TIMEOUT: [string, Omit<FaultSpec, "method" | "path">] = [
  "timed out, carried out later",
  { type: "latency", delayMs: 1_500, count: 1 },
];
/** The client's request timeout in the step matrix, well under {@link CREATE_TIMEOUT}'s delay. */
export const STEP_TIMEOUT_MS = 500;

/** The checked inputs of a program; a rejected program fails the test (it is the test's own input). */
export async function checkedInputs(kind: ResourceKind, program: Program, olds: Outputs = {}): Promise<Outputs> {
  const result = await handlers[kind].check(olds, program);
  if (result.failures?.length) throw new Error(`test inputs rejected: ${JSON.stringify(result.failures)}`);
  return result.inputs as Outputs;
}

/** What the engine holds for one resource after an operation: its id and outputs, or nothing. */
export interface Recorded {
  id?: string;
  outs?: Outputs;
  error?: Error & { id?: string; properties?: Outputs };
}

/** One engine `up` of a program over recorded outputs: the new outputs, or the partial result. */
export async function up(kind: ResourceKind, id: string, olds: Outputs, program: Program): Promise<Recorded> {
  const news = await checkedInputs(kind, program, olds);
  if (!(await handlers[kind].diff(id, olds, news)).changes) return { id, outs: olds };
  try {
    return { id, outs: (await handlers[kind].update(id, olds, news)).outs as Outputs };
  } catch (error) {
    const partial = error as Recorded["error"] & Error;
    // Not a partial result: the engine keeps the old outputs.
    return { id, outs: partial.id === id && partial.properties ? partial.properties : olds, error: partial };
  }
}

/**
 * One engine `up` of a program that declares a resource not in state yet: a failed create is
 * recorded only when it is a partial result (the resource exists with those outputs).
 */
export async function createOnce(kind: ResourceKind, program: Program): Promise<Recorded> {
  try {
    const result = await handlers[kind].create(await checkedInputs(kind, program));
    return { id: result.id, outs: result.outs as Outputs };
  } catch (error) {
    const partial = error as Recorded["error"] & Error;
    return partial.id && partial.properties
      ? { id: partial.id, outs: partial.properties, error: partial }
      : { error: partial };
  }
}

/** The next `up` of a program, whether the state holds the resource or not. */
export async function apply(kind: ResourceKind, held: Recorded, program: Program): Promise<Recorded> {
  return held.id && held.outs ? up(kind, held.id, held.outs, program) : createOnce(kind, program);
}

/** One engine `destroy` of a resource: on failure the state keeps it as it was. */
export async function destroyOnce(kind: ResourceKind, held: Recorded): Promise<Recorded> {
  try {
    await handlers[kind].delete(held.id!, held.outs!);
    return {};
  } catch (error) {
    return { ...held, error: error as Error };
  }
}
