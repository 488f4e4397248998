import { expect } from "chai";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { start, type EmulatorHandle } from "../../../../emulator";
import { expectAtlasError } from "../support/assertions";
import { digestAuthorization, DigestClient, parseChallenge, rawRequest } from "../support/http-client";

/** Every way found to walk from an Admin API path up to the control plane. */
const TRAVERSALS = [
  "/api/atlas/v2/../../../__emulator/state",
  "/api/atlas/v2/%2e%2e/%2e%2e/%2e%2e/__emulator/state",
  "/api/atlas/v2/%2E%2E/%2E%2E/%2E%2E/__emulator/state",
  "/api/atlas/v2/%2e./.%2E/%2e%2E/__emulator/state",
  "/api/atlas/v2/..\\..\\..\\__emulator/state",
  "/api/atlas/v2/..%5c..%5c..%5c__emulator/state",
  "/api/atlas/v2/..%2F..%2F..%2F__emulator%2Fstate",
  "/api/atlas/v2/%2e%2e%5C%2e%2e%5C%2e%2e%5C__emulator/state",
  "/./__emulator/state",
  "//__emulator/state",
];

describe("emulator under hostile input", function () {
  this.timeout(30_000);
  let emu: EmulatorHandle;
  let api: DigestClient;
  let keyId: string;

  before(async () => {
    emu = await start({ seed: "hostile-input", rateLimit: false });
    api = new DigestClient(emu.url, emu.publicKey, emu.privateKey, { reuseNonce: true });
    const key = await api.post(`/api/atlas/v2/orgs/${emu.orgId}/apiKeys`, { desc: "target", roles: ["ORG_MEMBER"] });
    keyId = key.json.id;
  });
  after(() => emu.close());
  const accessList = () => `/api/atlas/v2/orgs/${emu.orgId}/apiKeys/${keyId}/accessList`;

  describe("access-list entries of the wrong JSON type", () => {
    for (const value of [42, true, {}, [], ["192.0.2.1/32"], { toString: 1 }, { valueOf: null, toString: null }]) {
      for (const attribute of ["cidrBlock", "ipAddress"]) {
        it(`answers 400 INVALID_JSON_ATTRIBUTE naming ${attribute} for ${JSON.stringify(value)}`, async () => {
          const res = await api.post(accessList(), [{ [attribute]: value }]);
          expectAtlasError(res, 400, "INVALID_JSON_ATTRIBUTE");
          expect(res.json.parameters).to.deep.equal([attribute]);
          expect(res.json.detail).to.include(attribute);
        });
      }
    }

    it("adds nothing when one item of the batch has the wrong type", async () => {
      const res = await api.post(accessList(), [{ cidrBlock: "192.0.2.0/24" }, { cidrBlock: { toString: 1 } }]);
      expectAtlasError(res, 400, "INVALID_JSON_ATTRIBUTE");
      expect((await api.get(accessList())).json.results).to.deep.equal([]);
    });
  });

  describe("the control plane is reachable only by its own exact prefix", () => {
    for (const path of TRAVERSALS) {
      it(`does not serve ${path} from the control plane, with or without credentials`, async () => {
        const anonymous = await rawRequest(emu.url, "GET", path);
        expect(anonymous.text).not.to.include("apiKeys");
        expect(anonymous.text).not.to.include(emu.publicKey);
        expect([401, 404]).to.include(anonymous.status);
        const signed = await api.get(path);
        expect(signed.text).not.to.include(emu.publicKey);
        expect(signed.status).to.be.oneOf([400, 404]);
      });
    }

    it("answers an unauthenticated traversal from the Admin API with the digest challenge", async () => {
      const res = await rawRequest(emu.url, "GET", TRAVERSALS[0]);
      expect(res.status).to.equal(401);
      expect(res.headers["www-authenticate"]).to.match(/^Digest /);
    });

    it("names no control endpoint for dot segments inside the prefix", async () => {
      for (const path of [
        "/__emulator/../__emulator/state",
        "/__emulator/%2e%2e/__emulator/state",
        "/__emulator/./state",
      ]) {
        const res = await rawRequest(emu.url, "GET", path);
        expect(res.status, path).to.equal(404);
        expect(res.text).not.to.include(emu.publicKey);
      }
    });

    it("still serves the exact control path", async () => {
      const res = await rawRequest(emu.url, "GET", "/__emulator/state");
      expect(res.status).to.equal(200);
      expect(res.json.apiKeys.length).to.be.greaterThan(0);
    });
  });

  describe("request bodies over 1 MiB", () => {
    const oversize = Buffer.alloc(1024 * 1024 + 1, 0x20);

    it("answers an unauthenticated oversize request with the 401 challenge, not 413", async () => {
      const res = await rawRequest(emu.url, "POST", accessList(), { body: oversize });
      expect(res.status).to.equal(401);
      expect(res.headers["www-authenticate"]).to.match(/^Digest /);
    });

    it("answers an authenticated oversize request 413 with an Atlas error body", async () => {
      const res = await api.post(accessList(), oversize.toString("utf8"));
      expectAtlasError(res, 413, "PAYLOAD_TOO_LARGE");
      expect(res.json.reason).to.equal("Payload Too Large");
      expect((await api.get(accessList())).json.results).to.deep.equal([]);
    });

    it("accepts a body of exactly 1 MiB (refused for its content, not its size)", async () => {
      const body = `[${" ".repeat(1024 * 1024 - 2)}]`;
      const res = await api.post(accessList(), body);
      expect(res.status).not.to.equal(413);
    });

    it("refuses an oversize body on the control plane with 413 and applies nothing", async () => {
      const res = await rawRequest(emu.url, "POST", "/__emulator/seed", { body: oversize });
      expect(res.status).to.equal(413);
      expect(res.json.error).to.equal(413);
    });
  });

  describe("digest nonce counts", () => {
    it("refuses nc=00000000 and still accepts nc=00000001 with the same nonce", async () => {
      const path = `/api/atlas/v2/orgs/${emu.orgId}/apiKeys`;
      const first = await rawRequest(emu.url, "GET", path);
      const challenge = parseChallenge(String(first.headers["www-authenticate"]));
      const signed = (nc: number) => ({
        headers: { Authorization: digestAuthorization(challenge, "GET", path, emu.publicKey, emu.privateKey, nc) },
      });
      const zero = await rawRequest(emu.url, "GET", path, signed(0));
      expect(zero.status).to.equal(401);
      expect(zero.headers["www-authenticate"]).to.match(/^Digest .*stale=false$/);
      expect((await rawRequest(emu.url, "GET", path, signed(1))).status).to.equal(200);
    });
  });
});

