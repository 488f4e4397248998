/**
 * The pacing layer, between the retry layer and the transport: every HTTP attempt, resends
 * included, first takes a token from the pacer (`pacer.ts`), and its answer then tells the pacer
 * what it says about the bucket. The retry layer above keeps its full-jitter backoff for the 429s
 * that still happen (another client draining the same bucket).
 */
import { checkMaxRequestsPerSecond, type PacingOptions } from "./client-options";
import { Pacer, type PacerClock } from "./pacer";
import { bucketOf, readSignals } from "./rate-limit-signals";
import type { HttpExchange } from "./retrying-sender";
import type { StatsCounters } from "./stats";
import type { HttpRequest, TransportOutcome } from "./transport";

/** An {@link HttpExchange} that paces requests per rate-limit bucket. */
export class PacedExchange implements HttpExchange {
  constructor(
    private readonly inner: HttpExchange,
    private readonly pacer: Pacer,
    private readonly now: () => number,
    private readonly stats: StatsCounters,
    private readonly log?: (line: string) => void,
  ) {}

  async send(request: HttpRequest): Promise<TransportOutcome> {
    const bucket = bucketOf(request.target);
    const waitedMs = await this.pacer.acquire(bucket);
    if (waitedMs > 0) {
      this.stats.pacedRequests++;
      this.stats.pacedWaitMs += waitedMs;
      this.log?.(`${request.method} ${request.target} held ${waitedMs} ms to stay within the rate limit of ${bucket}`);
    }
    let outcome: TransportOutcome | undefined;
    try {
      outcome = await this.inner.send(request);
      return outcome;
    } finally {
      this.pacer.release(bucket, outcome?.ok ? readSignals(outcome.response, this.now()) : undefined);
    }
  }
}

/**
 * The exchange the retry layer sends through: `inner` behind a new pacer, or `inner` itself when
 * pacing is turned off. The pacer's clock defaults to `clock` (the retry options' now and sleep).
 */
export function withPacing(
  inner: HttpExchange,
  pacing: PacingOptions | undefined,
  clock: PacerClock,
  stats: StatsCounters,
  log?: (line: string) => void,
): HttpExchange {
  if (pacing?.enabled === false) return inner;
  const maxRequestsPerSecond = checkMaxRequestsPerSecond(pacing?.maxRequestsPerSecond);
  const now = pacing?.now ?? clock.now;
  const pacer = new Pacer({ now, sleep: pacing?.sleep ?? clock.sleep, maxRequestsPerSecond });
  return new PacedExchange(inner, pacer, now, stats, log);
}
