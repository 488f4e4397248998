import type { AuthScheme } from "../auth/authenticate";

/**
 * One logged request. Deliberately holds no header and no body: the log may be printed by
 * tests, and credentials, private keys and tokens must never appear in it. The auth scheme is
 * all it keeps of the Authorization header.
 */
export interface RequestLogEntry {
  /** 1, 2, 3, ... in arrival order. */
  seq: number;
  /** ISO 8601 arrival time. */
  time: string;
  /** HTTP method as received, e.g. `GET`. */
  method: string;
  /** URL path without the query string, e.g. `/api/atlas/v2/orgs/{orgId}/apiKeys` with the ids filled in. */
  path: string;
  /** Query string without the leading `?` ("" when none). */
  query: string;
  /** Final HTTP status; `null` when the socket was dropped without an answer. */
  status: number | null;
  /** Authentication scheme the request used (`basic` for the OAuth endpoints, `none` without credentials). */
  auth: AuthScheme;
  /** True for a 401 that answered a request without credentials (the digest challenge round trip). */
  challenge: boolean;
  /** Atlas operation id when the request matched a route. */
  operationId?: string;
  /** Type of the fault that fired on this request, if any. */
  fault?: string;
  /** Milliseconds from arrival to the answer, configured latency included; absent when no answer was sent. */
  durationMs?: number;
}

const MAX_ENTRIES = 20_000;

/** In-memory request log (bounded: the oldest entries go first). */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;

  /** Starts an entry; the pipeline fills in status and the rest as it goes. */
  begin(method: string, path: string, query: string, now: number): RequestLogEntry {
    const entry: RequestLogEntry = {
      seq: ++this.seq,
      time: new Date(now).toISOString(),
      method,
      path,
      query,
      status: null,
      auth: "none",
      challenge: false,
    };
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    return entry;
  }

  /** Copies of the entries. */
  list(): RequestLogEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  /** Empties the log (sequence numbers keep counting). */
  clear(): void {
    this.entries = [];
  }
}
