import { expect } from "chai";
import { PacedExchange } from "../../../provider/atlas/paced-exchange";
import { Pacer } from "../../../provider/atlas/pacer";
import { bucketOf, readSignals } from "../../../provider/atlas/rate-limit-signals";
import { DEFAULT_RETRY_OPTIONS, type RetryOptions } from "../../../provider/atlas/retry";
import { RetryingSender } from "../../../provider/atlas/retrying-sender";
import { newStats } from "../../../provider/atlas/stats";
import { ScriptedBucket, VirtualClock, type BucketScript } from "./support/scripted-bucket";

const ORG_KEYS = "/api/atlas/v2/orgs/o/apiKeys";
const PROJECT_KEYS = "/api/atlas/v2/groups/g/apiKeys";

/** The retry and pacing layers over a scripted bucket, all on one virtual clock. */
function setup(script: BucketScript, options: { pacing?: boolean; maxRequestsPerSecond?: number } = {}) {
  const clock = new VirtualClock();
  const server = new ScriptedBucket(clock, script);
  const stats = newStats();
  const pacer = new Pacer({ now: clock.now, sleep: clock.sleep, maxRequestsPerSecond: options.maxRequestsPerSecond });
  const exchange = options.pacing === false ? server : new PacedExchange(server, pacer, clock.now, stats);
  const retry: RetryOptions = { ...DEFAULT_RETRY_OPTIONS, sleep: clock.sleep, now: clock.now, random: () => 0.5 };
  const sender = new RetryingSender(exchange, retry, stats);
  const send = (target: string) =>
    sender.send({ method: "POST", target, retryRule: "idempotent" }).then((r) => r.response.status);
  /** `count` requests started at once (as the engine's parallel steps do); their final statuses. */
  const burst = (count: number, target = ORG_KEYS) =>
    clock.run(Promise.all(Array.from({ length: count }, () => send(target))));
  const log = () => server.log.map((line) => line.replace(ORG_KEYS, "org").replace(PROJECT_KEYS, "project"));
  return { clock, server, stats, pacer, burst, send, log };
}

const statuses = (n: number) => Array.from({ length: n }, () => 200);

