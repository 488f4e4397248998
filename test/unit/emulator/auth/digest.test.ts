import { expect } from "chai";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { start, type EmulatorHandle } from "../../../../emulator";
import { UNAUTHORIZED_BODY } from "../../../../emulator/http/errors";
import { parseDigestHeader } from "../../../../emulator/auth/digest";
import { digestAuthorization, DigestClient, parseChallenge, rawRequest } from "../support/http-client";

const run = promisify(execFile);
const CHALLENGE =
  /^Digest realm="MMS Public API", domain="", nonce="[A-Za-z0-9+/=]{32}", algorithm=MD5, qop="auth", stale=false$/;

/** Python's standard-library digest client: prints the status line, then the body. */
const PYTHON_CLIENT = `
import sys, urllib.request, urllib.error
base, url, user, password, method, body = sys.argv[1:7]
manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
manager.add_password(None, base, user, password)
opener = urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(manager))
request = urllib.request.Request(url, data=body.encode() if body else None, method=method,
    headers={"Content-Type": "application/vnd.atlas.2023-01-01+json", "Accept": "application/vnd.atlas.2023-01-01+json"})
try:
    with opener.open(request) as response:
        print(response.status); print(response.read().decode())
except urllib.error.HTTPError as error:
    print(error.code); print(error.read().decode())
`;

