/**
 * The rate-limit section: `pulumi up`, `refresh` and `destroy` of N keys under the emulator's token
 * buckets, with the client's pacing on and off in the same run (off through the benchmark-only
 * switch `MONGODB_ATLAS_APIKEYS_PACING=off`, read by the provider process), against the refill
 * floor: (tokens needed − tokens available) ÷ refill rate, plus the engine's own time for N no-op
 * resources. Before each operation the organization's key bucket is set to the scenario's level.
 */
import type { EmulatorHandle } from "../emulator";
import { BenchStack, type Operation, type OperationFigures } from "./engine";
import type { BenchOptions } from "./options";

/** One bucket and stack size to measure. */
export interface RateLimitScenario {
  size: number;
  capacity: number;
  refillPerSecond: number;
  /** Tokens in the bucket when each operation starts (the rest used by other clients). */
  startTokens: number;
}

/**
 * The scenarios: a small bucket, and Atlas's capacity mostly drained by a neighbour (N from
 * `--drained-size`, default 200).
 */
export function scenarios(options: Pick<BenchOptions, "drainedSize">): RateLimitScenario[] {
  return [
    { size: 80, capacity: 20, refillPerSecond: 4, startTokens: 20 },
    { size: options.drainedSize, capacity: 500, refillPerSecond: 10, startTokens: 50 },
  ];
}

/** The 429 share and wall-time targets. */
export const MAX_429_SHARE = 0.05;
export const MAX_FLOOR_FACTOR = 1.3;

/** One operation of one client under one scenario. */
export interface RateLimitRun {
  pacing: boolean;
  operation: Operation;
  figures: OperationFigures;
  /** Requests that took a token (answered anything but 429; challenges take none). */
  tokensNeeded: number;
  /** (tokensNeeded − startTokens) ÷ refill, at least 0 (ms). */
  refillFloorMs: number;
  /** The same operation on N no-op resources (ms). */
  engineMs: number;
  /** 1.3 × refill floor + engine time (ms): the wall-time target. */
  limitMs: number;
  share429: number;
}

/** Everything measured under one scenario. */
export interface RateLimitSummary {
  scenario: RateLimitScenario;
  runs: RateLimitRun[];
}

const OPERATIONS: Operation[] = ["up", "refresh", "destroy"];

/** Runs every scenario; leaves the emulator's rate limiting off afterwards. */
export async function measureRateLimits(
  emulator: EmulatorHandle,
  options: BenchOptions,
  log: (line: string) => void,
): Promise<RateLimitSummary[]> {
  const summaries: RateLimitSummary[] = [];
  try {
    for (const scenario of scenarios(options)) summaries.push(await measureScenario(scenario, emulator, options, log));
  } finally {
    emulator.configure({ rateLimit: false });
  }
  return summaries;
}

export async function measureScenario(
  scenario: RateLimitScenario,
  emulator: EmulatorHandle,
  options: BenchOptions,
  log: (line: string) => void,
): Promise<RateLimitSummary> {
  const { size, capacity, refillPerSecond, startTokens } = scenario;
  const label = `N=${size} bucket ${capacity} @ ${refillPerSecond}/s from ${startTokens}`;
  emulator.configure({ rateLimit: { enabled: true, orgCapacity: capacity, refillPerSecond } });
  const engineMs: Partial<Record<Operation, number>> = {};
  const noop = await BenchStack.create("noop", size, emulator, options.parallel);
  try {
    for (const operation of OPERATIONS) engineMs[operation] = (await noop.run(operation)).wallMs;
  } finally {
    noop.remove();
  }
  const runs: RateLimitRun[] = [];
  for (const pacing of [true, false]) {
    const env = pacing ? undefined : { MONGODB_ATLAS_APIKEYS_PACING: "off" };
    const stack = await BenchStack.create("keys", size, emulator, options.parallel, env);
    try {
      for (const operation of OPERATIONS) {
        emulator.setOrgKeyBucketTokens(emulator.orgId, startTokens);
        const figures = await stack.run(operation);
        const run = summarizeRun(scenario, pacing, operation, figures, engineMs[operation]!);
        runs.push(run);
        log(
          `${label} pacing ${pacing ? "on " : "off"} ${operation.padEnd(7)} ${(figures.wallMs / 1000).toFixed(2)} s  ${figures.requests} requests, ${figures.rateLimited} × 429 (${(100 * run.share429).toFixed(1)} %), limit ${(run.limitMs / 1000).toFixed(2)} s`,
        );
      }
    } finally {
      stack.remove();
    }
  }
  return { scenario, runs };
}

/** The figures of one run against its floor. */
export function summarizeRun(
  scenario: RateLimitScenario,
  pacing: boolean,
  operation: Operation,
  figures: OperationFigures,
  engineMs: number,
): RateLimitRun {
  const tokensNeeded = figures.tokens - figures.rateLimited;
  const refillFloorMs = (Math.max(0, tokensNeeded - scenario.startTokens) / scenario.refillPerSecond) * 1000;
  return {
    pacing,
    operation,
    figures,
    tokensNeeded,
    refillFloorMs,
    engineMs,
    limitMs: MAX_FLOOR_FACTOR * refillFloorMs + engineMs,
    share429: figures.requests ? figures.rateLimited / figures.requests : 0,
  };
}
