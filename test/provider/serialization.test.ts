import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { serializableProvider, type ResourceKind } from "../../provider/runtime/serializable";
import { resetContext } from "../../provider/runtime/context";
import { adminClient, configureRuntime, stackConfig, start, type Emulator } from "../support/provider-harness";
import { API_KEY_PROVIDER_0_1_0 } from "./fixtures/provider-stub-0.1.0";

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
      // 2,450 B in 0.1.0; stored twice per resource, so it dominated the size of the state.
      expect(Buffer.byteLength(text)).to.be.below(1100);
      for (const secret of [emulator.privateKey, emulator.publicKey, emulator.clientSecret]) {
        expect(text).to.not.include(secret);
      }
      expect(text).to.not.match(/axios|AtlasClient|privateKey/);
    });
  }

  /** Check, create, read and delete of one key through a deserialized provider, as the host drives it. */
  async function lifecycle(provider: pulumi.dynamic.ResourceProvider): Promise<void> {
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
  }

  it("a deserialized copy configures itself from stack config and creates, reads and deletes a key", async () => {
    resetContext();
    await lifecycle(requireFromString(await serialize("apiKey")).handler());
  });

  it("the stub written by 0.1.0 into state still drives the current runtime", async () => {
    resetContext();
    await lifecycle(requireFromString(API_KEY_PROVIDER_0_1_0).handler());
  });

  it("a runtime that cannot be loaded fails every method naming the package, the directory and the fix", async () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "no-runtime-")));
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      const provider = requireFromString(await serialize("apiKey")).handler();
      const messages: string[] = [];
      const attempt = async (call: () => unknown) => {
        try {
          await call();
          messages.push("no error");
        } catch (error) {
          messages.push((error as Error).message);
        }
      };
      await attempt(() => provider.configure!({ config: { get: () => undefined, require: () => "" } as never }));
      await attempt(() => provider.check!({}, {}));
      await attempt(() => provider.delete!("id", {}));
      expect(messages).to.have.length(3);
      for (const message of messages) {
        expect(message).to.include(`Cannot load pulumi-mongodbatlas-apikeys/runtime from ${dir} (`);
        expect(message).to.include("Cannot find module 'pulumi-mongodbatlas-apikeys/runtime'");
        expect(message).to.include("Install it in the project: npm install pulumi-mongodbatlas-apikeys");
        expect(message).to.not.include("\n");
      }
    } finally {
      process.chdir(cwd);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
