/**
 * `pulumi up`, `refresh` and `destroy` through the real CLI (Automation API, inline programs) for
 * N ApiKey resources against the emulator, and for N resources of a dynamic provider that makes no
 * request (the floor). Each operation is timed from the bench process, its requests are counted in
 * the emulator's log, and the memory and CPU of the processes it starts are sampled meanwhile.
 */
import type { Stack } from "@pulumi/pulumi/automation";
import type { EmulatorHandle, RequestLogEntry } from "../emulator";
import { ApiKey } from "../provider";
import { NoopResource } from "../harness/noop-resource";
import { createInlineStack, exportState, removeStackFiles } from "../harness/pulumi";
import { sampleProcesses, type ProcessFigures } from "./processes";

/** Which program a stack runs. */
export type StackKind = "keys" | "noop";
/** The engine operations measured. */
export type Operation = "up" | "refresh" | "destroy";

/** Figures of one operation on one stack. */
export interface OperationFigures extends ProcessFigures {
  wallMs: number;
  /** HTTP requests that reached the emulator, of any kind. */
  requests: number;
  /** Of those, unauthenticated requests answered by a digest challenge (they take no rate-limit token). */
  challenges: number;
  /** Requests that passed authentication and matched a route: the tokens they would take from Atlas's org bucket. */
  tokens: number;
  /** Authenticated requests refused with 401 (e.g. a nonce count arriving after a higher one). */
  refused401: number;
  /** Requests answered 429 (0 when rate limiting is off). */
  rateLimited: number;
  /** Requests by Atlas operation id (`challenge` for the digest probes). */
  byOperation: Record<string, number>;
  /** When the first request arrived and the last answer left, in ms from the start of the operation. */
  firstRequestMs?: number;
  lastAnswerMs?: number;
  /** Most requests the emulator was serving at once. */
  maxInFlight: number;
  /** Resources the engine reported as changed (`create`, `delete`, `same`…). */
  changes: Record<string, number>;
  /** Every request that took or was refused a token: [ms from the start of the operation, status]. */
  timeline: Array<[number, number]>;
}

/** Sizes read from `pulumi stack export` after `up`. */
export interface StateFigures {
  /** Bytes of the whole exported deployment divided by N. */
  stateBytesPerResource: number;
  /** Mean bytes of one resource entry (inputs, outputs, metadata) in the export. */
  resourceEntryBytes: number;
  /** Bytes of `__provider` in one resource's inputs (it is stored again in its outputs). */
  providerTextBytes: number;
  /** Bytes of `__provider` in one resource's inputs and outputs together. */
  providerBytesPerResource: number;
}

/** The change every resource must show after each operation. */
const EXPECTED_CHANGE: Record<Operation, string> = { up: "create", refresh: "same", destroy: "delete" };

/** A stack of N resources of one kind, with its figures as operations run. */
export class BenchStack {
  readonly operations: Partial<Record<Operation, OperationFigures>> = {};
  state?: StateFigures;

  private constructor(
    readonly kind: StackKind,
    readonly size: number,
    private readonly stack: Stack,
    private readonly emulator: EmulatorHandle,
    private readonly parallel: number,
  ) {}

  /**
   * Creates the stack (not timed): a fresh file backend, config pointing at the emulator.
   * `env` adds variables to the CLI's environment (engine settings).
   */
  static async create(
    kind: StackKind,
    size: number,
    emulator: EmulatorHandle,
    parallel: number,
    env?: Record<string, string>,
  ): Promise<BenchStack> {
    const orgId = emulator.orgId;
    const program = async () => {
      for (let i = 0; i < size; i++) {
        if (kind === "noop") new NoopResource(`noop-${i}`, { value: `v${i}` });
        else new ApiKey(`key-${i}`, { orgId, description: `bench key ${i}`, roleNames: ["ORG_READ_ONLY"] });
      }
    };
    const config =
      kind === "keys"
        ? {
            "mongodbatlas:publicKey": { value: emulator.publicKey },
            "mongodbatlas:privateKey": { value: emulator.privateKey, secret: true },
            "mongodbatlas:baseUrl": { value: emulator.url },
          }
        : undefined;
    const stack = await createInlineStack({
      projectName: `bench-${kind}-${size}`,
      stackName: "bench",
      program,
      config,
      env,
    });
    return new BenchStack(kind, size, stack, emulator, parallel);
  }

