/** Renders the benchmark results as the Markdown of BENCHMARKS.md: frame, targets, clients, growth, method. */
import type { ClientFigures } from "./client-compare";
import { bytes, fixed, markdownTable, mib, minutes, seconds } from "./format";
import { rateLimitTargets, renderRateLimits } from "./rate-limit-report";
import { renderPhases, renderState, renderTimeline } from "./sections";
import { refreshRequestBudget, type BenchResults, type SizeSummary } from "./summary";

/** One line per target: what was asked, what was measured, whether it is met. */
export function targets(r: BenchResults): Array<[string, string, boolean]> {
  const [ours, other, oursConcurrent, otherConcurrent] = r.clients;
  const perCall = (c: ClientFigures) => c.serverRequests / c.apiCalls;
  const largest = r.sizes[r.sizes.length - 1];
  const refresh = largest.phases.refresh.requests.requests;
  const rows: Array<[string, string, boolean]> = [
    [
      "HTTP requests per API call = 1.00 (steady state, one call at a time)",
      fixed(perCall(ours)),
      perCall(ours) <= 1.0,
    ],
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
    [
      `\`up\` of ${largest.size} keys within 1.5 × floor`,
      `${fixed(largest.phases.up.ratio)} × (rounds: ${largest.phases.up.roundRatios.map((x) => fixed(x)).join(", ")})`,
      largest.phases.up.ratio <= 1.5,
    ],
    [
      `\`refresh\` of ${largest.size} keys ≤ N/100 + 5 = ${refreshRequestBudget(largest.size)} requests`,
      `${refresh} requests`,
      refresh <= refreshRequestBudget(largest.size),
    ],
    [
      "state entry per key ≤ 4 KB (4,096 B)",
      r.sizes.map((s) => `N = ${s.size}: ${bytes(s.keysState.resourceEntryBytes)}`).join(", "),
      r.sizes.every((s) => s.keysState.resourceEntryBytes <= 4096),
    ],
    ["sections 1–7 ≤ 10 minutes", minutes(coreMs(r)), coreMs(r) <= 600_000],
    ...rateLimitTargets(r),
  ];
  return rows;
}

/** Run time without section 8 (which has its own clock). */
function coreMs(r: BenchResults): number {
  return r.totalMs - (r.rateLimitMs ?? 0);
}

/** The full Markdown report. */
export function renderReport(r: BenchResults): string {
  const { options: o, machine: m } = r;
  const out: string[] = [];
  const table = (head: string[], rows: Array<Array<string | number>>) => markdownTable(out, head, rows);
  out.push("# Benchmarks", "");
  out.push(
    `Written by \`npm run bench\` on ${r.date}; every figure below comes from that one run. Total run time: **${minutes(r.totalMs)}** (from the start of \`node dist/bench/run.js\`; the TypeScript build before it is not included).`,
    "",
  );
  out.push("## Machine and settings", "");
  table(
    ["", ""],
    [
      ["CPU", `${m.cores} cores, ${m.cpuModel}`],
      ["Memory", `${m.memoryGiB.toFixed(1)} GiB`],
      ["OS", m.os],
      ["Node.js / Pulumi CLI / @pulumi/pulumi", `${m.node} / ${m.pulumiCli} / ${m.pulumiSdk}`],
      ["Load average (1/5/15 min) at start → end", `${r.loadStart} → ${r.loadEnd} (other jobs shared the machine)`],
      ["Emulator latency", `${o.latencyMs} ms added to every answer, 401 challenges included`],
      [
        "Emulator rate limiting",
        "disabled in sections 1–7 (the tokens each operation would take from the org bucket are counted instead); on in section 8",
      ],
      ["Engine parallelism", `\`--parallel ${o.parallel}\` for up, refresh and destroy`],
      ["Rounds", `${r.sizes.map((s) => `${s.rounds} at N = ${s.size}`).join(", ")}; fresh stacks each round`],
    ],
  );
  out.push("## Targets", "");
  table(
    ["Target", "Measured", "Met"],
    targets(r).map(([what, value, met]) => [what, value, met ? "yes" : "**no**"]),
  );
  renderClients(r, out);
  renderPhases(r, out);
  renderTimeline(r, out);
  renderState(r, out);
  renderGrowth(r, out);
  renderRateLimits(r, out);
  renderMethod(r, out);
  return out.join("\n");
}

