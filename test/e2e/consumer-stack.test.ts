/**
 * examples/consumer-stack through the real CLI: an infra stack (examples/org-key) and a consumer
 * stack in the same backend reading the infra stack's private key through a StackReference. The
 * key must stay a secret across the reference. The consumer owns no Atlas resource, so there is
 * nothing to update, rotate, drift or delete out of band.
 */
import { expect } from "chai";
import type { LocalWorkspace } from "@pulumi/pulumi/automation";
import { expectSameSecret } from "../support/e2e-env";
import { describeExample, type E2eExampleOptions } from "../support/e2e-example";
import { expectOnly, isCiphertext, type E2eStack } from "../support/e2e-stack";
import { expectCleanDestroy, expectNoChanges } from "../support/e2e-steps";

const setUp: E2eExampleOptions = {
  seed: "e2e-consumer-stack",
  stack: (atlas) => ({
    program: "org-key",
    stackName: "infra",
    config: { orgId: atlas.emulator.orgId },
  }),
};

describeExample("e2e: examples/consumer-stack", setUp, (example) => {
  let infra: E2eStack;
  let consumer: E2eStack;

  before(async () => {
    infra = example.stack;
    // A StackReference reads from the consumer's own backend: share the infra stack's.
    const infraEnv = (infra.stack.workspace as LocalWorkspace).envVars;
    consumer = await example.addStack({
      program: "consumer-stack",
      stackName: "app",
      config: { infraStack: "organization/org-key/infra" },
      env: { PULUMI_BACKEND_URL: infraEnv.PULUMI_BACKEND_URL },
    });
  });

  it("up of the infra stack creates the key", async () => {
    expectOnly(await infra.up(), { create: 2 });
    expect(isCiphertext((await infra.stackOutputs()).privateKey), "infra privateKey output encrypted").to.equal(true);
  });

  it("up of the consumer reads the key; the connection string is a secret in its state", async () => {
    // Only the stack itself is created; the StackReference is read, not counted as a change.
    expectOnly(await consumer.up(), { create: 1 });
    const [infraOut, consumerOut] = [await infra.stack.outputs(), await consumer.stack.outputs()];
    expect(consumerOut.publicKey).to.deep.equal({ value: infraOut.publicKey.value, secret: false });
    expect(consumerOut.connectionSecret.secret, "connectionSecret marked secret").to.equal(true);
    expectSameSecret(
      consumerOut.connectionSecret.value,
      `${infraOut.publicKey.value}:${infraOut.privateKey.value}`,
      "connection string",
    );
    const stored = await consumer.stackOutputs();
    expect(isCiphertext(stored.connectionSecret), "connectionSecret encrypted in the consumer's state").to.equal(true);
    expect(stored.publicKey).to.equal(infraOut.publicKey.value);
    const reference = (await consumer.resources()).find((r) => r.type === "pulumi:pulumi:StackReference");
    expect(
      isCiphertext(reference?.outputs?.outputs?.privateKey),
      "privateKey encrypted in the StackReference's state",
    ).to.equal(true);
    await consumer.expectNoLeaks();
    await infra.expectNoLeaks();
  });

  it("preview of the consumer reports no changes", () => expectNoChanges(consumer));

  it("destroy of both stacks leaves the organization with the keys it had before; no secret anywhere", async () => {
    // The StackReference is a read resource: destroy only forgets it.
    expectOnly(await consumer.destroy(), { delete: 1, discard: 1 });
    await consumer.expectNoLeaks();
    await expectCleanDestroy(infra, example.keysBefore);
  });
});
