import { isAtlasApiError } from "../../atlas/errors";

/**
 * A change that takes several Atlas calls (an update: description and roles, then project
 * assignments, then access-list entries) is not one transaction in Atlas. So each step, once
 * Atlas confirmed it, is applied to a record of the outputs as Atlas now holds them; when a step
 * fails, the error carries the resource's id and that record (`PartialFailure`). The
 * dynamic-provider host turns an error with `id` and `properties` into a partial result
 * (`ErrorResourceInitFailed`) and the engine stores those outputs with the old inputs. The next
 * `pulumi up` diffs against what Atlas holds, so it converges without a refresh, whether the
 * program is run again or reverted. The order of the steps of each resource is in
 * docs/recovery.md ("When an update fails halfway").
 */

/** An error the dynamic-provider host reports as a partial result: the resource exists with these outputs. */
export class PartialFailure extends Error {
  override readonly name = "PartialFailure";

  constructor(
    message: string,
    /** The resource id, as the engine knows it. */
    readonly id: string,
    /** The outputs as Atlas now holds them (the runtime adds `__provider`, see runtime/index.ts). */
    readonly properties: object,
  ) {
    super(message);
  }
}

/** True for an error the host reports as a partial result: any error with an `id` and `properties`. */
export function isPartialFailure(error: unknown): error is Error & { id: string; properties: object } {
  if (!(error instanceof Error)) return false;
  const { id, properties } = error as Error & { id?: unknown; properties?: unknown };
  return typeof id === "string" && id !== "" && typeof properties === "object" && properties !== null;
}

/**
 * True when a failed call may still have been carried out: no answer came (dropped, timed out)
 * or Atlas answered 5xx after the retries. A 4xx (429 included) is a refusal: nothing changed.
 */
export function outcomeUnknown(error: unknown): boolean {
  if (!isAtlasApiError(error)) return true;
  return error.status === 0 || error.status >= 500;
}

/** One step: an Atlas write, and what it changes in the recorded outputs. */
export interface Step<State> {
  /** What the step does, for the error message, e.g. `removing access-list entry 10.0.0.0/8`. */
  name: string;
  run: () => Promise<void>;
  /** Applies the confirmed effect to the record. */
  applied: (state: State) => void;
  /**
   * Marks, when the outcome is unknown, what the step may have changed so that the next diff
   * sets it again whatever Atlas holds (e.g. a description recorded as "" differs from any
   * valid one; an access list recorded as unknown is read from Atlas by the next update).
   */
  unsure: (state: State) => void;
}

/**
 * Runs steps in order on a record of the outputs, and reports a failure as a `PartialFailure`
 * carrying the record. `describe` turns the record into the outputs the engine stores.
 */
export class AppliedSteps<State> {
  private done = 0;

  constructor(
    private readonly resource: string,
    private readonly id: string,
    readonly state: State,
    private readonly describe: (state: State) => object,
  ) {}

  async run(step: Step<State>): Promise<void> {
    try {
      await step.run();
    } catch (error) {
      throw this.failure(step, error);
    }
    step.applied(this.state);
    this.done++;
  }

  private failure(step: Step<State>, cause: unknown): PartialFailure {
    const unknown = outcomeUnknown(cause);
    if (unknown) step.unsure(this.state);
    const before = this.done
      ? `The ${this.done} step(s) before it were applied`
      : "No earlier step had changed anything";
    const outcome = unknown
      ? "its own outcome is unknown (no answer), so what it touches is recorded as needing to be set again"
      : "Atlas refused it, so it changed nothing";
    return new PartialFailure(
      `Updating ${this.resource} ${this.id} failed while ${step.name}: ${messageOf(cause)} ${before}; ${outcome}. The state records what Atlas now holds: run \`pulumi up\` again (no refresh needed), or revert the program and run \`pulumi up\` to undo the applied steps.`,
      this.id,
      this.describe(this.state),
    );
  }
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}
