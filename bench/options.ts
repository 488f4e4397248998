/**
 * Settings of the benchmark, from command-line flags or environment variables
 * (a flag wins over its variable).
 */

/** What one benchmark run measures. */
export interface BenchOptions {
  /** Delay the emulator adds to every answer, in milliseconds (a round trip to Atlas). */
  latencyMs: number;
  /** Stack sizes (numbers of keys) to measure, ascending. */
  sizes: number[];
  /** `--parallel` given to `pulumi up`, `refresh` and `destroy`. */
  parallel: number;
  /** Rounds at the largest size, one fewer (at least one) at the others; each on fresh stacks. */
  repeat: number;
  /** API calls per client in the steady-state comparison of HTTP clients. */
  clientCalls: number;
  /** Where the report is written. */
  output: string;
  /** Whether to run section 8 (under token buckets, pacing on and off). */
  rateLimits: boolean;
  /** N of section 8's drained-bucket scenario (capacity 500 drained to 50). */
  drainedSize: number;
}

const USAGE = `usage: npm run bench -- [--latency MS] [--sizes 10,50,200] [--parallel 16] [--repeat 3] [--calls 60] [--output BENCHMARKS.md] [--rate-limits on|off] [--drained-size 200]
environment: BENCH_LATENCY_MS, BENCH_SIZES, BENCH_PARALLEL, BENCH_REPEAT, BENCH_CALLS, BENCH_OUTPUT, BENCH_RATE_LIMITS, BENCH_DRAINED_SIZE`;

const FLAGS: Record<string, string> = {
  "--latency": "BENCH_LATENCY_MS",
  "--sizes": "BENCH_SIZES",
  "--parallel": "BENCH_PARALLEL",
  "--repeat": "BENCH_REPEAT",
  "--calls": "BENCH_CALLS",
  "--output": "BENCH_OUTPUT",
  "--rate-limits": "BENCH_RATE_LIMITS",
  "--drained-size": "BENCH_DRAINED_SIZE",
};

/** Rounds to run at `size`: `repeat` at the largest size, one fewer (at least one) below it. */
export function roundsAt(options: BenchOptions, size: number): number {
  return size === options.sizes[options.sizes.length - 1] ? options.repeat : Math.max(1, options.repeat - 1);
}

/** Parses `argv` (without node and script) over `env`; throws with the usage text on a bad value. */
export function parseOptions(argv: string[], env: Record<string, string | undefined> = process.env): BenchOptions {
  const values: Record<string, string | undefined> = {};
  for (const name of Object.values(FLAGS)) values[name] = env[name];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split("=", 2);
    if (flag === "--help" || flag === "-h") throw new Error(USAGE);
    const name = FLAGS[flag];
    const value = inline ?? argv[++i];
    if (!name || value === undefined) throw new Error(`unknown or incomplete option ${argv[i] ?? flag}\n${USAGE}`);
    values[name] = value;
  }
  const sizes = (values.BENCH_SIZES ?? "10,50,200").split(",").map((s) => integer("sizes", s, 1));
  return {
    latencyMs: integer("latency", values.BENCH_LATENCY_MS ?? "100", 0),
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    parallel: integer("parallel", values.BENCH_PARALLEL ?? "16", 1),
    repeat: integer("repeat", values.BENCH_REPEAT ?? "3", 1),
    clientCalls: integer("calls", values.BENCH_CALLS ?? "60", 3),
    output: values.BENCH_OUTPUT ?? "BENCHMARKS.md",
    rateLimits: onOff("rate-limits", values.BENCH_RATE_LIMITS ?? "on"),
    drainedSize: integer("drained-size", values.BENCH_DRAINED_SIZE ?? "200", 51),
  };
}

function integer(name: string, text: string, min: number): number {
  const value = Number(text.trim());
  if (!Number.isInteger(value) || value < min)
    throw new Error(`--${name} must be an integer ≥ ${min}, got "${text}"\n${USAGE}`);
  return value;
}

function onOff(name: string, text: string): boolean {
  if (text !== "on" && text !== "off") throw new Error(`--${name} must be on or off, got "${text}"\n${USAGE}`);
  return text === "on";
}
