/**
 * Proves the engine path the other end-to-end tests rely on: an inline program with dynamic
 * resources, run by the real Pulumi CLI offline through the Automation API.
 */
import { randomBytes } from "crypto";
import * as pulumi from "@pulumi/pulumi";
import { Stack } from "@pulumi/pulumi/automation";
import { expect } from "chai";
import { NoopResource } from "../../harness/noop-resource";
import { collectOutput, createInlineStack, exportState, removeStackFiles } from "../../harness/pulumi";
import { requirePulumiCli } from "../support/require-pulumi-cli";

const COUNT = 10;
const DYNAMIC_TYPE = "pulumi-nodejs:dynamic:Resource";

describe("engine: dynamic resources through the real CLI", function () {
  this.timeout(180_000);

  // Random per run so finding it anywhere can only mean a leak.
  const plaintext = `e2e-secret-${randomBytes(12).toString("hex")}`;
  const output = collectOutput();
  let stack: Stack;

  const program = async () => {
    for (let i = 0; i < COUNT; i++) new NoopResource(`noop-${i}`, { value: `v${i}` });
    const holder = new NoopResource("holder", { value: "holder", secretValue: pulumi.secret(plaintext) });
    return { secretValue: holder.secretValue };
  };

  const dynamicResources = async () =>
    ((await exportState(stack)).deployment.resources ?? []).filter((r: { type: string }) => r.type === DYNAMIC_TYPE);

  before(async function () {
    requirePulumiCli(this);
    stack = await createInlineStack({ projectName: "engine-e2e", stackName: "dev", program });
  });

  after(() => {
    if (stack) removeStackFiles(stack);
  });

  it(`up creates ${COUNT + 1} dynamic resources`, async () => {
    const result = await stack.up({ ...output.handlers });
    expect(result.summary.result).to.equal("succeeded");
    expect(result.summary.resourceChanges?.create).to.equal(COUNT + 2); // + the stack itself
    expect(await dynamicResources()).to.have.length(COUNT + 1);
  });

  it("preview of the same program reports no changes", async () => {
    const result = await stack.preview({ ...output.handlers });
    expect(result.changeSummary).to.deep.equal({ same: COUNT + 2 });
  });

  it("keeps a secret output encrypted in state and out of the CLI output", async () => {
    const state = await exportState(stack);
    const holder = state.deployment.resources.find((r: { urn: string }) => r.urn.endsWith("::holder"));
    expect(holder.outputs.secretValue).to.have.property("ciphertext").that.is.a("string");
    expect(holder.inputs.secretValue).to.have.property("ciphertext").that.is.a("string");
    expect(JSON.stringify(state)).not.to.include(plaintext);
    expect(output.text()).not.to.include(plaintext);

    const outputs = await stack.outputs();
    expect(outputs.secretValue).to.deep.equal({ value: plaintext, secret: true });
  });

  it("refresh keeps every resource", async () => {
    const result = await stack.refresh({ ...output.handlers });
    expect(result.summary.result).to.equal("succeeded");
    expect(await dynamicResources()).to.have.length(COUNT + 1);
  });

  it("destroy deletes every resource", async () => {
    const result = await stack.destroy({ ...output.handlers });
    expect(result.summary.result).to.equal("succeeded");
    expect(result.summary.resourceChanges?.delete).to.equal(COUNT + 2);
    expect(await dynamicResources()).to.have.length(0);
    expect(output.text()).not.to.include(plaintext);
  });
});
