/**
 * What an Atlas answer says about the token bucket it drew from, read without I/O: the pacer
 * (`pacer.ts`) learns each bucket from these. Atlas limits requests with token buckets: one
 * request takes one token, a bucket refills at a steady rate up to its capacity, and an empty
 * bucket answers 429 (see `../shared/reference/atlas-admin-api.md` §5). Answers may carry
 * `Ratelimit-Limit` / `Ratelimit-Remaining`; a 429 carries `Retry-After` and says the capacity and
 * refill in its detail ("Request capacity: 10. Refill rate: 5 per 60 seconds."), also given as
 * `parameters` `[path, retryAfterSeconds, capacity, refill, perSeconds]`. The OAuth token endpoint
 * words it "Resource api/oauth/token is limited to 10 requests every 1 minutes."
 */
import { retryAfterMs } from "./retry";
import type { HttpResponse } from "./transport";

/** What one answer says about its bucket; every field is optional, as Atlas may omit any of them. */
export interface RateLimitSignals {
  /** HTTP status of the answer. */
  status: number;
  /** The answer was a 429: the bucket was empty when the request arrived. */
  throttled: boolean;
  /** Bucket capacity, in tokens (`Ratelimit-Limit`, or the 429's "Request capacity"). */
  capacity?: number;
  /** Whole tokens left after this request (`Ratelimit-Remaining`). */
  remaining?: number;
  /** Tokens added per second (from the 429's "Refill rate: R per S seconds"). */
  refillPerSecond?: number;
  /** Milliseconds until a token is available, from a 429's `Retry-After`. */
  retryAfterMs?: number;
}

/**
 * The bucket a request draws from, from its target: the first three segments after `/api/atlas/v2/`
 * (`orgs/{orgId}/apiKeys` for an organization's keys and their access lists, `groups/{groupId}/apiKeys`
 * for a project's keys, `orgs/{orgId}` for the organization itself), or `oauth/token` for the token
 * endpoint (one client per Atlas client, so one bucket). Finer than Atlas's own scopes where unsure:
 * a bucket never heard of is not paced, so a finer split costs nothing.
 */
export function bucketOf(target: string): string {
  const path = target.split("?")[0];
  const atlas = path.indexOf("/api/atlas/v2/");
  if (atlas >= 0) {
    return path
      .slice(atlas + "/api/atlas/v2/".length)
      .split("/")
      .slice(0, 3)
      .join("/");
  }
  return path.endsWith("/api/oauth/token") ? "oauth/token" : path;
}

/** Reads the rate-limit signals of an answer (any status). */
export function readSignals(response: HttpResponse, now: number): RateLimitSignals {
  const signals: RateLimitSignals = { status: response.status, throttled: response.status === 429 };
  const limit = wholeNumber(response.headers["ratelimit-limit"]);
  const remaining = wholeNumber(response.headers["ratelimit-remaining"]);
  if (limit !== undefined && limit > 0) signals.capacity = limit;
  if (remaining !== undefined) signals.remaining = remaining;
  if (!signals.throttled) return signals;
  signals.retryAfterMs = retryAfterMs(response.headers, response.body, now);
  const stated = statedBucket(response.body);
  signals.capacity = stated.capacity ?? signals.capacity;
  signals.refillPerSecond = stated.refillPerSecond;
  return signals;
}

/** Capacity and refill stated by a 429 body, from its detail or else its parameters. */
function statedBucket(body: string): { capacity?: number; refillPerSecond?: number } {
  let parsed: { detail?: unknown; parameters?: unknown };
  try {
    parsed = JSON.parse(body) ?? {};
  } catch {
    return {};
  }
  const detail = typeof parsed.detail === "string" ? parsed.detail : "";
  const capacity = /Request capacity:\s*(\d+(?:\.\d+)?)/i.exec(detail);
  const refill = /Refill rate:\s*(\d+(?:\.\d+)?) per (\d+(?:\.\d+)?) seconds?/i.exec(detail);
  if (capacity || refill) {
    return {
      capacity: capacity ? positive(Number(capacity[1])) : undefined,
      refillPerSecond: refill ? positive(Number(refill[1]) / Number(refill[2])) : undefined,
    };
  }
  const oauth = /limited to (\d+) requests every (\d+) minutes?/i.exec(detail);
  if (oauth) {
    const count = Number(oauth[1]);
    return { capacity: positive(count), refillPerSecond: positive(count / (Number(oauth[2]) * 60)) };
  }
  const p = Array.isArray(parsed.parameters) ? parsed.parameters : [];
  if (p.length >= 5 && [p[2], p[3], p[4]].every((v) => typeof v === "number")) {
    return { capacity: positive(p[2] as number), refillPerSecond: positive((p[3] as number) / (p[4] as number)) };
  }
  return {};
}

function wholeNumber(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*\d+\s*$/.test(text)) return undefined;
  return Number(text);
}

function positive(value: number): number | undefined {
  return Number.isFinite(value) && value > 0 ? value : undefined;
}
