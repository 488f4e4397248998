/**
 * Token buckets as Atlas describes its limits: one request takes one token, a bucket refills at a
 * steady rate up to its capacity, and an empty bucket answers 429 with `Retry-After`.
 *
 * Scopes and capacities observed live: the organization API keys and their access lists share one
 * bucket per organization (500); project key endpoints one bucket per project (1200); `GET /orgs/{id}`
 * its own per-organization bucket (500). `GET /groups/{id}` has no published figure; the emulator
 * gives it a per-project bucket of the organization capacity (choice). The OAuth token endpoint is
 * limited per client (10 per minute).
 */

/** Rate-limit settings (all numbers per bucket). */
export interface RateLimitSettings {
  /** When false, no bucket is drawn from and no request is ever refused with 429. */
  enabled: boolean;
  /** Capacity of the per-organization buckets (live: 500). */
  orgCapacity: number;
  /** Capacity of the per-project bucket of project key endpoints (live: 1200). */
  projectCapacity: number;
  /** Tokens added per second to every API bucket. No public figure; default 10. */
  refillPerSecond: number;
  /** Capacity of the OAuth token endpoint's per-client bucket (live: 10). */
  oauthCapacity: number;
  /** Refill of that bucket per second (live: 10 per minute). */
  oauthRefillPerSecond: number;
}

/** Defaults: live capacities, 10 tokens/s refill. */
export const DEFAULT_RATE_LIMIT: RateLimitSettings = {
  enabled: true,
  orgCapacity: 500,
  projectCapacity: 1200,
  refillPerSecond: 10,
  oauthCapacity: 10,
  oauthRefillPerSecond: 10 / 60,
};

/** Which bucket family an operation draws from. */
export type BucketKind =
  "orgApiKeys" | "org" | "groupApiKeys" | "group" | "orgServiceAccounts" | "groupServiceAccounts" | "oauthToken";

/** A bucket to draw from: key, capacity and refill, plus the label Atlas prints in its 429 detail. */
export interface BucketSpec {
  key: string;
  capacity: number;
  refillPerSecond: number;
  label: string;
}

/** Result of taking one token. */
export interface TakeResult {
  allowed: boolean;
  limit: number;
  /** Whole tokens left after this request. */
  remaining: number;
  /** Seconds until one token is available again (only meaningful when not allowed). */
  retryAfterSeconds: number;
}

/**
 * Per bucket family: the path parameter that scopes it, which capacity and refill it uses, and the
 * label Atlas prints in its 429 detail. `group` has no published figure: a per-project bucket of
 * the organization capacity (choice).
 */
const FAMILIES: Record<BucketKind, { scope: string; size: "org" | "project" | "oauth"; label: string }> = {
  orgApiKeys: { scope: "orgId", size: "org", label: "api/atlas/v2/orgs" },
  org: { scope: "orgId", size: "org", label: "api/atlas/v2/orgs" },
  groupApiKeys: { scope: "groupId", size: "project", label: "api/atlas/v2/groups" },
  group: { scope: "groupId", size: "org", label: "api/atlas/v2/groups" },
  // No published figures for service accounts: the key capacities, per organization / project (choice).
  orgServiceAccounts: { scope: "orgId", size: "org", label: "api/atlas/v2/orgs" },
  groupServiceAccounts: { scope: "groupId", size: "project", label: "api/atlas/v2/groups" },
  oauthToken: { scope: "clientId", size: "oauth", label: "api/oauth/token" },
};

/** The bucket an operation of `kind` uses for the resource named by `params`. */
export function bucketFor(kind: BucketKind, params: Record<string, string>, s: RateLimitSettings): BucketSpec {
  const { scope, size, label } = FAMILIES[kind];
  const capacity = size === "org" ? s.orgCapacity : size === "project" ? s.projectCapacity : s.oauthCapacity;
  const refillPerSecond = size === "oauth" ? s.oauthRefillPerSecond : s.refillPerSecond;
  const prefix = kind === "oauthToken" ? "oauth" : kind;
  return { key: `${prefix}:${params[scope]}`, capacity, refillPerSecond, label };
}

/** All buckets of one emulator. */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Takes one token from the bucket (created full on first use). */
  take(spec: BucketSpec): TakeResult {
    const now = this.now();
    const bucket = this.buckets.get(spec.key) ?? { tokens: spec.capacity, updatedAt: now };
    const refilled = Math.min(spec.capacity, bucket.tokens + ((now - bucket.updatedAt) / 1000) * spec.refillPerSecond);
    const allowed = refilled >= 1;
    const tokens = allowed ? refilled - 1 : refilled;
    this.buckets.set(spec.key, { tokens, updatedAt: now });
    const missing = 1 - tokens;
    const retryAfterSeconds =
      allowed || spec.refillPerSecond <= 0 ? 0 : Math.max(1, Math.ceil(missing / spec.refillPerSecond));
    return { allowed, limit: spec.capacity, remaining: Math.floor(tokens), retryAfterSeconds };
  }

  /** Sets the tokens left in a bucket now, as if other clients had drawn from it (benchmarks). */
  setTokens(spec: BucketSpec, tokens: number): void {
    this.buckets.set(spec.key, { tokens: Math.max(0, Math.min(spec.capacity, tokens)), updatedAt: this.now() });
  }

  /** Empties the table: every bucket starts full again. */
  clear(): void {
    this.buckets.clear();
  }
}

/** Refill expressed per 60 seconds, as Atlas prints it ("Refill rate: 5 per 60 seconds"). */
export function refillPerMinute(refillPerSecond: number): number {
  return Math.round(refillPerSecond * 60 * 1000) / 1000;
}
