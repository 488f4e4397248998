import { expect } from "chai";
import {
  backoffDelay,
  classify,
  decide,
  retryAfterMs,
  retryDelay,
  DEFAULT_RETRY_OPTIONS,
  type RetryOptions,
} from "../../../provider/atlas/retry";
import type { TransportFailure, TransportOutcome } from "../../../provider/atlas/transport";

const response = (status: number, headers: Record<string, string> = {}, body = ""): TransportOutcome => ({
  ok: true,
  response: { status, headers, body },
});
const failure = (kind: TransportFailure["kind"], maybeSent: boolean, code = "X"): TransportOutcome => ({
  ok: false,
  failure: { kind, code, message: code, maybeSent },
});

function options(overrides: Partial<RetryOptions> = {}): RetryOptions {
  return { ...DEFAULT_RETRY_OPTIONS, sleep: async () => undefined, random: () => 0.5, now: () => 0, ...overrides };
}

describe("atlas retry policy (pure)", () => {
  it("classifies outcomes", () => {
    const table: Array<[TransportOutcome, string]> = [
      [response(200), "success"],
      [response(204), "success"],
      [response(429), "throttling"],
      [response(500), "transient"],
      [response(502), "transient"],
      [response(503), "transient"],
      [response(504), "transient"],
      [response(501), "client"],
      [response(400), "client"],
      [response(401), "client"],
      [response(404), "client"],
      [response(409), "client"],
      [response(302), "client"],
      [failure("refused", false, "ECONNREFUSED"), "transient"],
      [failure("reset", true, "ECONNRESET"), "transient"],
      [failure("timeout", true, "TIMEOUT"), "transient"],
      [failure("connectTimeout", false), "transient"],
    ];
    for (const [outcome, expected] of table) {
      expect(classify(outcome), JSON.stringify(outcome)).to.equal(expected);
    }
  });

  it("resends idempotent requests on throttling and transient failures only, within maxAttempts", () => {
    expect(decide(response(503), "idempotent", 1, 6)).to.deep.equal({ retry: true, ambiguous: false });
    expect(decide(failure("reset", true), "idempotent", 1, 6)).to.deep.equal({ retry: true, ambiguous: false });
    expect(decide(response(429), "idempotent", 5, 6)).to.deep.equal({ retry: true, ambiguous: false });
    expect(decide(response(429), "idempotent", 6, 6)).to.deep.equal({ retry: false, ambiguous: false });
    expect(decide(response(404), "idempotent", 1, 6)).to.deep.equal({ retry: false, ambiguous: false });
    expect(decide(response(200), "idempotent", 1, 6)).to.deep.equal({ retry: false, ambiguous: false });
  });

  it("never resends a key-creating POST that may have been processed", () => {
    for (const outcome of [
      response(500),
      response(502),
      response(503),
      response(504),
      failure("reset", true),
      failure("timeout", true),
    ]) {
      expect(decide(outcome, "createsKey", 1, 6), JSON.stringify(outcome)).to.deep.equal({
        retry: false,
        ambiguous: true,
      });
    }
  });

  it("resends a key-creating POST after a 429 or a failure before sending", () => {
    expect(decide(response(429), "createsKey", 1, 6)).to.deep.equal({ retry: true, ambiguous: false });
    expect(decide(failure("refused", false), "createsKey", 1, 6)).to.deep.equal({ retry: true, ambiguous: false });
    expect(decide(failure("connectTimeout", false), "createsKey", 1, 6)).to.deep.equal({
      retry: true,
      ambiguous: false,
    });
    expect(decide(response(400), "createsKey", 1, 6)).to.deep.equal({ retry: false, ambiguous: false });
  });

  it("full-jitter backoff stays within [0, min(max, base * 2^attempt))", () => {
    const opts = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(0, { ...opts, random: () => 0 })).to.equal(0);
    expect(backoffDelay(0, { ...opts, random: () => 0.999 })).to.equal(99);
    expect(backoffDelay(2, { ...opts, random: () => 0.5 })).to.equal(200);
    expect(backoffDelay(3, { ...opts, random: () => 0.999 })).to.equal(799);
    expect(backoffDelay(10, { ...opts, random: () => 0.999 })).to.equal(999); // capped by maxDelayMs
  });

  it("reads Retry-After as seconds, as an HTTP date, or from Atlas's 429 detail", () => {
    const now = Date.parse("2026-08-01T00:00:00Z");
    expect(retryAfterMs({ "retry-after": "7" }, "", now)).to.equal(7000);
    expect(retryAfterMs({ "retry-after": "Sat, 01 Aug 2026 00:00:30 GMT" }, "", now)).to.equal(30_000);
    expect(
      retryAfterMs({}, '{"detail":"Rate limit exceeded for api/atlas/v2/orgs. Please retry after 55 seconds."}', now),
    ).to.equal(55_000);
    expect(retryAfterMs({}, "", now)).to.equal(undefined);
  });

  it("honours Retry-After as a floor and caps it at maxRetryAfterMs", () => {
    const opts = options({ baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 60_000, random: () => 0 });
    expect(retryDelay(response(429, { "retry-after": "3" }), 0, opts)).to.equal(3000);
    expect(retryDelay(response(429, { "retry-after": "3600" }), 0, opts)).to.equal(60_000);
    expect(retryDelay(response(503, { "retry-after": "2" }), 0, opts)).to.equal(2000);
    // A jittered delay larger than Retry-After wins: Retry-After is a minimum.
    expect(retryDelay(response(429, { "retry-after": "0" }), 3, { ...opts, random: () => 0.5 })).to.equal(400);
    expect(retryDelay(response(500), 1, { ...opts, random: () => 0.5 })).to.equal(100);
  });
});
