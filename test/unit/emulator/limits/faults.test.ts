import { expect } from "chai";
import { start, type EmulatorHandle } from "../../../../emulator";
import { rejectionOf } from "../../../support/rejection-of";
import { DigestClient, fetchToken, rawRequest } from "../support/http-client";

describe("emulator fault injection", function () {
  this.timeout(30_000);
  let emu: EmulatorHandle;
  let api: DigestClient;
  const orgKeys = () => `/api/atlas/v2/orgs/${emu.orgId}/apiKeys`;
  const keyCount = () => Object.keys(emu.model.state.apiKeys).length;

  before(async () => {
    emu = await start({ seed: "fault-tests", rateLimit: false });
    api = new DigestClient(emu.url, emu.publicKey, emu.privateKey);
  });
  after(() => emu.close());
  beforeEach(() => emu.reset());

  it("fires a status fault on the nth matching request only, with an Atlas body and Retry-After", async () => {
    emu.injectFault({ method: "POST", path: "/apiKeys$", nth: 2, status: 503, retryAfterSeconds: 7 });
    expect((await api.get(orgKeys())).status).to.equal(200); // GET does not match
    expect((await api.post(orgKeys(), { desc: "1", roles: ["ORG_MEMBER"] })).status).to.equal(200);
    const failed = await api.post(orgKeys(), { desc: "2", roles: ["ORG_MEMBER"] });
    expect(failed.status).to.equal(503);
    expect(failed.headers["retry-after"]).to.equal("7");
    expect(failed.headers["content-type"]).to.equal("application/json");
    expect(failed.json).to.deep.equal({
      detail: "Service unavailable.",
      error: 503,
      errorCode: "SERVICE_UNAVAILABLE",
      parameters: [],
      reason: "Service Unavailable",
    });
    expect((await api.post(orgKeys(), { desc: "3", roles: ["ORG_MEMBER"] })).status).to.equal(200);
    expect(emu.state().apiKeys.map((k) => k.desc))
      .to.include.members(["1", "3"])
      .and.not.include("2");
    expect(emu.faults()[0]).to.include({ seen: 3, fired: 1 });
  });

  it("fires `count` times in a row; 429 without Retry-After; error code overridable", async () => {
    emu.injectFault({ path: "/apiKeys", status: 429, count: 2 });
    emu.injectFault({ method: "DELETE", status: 400, errorCode: "INVALID_ATTRIBUTE" });
    const first = await api.get(orgKeys());
    expect(first.status).to.equal(429);
    expect(first.headers).to.not.have.property("retry-after");
    expect(first.json.errorCode).to.equal("RATE_LIMITED");
    expect((await api.get(orgKeys())).status).to.equal(429);
    expect((await api.get(orgKeys())).status).to.equal(200);
    const del = await api.delete(`${orgKeys()}/${emu.apiKeyId}`);
    expect(del.json).to.include({ error: 400, errorCode: "INVALID_ATTRIBUTE" });
  });

  for (const status of [500, 502, 504]) {
    it(`injects ${status} with an Atlas-shaped body`, async () => {
      emu.injectFault({ status });
      const res = await api.get(orgKeys());
      expect(res.status).to.equal(status);
      expect(Object.keys(res.json)).to.deep.equal(["detail", "error", "errorCode", "parameters", "reason"]);
    });
  }

  it("drop: destroys the socket before processing, so nothing is applied", async () => {
    emu.injectFault({ type: "drop", method: "POST", path: "/apiKeys$" });
    const before = keyCount();
    const error = await rejectionOf<NodeJS.ErrnoException>(
      api.post(orgKeys(), { desc: "never", roles: ["ORG_MEMBER"] }),
      "a dropped connection",
    );
    expect(error.code).to.be.oneOf(["ECONNRESET", "EPIPE"]);
    expect(keyCount()).to.equal(before);
    expect(emu.requests().pop()).to.include({ status: null, fault: "drop" });
  });

  it("dropAfterCommit: applies the operation, then destroys the socket without answering", async () => {
    emu.injectFault({ type: "dropAfterCommit", method: "POST", path: "/apiKeys$" });
    const before = keyCount();
    const error = await rejectionOf<NodeJS.ErrnoException>(
      api.post(orgKeys(), { desc: "ambiguous", roles: ["ORG_MEMBER"] }),
      "a dropped connection",
    );
    expect(error.code).to.equal("ECONNRESET");
    expect(keyCount()).to.equal(before + 1);
    expect(emu.state().apiKeys.map((k) => k.desc)).to.include("ambiguous");
  });

  it("latency: delays the answer by delayMs and then processes normally", async () => {
    emu.injectFault({ type: "latency", delayMs: 300, path: "/apiKeys$" });
    const started = Date.now();
    const res = await api.get(orgKeys());
    expect(res.status).to.equal(200);
    expect(Date.now() - started).to.be.at.least(290);
  });

  it("applies to the OAuth token endpoint too", async () => {
    emu.injectFault({ path: "^/api/oauth/token$", status: 503 });
    expect((await fetchToken(emu.url, emu.clientId, emu.clientSecret)).status).to.equal(503);
    expect((await fetchToken(emu.url, emu.clientId, emu.clientSecret)).status).to.equal(200);
  });

  it("is driven over the control plane: POST, GET and DELETE /__emulator/faults", async () => {
    const add = await rawRequest(emu.url, "POST", "/__emulator/faults", {
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        method: "POST",
        path: "/accessList$",
        status: 400,
        count: 1,
        errorCode: "INVALID_ATTRIBUTE",
      }),
    });
    expect(add.status).to.equal(200);
    expect(add.json.faults[0]).to.include({ type: "status", nth: 1, count: 1, status: 400 });
    expect((await rawRequest(emu.url, "GET", "/__emulator/faults")).json.faults).to.have.length(1);
    const bad = await rawRequest(emu.url, "POST", "/__emulator/faults", { body: JSON.stringify({ type: "explode" }) });
    expect(bad.status).to.equal(400);
    expect((await rawRequest(emu.url, "DELETE", "/__emulator/faults")).status).to.equal(204);
    expect(emu.faults()).to.deep.equal([]);
  });
});
