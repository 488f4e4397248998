import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { serializableProvider, type ResourceKind } from "../../provider/runtime/serializable";
import { resetContext } from "../../provider/runtime/context";
import { adminClient, configureRuntime, stackConfig, start, type Emulator } from "../support/provider-harness";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const requireFromString = require("require-from-string") as (code: string) => {
  handler: () => pulumi.dynamic.ResourceProvider;
};

const KINDS: ResourceKind[] = ["apiKey", "projectApiKey", "apiKeyProjectAssignment", "accessListApiKey"];

/** Serializes a provider exactly as `pulumi.dynamic.Resource` does. */
async function serialize(kind: ResourceKind): Promise<string> {
  const provider = serializableProvider(kind);
  const result = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  return result.text;
}

describe("the serialized provider (__provider in state)", () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await start({ port: 0, seed: "serialization-tests", rateLimit: false });
    // Credentials are live in this process while serializing: none may reach the text.
    configureRuntime(emulator);
  });
  after(async () => {
    resetContext();
    await emulator.close();
  });

  for (const kind of KINDS) {
    it(`${kind}: is small and holds no credential`, async () => {
      const text = await serialize(kind);
      console.log(`      serialized provider for ${kind}: ${Buffer.byteLength(text)} bytes`);
      expect(Buffer.byteLength(text)).to.be.below(4096);
      for (const secret of [emulator.privateKey, emulator.publicKey, emulator.clientSecret]) {
        expect(text).to.not.include(secret);
      }
      expect(text).to.not.match(/axios|AtlasClient|privateKey/);
    });
  }

  it("a deserialized copy configures itself from stack config and creates, reads and deletes a key", async () => {
    resetContext();
    const provider = requireFromString(await serialize("apiKey")).handler();
    const config = stackConfig(emulator);
    await provider.configure!({ config: { get: (key: string) => config[key], require: (key: string) => config[key] } });
    const checked = await provider.check!(
      {},
      { orgId: emulator.orgId, description: "from state", roleNames: ["ORG_MEMBER"] },
    );
    const created = await provider.create(checked.inputs);
    expect(created.outs.privateKey).to.match(/^[0-9a-f-]{36}$/);
    const outputs = JSON.stringify(created.outs);
    for (const credential of [emulator.privateKey, emulator.publicKey]) expect(outputs).to.not.include(credential);
    const read = await provider.read!(created.id, created.outs);
    expect(read.props!.apiKeyId).to.equal(created.outs.apiKeyId);
    await provider.delete!(created.id, created.outs);
    const remaining = (await adminClient(emulator).listOrgApiKeys(emulator.orgId)).map((k) => k.id);
    expect(remaining).to.not.include(created.outs.apiKeyId);
  });
});
