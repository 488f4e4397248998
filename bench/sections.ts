/** The engine sections of the report: up, refresh, destroy, where the time goes, state, memory. */
import type { Operation } from "./engine";
import { bytes, cpuSeconds, fixed, markdownTable, mib, seconds } from "./format";
import { refreshRequestBudget, REQUESTS_PER_KEY, type BenchResults, type PhaseSummary } from "./summary";

const OPERATIONS: Operation[] = ["up", "refresh", "destroy"];

const TITLES: Record<Operation, string> = {
  up: "2. `pulumi up` creating N keys",
  refresh: "3. `pulumi refresh` of N keys in one organization",
  destroy: "4. `pulumi destroy` of N keys",
};

/** Sections 2 to 4: one table per operation, one row per N. */
export function renderPhases(r: BenchResults, out: string[]): void {
  for (const operation of OPERATIONS) {
    out.push(`## ${TITLES[operation]}`, "");
    const floor = operation !== "refresh";
    out.push(
      floor
        ? `Floor = the same operation on N no-op resources + N × ${REQUESTS_PER_KEY} request × ${r.options.latencyMs} ms ÷ ${r.options.parallel}. Ratio = fastest key round ÷ floor of the fastest no-op round; each round's own ratio is in brackets.`
        : "Reference: the same refresh of N no-op resources (no request at all). Existing tools send one GET per key (N requests).",
      "",
    );
    const head = floor
      ? [
          "N",
          "keys wall (fastest)",
          "no-op wall (fastest)",
          "floor",
          "ratio to floor",
          "each round: keys / no-op",
          "median round ratio",
        ]
      : [
          "N",
          "keys wall (fastest)",
          "no-op wall (fastest)",
          "ratio to no-op",
          "each round: keys / no-op",
          "budget N/100+5",
        ];
    markdownTable(
      out,
      [...head, "requests", "breakdown", "org-bucket tokens"],
      r.sizes.map((s) => {
        const p = s.phases[operation];
        const rounds = p.keysWalls
          .map((w, i) => `${seconds(w)} / ${seconds(p.noopWalls[i])}${floor ? ` (${fixed(p.roundRatios[i])})` : ""}`)
          .join("; ");
        const cells = floor
          ? [seconds(p.floorMs!), `**${fixed(p.ratio)} ×**`, rounds, `${fixed(p.medianRatio)} ×`]
          : [`${fixed(p.ratio)} ×`, rounds, refreshRequestBudget(s.size)];
        const requests = `**${p.requests.requests}** (${fixed(p.requests.requests / s.size)} per key)`;
        return [
          s.size,
          seconds(p.keysWallMs),
          seconds(p.noopWallMs),
          ...cells,
          requests,
          breakdown(p),
          p.requests.tokens,
        ];
      }),
    );
  }
}

