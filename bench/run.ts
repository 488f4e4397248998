/**
 * `npm run bench`: measures, in one run against the emulator, the HTTP requests per API call of
 * the Atlas client against a re-challenging digest client, and `pulumi up`/`refresh`/`destroy` of
 * N keys through the real CLI against the floor of a no-op dynamic provider; then writes
 * BENCHMARKS.md. Options: see options.ts (`npm run bench -- --help`).
 */
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { start, type EmulatorHandle } from "../emulator";
import { serializableProvider } from "../provider/runtime/serializable";
import { repoRoot } from "../harness/pulumi";
import { compareClients } from "./client-compare";
import { BenchStack, type Operation } from "./engine";
import { describeMachine, loadAverage } from "./machine";
import { parseOptions, roundsAt, type BenchOptions } from "./options";
import { cpuSeconds, fixed, mib, seconds } from "./format";
import { writeCharts } from "./charts";
import { measureRateLimits } from "./rate-limits";
import { renderReport, targets } from "./report";
import {
  floorMs,
  summarize,
  type BenchResults,
  type CheckpointDiagnosis,
  type Round,
  type SizeSummary,
} from "./summary";

const OPERATIONS: Operation[] = ["up", "refresh", "destroy"];

function log(line: string): void {
  console.log(`[${(performance.now() / 1000).toFixed(1).padStart(6)} s] ${line}`);
}

/** One round at one size: fresh no-op and key stacks, each operation run on both back to back. */
async function runRound(size: number, round: number, emulator: EmulatorHandle, options: BenchOptions): Promise<Round> {
  const [noop, keys] = await Promise.all([
    BenchStack.create("noop", size, emulator, options.parallel),
    BenchStack.create("keys", size, emulator, options.parallel),
  ]);
  // Alternate which goes first, so neither always runs on the warmer (or busier) machine.
  const order = round % 2 === 0 ? [noop, keys] : [keys, noop];
  try {
    for (const operation of OPERATIONS) {
      for (const stack of order) {
        const f = await stack.run(operation);
        const cpu = `CPU s: CLI ${cpuSeconds(f.cliCpuMs)} plugin ${cpuSeconds(f.providerCpuMs)} bench ${cpuSeconds(f.hostCpuMs)}`;
        log(
          `N=${size} round ${round + 1} ${stack.kind.padEnd(4)} ${operation.padEnd(7)} ${seconds(f.wallMs).padStart(8)}  ${String(f.requests).padStart(3)} requests  provider peak ${mib(f.providerPeakRssBytes)}  ${cpu}`,
        );
        if (operation === "up" && round === 0) await stack.measureState();
      }
    }
    return { noop, keys };
  } finally {
    noop.remove();
    keys.remove();
  }
}

/**
 * One unmeasured `up` and `destroy` of a single key, so that the first measured operation does not
 * pay for cold disk caches and first-time module loading alone.
 */
async function warmUp(emulator: EmulatorHandle, options: BenchOptions): Promise<void> {
  const stack = await BenchStack.create("keys", 1, emulator, options.parallel);
  try {
    await stack.run("up");
    await stack.run("destroy");
  } finally {
    stack.remove();
  }
  log("warm-up done (one key up and destroyed, not counted)");
}

/**
 * `up` of `size` no-op resources and keys with `PULUMI_SKIP_CHECKPOINTS=true`: what is left of the
 * difference once the engine no longer rewrites the whole state after every step.
 */
async function diagnoseCheckpoints(
  size: number,
  emulator: EmulatorHandle,
  options: BenchOptions,
): Promise<CheckpointDiagnosis> {
  const env = { PULUMI_SKIP_CHECKPOINTS: "true" };
  const [noop, keys] = await Promise.all([
    BenchStack.create("noop", size, emulator, options.parallel, env),
    BenchStack.create("keys", size, emulator, options.parallel, env),
  ]);
  try {
    const noopUp = await noop.run("up");
    const keysUp = await keys.run("up");
    log(`N=${size} checkpoints off: keys up ${seconds(keysUp.wallMs)}, no-op up ${seconds(noopUp.wallMs)}`);
    return {
      size,
      keys: keysUp,
      noop: noopUp,
      ratio: keysUp.wallMs / floorMs(noopUp.wallMs, size, options.latencyMs, options.parallel),
    };
  } finally {
    // Not destroyed: the emulator goes away with the run, and so does its state.
    noop.remove();
    keys.remove();
  }
}

/** Bytes of the ApiKey provider as the SDK serializes it into `__provider`. */
async function serializedProviderBytes(): Promise<number> {
  const provider = serializableProvider("apiKey");
  const { text } = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  return Buffer.byteLength(text);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const loadStart = loadAverage();
  const machine = describeMachine();
  if (machine.pulumiCli === "not found") throw new Error("no Pulumi CLI found: run scripts/install-pulumi");
  log(
    `${machine.cores} cores, ${machine.cpuModel}; Node ${machine.node}, Pulumi ${machine.pulumiCli}; load ${loadStart}`,
  );
  log(
    `latency ${options.latencyMs} ms, sizes ${options.sizes.join(", ")}, --parallel ${options.parallel}, ${options.repeat} rounds at the largest size, ${roundsAt(options, options.sizes[0])} below; rate limiting off`,
  );
  const emulator = await start({ port: 0, latencyMs: options.latencyMs, rateLimit: false });
  try {
    const clients = await compareClients(emulator, options.clientCalls, options.parallel);
    for (const c of clients) {
      log(
        `${c.client}, ${c.concurrency} at a time: ${c.serverRequests} requests for ${c.apiCalls} calls (${fixed(c.serverRequests / c.apiCalls)} per call)`,
      );
    }
    const providerBytes = await serializedProviderBytes();
    await warmUp(emulator, options);
    const sizes: SizeSummary[] = [];
    for (const size of options.sizes) {
      const rounds: Round[] = [];
      for (let round = 0; round < roundsAt(options, size); round++) {
        rounds.push(await runRound(size, round, emulator, options));
      }
      sizes.push(summarize(size, rounds, options.latencyMs, options.parallel));
    }
    const checkpoints = await diagnoseCheckpoints(options.sizes[options.sizes.length - 1], emulator, options);
    const rateLimitStart = performance.now();
    const rateLimits = options.rateLimits ? await measureRateLimits(emulator, options, log) : undefined;
    const rateLimitMs = options.rateLimits ? performance.now() - rateLimitStart : undefined;
    const results: BenchResults = {
      options,
      date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
      machine,
      loadStart,
      loadEnd: loadAverage(),
      totalMs: performance.now(),
      clients,
      serializedProviderBytes: providerBytes,
      sizes,
      checkpoints,
      rateLimits,
      rateLimitMs,
    };
    results.charts = writeCharts(results, repoRoot);
    const output = path.resolve(repoRoot, options.output);
    fs.writeFileSync(output, renderReport(results));
    for (const [what, value, met] of targets(results)) log(`${met ? "met    " : "MISSED "} ${what}: ${value}`);
    log(`wrote ${path.relative(process.cwd(), output) || output}; total ${seconds(results.totalMs)}`);
  } finally {
    await emulator.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
