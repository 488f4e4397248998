/** Renders the benchmark results as the Markdown of BENCHMARKS.md. */
import type { ClientFigures } from "./client-compare";
import type { Operation } from "./engine";
import type { MachineInfo } from "./machine";
import type { BenchOptions } from "./options";
import { refreshRequestBudget, REQUESTS_PER_KEY, type PhaseSummary, type SizeSummary } from "./summary";

/** Everything one run produced. */
export interface BenchResults {
  options: BenchOptions;
  date: string;
  machine: MachineInfo;
  loadStart: string;
  loadEnd: string;
  totalMs: number;
  clients: ClientFigures[];
  /** Bytes of `serializeFunction(() => serializableProvider("apiKey"))` in this process. */
  serializedProviderBytes: number;
  sizes: SizeSummary[];
}

/** One line per target: what was asked, what was measured, whether it is met. */
export function targets(r: BenchResults): Array<[string, string, boolean]> {
  const [ours, other, oursConcurrent, otherConcurrent] = r.clients;
  const perCall = (c: ClientFigures) => c.serverRequests / c.apiCalls;
  const largest = r.sizes[r.sizes.length - 1];
  const refresh = largest.phases.refresh.requests.requests;
  const rows: Array<[string, string, boolean]> = [
    ["HTTP requests per API call = 1.00 (steady state, one call at a time)", fixed(perCall(ours)), perCall(ours) <= 1.0],
    [
      "≤ 0.5 × the re-challenging digest client",
      `${fixed(perCall(ours) / perCall(other))} × (${fixed(perCall(other))})`,
      perCall(ours) <= 0.5 * perCall(other),
    ],
    [
      `the same with ${oursConcurrent.concurrency} call sequences at once`,
      `${fixed(perCall(oursConcurrent))}, ${fixed(perCall(oursConcurrent) / perCall(otherConcurrent))} ×`,
      perCall(oursConcurrent) <= 1.0 && perCall(oursConcurrent) <= 0.5 * perCall(otherConcurrent),
    ],
    [`\`up\` of ${largest.size} keys within 1.5 × floor`, `${fixed(largest.phases.up.ratio)} ×`, largest.phases.up.ratio <= 1.5],
    [
      `\`refresh\` of ${largest.size} keys ≤ N/100 + 5 = ${refreshRequestBudget(largest.size)} requests`,
      `${refresh} requests`,
      refresh <= refreshRequestBudget(largest.size),
    ],
    ["whole benchmark ≤ 10 minutes", minutes(r.totalMs), r.totalMs <= 600_000],
  ];
  return rows;
}

/** The full Markdown report. */
export function renderReport(r: BenchResults): string {
  const { options: o, machine: m } = r;
  const out: string[] = [];
  const table = (head: string[], rows: Array<Array<string | number>>) => {
    out.push(`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`);
    for (const row of rows) out.push(`| ${row.join(" | ")} |`);
    out.push("");
  };
  out.push("# Benchmarks", "");
  out.push(`Written by \`npm run bench\` on ${r.date}; every figure below comes from that one run. Total run time: **${minutes(r.totalMs)}**.`, "");
  out.push("## Machine and settings", "");
  table(["", ""], [
    ["CPU", `${m.cores} cores, ${m.cpuModel}`],
    ["Memory", `${m.memoryGiB.toFixed(1)} GiB`],
    ["OS", m.os],
    ["Node.js / Pulumi CLI / @pulumi/pulumi", `${m.node} / ${m.pulumiCli} / ${m.pulumiSdk}`],
    ["Load average (1/5/15 min) at start → end", `${r.loadStart} → ${r.loadEnd} (other jobs shared the machine)`],
    ["Emulator latency", `${o.latencyMs} ms added to every answer, 401 challenges included`],
    ["Emulator rate limiting", "disabled for all timings; the tokens each operation would take from the org bucket (500) are counted instead"],
    ["Engine parallelism", `\`--parallel ${o.parallel}\` for up, refresh and destroy`],
    ["Rounds", `1 at N < ${r.sizes[r.sizes.length - 1].size}, ${o.repeat} at N = ${r.sizes[r.sizes.length - 1].size} (fresh stacks each; wall times are the fastest round)`],
  ]);
  out.push("## Targets", "");
  table(["Target", "Measured", "Met"], targets(r).map(([what, value, met]) => [what, value, met ? "yes" : "**no**"]));
  renderClients(r, table, out);
  renderPhases(r, table, out);
  renderTimeline(r, table, out);
  renderState(r, table, out);
  renderGrowth(r, table, out);
  renderMethod(r, out);
  return out.join("\n");
}

type Table = (head: string[], rows: Array<Array<string | number>>) => void;

