/**
 * Secrets at rest, through the real CLI: the private key is a secret in state and stays one
 * through a StackReference; the serialized provider (`__provider`, stored twice per resource)
 * holds no credential; and no code of the package turns TLS verification off.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import type { LocalWorkspace, Stack } from "@pulumi/pulumi/automation";
import { expect } from "chai";
import { start, type EmulatorHandle } from "../../emulator";
import { createInlineStack, exportState, removeStackFiles, repoRoot } from "../../harness/pulumi";
import { requirePulumiCli } from "../support/require-pulumi-cli";
import { atlasStack } from "../support/reliability-cli";
import { fourResources } from "../support/reliability-programs";

/** Ways Node code can weaken TLS verification. */
const TLS_WEAKENING =
  /rejectUnauthorized|NODE_TLS_REJECT_UNAUTHORIZED|checkServerIdentity|secureOptions|insecureHTTPParser/;

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(repoRoot, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.(ts|js)$/.test(file))
    .map((file) => path.join(repoRoot, dir, file));
}

describe("reliability/security: secrets in state, across a StackReference, and TLS", function () {
  this.timeout(240_000);
  const prefix = `sec-state-${randomBytes(3).toString("hex")} `;
  let emulator: EmulatorHandle;
  let infra: Stack;
  let consumer: Stack | undefined;

  before(async function () {
    requirePulumiCli(this);
    emulator = await start({ seed: "reliability-security-state", rateLimit: false });
    infra = await atlasStack(
      "rel-sec-state",
      emulator,
      fourResources(emulator, prefix, () => ({})),
    );
    expect((await infra.up()).summary.result).to.equal("succeeded");
  });

  after(async () => {
    if (consumer) removeStackFiles(consumer);
    if (infra) {
      await infra.destroy().catch(() => undefined);
      removeStackFiles(infra);
    }
    await emulator?.close();
  });

  it("stores every privateKey output encrypted, and no input holds one", async () => {
    const state = await exportState(infra);
    const keys = state.deployment.resources.filter((r: { type: string }) => /:(ApiKey|ProjectApiKey)$/.test(r.type));
    expect(keys).to.have.length(2);
    for (const key of keys) {
      expect(key.outputs.privateKey).to.have.property("ciphertext").that.is.a("string");
      expect(key.inputs).to.not.have.property("privateKey");
      // Booleans rather than the values: a failing assertion must not print a secret.
      const clear = emulator.model.state.apiKeys[key.outputs.apiKeyId].privateKey;
      expect(JSON.stringify(state).includes(clear), "a private key in clear in state").to.equal(false);
    }
  });

  it("serializes a provider that holds no credential, base URL or client instance", async () => {
    const state = await exportState(infra);
    const credentials = [
      emulator.publicKey,
      emulator.privateKey,
      emulator.url,
      emulator.clientId,
      emulator.clientSecret,
    ];
    const texts = state.deployment.resources
      .filter((r: { type: string }) => r.type.startsWith("pulumi-nodejs:dynamic/"))
      .flatMap((r: { inputs: { __provider: string }; outputs: { __provider: string } }) => [
        r.inputs.__provider,
        r.outputs.__provider,
      ]);
    expect(texts).to.have.length(8);
    for (const text of texts) {
      expect(text).to.be.a("string");
      expect(text.length, "a thin stub").to.be.lessThan(8_000);
      for (const credential of credentials)
        expect(text.includes(credential), "a credential in __provider").to.equal(false);
      expect(text).to.not.match(/axios\.create|new AtlasClient|Agent\(/);
    }
  });

  it("keeps the private key a secret through a StackReference", async () => {
    const ws = infra.workspace as LocalWorkspace;
    // Same backend and PULUMI_HOME as the infra stack, so that the reference resolves.
    const shared = { PULUMI_BACKEND_URL: ws.envVars.PULUMI_BACKEND_URL, PULUMI_HOME: ws.envVars.PULUMI_HOME };
    consumer = await createInlineStack({
      projectName: "rel-sec-consumer",
      stackName: "app",
      env: shared,
      program: async () => {
        const ref = new pulumi.StackReference("organization/rel-sec-state/dev");
        const privateKey = ref.requireOutput("orgPrivateKey");
        return { privateKey, keyId: ref.requireOutput("orgKeyId") };
      },
    });
    const result = await consumer.up();
    expect(result.summary.result).to.equal("succeeded");
    const outputs = await consumer.outputs();
    expect(outputs.privateKey.secret, "secret in the consumer's outputs").to.equal(true);
    const issued = emulator.model.state.apiKeys[String(outputs.keyId.value)].privateKey;
    expect(outputs.privateKey.value === issued, "the referenced value is the private key Atlas issued").to.equal(true);
    const state = JSON.stringify(await exportState(consumer));
    expect(state.includes(issued), "the private key in clear in the consumer's state").to.equal(false);
    expect(state).to.include("ciphertext");
  });

  it("contains no code that weakens TLS verification (provider, emulator, and the built package)", () => {
    const files = [...sourceFiles("provider"), ...sourceFiles("emulator"), ...sourceFiles("dist/provider")];
    expect(files.length).to.be.greaterThan(50);
    const offenders = files.filter((file) => TLS_WEAKENING.test(fs.readFileSync(file, "utf8")));
    expect(offenders.map((f) => path.relative(repoRoot, f))).to.deep.equal([]);
  });
});
