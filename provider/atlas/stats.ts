/**
 * Counters of what the client did, read by tests and the benchmark (e.g. to
 * show one HTTP request per API call once a digest nonce is established).
 */

/** Snapshot of the client's counters since it was created. */
export interface AtlasClientStats {
  /** Atlas API requests made by the caller's operations (each page of a list counts one). */
  readonly apiCalls: number;
  /** HTTP requests sent, of every kind: API calls, digest probes, resends, token requests. */
  readonly httpRequests: number;
  /** Resends decided by the retry policy (not counting digest re-challenges). */
  readonly retries: number;
  /** HTTP 429 responses received. */
  readonly rateLimited: number;
  /** Digest challenges (401 with `WWW-Authenticate: Digest`) received. */
  readonly challenges: number;
  /** HTTP requests sent to the OAuth token endpoint. */
  readonly tokenRequests: number;
  /** HTTP requests the pacer held back to stay within a rate limit (see pacer.ts). */
  readonly pacedRequests: number;
  /** Milliseconds those requests waited, added up. */
  readonly pacedWaitMs: number;
}

/** The writable form the layers increment. */
export type StatsCounters = { -readonly [K in keyof AtlasClientStats]: number };

/** All counters at zero. */
export function newStats(): StatsCounters {
  return {
    apiCalls: 0,
    httpRequests: 0,
    retries: 0,
    rateLimited: 0,
    challenges: 0,
    tokenRequests: 0,
    pacedRequests: 0,
    pacedWaitMs: 0,
  };
}