describe("atlas pacing under token buckets (virtual clock, scripted bucket)", () => {
  it("never sleeps on an API that announces no limit: after the first answer, requests go at once", async () => {
    const { burst, log, clock, stats } = setup({ capacity: 100, refillPerSecond: 1, limited: false });
    expect(await burst(5)).to.deep.equal(statuses(5));
    expect(await burst(3)).to.deep.equal(statuses(3));
    expect(log()).to.deep.equal([
      // One request first: a bucket never heard from might be drained by another pipeline.
      "0 POST org 200",
      "100 POST org 200",
      "100 POST org 200",
      "100 POST org 200",
      "100 POST org 200",
      "200 POST org 200",
      "200 POST org 200",
      "200 POST org 200",
    ]);
    expect(clock.sleeps).to.deep.equal([]);
    // Only the 4 that waited for the very first answer were held, 100 ms each.
    expect(stats).to.include({ pacedRequests: 4, pacedWaitMs: 400 });
  });

  it("never sleeps while the bucket has tokens", async () => {
    const { burst, log, clock } = setup({ capacity: 10, refillPerSecond: 1 });
    expect(await burst(4)).to.deep.equal(statuses(4));
    expect(await burst(4)).to.deep.equal(statuses(4));
    expect(log()).to.deep.equal([
      "0 POST org 200",
      "100 POST org 200",
      "100 POST org 200",
      "100 POST org 200",
      "200 POST org 200",
      "200 POST org 200",
      "200 POST org 200",
      "200 POST org 200",
    ]);
    expect(clock.sleeps).to.deep.equal([]);
  });

  it("holds requests back at the refill rate instead of bouncing them: 1 answer 429 instead of 12", async () => {
    // Capacity 4, 2 tokens a second, 10 requests at once, 100 ms per answer.
    const paced = setup({ capacity: 4, refillPerSecond: 2 });
    expect(await paced.burst(10)).to.deep.equal(statuses(10));
    expect(paced.log()).to.deep.equal([
      "0 POST org 200", // alone: the first answer tells capacity 4 and 3 tokens left
      "100 POST org 200",
      "100 POST org 200",
      "100 POST org 200", // the bucket is now believed empty, its refill unknown: one request asks
      "200 POST org 429", // ... and its 429 states the refill: 120 per 60 seconds
      "800 POST org 200", // from here one request every 500 ms, as the bucket refills
      "1300 POST org 200",
      "1800 POST org 200",
      "2300 POST org 200",
      "2800 POST org 200",
      "3400 POST org 200", // the refused request, resent after its Retry-After and its turn
    ]);
    expect(paced.stats).to.include({ httpRequests: 11, rateLimited: 1, retries: 1, pacedRequests: 10 });

    const unpaced = setup({ capacity: 4, refillPerSecond: 2 }, { pacing: false });
    expect(await unpaced.burst(10)).to.deep.equal(statuses(10));
    expect(unpaced.log().filter((line) => line.endsWith("429"))).to.have.length(12);
    expect(unpaced.log()).to.have.length(22);
    expect(unpaced.log()[21]).to.equal("3300 POST org 200");
  });

  it("a bucket drained by another pipeline costs one 429, then requests follow the stated refill", async () => {
    const { burst, log, stats } = setup({ capacity: 4, refillPerSecond: 2, initialTokens: 0 });
    expect(await burst(6)).to.deep.equal(statuses(6));
    expect(log()).to.deep.equal([
      "0 POST org 429",
      "600 POST org 200",
      "1100 POST org 200",
      "1600 POST org 200",
      "2100 POST org 200",
      "2600 POST org 200",
      "3200 POST org 200",
    ]);
    expect(stats.rateLimited).to.equal(1);
  });

  it("keeps the full-jitter backoff for the 429s that still happen, and re-learns the bucket from them", async () => {
    const { burst, server, log, clock, pacer } = setup({ capacity: 5, refillPerSecond: 1 });
    expect(await burst(3)).to.deep.equal(statuses(3));
    server.drain(3); // another client takes the tokens this client believes it has
    expect(await burst(3)).to.deep.equal(statuses(3));
    expect(log()).to.deep.equal([
      "0 POST org 200",
      "100 POST org 200",
      "100 POST org 200",
      "200 POST org 429",
      "200 POST org 429",
      "2300 POST org 200",
      "2300 POST org 200",
      "3300 POST org 200",
    ]);
    // Retry-After (1 s) is the floor of each resend's backoff; the pacer then gives each its turn.
    expect(clock.sleeps).to.deep.equal([2000, 1000, 1000, 1000, 2000]);
    expect(pacer.describe("orgs/o/apiKeys")).to.deep.equal({ capacity: 5, refillPerSecond: 1, tokens: 0 });
  });

  it("paces each bucket on its own: a drained organization bucket does not hold project requests", async () => {
    const { clock, send, log } = setup({ capacity: 2, refillPerSecond: 1, initialTokens: 0 });
    const all = Promise.all([send(ORG_KEYS), send(ORG_KEYS), send(PROJECT_KEYS), send(PROJECT_KEYS)]);
    expect(await clock.run(all)).to.deep.equal(statuses(4));
    expect(log()).to.deep.equal([
      "0 POST org 429",
      "0 POST project 200",
      "100 POST project 200",
      "1100 POST org 200",
      "2100 POST org 200",
    ]);
  });

  it("goes back to sending at once after a 429 that states nothing, once a success announces nothing either", async () => {
    const { clock, pacer, log } = setup({ capacity: 100, refillPerSecond: 1, limited: false });
    const release = (status: number) => pacer.release("orgs/o/apiKeys", { status, throttled: status === 429 });
    await clock.run(pacer.acquire("orgs/o/apiKeys"));
    release(429); // e.g. an injected fault: no header, no detail
    expect(pacer.describe("orgs/o/apiKeys").tokens).to.equal(0);
    await clock.run(pacer.acquire("orgs/o/apiKeys"));
    release(200);
    expect(pacer.describe("orgs/o/apiKeys").tokens).to.equal(undefined);
    expect(log()).to.deep.equal([]);
  });

  it("caps the whole client at maxRequestsPerSecond, with bursts of one second's worth", async () => {
    const { burst, log } = setup({ capacity: 100, refillPerSecond: 1, limited: false }, { maxRequestsPerSecond: 2 });
    expect(await burst(6)).to.deep.equal(statuses(6));
    expect(log()).to.deep.equal([
      "0 POST org 200",
      "100 POST org 200",
      "500 POST org 200",
      "1000 POST org 200",
      "1500 POST org 200",
      "2000 POST org 200",
    ]);
  });
});

