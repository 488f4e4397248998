/**
 * The retry layer: sends a request through the transport, applying the pure
 * policy of `retry.ts` between attempts. The auth layer above hands it an
 * `authorize` function called before every attempt, so a resend carries
 * fresh credentials (a digest resend must not replay a nonce count).
 */
import type { RetryRule } from "./endpoints";
import { AtlasApiError, ClientErrorCode } from "./errors";
import { decide, retryDelay, type RetryOptions } from "./retry";
import type { StatsCounters } from "./stats";
import type { HttpRequest, HttpResponse, TransportOutcome } from "./transport";

/** A request plus the rule saying whether it may be resent after an ambiguous failure. */
export interface OutgoingRequest extends HttpRequest {
  retryRule: RetryRule;
}

/** The last response of a request and how it was obtained. */
export interface RetryResult {
  response: HttpResponse;
  /** HTTP attempts made, first one included. */
  attempts: number;
  /** See {@link RetryDecision.ambiguous} in `retry.ts`. */
  ambiguous: boolean;
}

/** Anything that can carry one HTTP exchange (the transport, or a fake in tests). */
export interface HttpExchange {
  send(request: HttpRequest): Promise<TransportOutcome>;
}

/** Produces the authentication headers of one attempt. */
export type Authorize = () => Record<string, string>;

/** Sends requests with bounded, jittered retries. */
export class RetryingSender {
  constructor(
    private readonly exchange: HttpExchange,
    private readonly options: RetryOptions,
    private readonly stats: StatsCounters,
    private readonly log?: (line: string) => void,
  ) {}

  /**
   * Sends `request`, resending on throttling and transient failures as the
   * policy allows. Returns the last response whatever its status.
   *
   * @throws AtlasApiError with status 0 when no response was obtained.
   */
  async send(request: OutgoingRequest, authorize?: Authorize): Promise<RetryResult> {
    const maxAttempts = Math.max(1, Math.floor(this.options.maxAttempts));
    let counted = 0;
    let throttledWaitMs = 0;
    for (let attempt = 1; ; attempt++) {
      const auth = authorize ? authorize() : {};
      this.stats.httpRequests++;
      const outcome = await this.exchange.send({ ...request, headers: { ...request.headers, ...auth } });
      if (outcome.ok && outcome.response.status === 429) this.stats.rateLimited++;
      const result = outcome.ok ? `HTTP ${outcome.response.status}` : outcome.failure.code;
      this.log?.(`${request.method} ${request.target} -> ${result} (attempt ${attempt})`);

      const throttled = outcome.ok && outcome.response.status === 429;
      if (!throttled) counted++;
      const decision = decide(outcome, request.retryRule, throttled ? 0 : counted, maxAttempts);
      const delay = decision.retry ? retryDelay(outcome, attempt - 1, this.options) : 0;
      if (throttled) throttledWaitMs += delay;
      const retry = decision.retry && (!throttled || throttledWaitMs <= this.options.maxThrottledWaitMs);
      if (!retry) {
        if (outcome.ok) return { response: outcome.response, attempts: attempt, ambiguous: decision.ambiguous };
        const timeout = outcome.failure.kind === "timeout" || outcome.failure.kind === "connectTimeout";
        throw new AtlasApiError({
          status: 0,
          errorCode: timeout ? ClientErrorCode.timeout : ClientErrorCode.network,
          detail: `${outcome.failure.message} (${outcome.failure.code})`,
          method: request.method,
          path: request.target,
          ambiguous: decision.ambiguous,
          attempts: attempt,
        });
      }
      this.stats.retries++;
      this.log?.(`${request.method} ${request.target} retry ${attempt} of ${maxAttempts - 1} in ${delay} ms`);
      await this.options.sleep(delay);
    }
  }
}
