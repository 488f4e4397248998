import { expect } from "chai";
import { resolveSettings, ConfigurationError } from "../../../provider/config/settings";
import * as context from "../../../provider/runtime/context";

const PRIVATE = "c8150efd-c7a0-4afd-8c4f-01bdd56c8977";
const KEY = { "mongodbatlas:publicKey": "abcdefgh", "mongodbatlas:privateKey": PRIVATE };

function settings(config: Record<string, string>, env: Record<string, string> = {}) {
  return resolveSettings({ config: (key) => ({ ...KEY, ...config })[key], env });
}

function failure(config: Record<string, string>, env: Record<string, string> = {}): Error {
  try {
    settings(config, env);
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a configuration error");
}

describe("pacing settings", () => {
  it("paces by default, without a cap", () => {
    expect(settings({}).pacing).to.deep.equal({ enabled: true });
  });

  it("reads mongodbatlas:maxRequestsPerSecond, or else MONGODB_ATLAS_MAX_REQUESTS_PER_SECOND", () => {
    expect(settings({ "mongodbatlas:maxRequestsPerSecond": "5" }).pacing).to.deep.equal({
      enabled: true,
      maxRequestsPerSecond: 5,
    });
    expect(settings({}, { MONGODB_ATLAS_MAX_REQUESTS_PER_SECOND: "0.5" }).pacing.maxRequestsPerSecond).to.equal(0.5);
    const both = settings({ "mongodbatlas:maxRequestsPerSecond": "2" }, { MONGODB_ATLAS_MAX_REQUESTS_PER_SECOND: "9" });
    expect(both.pacing.maxRequestsPerSecond).to.equal(2);
  });

  it("refuses a cap that is not a positive number, naming the setting and the fix but not the value", () => {
    for (const bad of ["0", "-1", "speedy", "", " ", "Infinity", "NaN", PRIVATE]) {
      const error = failure({ "mongodbatlas:maxRequestsPerSecond": bad });
      expect(error, bad).to.be.instanceOf(ConfigurationError);
      expect(error.message).to.include("mongodbatlas:maxRequestsPerSecond must be a positive number");
      expect(error.message).to.include("pulumi config set mongodbatlas:maxRequestsPerSecond 5");
      if (bad.length > 3) expect(error.message, bad).to.not.include(bad);
    }
    const fromEnv = failure({}, { MONGODB_ATLAS_MAX_REQUESTS_PER_SECOND: "-3" });
    expect(fromEnv.message).to.match(/^MONGODB_ATLAS_MAX_REQUESTS_PER_SECOND must be a positive number/);
  });

  it("can be turned off for benchmarks only through MONGODB_ATLAS_APIKEYS_PACING=off", () => {
    expect(settings({}, { MONGODB_ATLAS_APIKEYS_PACING: "off" }).pacing).to.deep.equal({ enabled: false });
    expect(settings({}, { MONGODB_ATLAS_APIKEYS_PACING: "on" }).pacing).to.deep.equal({ enabled: true });
    expect(failure({}, { MONGODB_ATLAS_APIKEYS_PACING: "maybe" }).message).to.include(
      "MONGODB_ATLAS_APIKEYS_PACING must be `on`",
    );
  });

  it("the provider process fails its first call with the message, before any request", () => {
    context.resetContext();
    const config: Record<string, string> = { ...KEY, "mongodbatlas:maxRequestsPerSecond": "0" };
    context.configure({ get: (key) => config[key] }, {});
    expect(() => context.atlas()).to.throw(ConfigurationError, /mongodbatlas:maxRequestsPerSecond/);
    context.resetContext();
  });
});
