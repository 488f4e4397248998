/**
 * A partial result through the real dynamic-provider host: the outputs it reports must carry
 * the serialized stub (`__provider`), which the host adds to successful results only; without
 * it the engine stores a resource that can no longer be read or deleted.
 */
import { expect } from "chai";
import { start, stackConfig, type Emulator } from "../support/provider-harness";
import { ProviderHost, providerText, type HostError } from "../support/provider-host";

const URN = "urn:pulumi:test::project::mongodbatlas:index:ApiKey::key";

describe("partial results through the real dynamic-provider host", function () {
  this.timeout(60_000);
  let emulator: Emulator;
  let host: ProviderHost;
  before(async () => {
    emulator = await start({ port: 0, seed: "partial-host-tests", rateLimit: false });
    host = await ProviderHost.start();
    await host.configure(stackConfig(emulator));
  });
  after(async () => {
    await host?.close();
    await emulator?.close();
  });

  it("a failed update reports id, outputs and __provider; the resource stays readable and deletable", async () => {
    const __provider = await providerText("apiKey");
    const inputs = {
      __provider,
      orgId: emulator.orgId,
      description: "host v1",
      roleNames: ["ORG_READ_ONLY"],
      accessList: ["192.0.2.10"],
    };
    const created = await host.create(URN, inputs);
    emulator.injectFault({ method: "DELETE", path: "/accessList/", status: 403 });
    const news = { ...inputs, description: "host v2", accessList: ["198.51.100.7"] };
    let failure: HostError | undefined;
    try {
      await host.update(URN, created.id, created.properties, news);
    } catch (error) {
      failure = error as HostError;
    }
    expect(failure?.partial, failure?.message).to.not.equal(undefined);
    const { id, properties } = failure!.partial!;
    expect(id).to.equal(created.id);
    expect(properties.__provider === __provider, "the partial outputs carry the serialized provider").to.equal(true);
    expect(properties.description).to.equal("host v2");
    expect(properties.accessList).to.deep.equal(["192.0.2.10", "198.51.100.7"]);
    expect(properties.privateKey === created.properties.privateKey, "the private key is kept").to.equal(true);

    const read = await host.read(URN, id, properties);
    expect(read.id).to.equal(id);
    expect(read.properties.accessList).to.deep.equal(["192.0.2.10", "198.51.100.7"]);
    await host.delete(URN, id, properties);
    expect(emulator.model.state.apiKeys[String(created.properties.apiKeyId)]).to.equal(undefined);
  });
});