function renderClients(r: BenchResults, table: Table, out: string[]): void {
  out.push("## 1. HTTP requests per API call, steady state", "");
  out.push(
    `Both clients make the same ${r.clients[0].apiCalls} calls (rounds of get key, list org keys, patch key description) against the emulator, after one unmeasured warm-up round: first one call at a time, then with ${r.clients[2].concurrency} rounds running at once. Requests are counted in the emulator's request log; \`AtlasClient\` also counts its own (\`stats.httpRequests\`). "Refused" are requests with credentials answered 401 (a nonce count that arrives after a higher one of the same nonce).`,
    "",
  );
  table(
    ["Client", "at once", "API calls", "HTTP requests (emulator)", "401 challenges", "refused 401s", "client's own count", "requests per call", "wall ms ÷ calls"],
    r.clients.map((c) => [
      c.client, c.concurrency, c.apiCalls, c.serverRequests, c.serverChallenges, c.serverRefused, c.clientRequests ?? "n/a",
      `**${fixed(c.serverRequests / c.apiCalls)}**`, c.msPerCall.toFixed(0),
    ]),
  );
  out.push("`@mhoc/axios-digest-auth` signs the path without its query string, so its list call goes without `itemsPerPage`/`pageNum` (one page either way).", "");
}

const TITLES: Record<Operation, string> = {
  up: "2. `pulumi up` creating N keys",
  refresh: "3. `pulumi refresh` of N keys in one organization",
  destroy: "4. `pulumi destroy` of N keys",
};

function renderPhases(r: BenchResults, table: Table, out: string[]): void {
  for (const operation of ["up", "refresh", "destroy"] as Operation[]) {
    out.push(`## ${TITLES[operation]}`, "");
    const floor = operation !== "refresh";
    if (floor) out.push(`Floor = the same operation on N no-op resources + N × ${REQUESTS_PER_KEY} request × ${r.options.latencyMs} ms ÷ ${r.options.parallel}.`, "");
    else out.push("Reference: the same refresh of N no-op resources (no request at all). Existing tools send one GET per key (N requests).", "");
    table(
      ["N", "keys wall", "no-op wall", floor ? "floor" : "ratio to no-op", floor ? "ratio to floor" : "budget N/100+5", "every round (keys / no-op)", "requests", "breakdown", "org-bucket tokens"],
      r.sizes.map((s) => {
        const p = s.phases[operation];
        return [
          s.size, seconds(p.keysWallMs), seconds(p.noopWallMs),
          floor ? seconds(p.floorMs!) : `${fixed(p.ratio)} ×`,
          floor ? `**${fixed(p.ratio)} ×**` : refreshRequestBudget(s.size),
          p.keysWalls.map((w, i) => `${seconds(w)} / ${seconds(p.noopWalls[i])}`).join("; "),
          `**${p.requests.requests}** (${fixed(p.requests.requests / s.size)} per key)`, breakdown(p), p.requests.tokens,
        ];
      }),
    );
  }
}

function renderTimeline(r: BenchResults, table: Table, out: string[]): void {
  out.push("### Where the time goes", "");
  out.push(
    `Fastest key round, and the no-op operation of the same round. Times in seconds from the start of the operation, from the emulator's log; "API ideal" = ⌈requests ÷ ${r.options.parallel}⌉ × ${r.options.latencyMs} ms, the time the requests would take with ${r.options.parallel} always in flight. CPU seconds (keys / no-op) are read from /proc for the \`pulumi\` CLI and the dynamic-provider plugin processes, and from \`process.cpuUsage()\` for the bench process, which is the inline program's language host and also runs the emulator.`,
    "",
  );
  const rows: Array<Array<string | number>> = [];
  const pair = (k: number, n: number) => `${(k / 1000).toFixed(1)} / ${(n / 1000).toFixed(1)}`;
  for (const s of r.sizes) {
    for (const operation of ["up", "refresh", "destroy"] as Operation[]) {
      const { fastest: f, fastestNoop: n } = s.phases[operation];
      const span = f.firstRequestMs === undefined ? undefined : f.lastAnswerMs! - f.firstRequestMs;
      const ideal = Math.ceil(f.requests / r.options.parallel) * r.options.latencyMs;
      rows.push([
        s.size, operation, `${seconds(f.wallMs)} / ${seconds(n.wallMs)}`, opt(f.firstRequestMs), opt(f.lastAnswerMs), opt(span), seconds(ideal),
        f.maxInFlight, f.refused401, pair(f.cliCpuMs, n.cliCpuMs), pair(f.providerCpuMs, n.providerCpuMs), pair(f.hostCpuMs, n.hostCpuMs),
      ]);
    }
  }
  table(
    ["N", "op", "wall (keys / no-op)", "first request", "last answer", "API span", "API ideal", "max in flight", "authenticated 401s", "CPU s: CLI", "CPU s: plugin", "CPU s: bench process"],
    rows,
  );
}

function opt(ms: number | undefined): string {
  return ms === undefined ? "–" : seconds(ms);
}

