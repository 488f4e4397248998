/**
 * A virtual clock and a scripted Atlas token bucket for the pacer's tests: requests are answered
 * on virtual time, by the emulator's own bucket model (emulator/rate-limit.ts), with the headers and
 * the 429 body live Atlas sends, and every request is logged with the virtual time it was sent.
 */
import { TokenBuckets, refillPerMinute, type BucketSpec } from "../../../../emulator/limits/rate-limit";
import type { HttpExchange } from "../../../../provider/atlas/retrying-sender";
import type { HttpRequest, TransportOutcome } from "../../../../provider/atlas/transport";

/** Time that moves only when every pending task is waiting on it. */
export class VirtualClock {
  private time = 0;
  private timers: Array<{ at: number; seq: number; resolve: () => void }> = [];
  private seq = 0;
  /** Every wait asked for, in milliseconds, in order. */
  readonly sleeps: number[] = [];

  now = (): number => this.time;

  sleep = (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    return this.wait(ms);
  };

  /** A wait that is not recorded in `sleeps` (server latency). */
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => this.timers.push({ at: this.time + Math.max(0, ms), seq: this.seq++, resolve }));
  }

  /** Runs `work` to completion, moving time from timer to timer whenever nothing else can run. */
  async run<T>(work: Promise<T>): Promise<T> {
    let done = false;
    const result = work.finally(() => (done = true));
    for (let guard = 0; guard < 100_000; guard++) {
      await new Promise((resolve) => setImmediate(resolve));
      if (done) return result;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift();
      if (!next) throw new Error("deadlock: nothing left to wait for and the work is not done");
      this.time = Math.max(this.time, next.at);
      next.resolve();
    }
    throw new Error("the virtual clock ran too long");
  }
}

/** How the scripted server answers. */
export interface BucketScript {
  /** The bucket of org key endpoints; project paths draw from a bucket of the same figures. */
  capacity: number;
  refillPerSecond: number;
  /** Tokens at time 0 (default: full). */
  initialTokens?: number;
  /** Milliseconds between a request's arrival and its answer (default 100). */
  latencyMs?: number;
  /** False: answers carry no Ratelimit-* headers (an API that does not announce its limits). */
  headers?: boolean;
  /** False: nothing is ever refused (no rate limit at all). */
  limited?: boolean;
}

/** An {@link HttpExchange} answered by a token bucket on the virtual clock; logs every request. */
export class ScriptedBucket implements HttpExchange {
  readonly log: string[] = [];
  private readonly buckets: TokenBuckets;

  constructor(
    private readonly clock: VirtualClock,
    private readonly script: BucketScript,
  ) {
    this.buckets = new TokenBuckets(clock.now);
    if (script.initialTokens !== undefined) this.drain(script.capacity - script.initialTokens, "orgs");
  }

  /** Takes `count` tokens out of band, as another pipeline of the organization would. */
  drain(count: number, scope: "orgs" | "groups" = "orgs"): void {
    for (let i = 0; i < count; i++) this.buckets.take(this.spec(`/api/atlas/v2/${scope}/o/apiKeys`));
  }

  async send(request: HttpRequest): Promise<TransportOutcome> {
    const spec = this.spec(request.target);
    const taken = this.script.limited === false ? undefined : this.buckets.take(spec);
    const status = !taken || taken.allowed ? 200 : 429;
    this.log.push(`${this.clock.now()} ${request.method} ${request.target} ${status}`);
    await this.clock.wait(this.script.latencyMs ?? 100);
    const headers: Record<string, string> =
      taken && this.script.headers !== false
        ? { "ratelimit-limit": String(taken.limit), "ratelimit-remaining": String(taken.remaining) }
        : {};
    if (status === 200) return { ok: true, response: { status, headers, body: "{}" } };
    const perMinute = refillPerMinute(spec.refillPerSecond);
    const retry = taken!.retryAfterSeconds;
    const body = {
      error: 429,
      errorCode: "RATE_LIMITED_TOKEN_BUCKET",
      reason: "Too Many Requests",
      detail: `Rate limit exceeded for ${spec.label}. Please retry after ${retry} seconds. Request capacity: ${spec.capacity}. Refill rate: ${perMinute} per 60 seconds.`,
      parameters: [spec.label, retry, spec.capacity, perMinute, 60],
    };
    return {
      ok: true,
      response: { status, headers: { ...headers, "retry-after": String(retry) }, body: JSON.stringify(body) },
    };
  }

  private spec(target: string): BucketSpec {
    const scope = target.includes("/groups/") ? "groups" : "orgs";
    return {
      key: scope,
      capacity: this.script.capacity,
      refillPerSecond: this.script.refillPerSecond,
      label: `api/atlas/v2/${scope}`,
    };
  }
}