describe("emulator command line with a broken state file", function () {
  this.timeout(30_000);
  const CLI = join(__dirname, "..", "..", "..", "..", "emulator", "cli.js");
  const PRIVATE_KEY = "c8150efd-c7a0-4afd-8c4f-01bdd56c8977";
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), "atlas-emulator-broken-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function run(args: string[]): Promise<{ code: number | null; output: string }> {
    const child = spawn(process.execPath, [CLI, ...args]);
    let output = "";
    child.stdout.on("data", (c) => (output += c));
    child.stderr.on("data", (c) => (output += c));
    return new Promise((resolve) => child.once("exit", (code) => resolve({ code, output })));
  }

  /** No run of 4 or more characters of the private key (its dashes aside) may be printed. */
  function expectNoPartOfKey(output: string): void {
    const clear = PRIVATE_KEY.replace(/-/g, "");
    for (let i = 0; i + 4 <= clear.length; i++) {
      const part = clear.slice(i, i + 4);
      expect(output.replace(/-/g, "").includes(part), "a part of the private key was printed").to.equal(false);
    }
  }

  const key = { id: "a".repeat(24), publicKey: "abcdefgh", privateKey: PRIVATE_KEY, orgId: "b".repeat(24) };
  const broken: Record<string, string> = {
    "truncated JSON": `{"version":1,"state":{"apiKeys":{"x":{"privateKey":"${PRIVATE_KEY}"`,
    "a stray token after the key": `{"version":1,"privateKey":"${PRIVATE_KEY}"}}`,
    "the key as the version": JSON.stringify({ version: PRIVATE_KEY }),
    "the key as the seed": JSON.stringify({ version: 1, seed: { privateKey: PRIVATE_KEY }, random: [], state: {} }),
    "a bad generator state": JSON.stringify({ version: 1, seed: PRIVATE_KEY, random: [PRIVATE_KEY], state: {} }),
    "defaults naming a missing organization": JSON.stringify({
      version: 1,
      seed: "s",
      random: [1, 2, 3, 4],
      state: { orgs: {}, apiKeys: { [key.id]: key }, defaults: [{ orgId: PRIVATE_KEY, projectIds: [] }, {}] },
    }),
    "defaults that are not a list": JSON.stringify({
      version: 1,
      seed: "s",
      random: [1, 2, 3, 4],
      state: { defaults: PRIVATE_KEY, apiKeys: { [key.id]: key } },
    }),
  };

  for (const [name, content] of Object.entries(broken)) {
    it(`exits 1 naming the file and the fix, printing no part of a private key (${name})`, async () => {
      const file = join(dir, `${name.replace(/\W+/g, "-")}.json`);
      writeFileSync(file, content);
      const { code, output } = await run(["--port", "0", "--state-file", file]);
      expect(code).to.equal(1);
      expect(output).to.include(file);
      expect(output).to.include("fix or delete it");
      expectNoPartOfKey(output);
    });
  }
});