function renderClients(r: BenchResults, out: string[]): void {
  out.push("## 1. HTTP requests per API call, steady state", "");
  out.push(
    `Both clients make the same ${r.clients[0].apiCalls} calls (rounds of get key, list org keys, patch key description) against the emulator, after one unmeasured warm-up round: first one call at a time, then with ${r.clients[2].concurrency} rounds running at once. Requests are counted in the emulator's request log; \`AtlasClient\` also counts its own (\`stats.httpRequests\`). "Refused" are requests with credentials answered 401 (e.g. a nonce count arriving after a higher one of the same nonce).`,
    "",
  );
  markdownTable(
    out,
    [
      "Client",
      "at once",
      "API calls",
      "HTTP requests (emulator)",
      "401 challenges",
      "refused 401s",
      "client's own count",
      "requests per call",
      "wall ms ÷ calls",
    ],
    r.clients.map((c) => [
      c.client,
      c.concurrency,
      c.apiCalls,
      c.serverRequests,
      c.serverChallenges,
      c.serverRefused,
      c.clientRequests ?? "n/a",
      `**${fixed(c.serverRequests / c.apiCalls)}**`,
      c.msPerCall.toFixed(0),
    ]),
  );
  out.push(
    "`@mhoc/axios-digest-auth` signs the path without its query string, so its list call goes without `itemsPerPage`/`pageNum` (one page either way).",
    "",
  );
}

/** Section 7: every size side by side, with the growth from the smallest to the largest. */
function renderGrowth(r: BenchResults, out: string[]): void {
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
    ["state entry per key", (s) => s.keysState.resourceEntryBytes, bytes],
    ["provider peak RSS", (s) => s.keysPeakRssBytes, mib],
  ];
  markdownTable(
    out,
    [
      "",
      ...r.sizes.map((s) => `N = ${s.size}`),
      `growth ${small.size} → ${large.size} (N × ${fixed(large.size / small.size, 0)})`,
    ],
    rows.map(([name, get, format]) => [
      name,
      ...r.sizes.map((s) => format(get(s))),
      `× ${fixed(get(large) / get(small))}`,
    ]),
  );
  out.push(
    "![Wall time of up, refresh and destroy against N, keys and no-op resources](docs/bench/growth.svg)",
    "",
    "![State entry per resource against N](docs/bench/state-size.svg)",
    "",
  );
}

function renderMethod(r: BenchResults, out: string[]): void {
  const o = r.options;
  out.push("## How the figures were obtained", "");
  out.push(
    "- One in-process emulator (`emulator/index.ts`) serves every request of the run; its request log gives the request counts (a digest challenge is a 401 to a request without credentials).",
    "- Each operation runs the real Pulumi CLI through the Automation API with an inline program, on a fresh stack with its own file backend. Wall time is measured in the bench process from the `up`/`refresh`/`destroy` call to its return, so it includes CLI start, plugin start, the program and the engine. One key is created and destroyed first, unmeasured, to warm caches.",
    "- The no-op stacks use `harness/noop-resource.ts`, a dynamic provider that sends no request; each key operation runs right next to the matching no-op operation (their order alternates between rounds) so both see the same machine load.",
    "- Org-bucket tokens: requests that passed authentication and matched a route (challenges are answered before the rate limiter and take none).",
    "- The machine was shared with other jobs (see the load average), so wall times carry noise; the per-round columns show how much.",
    "- Section 8 turns the emulator's token buckets on and sets the organization's key bucket before each operation (`setOrgKeyBucketTokens`). Pacing is turned off for the comparison with `MONGODB_ATLAS_APIKEYS_PACING=off` in the CLI's environment, which its provider process inherits: a switch for benchmarks, not a user setting.",
    `- The charts (${(r.charts ?? []).map((c) => `\`${c}\``).join(", ")}) are drawn by \`bench/charts.ts\` from the same figures.`,
    "",
    "## How to rerun",
    "",
    "```sh",
    "scripts/install-pulumi            # once: the Pulumi CLI, cached outside the repository",
    "npm run bench                     # defaults: --latency 100 --sizes 10,50,200 --parallel 16 --repeat 3 --calls 60 --rate-limits on",
    "npm run bench -- --latency 50 --sizes 10,100   # or BENCH_LATENCY_MS=50 BENCH_SIZES=10,100 npm run bench",
    "```",
    "",
    `This run: \`--latency ${o.latencyMs} --sizes ${o.sizes.join(",")} --parallel ${o.parallel} --repeat ${o.repeat} --calls ${o.clientCalls} --rate-limits ${o.rateLimits ? "on" : "off"} --drained-size ${o.drainedSize}\`. \`--repeat R\` runs R rounds at the largest N and R − 1 (at least 1) below it.`,
    "",
  );
}
