import { expect } from "chai";
import { resolveSettings, ConfigurationError } from "../../../provider/config/settings";

const PRIVATE = "c8150efd-c7a0-4afd-8c4f-01bdd56c8977";

function settings(config: Record<string, string>, env: Record<string, string> = {}) {
  return resolveSettings({ config: (key) => config[key], env });
}

describe("provider settings", () => {
  it("reads an API key from stack config", () => {
    const s = settings({ "mongodbatlas:publicKey": "abcdefgh", "mongodbatlas:privateKey": PRIVATE });
    expect(s.credentials).to.deep.equal({ type: "apiKey", publicKey: "abcdefgh", privateKey: PRIVATE });
    expect(s.baseUrl).to.equal("https://cloud.mongodb.com");
  });

  it("falls back to every environment variable users already set", () => {
    for (const [pub, priv] of [
      ["MONGODB_ATLAS_PUBLIC_KEY", "MONGODB_ATLAS_PRIVATE_KEY"],
      ["MONGODB_ATLAS_PUBLIC_API_KEY", "MONGODB_ATLAS_PRIVATE_API_KEY"],
    ]) {
      const s = settings({}, { [pub]: "abcdefgh", [priv]: PRIVATE, MONGODB_ATLAS_BASE_URL: "http://127.0.0.1:8080/" });
      expect(s.credentials).to.deep.include({ type: "apiKey", publicKey: "abcdefgh" });
      expect(s.baseUrl).to.equal("http://127.0.0.1:8080");
    }
    const sa = settings({}, { MONGODB_ATLAS_CLIENT_ID: "mdb_sa_id", MONGODB_ATLAS_CLIENT_SECRET: "s3cret" });
    expect(sa.credentials).to.deep.equal({ type: "serviceAccount", clientId: "mdb_sa_id", clientSecret: "s3cret" });
  });

  it("prefers stack config to the environment", () => {
    const s = settings(
      { "mongodbatlas:publicKey": "fromconf", "mongodbatlas:privateKey": PRIVATE },
      { MONGODB_ATLAS_PUBLIC_KEY: "fromenvv" },
    );
    expect(s.credentials).to.deep.include({ publicKey: "fromconf" });
  });

  it("uses the service account when both are set, with a warning", () => {
    const s = settings(
      { "mongodbatlas:publicKey": "abcdefgh", "mongodbatlas:privateKey": PRIVATE },
      { MONGODB_ATLAS_CLIENT_ID: "mdb_sa_id", MONGODB_ATLAS_CLIENT_SECRET: "s3cret" },
    );
    expect(s.credentials.type).to.equal("serviceAccount");
    expect(s.warnings.join()).to.match(/using the service account/);
  });

  const bad: [string, Record<string, string>, RegExp][] = [
    ["nothing set", {}, /credentials are missing.*mongodbatlas:publicKey.*MONGODB_ATLAS_CLIENT_ID/],
    ["half an API key", { "mongodbatlas:publicKey": "abcdefgh" }, /only mongodbatlas:publicKey set/],
    [
      "empty public key",
      { "mongodbatlas:publicKey": " ", "mongodbatlas:privateKey": PRIVATE },
      /mongodbatlas:publicKey is set but empty/,
    ],
    [
      "private key in the public key field",
      { "mongodbatlas:publicKey": PRIVATE, "mongodbatlas:privateKey": PRIVATE },
      /shaped like a private key/,
    ],
    [
      "base URL without scheme",
      {
        "mongodbatlas:publicKey": "abcdefgh",
        "mongodbatlas:privateKey": PRIVATE,
        "mongodbatlas:baseUrl": "cloud.mongodb.com",
      },
      /mongodbatlas:baseUrl.*no scheme/,
    ],
    [
      "plain http to a remote host",
      {
        "mongodbatlas:publicKey": "abcdefgh",
        "mongodbatlas:privateKey": PRIVATE,
        "mongodbatlas:baseUrl": "http://cloud.mongodb.com",
      },
      /only allowed for the local machine/,
    ],
  ];
  for (const [name, config, message] of bad) {
    it(`rejects ${name} with a clear message and no secret in it`, () => {
      let error: unknown;
      try {
        settings(config);
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(ConfigurationError);
      expect((error as Error).message).to.match(message);
      expect((error as Error).message).to.not.include(PRIVATE);
    });
  }
});
