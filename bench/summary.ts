/**
 * Turns the raw figures of the engine rounds into the numbers the report shows: best-of-rounds
 * wall times, floors, ratios, request counts and growth.
 */
import type { ClientFigures } from "./client-compare";
import type { BenchStack, Operation, OperationFigures, StateFigures } from "./engine";
import type { MachineInfo } from "./machine";
import type { BenchOptions } from "./options";
import type { RateLimitSummary } from "./rate-limits";

/** Atlas requests one key needs at the least: one POST to create it, one DELETE to destroy it. */
export const REQUESTS_PER_KEY = 1;

/** One round at one size: a no-op stack and a key stack measured side by side. */
export interface Round {
  noop: BenchStack;
  keys: BenchStack;
}

/** One operation at one size, over all rounds. */
export interface PhaseSummary {
  /** Fastest round of the key stack (ms). */
  keysWallMs: number;
  /** Fastest round of the no-op stack (ms). */
  noopWallMs: number;
  /** Every round, in order (ms). */
  keysWalls: number[];
  noopWalls: number[];
  /** No-op wall + N × requests per key × latency ÷ parallel (up and destroy only). */
  floorMs?: number;
  /** keysWallMs ÷ floorMs (or ÷ noopWallMs for refresh). */
  ratio: number;
  /** The same ratio within each round, and their median. */
  roundRatios: number[];
  medianRatio: number;
  /** Request figures of the round that sent the most requests. */
  requests: OperationFigures;
  /** All figures of the fastest key round (its timeline), and of the no-op operation of the same round. */
  fastest: OperationFigures;
  fastestNoop: OperationFigures;
}

/** Everything measured at one size. */
export interface SizeSummary {
  size: number;
  rounds: number;
  phases: Record<Operation, PhaseSummary>;
  keysState: StateFigures;
  noopState: StateFigures;
  /** Peak VmHWM of any provider process of the key stacks, over all operations and rounds (bytes). */
  keysPeakRssBytes: number;
  noopPeakRssBytes: number;
}

/** `up` of N keys and N no-op resources with the engine's intermediate checkpoints turned off. */
export interface CheckpointDiagnosis {
  size: number;
  keys: OperationFigures;
  noop: OperationFigures;
  /** keys wall ÷ (no-op wall + N × requests per key × latency ÷ parallel). */
  ratio: number;
}

/** Everything one run produced. */
export interface BenchResults {
  options: BenchOptions;
  date: string;
  machine: MachineInfo;
  loadStart: string;
  loadEnd: string;
  totalMs: number;
  clients: ClientFigures[];
  /** Bytes of the ApiKey provider serialized by `pulumi.runtime.serializeFunction` in the bench process. */
  serializedProviderBytes: number;
  sizes: SizeSummary[];
  checkpoints: CheckpointDiagnosis;
  /** Section 8: under token buckets, pacing on and off (absent with `--rate-limits off`). */
  rateLimits?: RateLimitSummary[];
  /** Run time of section 8 (ms); `totalMs` includes it. */
  rateLimitMs?: number;
  /** The SVG charts written beside the report, relative to the repository root. */
  charts?: string[];
}

/** The floor of an operation that sends N × {@link REQUESTS_PER_KEY} requests. */
export function floorMs(noopWallMs: number, size: number, latencyMs: number, parallel: number): number {
  return noopWallMs + (size * REQUESTS_PER_KEY * latencyMs) / parallel;
}

/** Summarizes the rounds of one size. */
export function summarize(size: number, rounds: Round[], latencyMs: number, parallel: number): SizeSummary {
  const phase = (operation: Operation): PhaseSummary => {
    const keys = rounds.map((r) => figures(r.keys, operation));
    const noop = rounds.map((r) => figures(r.noop, operation));
    const hasFloor = operation !== "refresh";
    const floorOf = (noopMs: number) => (hasFloor ? floorMs(noopMs, size, latencyMs, parallel) : noopMs);
    const keysWallMs = Math.min(...keys.map((f) => f.wallMs));
    const fastestRound = keys.findIndex((f) => f.wallMs === keysWallMs);
    const noopWallMs = Math.min(...noop.map((f) => f.wallMs));
    return {
      keysWallMs,
      noopWallMs,
      keysWalls: keys.map((f) => f.wallMs),
      noopWalls: noop.map((f) => f.wallMs),
      floorMs: hasFloor ? floorOf(noopWallMs) : undefined,
      ratio: keysWallMs / floorOf(noopWallMs),
      roundRatios: keys.map((f, i) => f.wallMs / floorOf(noop[i].wallMs)),
      medianRatio: median(keys.map((f, i) => f.wallMs / floorOf(noop[i].wallMs))),
      requests: keys.reduce((most, f) => (f.requests > most.requests ? f : most)),
      fastest: keys[fastestRound],
      fastestNoop: noop[fastestRound],
    };
  };
  const peak = (stacks: BenchStack[]) =>
    Math.max(...stacks.flatMap((s) => Object.values(s.operations).map((f) => f.providerPeakRssBytes)));
  const [first] = rounds;
  if (!first.keys.state || !first.noop.state) throw new Error(`state of size ${size} was not measured`);
  return {
    size,
    rounds: rounds.length,
    phases: { up: phase("up"), refresh: phase("refresh"), destroy: phase("destroy") },
    keysState: first.keys.state,
    noopState: first.noop.state,
    keysPeakRssBytes: peak(rounds.map((r) => r.keys)),
    noopPeakRssBytes: peak(rounds.map((r) => r.noop)),
  };
}

/** The refresh target: at most N/100 + 5 requests. */
export function refreshRequestBudget(size: number): number {
  return size / 100 + 5;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function figures(stack: BenchStack, operation: Operation): OperationFigures {
  const result = stack.operations[operation];
  if (!result) throw new Error(`${operation} of ${stack.size} ${stack.kind} was not measured`);
  return result;
}