describe("atlas rate-limit signals (pure)", () => {
  const answer = (status: number, headers: Record<string, string>, body: unknown = {}) => ({
    status,
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

  it("names the bucket of a request from its path", () => {
    expect(bucketOf("/api/atlas/v2/orgs/o1/apiKeys?itemsPerPage=500&pageNum=1")).to.equal("orgs/o1/apiKeys");
    expect(bucketOf("/api/atlas/v2/orgs/o1/apiKeys/k1/accessList/10.0.0.0%2F24")).to.equal("orgs/o1/apiKeys");
    expect(bucketOf("/api/atlas/v2/orgs/o1")).to.equal("orgs/o1");
    expect(bucketOf("/api/atlas/v2/groups/g1/apiKeys/k1")).to.equal("groups/g1/apiKeys");
    expect(bucketOf("/prefix/api/atlas/v2/groups/g1")).to.equal("groups/g1");
    expect(bucketOf("/api/oauth/token")).to.equal("oauth/token");
  });

  it("reads Ratelimit-Limit and Ratelimit-Remaining from any answer", () => {
    expect(readSignals(answer(200, { "ratelimit-limit": "500", "ratelimit-remaining": "42" }), 0)).to.deep.equal({
      status: 200,
      throttled: false,
      capacity: 500,
      remaining: 42,
    });
    expect(readSignals(answer(200, { "ratelimit-remaining": "x" }), 0)).to.deep.equal({
      status: 200,
      throttled: false,
    });
  });

  it("reads capacity, refill and Retry-After from a 429's detail", () => {
    const detail =
      "Rate limit exceeded for api/atlas/v2/orgs. Please retry after 12 seconds. Request capacity: 10. Refill rate: 5 per 60 seconds.";
    const signals = readSignals(answer(429, { "retry-after": "12" }, { error: 429, detail }), 0);
    expect(signals).to.deep.equal({
      status: 429,
      throttled: true,
      capacity: 10,
      refillPerSecond: 5 / 60,
      retryAfterMs: 12_000,
    });
  });

  it("falls back to the 429's parameters, and reads the token endpoint's wording", () => {
    const parameters = readSignals(
      answer(429, {}, { error: 429, parameters: ["api/atlas/v2/orgs", 3, 20, 240, 60] }),
      0,
    );
    expect(parameters).to.include({ capacity: 20, refillPerSecond: 4 });
    const oauth = readSignals(
      answer(
        429,
        { "retry-after": "6" },
        { detail: "Resource api/oauth/token is limited to 10 requests every 1 minutes." },
      ),
      0,
    );
    expect(oauth).to.include({ capacity: 10, retryAfterMs: 6000 });
    expect(oauth.refillPerSecond).to.be.closeTo(10 / 60, 1e-9);
    expect(readSignals(answer(429, {}, "<html>busy</html>"), 0)).to.deep.equal({
      status: 429,
      throttled: true,
      capacity: undefined,
      refillPerSecond: undefined,
      retryAfterMs: undefined,
    });
  });
});
