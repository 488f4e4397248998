/** Section 8 of the report: up, refresh and destroy under token buckets, pacing on and off. */
import { markdownTable, minutes, seconds } from "./format";
import { MAX_429_SHARE, MAX_FLOOR_FACTOR, type RateLimitRun } from "./rate-limits";
import type { BenchResults } from "./summary";

const percent = (share: number) => `${(100 * share).toFixed(1)} %`;

/** Whether a run meets the targets; refresh needs one or two tokens, so only its 429 share counts. */
function meets(run: RateLimitRun): { share: boolean; wall: boolean | undefined } {
  return {
    share: run.share429 <= MAX_429_SHARE,
    wall: run.operation === "refresh" ? undefined : run.figures.wallMs <= run.limitMs,
  };
}

/** Target lines for the paced client. */
export function rateLimitTargets(r: BenchResults): Array<[string, string, boolean]> {
  const rows: Array<[string, string, boolean]> = [];
  for (const { scenario: s, runs } of r.rateLimits ?? []) {
    const paced = runs.filter((run) => run.pacing);
    const name = `N = ${s.size}, bucket ${s.capacity} at ${s.refillPerSecond}/s from ${s.startTokens}`;
    const worstShare = Math.max(...paced.map((run) => run.share429));
    rows.push([
      `${name}: ≤ ${percent(MAX_429_SHARE)} of requests answered 429 (paced; up, refresh, destroy)`,
      paced.map((run) => `${run.operation} ${percent(run.share429)}`).join(", "),
      worstShare <= MAX_429_SHARE,
    ]);
    const timed = paced.filter((run) => run.operation !== "refresh");
    rows.push([
      `${name}: wall ≤ ${MAX_FLOOR_FACTOR} × refill floor + no-op time (paced; up, destroy)`,
      timed.map((run) => `${run.operation} ${seconds(run.figures.wallMs)} ≤ ${seconds(run.limitMs)}`).join(", "),
      timed.every((run) => meets(run).wall),
    ]);
  }
  return rows;
}

/** The Markdown of section 8. */
export function renderRateLimits(r: BenchResults, out: string[]): void {
  if (!r.rateLimits?.length) return;
  out.push("## 8. Under Atlas's rate limits: pacing on and off", "");
  out.push(
    `The emulator's token buckets on (one request takes one token; an empty bucket answers 429 with \`Retry-After\` and the capacity and refill in its detail, as Atlas does). Before each operation the organization's key bucket is set to the scenario's level, as if other pipelines had used the rest. Each scenario runs the same operations with the client's pacing on (the default) and off (the client as it was before pacing: it sends, then sleeps on each 429), in this run, one after the other. Refill floor = (tokens needed − tokens in the bucket) ÷ refill rate, tokens needed being the requests that took a token; target = ${MAX_FLOOR_FACTOR} × refill floor + the same operation on N no-op resources (the engine's own time). Refresh needs one or two tokens, so it is held to the 429 share only. Section run time: ${minutes(r.rateLimitMs ?? 0)}.`,
    "",
  );
  for (const { scenario: s, runs } of r.rateLimits) {
    out.push(
      `### N = ${s.size} keys, bucket capacity ${s.capacity}, refill ${s.refillPerSecond} tokens/s, ${s.startTokens} tokens at the start`,
      "",
    );
    markdownTable(
      out,
      [
        "operation",
        "pacing",
        "requests sent",
        "answered 429",
        "share 429",
        "tokens needed",
        "refill floor",
        "no-op time",
        "wall",
        `target (${MAX_FLOOR_FACTOR} × floor + no-op)`,
        "met",
      ],
      runs.map((run) => {
        const met = meets(run);
        const verdict = [met.share, met.wall].filter((m) => m !== undefined).every(Boolean) ? "yes" : "**no**";
        return [
          run.operation,
          run.pacing ? "**on**" : "off",
          run.figures.requests,
          run.figures.rateLimited,
          percent(run.share429),
          run.tokensNeeded,
          seconds(run.refillFloorMs),
          seconds(run.engineMs),
          `**${seconds(run.figures.wallMs)}**`,
          run.operation === "refresh" ? "–" : seconds(run.limitMs),
          verdict,
        ];
      }),
    );
  }
  out.push(
    "![Requests answered over time during `up` under the small bucket, pacing on and off](docs/bench/rate-limit-timeline.svg)",
    "",
    "![Wall time under token buckets, pacing on and off, against the target](docs/bench/rate-limits.svg)",
    "",
  );
}