/** Timeline and CPU of the fastest rounds, and the run with the engine's checkpoints off. */
export function renderTimeline(r: BenchResults, out: string[]): void {
  const { parallel, latencyMs } = r.options;
  out.push("### Where the time goes", "");
  out.push(
    `Fastest key round, next to the no-op operation of the same round. Times from the start of the operation, from the emulator's log; "API ideal" = ⌈requests ÷ ${parallel}⌉ × ${latencyMs} ms, the time the requests would take with ${parallel} always in flight. CPU seconds (keys / no-op) come from /proc for the \`pulumi\` CLI and the dynamic-provider plugin processes, and from \`process.cpuUsage()\` for the bench process, which is the inline program's language host and also runs the emulator. An API span far above the ideal, while the no-op stack takes nearly as long, means the engine hands out the operations more slowly than the requests complete.`,
    "",
  );
  const pair = (keys: number, noop: number) => `${cpuSeconds(keys)} / ${cpuSeconds(noop)}`;
  const rows: Array<Array<string | number>> = [];
  for (const s of r.sizes) {
    for (const operation of OPERATIONS) {
      const { fastest: f, fastestNoop: n } = s.phases[operation];
      const span = f.firstRequestMs === undefined ? undefined : f.lastAnswerMs! - f.firstRequestMs;
      rows.push([
        s.size,
        operation,
        `${seconds(f.wallMs)} / ${seconds(n.wallMs)}`,
        opt(f.firstRequestMs),
        opt(f.lastAnswerMs),
        opt(span),
        seconds(Math.ceil(f.requests / parallel) * latencyMs),
        f.maxInFlight,
        f.refused401,
        pair(f.cliCpuMs, n.cliCpuMs),
        pair(f.providerCpuMs, n.providerCpuMs),
        pair(f.hostCpuMs, n.hostCpuMs),
      ]);
    }
  }
  markdownTable(
    out,
    [
      "N",
      "op",
      "wall (keys / no-op)",
      "first request",
      "last answer",
      "API span",
      "API ideal",
      "max in flight",
      "authenticated 401s",
      "CPU s: CLI",
      "CPU s: plugin",
      "CPU s: bench process",
    ],
    rows,
  );

  const c = r.checkpoints;
  const on = r.sizes.find((s) => s.size === c.size)!.phases.up;
  out.push(
    `The engine saves a checkpoint of the whole state after every step, so its work grows with N × state size. To separate that from the provider, one more \`up\` of N = ${c.size} ran on fresh stacks with \`PULUMI_SKIP_CHECKPOINTS=true\` (engine setting; only the final state is written):`,
    "",
  );
  markdownTable(
    out,
    [
      "up, N = " + c.size,
      "keys wall",
      "no-op wall",
      "ratio to floor",
      "CPU s: CLI (keys / no-op)",
      "CPU s: plugin",
      "CPU s: bench process",
    ],
    [
      [
        "checkpoints on (fastest round)",
        seconds(on.fastest.wallMs),
        seconds(on.fastestNoop.wallMs),
        `${fixed(on.roundRatios[on.keysWalls.indexOf(on.keysWallMs)])} ×`,
        pair(on.fastest.cliCpuMs, on.fastestNoop.cliCpuMs),
        pair(on.fastest.providerCpuMs, on.fastestNoop.providerCpuMs),
        pair(on.fastest.hostCpuMs, on.fastestNoop.hostCpuMs),
      ],
      [
        "checkpoints off",
        seconds(c.keys.wallMs),
        seconds(c.noop.wallMs),
        `${fixed(c.ratio)} ×`,
        pair(c.keys.cliCpuMs, c.noop.cliCpuMs),
        pair(c.keys.providerCpuMs, c.noop.providerCpuMs),
        pair(c.keys.hostCpuMs, c.noop.hostCpuMs),
      ],
    ],
  );
}

/** Sections 5 and 6: state size and peak memory. */
export function renderState(r: BenchResults, out: string[]): void {
  out.push("## 5. State size", "");
  out.push(
    `Serialized provider (\`__provider\`) of ApiKey: **${bytes(r.serializedProviderBytes)}** (\`pulumi.runtime.serializeFunction\` in the bench process), stored twice per resource (inputs and outputs). The other figures are from \`pulumi stack export\` after \`up\` (secrets encrypted).`,
    "",
  );
  markdownTable(
    out,
    [
      "N",
      "`__provider` per key (inputs + outputs)",
      "state entry per key",
      "share of `__provider`",
      "whole export ÷ N (keys)",
      "state entry per no-op resource",
      "whole export ÷ N (no-op)",
    ],
    r.sizes.map((s) => [
      s.size,
      bytes(s.keysState.providerBytesPerResource),
      bytes(s.keysState.resourceEntryBytes),
      `${((100 * s.keysState.providerBytesPerResource) / s.keysState.resourceEntryBytes).toFixed(0)} %`,
      bytes(s.keysState.stateBytesPerResource),
      bytes(s.noopState.resourceEntryBytes),
      bytes(s.noopState.stateBytesPerResource),
    ]),
  );
  out.push("## 6. Peak memory of the provider process", "");
  out.push(
    "Largest `VmHWM` (the kernel's peak RSS, read from /proc/<pid>/status every 100 ms) of any `cmd/dynamic-provider` process descending from the bench process, over up, refresh and destroy.",
    "",
  );
  markdownTable(
    out,
    ["N", "key stacks", "no-op stacks", "difference"],
    r.sizes.map((s) => [
      s.size,
      mib(s.keysPeakRssBytes),
      mib(s.noopPeakRssBytes),
      mib(s.keysPeakRssBytes - s.noopPeakRssBytes),
    ]),
  );
}

function opt(ms: number | undefined): string {
  return ms === undefined ? "–" : seconds(ms);
}

function breakdown(p: PhaseSummary): string {
  return Object.entries(p.requests.byOperation)
    .sort((a, b) => b[1] - a[1])
    .map(([name, count]) => `${name} ${count}`)
    .join(", ");
}
