/**
 * The pacer: holds requests back before Atlas would refuse them, instead of sending them and
 * sleeping after the 429. It keeps an estimate of every token bucket it has heard of, learnt from
 * the answers (`rate-limit-signals.ts`), and makes each request reserve a token: a request that
 * finds none waits until the estimated refill brings its own. One pacer serves a whole client,
 * and the provider process has one client, so every resource and call shares it.
 *
 * - Until the first answer from a bucket (a digest challenge does not count), one request at a
 *   time goes to it: a bucket another pipeline has drained then costs one 429, not one per request
 *   in flight. A bucket whose answers carry no rate-limit header and no 429 is not paced at all
 *   after that: the unthrottled case pays one round trip per bucket and process.
 * - A bucket whose capacity and remaining tokens are known but not its refill (Atlas states the
 *   refill only in a 429) lets requests through while tokens remain, then one at a time until an
 *   answer says more: so at most one request meets the empty bucket, and its 429 states the refill.
 * - A bucket whose refill is known is paced exactly: the k-th request short of a token waits
 *   k ÷ refill seconds.
 * - A user cap (`maxRequestsPerSecond`) is one more bucket, shared by all requests, with a
 *   capacity of one second's worth.
 *
 * No I/O and no clock of its own (now and sleep are injected), so tests run on a virtual clock.
 * Closure-serializer safe: fields are set in the constructor, buckets live in a plain object.
 */
import type { RateLimitSignals } from "./rate-limit-signals";

/** Time as the pacer sees it: epoch milliseconds, and a wait. */
export interface PacerClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** Settings of a {@link Pacer}. */
export interface PacerOptions extends PacerClock {
  /** Upper bound of the request rate of the whole client, in requests per second (optional). */
  maxRequestsPerSecond?: number;
}

/** What the pacer believes about one token bucket. */
interface BucketEstimate {
  /** An answer (other than a digest challenge) has been read from this bucket. */
  heard: boolean;
  capacity?: number;
  /** Tokens per second, as a 429 stated it. */
  refillPerSecond?: number;
  /** Tokens at `updatedAt`; below zero when waiting requests have reserved tokens still to come. Undefined: unknown. */
  tokens?: number;
  updatedAt: number;
  /** Requests that took a token and whose answer has not been read yet. */
  outstanding: number;
  /** Requests waiting for an answer while the bucket is empty and its refill unknown. */
  waiters: Array<() => void>;
}

/** Token-bucket estimates of every bucket a client draws from, and the waits they impose. */
export class Pacer {
  private readonly buckets: Record<string, BucketEstimate>;
  private readonly cap?: BucketEstimate;

  constructor(private readonly options: PacerOptions) {
    this.buckets = {};
    const max = options.maxRequestsPerSecond;
    if (max !== undefined) {
      const burst = Math.max(1, max);
      this.cap = { ...newEstimate(options.now()), capacity: burst, tokens: burst, refillPerSecond: max };
    }
  }

  /**
   * Waits until a request to `bucket` should find a token, and takes it.
   *
   * @returns milliseconds waited on the clock (0 when the request goes at once).
   */
  async acquire(bucket: string): Promise<number> {
    const estimate = this.estimate(bucket);
    const started = this.options.now();
    while (mustWaitForAnswer(estimate, this.options.now())) {
      await new Promise<void>((resolve) => estimate.waiters.push(resolve));
    }
    const now = this.options.now();
    const wait = Math.max(take(estimate, now), this.cap ? take(this.cap, now) : 0);
    estimate.outstanding++;
    if (wait > 0) await this.options.sleep(wait);
    return this.options.now() - started;
  }

  /** Records the answer (or its absence) of a request that `acquire`d a token of `bucket`. */
  release(bucket: string, signals: RateLimitSignals | undefined): void {
    const estimate = this.estimate(bucket);
    estimate.outstanding = Math.max(0, estimate.outstanding - 1);
    if (signals) learn(estimate, signals, this.options.now());
    for (const wake of estimate.waiters.splice(0)) wake();
  }

  /** A copy of what is believed about `bucket` (for logs and tests). */
  describe(bucket: string): { capacity?: number; refillPerSecond?: number; tokens?: number } {
    const e = this.estimate(bucket);
    refill(e, this.options.now());
    return { capacity: e.capacity, refillPerSecond: e.refillPerSecond, tokens: e.tokens };
  }

  private estimate(bucket: string): BucketEstimate {
    // A prefix keeps bucket names away from Object.prototype's own names.
    const key = `bucket ${bucket}`;
    return (this.buckets[key] ??= newEstimate(this.options.now()));
  }
}

function newEstimate(now: number): BucketEstimate {
  return { heard: false, updatedAt: now, outstanding: 0, waiters: [] };
}

/** Adds the tokens refilled since the last update, up to the capacity. */
function refill(e: BucketEstimate, now: number): void {
  if (e.tokens !== undefined && e.refillPerSecond !== undefined && now > e.updatedAt) {
    e.tokens = Math.min(e.capacity ?? Infinity, e.tokens + ((now - e.updatedAt) / 1000) * e.refillPerSecond);
  }
  e.updatedAt = Math.max(e.updatedAt, now);
}

/**
 * True while an answer that may tell about the bucket is awaited and nothing allows another request:
 * the bucket was never heard from, or it is believed empty and its refill is unknown.
 */
function mustWaitForAnswer(e: BucketEstimate, now: number): boolean {
  if (e.outstanding === 0) return false;
  if (!e.heard) return true;
  refill(e, now);
  return e.tokens !== undefined && e.tokens < 1 && e.refillPerSecond === undefined;
}

/** Takes one token; returns the milliseconds until the refill has brought it (0 if there is one now). */
function take(e: BucketEstimate, now: number): number {
  refill(e, now);
  if (e.tokens === undefined) return 0;
  e.tokens -= 1;
  if (e.tokens >= 0 || e.refillPerSecond === undefined) return 0;
  return Math.ceil((-e.tokens / e.refillPerSecond) * 1000);
}

/** Updates the estimate from an answer. */
function learn(e: BucketEstimate, s: RateLimitSignals, now: number): void {
  // A digest challenge is answered before authentication and rate limiting: it says nothing.
  if (s.status === 401 && s.capacity === undefined && s.remaining === undefined) return;
  e.heard = true;
  refill(e, now);
  if (s.capacity !== undefined) e.capacity = s.capacity;
  // Only a stated refill is used. A guess from Retry-After (rounded up to whole seconds, and
  // sometimes huge) could hold requests far longer than the retry layer's cap on Retry-After.
  if (s.refillPerSecond !== undefined) e.refillPerSecond = s.refillPerSecond;
  if (s.throttled) {
    // A refused request took no token; the bucket was empty when it arrived, and every request
    // still out needs a token of its own.
    e.tokens = Math.min((e.tokens ?? 0) + 1, -e.outstanding);
  } else if (s.remaining !== undefined) {
    // Requests still out took (or will take) tokens after this answer was written.
    e.tokens = s.remaining - e.outstanding;
  } else if (s.status < 400 && e.refillPerSecond === undefined) {
    // A success that announces nothing, after a 429 that stated nothing either (a proxy, an
    // injected fault): nothing tells when the bucket refills, so stop holding requests back.
    e.tokens = undefined;
  }
}