  /** Runs one operation and records its figures. */
  async run(operation: Operation): Promise<OperationFigures> {
    const options = { parallel: this.parallel, onOutput: () => {} };
    this.emulator.clearRequests();
    const processes = sampleProcesses();
    const startedAt = Date.now();
    const started = performance.now();
    let changes: Record<string, number> | undefined;
    try {
      if (operation === "up") changes = (await this.stack.up(options)).summary.resourceChanges;
      else if (operation === "refresh") changes = (await this.stack.refresh(options)).summary.resourceChanges;
      else changes = (await this.stack.destroy(options)).summary.resourceChanges;
    } catch (error) {
      processes.stop();
      throw new Error(
        `${operation} of ${this.size} ${this.kind} failed: ${this.redact(String((error as Error)?.message ?? error))}`,
      );
    }
    const wallMs = performance.now() - started;
    const figures = {
      wallMs,
      ...countRequests(this.emulator.requests(), startedAt),
      ...processes.stop(),
      changes: changes ?? {},
    };
    const expected = EXPECTED_CHANGE[operation];
    // The stack resource itself counts once.
    if (figures.changes[expected] !== this.size + 1) {
      throw new Error(
        `${operation} of ${this.size} ${this.kind}: expected ${this.size + 1} "${expected}", got ${JSON.stringify(figures.changes)}`,
      );
    }
    this.operations[operation] = figures;
    return figures;
  }

  /** Reads the state sizes from `pulumi stack export` (call after `up`). */
  async measureState(): Promise<StateFigures> {
    const deployment = (await exportState(this.stack)).deployment as { resources?: Array<Record<string, unknown>> };
    const resources = (deployment.resources ?? []).filter((r) => String(r.type).startsWith("pulumi-nodejs:dynamic"));
    if (resources.length !== this.size)
      throw new Error(`state holds ${resources.length} dynamic resources, expected ${this.size}`);
    const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
    const providerBytes = (props: unknown) => {
      const text = (props as Record<string, unknown> | undefined)?.__provider;
      return typeof text === "string" ? Buffer.byteLength(text) : 0;
    };
    this.state = {
      stateBytesPerResource: bytes(deployment) / this.size,
      resourceEntryBytes: resources.reduce((sum, r) => sum + bytes(r), 0) / this.size,
      providerTextBytes: providerBytes(resources[0].inputs),
      providerBytesPerResource: providerBytes(resources[0].inputs) + providerBytes(resources[0].outputs),
    };
    return this.state;
  }

  /** Deletes the stack's temporary backend. */
  remove(): void {
    removeStackFiles(this.stack);
  }

  private redact(text: string): string {
    return text.split(this.emulator.privateKey).join("[secret]");
  }
}

/** Counts a request log: totals, challenges, 429s and requests per operation. */
function countRequests(
  log: RequestLogEntry[],
  startedAt: number,
): Omit<OperationFigures, "wallMs" | "changes" | keyof ProcessFigures> {
  const byOperation: Record<string, number> = {};
  const events: Array<[number, number]> = [];
  for (const entry of log) {
    const name = entry.challenge ? "challenge" : (entry.operationId ?? `${entry.method} → ${entry.status}`);
    byOperation[name] = (byOperation[name] ?? 0) + 1;
    const arrived = Date.parse(entry.time) - startedAt;
    events.push([arrived, 1], [arrived + (entry.durationMs ?? 0), -1]);
  }
  // Sweep arrivals and answers in time order (answers first on ties) to find the peak concurrency.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let inFlight = 0;
  let maxInFlight = 0;
  for (const [, delta] of events) maxInFlight = Math.max(maxInFlight, (inFlight += delta));
  return {
    firstRequestMs: events.length ? events[0][0] : undefined,
    lastAnswerMs: events.length ? events[events.length - 1][0] : undefined,
    maxInFlight,
    requests: log.length,
    challenges: log.filter((entry) => entry.challenge).length,
    tokens: log.filter((entry) => entry.operationId !== undefined).length,
    refused401: log.filter((entry) => entry.status === 401 && !entry.challenge).length,
    rateLimited: log.filter((entry) => entry.status === 429).length,
    timeline: log
      .filter((entry) => entry.operationId !== undefined)
      .map((entry): [number, number] => [Date.parse(entry.time) - startedAt, entry.status ?? 0]),
    byOperation,
  };
}
