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

  it("takes the whole credential set from stack config when it sets any, never merging in the environment", () => {
    const s = settings(
      { "mongodbatlas:publicKey": "abcdefgh", "mongodbatlas:privateKey": PRIVATE },
      {
        MONGODB_ATLAS_CLIENT_ID: "mdb_sa_id",
        MONGODB_ATLAS_CLIENT_SECRET: "s3cret",
        MONGODB_ATLAS_ACCESS_TOKEN: "tok",
      },
    );
    expect(s.credentials).to.deep.equal({ type: "apiKey", publicKey: "abcdefgh", privateKey: PRIVATE });
    expect(s.warnings).to.deep.equal([]);
  });

  it("within one source: access token, then service account, then API key, with a warning naming what is ignored", () => {
    const all = {
      "mongodbatlas:accessToken": "tok",
      "mongodbatlas:clientId": "mdb_sa_id",
      "mongodbatlas:clientSecret": "s3cret",
      "mongodbatlas:publicKey": "abcdefgh",
      "mongodbatlas:privateKey": PRIVATE,
    };
    const token = settings(all);
    expect(token.credentials).to.deep.equal({ type: "accessToken", accessToken: "tok" });
    expect(token.warnings.join()).to.match(/mongodbatlas:accessToken is used; a service account and an API key/);
    const { "mongodbatlas:accessToken": _token, ...rest } = all;
    const sa = settings(rest);
    expect(sa.credentials.type).to.equal("serviceAccount");
    expect(sa.warnings.join()).to.match(/service account \(mongodbatlas:clientId\) is used; the API key/);
    const fromEnv = settings({}, { MONGODB_ATLAS_ACCESS_TOKEN: "tok", MONGODB_ATLAS_PUBLIC_KEY: "abcdefgh" });
    expect(fromEnv.credentials).to.deep.equal({ type: "accessToken", accessToken: "tok" });
    expect(fromEnv.warnings.join()).to.match(/MONGODB_ATLAS_ACCESS_TOKEN is used; an API key/);
    for (const warning of [...token.warnings, ...sa.warnings, ...fromEnv.warnings]) {
      expect(warning).to.not.include(PRIVATE).and.not.include("s3cret").and.not.include("tok ");
    }
  });

  it("reads the MCLI_* variables of the Atlas CLI", () => {
    const s = settings(
      {},
      { MCLI_PUBLIC_API_KEY: "abcdefgh", MCLI_PRIVATE_API_KEY: PRIVATE, MCLI_OPS_MANAGER_URL: "http://127.0.0.1:9/" },
    );
    expect(s.credentials).to.deep.equal({ type: "apiKey", publicKey: "abcdefgh", privateKey: PRIVATE });
    expect(s.baseUrl).to.equal("http://127.0.0.1:9");
  });

  it("isMongodbgovCloud switches the base URL to Atlas for Government", () => {
    const keys = { "mongodbatlas:publicKey": "abcdefgh", "mongodbatlas:privateKey": PRIVATE };
    expect(settings({ ...keys, "mongodbatlas:isMongodbgovCloud": "true" }).baseUrl).to.equal(
      "https://cloud.mongodbgov.com",
    );
    expect(settings({ ...keys, "mongodbatlas:isMongodbgovCloud": "false" }).baseUrl).to.equal(
      "https://cloud.mongodb.com",
    );
    expect(settings(keys, { MONGODB_ATLAS_IS_MONGODBGOV_CLOUD: "TRUE" }).baseUrl).to.equal(
      "https://cloud.mongodbgov.com",
    );
  });

  it("ignores an empty environment variable of the source that is not used", () => {
    const s = settings(
      { "mongodbatlas:publicKey": "abcdefgh", "mongodbatlas:privateKey": PRIVATE },
      { MONGODB_ATLAS_ACCESS_TOKEN: "", MCLI_PUBLIC_API_KEY: "" },
    );
    expect(s.credentials.type).to.equal("apiKey");
  });

  const bad: [string, Record<string, string>, RegExp][] = [
    ["nothing set", {}, /credentials are missing.*mongodbatlas:publicKey.*MONGODB_ATLAS_CLIENT_ID.*accessToken/],
    [
      "half an API key",
      { "mongodbatlas:publicKey": "abcdefgh" },
      /only mongodbatlas:publicKey is set, mongodbatlas:privateKey is missing/,
    ],
    [
      "a client id beside a complete API key (the service account is chosen, so it must be complete)",
      {
        "mongodbatlas:clientId": "mdb_sa_id",
        "mongodbatlas:publicKey": "abcdefgh",
        "mongodbatlas:privateKey": PRIVATE,
      },
      /only mongodbatlas:clientId is set, mongodbatlas:clientSecret is missing/,
    ],
    [
      "isMongodbgovCloud that is not a boolean",
      {
        "mongodbatlas:publicKey": "abcdefgh",
        "mongodbatlas:privateKey": PRIVATE,
        "mongodbatlas:isMongodbgovCloud": "yes",
      },
      /mongodbatlas:isMongodbgovCloud must be true or false/,
    ],
    [
      "isMongodbgovCloud beside another base URL",
      {
        "mongodbatlas:publicKey": "abcdefgh",
        "mongodbatlas:privateKey": PRIVATE,
        "mongodbatlas:isMongodbgovCloud": "true",
        "mongodbatlas:baseUrl": "https://cloud.mongodb.com",
      },
      /isMongodbgovCloud is true.*mongodbatlas:baseUrl sets another one/,
    ],
    ["an empty access token", { "mongodbatlas:accessToken": "  " }, /mongodbatlas:accessToken is set but empty/],
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
