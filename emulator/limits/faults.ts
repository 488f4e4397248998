/**
 * Scripted failures for testing clients' retry and recovery paths.
 *
 * A fault matches requests by method and a path regular expression and fires on the `nth`
 * matching request, then on the following ones until it has fired `count` times. Matching counts
 * only requests that got past authentication (or need none, like the OAuth token endpoint), so a
 * digest client's unauthenticated first round trip never consumes a fault.
 */

/** What happens when a fault fires. */
export type FaultType =
  /** Answer with `status` and an Atlas-shaped error body instead of processing the request. */
  | "status"
  /** Wait `delayMs`, then process normally. */
  | "latency"
  /** Destroy the socket before processing: the request is never applied. */
  | "drop"
  /** Apply the request, then destroy the socket without answering: the ambiguous case. */
  | "dropAfterCommit";

/** A fault as given to `POST /__emulator/faults` or `handle.injectFault`. */
export interface FaultSpec {
  /** Default: `status` when `status` is given, `latency` when only `delayMs` is. */
  type?: FaultType;
  /** HTTP method to match (case-insensitive); any when omitted. */
  method?: string;
  /** Regular expression (source text) tested against the request path; any when omitted. */
  path?: string;
  /** Fire on the nth matching request (1 = the next one). Default 1. */
  nth?: number;
  /** How many times to fire, consecutively from the nth. Default 1. */
  count?: number;
  /** For `status`: 429, 500, 502, 503, 504 or any 4xx/5xx. */
  status?: number;
  /** For `status`: adds `Retry-After` (seconds). */
  retryAfterSeconds?: number;
  /** For `status`: overrides the Atlas error code of the body. */
  errorCode?: string;
  /** For `status`: overrides the detail of the body. */
  detail?: string;
  /** For `latency`: delay in milliseconds. */
  delayMs?: number;
}

/** A registered fault with its counters. */
export interface Fault
  extends Required<Pick<FaultSpec, "type" | "nth" | "count">>, Omit<FaultSpec, "type" | "nth" | "count"> {
  id: number;
  /** Matching requests seen so far. */
  seen: number;
  /** Times fired so far. */
  fired: number;
}

const FAULT_TYPES: readonly FaultType[] = ["status", "latency", "drop", "dropAfterCommit"];

/** Default Atlas-shaped error for an injected status. */
export function defaultFaultError(status: number): { errorCode: string; detail: string } {
  switch (status) {
    case 429:
      return { errorCode: "RATE_LIMITED", detail: "Too many requests. Please retry later." };
    case 502:
      return { errorCode: "BAD_GATEWAY", detail: "Bad gateway." };
    case 503:
      return { errorCode: "SERVICE_UNAVAILABLE", detail: "Service unavailable." };
    case 504:
      return { errorCode: "GATEWAY_TIMEOUT", detail: "Gateway timeout." };
    case 500:
      return { errorCode: "UNEXPECTED_ERROR", detail: "Unexpected error." };
    default:
      return { errorCode: "INJECTED_FAULT", detail: `Fault injected by the emulator (HTTP ${status}).` };
  }
}

/** The registered faults of one emulator. */
export class FaultInjector {
  private faults: Fault[] = [];
  private nextId = 1;

  /** Validates and registers a fault. Throws `TypeError` on a malformed spec. */
  add(spec: FaultSpec): Fault {
    if (!spec || typeof spec !== "object") throw new TypeError("a fault must be an object");
    const type =
      spec.type ?? (spec.status !== undefined ? "status" : spec.delayMs !== undefined ? "latency" : undefined);
    if (!type || !FAULT_TYPES.includes(type))
      throw new TypeError(`fault type must be one of ${FAULT_TYPES.join(", ")}`);
    const nth = spec.nth ?? 1;
    const count = spec.count ?? 1;
    if (!Number.isInteger(nth) || nth < 1 || !Number.isInteger(count) || count < 1)
      throw new TypeError("nth and count must be integers ≥ 1");
    if (type === "status" && !(Number.isInteger(spec.status) && spec.status! >= 400 && spec.status! <= 599)) {
      throw new TypeError("a status fault needs status 400..599");
    }
    if (type === "latency" && !(typeof spec.delayMs === "number" && spec.delayMs >= 0))
      throw new TypeError("a latency fault needs delayMs ≥ 0");
    if (spec.path !== undefined) new RegExp(spec.path); // throws SyntaxError on a bad pattern
    const fault: Fault = { ...spec, type, nth, count, id: this.nextId++, seen: 0, fired: 0 };
    this.faults.push(fault);
    return fault;
  }

  /** Counts this request against every matching fault and returns the first one that fires. */
  next(method: string, path: string): Fault | undefined {
    let firing: Fault | undefined;
    for (const fault of this.faults) {
      if (fault.method && fault.method.toUpperCase() !== method.toUpperCase()) continue;
      if (fault.path !== undefined && !new RegExp(fault.path).test(path)) continue;
      fault.seen += 1;
      if (!firing && fault.seen >= fault.nth && fault.fired < fault.count) {
        fault.fired += 1;
        firing = fault;
      }
    }
    return firing;
  }

  /** Registered faults with their counters. */
  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** Removes every fault. */
  clear(): void {
    this.faults = [];
  }
}