describe("emulator HTTP digest authentication", function () {
  this.timeout(30_000);
  let emu: EmulatorHandle;
  let clock = Date.now();

  before(async () => {
    emu = await start({ seed: "digest-tests", rateLimit: false, now: () => clock });
  });
  after(() => emu.close());
  beforeEach(() => {
    clock = Date.now();
    emu.configure({ nonceReuse: true, nonceLifetimeMs: 60_000, digestAlgorithm: "MD5" });
  });

  const keysPath = () => `/api/atlas/v2/orgs/${emu.orgId}/apiKeys`;

  async function challenge(path = keysPath(), method = "GET") {
    const res = await rawRequest(emu.url, method, path);
    expect(res.status).to.equal(401);
    return parseChallenge(String(res.headers["www-authenticate"]));
  }

  it("answers an unauthenticated request with the live challenge, byte for byte, and the live 401 body", async () => {
    const res = await rawRequest(emu.url, "GET", keysPath());
    expect(res.status).to.equal(401);
    expect(res.headers["www-authenticate"]).to.match(CHALLENGE);
    expect(res.headers["content-type"]).to.equal("application/json");
    expect(res.text).to.equal(
      '{"error" : 401, "reason" : "Unauthorized", "detail" : "You are not authorized for this resource.", "errorCode" : "UNEXPECTED_ERROR"}',
    );
    expect(res.text).to.equal(UNAUTHORIZED_BODY);
  });

  it("issues a new nonce with every challenge", async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 5; i++) nonces.add((await challenge()).nonce);
    expect(nonces.size).to.equal(5);
  });

  it("accepts a correct response and serves the request", async () => {
    const res = await new DigestClient(emu.url, emu.publicKey, emu.privateKey).get(keysPath());
    expect(res.status).to.equal(200);
  });

  /** curl, silent, with digest authentication as the admin key; `args` follow the credentials. */
  const curlDigest = (args: string[]) =>
    run("curl", ["-s", "--digest", "-u", `${emu.publicKey}:${emu.privateKey}`, ...args]);

  it("is accepted by curl --digest for a GET and a POST with a query string", async () => {
    const get = await curlDigest(["-w", "\n%{http_code}", `${emu.url}${keysPath()}?pretty=true`]);
    expect(get.stdout.trim().split("\n").pop()).to.equal("200");
    const post = await curlDigest([
      "-X",
      "POST",
      "-H",
      "Content-Type: application/vnd.atlas.2023-01-01+json",
      "-d",
      '{"desc":"from curl","roles":["ORG_MEMBER"]}',
      "-w",
      "\n%{http_code}",
      `${emu.url}${keysPath()}?envelope=false&pretty=false`,
    ]);
    const lines = post.stdout.trim().split("\n");
    expect(lines.pop()).to.equal("200");
    expect(JSON.parse(lines.join("\n"))).to.include({ desc: "from curl" });
  });

  it("is accepted by curl for SHA-256 challenges", async () => {
    emu.configure({ digestAlgorithm: "SHA-256" });
    const first = await rawRequest(emu.url, "GET", keysPath());
    expect(first.headers["www-authenticate"]).to.match(/, algorithm=SHA-256, qop="auth", stale=false$/);
    const out = await curlDigest(["-o", "/dev/null", "-w", "%{http_code}", `${emu.url}${keysPath()}?pageNum=1`]);
    expect(out.stdout).to.equal("200");
  });

  it("is accepted by Python's urllib HTTPDigestAuthHandler for a GET and a POST with a query string", async () => {
    const python = (url: string, method: string, body: string) =>
      run("python3", ["-c", PYTHON_CLIENT, `${emu.url}/`, url, emu.publicKey, emu.privateKey, method, body]);
    const get = await python(`${emu.url}${keysPath()}?itemsPerPage=5&pageNum=1`, "GET", "");
    expect(get.stdout.split("\n")[0]).to.equal("200");
    const post = await python(
      `${emu.url}${keysPath()}?pretty=true`,
      "POST",
      '{"desc":"from python","roles":["ORG_READ_ONLY"]}',
    );
    const [status, ...body] = post.stdout.split("\n");
    expect(status).to.equal("200");
    expect(JSON.parse(body.join("\n"))).to.include({ desc: "from python" });
  });

  it("answers a wrong password and an unknown user with the same 401", async () => {
    for (const [user, password] of [
      [emu.publicKey, "00000000-0000-4000-8000-000000000000"],
      ["zzzzzzzz", emu.privateKey],
    ]) {
      const res = await new DigestClient(emu.url, user, password).get(keysPath());
      expect(res.status).to.equal(401);
      expect(res.text).to.equal(UNAUTHORIZED_BODY);
      expect(res.headers["www-authenticate"]).to.match(CHALLENGE);
    }
  });

  it("rejects a replayed nc and accepts the same nonce with a higher nc", async () => {
    const c = await challenge();
    const authorization = digestAuthorization(c, "GET", keysPath(), emu.publicKey, emu.privateKey, 1);
    const send = (auth: string) => rawRequest(emu.url, "GET", keysPath(), { headers: { Authorization: auth } });
    expect((await send(authorization)).status).to.equal(200);
    const replay = await send(authorization);
    expect(replay.status).to.equal(401);
    expect(replay.headers["www-authenticate"]).to.match(CHALLENGE);
    expect((await send(digestAuthorization(c, "GET", keysPath(), emu.publicKey, emu.privateKey, 2))).status).to.equal(
      200,
    );
    expect((await send(digestAuthorization(c, "GET", keysPath(), emu.publicKey, emu.privateKey, 2))).status).to.equal(
      401,
    );
  });

  it("accepts counts that arrive out of order once each, but not far below the highest", async () => {
    const c = await challenge();
    const send = (nc: number) =>
      rawRequest(emu.url, "GET", keysPath(), {
        headers: { Authorization: digestAuthorization(c, "GET", keysPath(), emu.publicKey, emu.privateKey, nc) },
      });
    expect((await send(3)).status).to.equal(200);
    expect((await send(1)).status).to.equal(200);
    expect((await send(2)).status).to.equal(200);
    expect((await send(1)).status).to.equal(401);
    expect((await send(300)).status).to.equal(200);
    expect((await send(4)).status).to.equal(401);
  });

  it("makes every nonce single-use when nonceReuse is false (stale=true on reuse)", async () => {
    emu.configure({ nonceReuse: false });
    const c = await challenge();
    const send = (nc: number) =>
      rawRequest(emu.url, "GET", keysPath(), {
        headers: { Authorization: digestAuthorization(c, "GET", keysPath(), emu.publicKey, emu.privateKey, nc) },
      });
    expect((await send(1)).status).to.equal(200);
    const reused = await send(2);
    expect(reused.status).to.equal(401);
    expect(reused.headers["www-authenticate"]).to.match(/stale=true$/);
    // A client that falls back to a fresh challenge keeps working.
    const client = new DigestClient(emu.url, emu.publicKey, emu.privateKey, { reuseNonce: true });
    for (let i = 0; i < 3; i++) expect((await client.get(keysPath())).status).to.equal(200);
  });

  it("expires nonces after nonceLifetimeMs and then answers stale=true", async () => {
    emu.configure({ nonceLifetimeMs: 60_000 });
    const c = await challenge();
    clock += 60_001;
    const res = await rawRequest(emu.url, "GET", keysPath(), {
      headers: { Authorization: digestAuthorization(c, "GET", keysPath(), emu.publicKey, emu.privateKey, 1) },
    });
    expect(res.status).to.equal(401);
    expect(res.headers["www-authenticate"]).to.match(
      /^Digest realm="MMS Public API", domain="", nonce="[^"]+", algorithm=MD5, qop="auth", stale=true$/,
    );
    expect(res.text).to.equal(UNAUTHORIZED_BODY);
  });

  it("answers stale=false to wrong credentials even with an expired nonce", async () => {
    const c = await challenge();
    clock += 120_000;
    const res = await rawRequest(emu.url, "GET", keysPath(), {
      headers: { Authorization: digestAuthorization(c, "GET", keysPath(), emu.publicKey, "wrong", 1) },
    });
    expect(res.headers["www-authenticate"]).to.match(/stale=false$/);
  });

  it("requires the uri directive to be the request target including the query string", async () => {
    const c = await challenge();
    const signedWithoutQuery = digestAuthorization(c, "GET", keysPath(), emu.publicKey, emu.privateKey, 1);
    const res = await rawRequest(emu.url, "GET", `${keysPath()}?pageNum=1`, {
      headers: { Authorization: signedWithoutQuery },
    });
    expect(res.status).to.equal(401);
  });

  it("requires the method of the request in the digest", async () => {
    const c = await challenge();
    const signedForGet = digestAuthorization(c, "GET", keysPath(), emu.publicKey, emu.privateKey, 1);
    const res = await rawRequest(emu.url, "DELETE", keysPath(), { headers: { Authorization: signedForGet } });
    expect(res.status).to.equal(401);
  });

  it("does not accept Basic credentials on the Admin API", async () => {
    const basic = Buffer.from(`${emu.publicKey}:${emu.privateKey}`).toString("base64");
    const res = await rawRequest(emu.url, "GET", keysPath(), { headers: { Authorization: `Basic ${basic}` } });
    expect(res.status).to.equal(401);
    expect(res.headers["www-authenticate"]).to.match(CHALLENGE);
  });

  it("parses quoted, unquoted and escaped directives", () => {
    expect(parseDigestHeader('Digest username="a\\"b", qop=auth, nc=00000001, algorithm="MD5"')).to.deep.equal({
      username: 'a"b',
      qop: "auth",
      nc: "00000001",
      algorithm: "MD5",
    });
    expect(parseDigestHeader("Basic abc")).to.equal(undefined);
  });
});