function renderState(r: BenchResults, table: Table, out: string[]): void {
  out.push("## 5. State size", "");
  out.push(`Serialized provider (\`__provider\`) of ApiKey: **${r.serializedProviderBytes} bytes** (\`pulumi.runtime.serializeFunction\` in the bench process), stored twice per resource (inputs and outputs). Figures below are from \`pulumi stack export\` after \`up\` (secrets encrypted).`, "");
  table(
    ["N", "`__provider` per resource (keys)", "state entry per key", "whole export ÷ N (keys)", "state entry per no-op resource", "whole export ÷ N (no-op)"],
    r.sizes.map((s) => [s.size, bytes(s.keysState.providerBytesPerResource), bytes(s.keysState.resourceEntryBytes), bytes(s.keysState.stateBytesPerResource), bytes(s.noopState.resourceEntryBytes), bytes(s.noopState.stateBytesPerResource)]),
  );
  out.push("## 6. Peak memory of the provider process", "");
  out.push("Largest `VmHWM` (peak RSS, from /proc/<pid>/status, polled every 100 ms) of any `cmd/dynamic-provider` process descending from the bench process, over up, refresh and destroy.", "");
  table(["N", "key stacks", "no-op stacks", "difference"], r.sizes.map((s) => [s.size, mib(s.keysPeakRssBytes), mib(s.noopPeakRssBytes), mib(s.keysPeakRssBytes - s.noopPeakRssBytes)]));
}

function renderGrowth(r: BenchResults, table: Table, out: string[]): void {
  const [small, large] = [r.sizes[0], r.sizes[r.sizes.length - 1]];
  out.push("## 7. How cost grows", "");
  const rows: Array<[string, (s: SizeSummary) => number, (v: number) => string]> = [
    ["up: keys wall", (s) => s.phases.up.keysWallMs, seconds],
    ["up: no-op wall", (s) => s.phases.up.noopWallMs, seconds],
    ["up: ratio to floor", (s) => s.phases.up.ratio, fixed],
    ["up: requests", (s) => s.phases.up.requests.requests, String],
    ["refresh: keys wall", (s) => s.phases.refresh.keysWallMs, seconds],
    ["refresh: requests", (s) => s.phases.refresh.requests.requests, String],
    ["destroy: keys wall", (s) => s.phases.destroy.keysWallMs, seconds],
    ["destroy: ratio to floor", (s) => s.phases.destroy.ratio, fixed],
    ["destroy: requests", (s) => s.phases.destroy.requests.requests, String],
    ["state per key", (s) => s.keysState.resourceEntryBytes, bytes],
    ["provider peak RSS", (s) => s.keysPeakRssBytes, mib],
  ];
  table(
    ["", ...r.sizes.map((s) => `N = ${s.size}`), `growth ${small.size} → ${large.size} (N × ${fixed(large.size / small.size, 0)})`],
    rows.map(([name, get, format]) => [name, ...r.sizes.map((s) => format(get(s))), `× ${fixed(get(large) / get(small))}`]),
  );
}

function renderMethod(r: BenchResults, out: string[]): void {
  out.push("## How the figures were obtained", "");
  out.push(
    "- One in-process emulator (`emulator/index.ts`) serves every request of the run; its request log gives the request counts (a digest challenge is a 401 to a request without credentials).",
    "- Each operation runs the real Pulumi CLI through the Automation API with an inline program, on a fresh stack with its own file backend. Wall time is measured in the bench process from the `up`/`refresh`/`destroy` call to its return, so it includes CLI start, plugin start, the program and the engine.",
    "- The no-op stacks use `test/support/noop-resource.ts`, a dynamic provider that sends no request; each key operation runs right next to the matching no-op operation (their order alternates between rounds) so both see the same machine load.",
    "- Org-bucket tokens: requests that passed authentication and matched a route (challenges are answered before the rate limiter and take none).",
    "- The machine was shared with other jobs (see the load average), so wall times carry noise; the per-round columns show its size.",
    "",
    "## How to rerun",
    "",
    "```sh",
    "scripts/install-pulumi            # once: the Pulumi CLI, cached outside the repository",
    "npm run bench                     # defaults: --latency 100 --sizes 10,50,200 --parallel 16 --repeat 2 --calls 60",
    "npm run bench -- --latency 50 --sizes 10,100   # or BENCH_LATENCY_MS=50 BENCH_SIZES=10,100 npm run bench",
    "```",
    "",
    `This run: \`--latency ${r.options.latencyMs} --sizes ${r.options.sizes.join(",")} --parallel ${r.options.parallel} --repeat ${r.options.repeat} --calls ${r.options.clientCalls}\`.`,
    "",
  );
}

function breakdown(p: PhaseSummary): string {
  return Object.entries(p.requests.byOperation)
    .sort((a, b) => b[1] - a[1])
    .map(([name, count]) => `${name} ${count}`)
    .join(", ");
}

/** `value` with `digits` decimals. */
export function fixed(value: number, digits = 2): string {
  return value.toFixed(digits);
}
/** Milliseconds as seconds. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
function minutes(ms: number): string {
  return `${Math.floor(ms / 60_000)} min ${((ms % 60_000) / 1000).toFixed(0)} s`;
}
function bytes(value: number): string {
  return `${Math.round(value).toLocaleString("en-US")} B`;
}
/** Bytes as MiB. */
export function mib(value: number): string {
  return `${(value / 1024 ** 2).toFixed(1)} MiB`;
}
