/**
 * The report's charts, written as SVG files beside BENCHMARKS.md (docs/bench/): how wall time and
 * state grow with N, and what pacing does under a token bucket.
 */
import * as fs from "fs";
import * as path from "path";
import type { RateLimitSummary } from "./rate-limits";
import type { BenchResults } from "./summary";
import { barChart, lineChart, type Series } from "./svg";

/** Where the charts go, relative to the repository root (BENCHMARKS.md links them from there). */
export const CHART_DIR = "docs/bench";

const BLUE = "#1f6feb";
const ORANGE = "#d9730d";
const GREEN = "#2da44e";
const GREY = "#8c959f";
const PURPLE = "#8250df";

/** Writes every chart under `root`/docs/bench; returns their paths relative to `root`. */
export function writeCharts(r: BenchResults, root: string): string[] {
  const files: Record<string, string> = {
    "growth.svg": growthChart(r),
    "state-size.svg": stateChart(r),
  };
  if (r.rateLimits?.length) {
    files["rate-limits.svg"] = rateLimitChart(r.rateLimits);
    files["rate-limit-timeline.svg"] = timelineChart(r.rateLimits[0]);
  }
  fs.mkdirSync(path.join(root, CHART_DIR), { recursive: true });
  return Object.entries(files).map(([name, svg]) => {
    const relative = `${CHART_DIR}/${name}`;
    fs.writeFileSync(path.join(root, relative), svg);
    return relative;
  });
}

function growthChart(r: BenchResults): string {
  const line = (name: string, color: string, get: (i: number) => number, dashed = false): Series => ({
    name,
    color,
    dashed,
    points: r.sizes.map((s, i) => [s.size, get(i) / 1000]),
  });
  const phase = (i: number) => r.sizes[i].phases;
  return lineChart(
    { title: "Wall time against the number of keys (fastest round)", xLabel: "keys (N)", yLabel: "seconds" },
    [
      line("up: keys", BLUE, (i) => phase(i).up.keysWallMs),
      line("up: no-op", BLUE, (i) => phase(i).up.noopWallMs, true),
      line("destroy: keys", ORANGE, (i) => phase(i).destroy.keysWallMs),
      line("destroy: no-op", ORANGE, (i) => phase(i).destroy.noopWallMs, true),
      line("refresh: keys", GREEN, (i) => phase(i).refresh.keysWallMs),
      line("refresh: no-op", GREEN, (i) => phase(i).refresh.noopWallMs, true),
    ],
  );
}

function stateChart(r: BenchResults): string {
  return barChart(
    { title: "State entry per resource (pulumi stack export)", xLabel: "keys (N)", yLabel: "bytes" },
    r.sizes.map((s) => `N = ${s.size}`),
    [
      {
        name: "key: whole entry",
        color: BLUE,
        values: r.sizes.map((s) => s.keysState.resourceEntryBytes),
        notes: r.sizes.map((s) => String(Math.round(s.keysState.resourceEntryBytes))),
      },
      {
        name: "key: __provider ×2",
        color: PURPLE,
        values: r.sizes.map((s) => s.keysState.providerBytesPerResource),
      },
      { name: "no-op resource", color: GREY, values: r.sizes.map((s) => s.noopState.resourceEntryBytes) },
    ],
  );
}

function rateLimitChart(summaries: RateLimitSummary[]): string {
  const categories: string[] = [];
  const on: number[] = [];
  const off: number[] = [];
  const target: number[] = [];
  const onNotes: string[] = [];
  const offNotes: string[] = [];
  for (const { scenario: s, runs } of summaries) {
    for (const operation of ["up", "destroy"] as const) {
      const paced = runs.find((run) => run.pacing && run.operation === operation)!;
      const unpaced = runs.find((run) => !run.pacing && run.operation === operation)!;
      categories.push(`${operation} N=${s.size}`);
      on.push(paced.figures.wallMs / 1000);
      off.push(unpaced.figures.wallMs / 1000);
      target.push(paced.limitMs / 1000);
      onNotes.push(`${paced.figures.rateLimited}×429`);
      offNotes.push(`${unpaced.figures.rateLimited}×429`);
    }
  }
  return barChart(
    {
      title: "Under a token bucket: wall time and 429s, pacing on and off",
      xLabel: "operation and N (buckets: 20 at 4/s; 500 drained to 50 at 10/s)",
      yLabel: "seconds",
      width: 820,
    },
    categories,
    [
      { name: "pacing on", color: BLUE, values: on, notes: onNotes },
      { name: "pacing off", color: ORANGE, values: off, notes: offNotes },
      { name: "target: 1.3 × floor + no-op", color: GREY, values: target },
    ],
  );
}

/** Cumulative answered requests (2xx) and 429s over time during `up` of the first scenario. */
function timelineChart(summary: RateLimitSummary): string {
  const { scenario: s, runs } = summary;
  const cumulative = (timeline: Array<[number, number]>, keep: (status: number) => boolean) => {
    const times = timeline
      .filter(([, status]) => keep(status))
      .map(([ms]) => ms / 1000)
      .sort((a, b) => a - b);
    return [[0, 0] as [number, number], ...times.map((t, i): [number, number] => [t, i + 1])];
  };
  const up = (pacing: boolean) => runs.find((run) => run.pacing === pacing && run.operation === "up")!;
  const paced = up(true);
  const unpaced = up(false);
  const first = Math.min(...[paced, unpaced].flatMap((run) => run.figures.timeline.map(([ms]) => ms / 1000)));
  const needed = paced.tokensNeeded;
  // The bucket's own limit from the first request on: its tokens at once, then the refill.
  const refillEnd = first + Math.max(0, needed - s.startTokens) / s.refillPerSecond;
  return lineChart(
    {
      title: `up of ${s.size} keys, bucket ${s.capacity} at ${s.refillPerSecond} tokens/s: requests over time`,
      xLabel: "seconds from the start of pulumi up",
      yLabel: "requests (cumulative)",
      width: 820,
    },
    [
      { name: "pacing on: accepted", color: BLUE, points: cumulative(paced.figures.timeline, (st) => st !== 429) },
      {
        name: "pacing on: 429",
        color: BLUE,
        dashed: true,
        points: cumulative(paced.figures.timeline, (st) => st === 429),
      },
      { name: "pacing off: accepted", color: ORANGE, points: cumulative(unpaced.figures.timeline, (st) => st !== 429) },
      {
        name: "pacing off: 429",
        color: ORANGE,
        dashed: true,
        points: cumulative(unpaced.figures.timeline, (st) => st === 429),
      },
      {
        name: "bucket's limit",
        color: GREY,
        dashed: true,
        points: [
          [first, 0],
          [first, Math.min(needed, s.startTokens)],
          [refillEnd, needed],
        ],
      },
    ],
  );
}
