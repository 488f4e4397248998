/**
 * Retry policy, pure: classification of an outcome, the decision to resend,
 * and the delay. No I/O and no clock of its own (sleep, random and now are
 * injected), so tests run in milliseconds. The loop that applies it is in
 * `retrying-sender.ts`.
 */
import type { RetryRule } from "./endpoints";
import type { TransportOutcome } from "./transport";

/** Retry settings; every field has a default (see {@link DEFAULT_RETRY_OPTIONS}). */
export interface RetryOptions {
  /** Total HTTP attempts per request, first one included, not counting answers of 429. */
  maxAttempts: number;
  /**
   * Upper bound in milliseconds of the time one request spends waiting on 429 answers. Throttling
   * is bounded by time rather than attempts: under a drained token bucket Atlas keeps answering
   * 429 until tokens refill, and a fixed number of attempts gives up while waiting is the fix.
   */
  maxThrottledWaitMs: number;
  /** Backoff base in milliseconds: attempt n waits up to `base * 2^n`. */
  baseDelayMs: number;
  /** Upper bound in milliseconds of one backoff delay. */
  maxDelayMs: number;
  /** Upper bound in milliseconds of a delay asked for by `Retry-After`. */
  maxRetryAfterMs: number;
  /** Waits `ms` milliseconds. */
  sleep: (ms: number) => Promise<void>;
  /** Uniform in [0, 1). */
  random: () => number;
  /** Epoch milliseconds (to read `Retry-After` dates and token expiry). */
  now: () => number;
}

/**
 * Defaults: six attempts, full-jitter backoff from 500 ms up to 20 s, `Retry-After` up to 60 s,
 * and up to 5 minutes of waiting on 429s per request.
 */
export const DEFAULT_RETRY_OPTIONS: RetryOptions = {
  maxAttempts: 6,
  maxThrottledWaitMs: 300_000,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  maxRetryAfterMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
  now: () => Date.now(),
};

/**
 * `throttling`: 429, rejected before processing. `transient`: 500/502/503/504
 * or no response; may succeed later. `client`: any other status; resending
 * the same request gets the same answer (redirects are not followed, so 3xx
 * lands here too). `success`: 2xx.
 */
export type OutcomeClass = "success" | "throttling" | "transient" | "client";

/** Statuses a later attempt may not get. */
const TRANSIENT_STATUS = [500, 502, 503, 504];

/** Classifies one transport outcome. */
export function classify(outcome: TransportOutcome): OutcomeClass {
  if (!outcome.ok) return "transient";
  const status = outcome.response.status;
  if (status >= 200 && status < 300) return "success";
  if (status === 429) return "throttling";
  return TRANSIENT_STATUS.includes(status) ? "transient" : "client";
}

/** What to do after an outcome. */
export interface RetryDecision {
  retry: boolean;
  /**
   * True when the request was not resent although it may have been carried
   * out: a key-creating POST after a 5xx, a timeout or a reset.
   */
  ambiguous: boolean;
}

/**
 * Decides whether to resend. A key-creating POST is resent only when the
 * server certainly did not process it (429, or no connection at all): Atlas
 * has no idempotency token, so a resend after a 5xx or a lost response could
 * make a second live key.
 */
export function decide(
  outcome: TransportOutcome,
  rule: RetryRule,
  attempt: number,
  maxAttempts: number,
): RetryDecision {
  const kind = classify(outcome);
  if (kind === "success" || kind === "client") return { retry: false, ambiguous: false };
  const neverProcessed = kind === "throttling" || (!outcome.ok && !outcome.failure.maybeSent);
  if (rule === "createsKey" && !neverProcessed) return { retry: false, ambiguous: true };
  return { retry: attempt < maxAttempts, ambiguous: false };
}

/**
 * Full-jitter exponential backoff: `random() * min(maxDelayMs, baseDelayMs * 2^attempt)`,
 * `attempt` counting from 0 for the first resend.
 */
export function backoffDelay(
  attempt: number,
  options: Pick<RetryOptions, "baseDelayMs" | "maxDelayMs" | "random">,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt));
  return Math.floor(options.random() * ceiling);
}

/**
 * Milliseconds asked for by a `Retry-After` header (seconds or HTTP date), or
 * failing that by an Atlas 429 detail ("Please retry after 55 seconds.").
 * Undefined when neither says.
 */
export function retryAfterMs(headers: Record<string, string>, body: string, now: number): number | undefined {
  const header = headers["retry-after"]?.trim();
  if (header) {
    if (/^\d+(\.\d+)?$/.test(header)) return Math.round(Number(header) * 1000);
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const match = /retry after (\d+) seconds?/i.exec(body);
  return match ? Number(match[1]) * 1000 : undefined;
}

/**
 * Delay before resend number `attempt` (0-based). A `Retry-After` is a floor
 * (MongoDB asks to wait at least that long), the whole capped by
 * `maxRetryAfterMs` so a huge value cannot stall a deployment.
 */
export function retryDelay(outcome: TransportOutcome, attempt: number, options: RetryOptions): number {
  const jitter = backoffDelay(attempt, options);
  // 503 may carry Retry-After too, so every response is checked.
  if (!outcome.ok) return jitter;
  const asked = retryAfterMs(outcome.response.headers, outcome.response.body, options.now());
  return asked === undefined ? jitter : Math.min(options.maxRetryAfterMs, Math.max(asked, jitter));
}
