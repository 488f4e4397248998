/**
 * examples/service-account through the real CLI: an account stack (account, secret, project
 * assignment, access-list entry) and a consumer stack reading the client id and secret through a
 * StackReference. The secret must work at the token endpoint, stay a secret across the reference,
 * and never be in clear in either state or in the CLI output at any step.
 */
import { expect } from "chai";
import type { LocalWorkspace } from "@pulumi/pulumi/automation";
import { expectNoSecrets, expectSameSecret, tokenStatus } from "../support/e2e-env";
import { describeExample, type E2eExampleOptions } from "../support/e2e-example";
import { expectOnly, isCiphertext, type E2eStack } from "../support/e2e-stack";
import { expectDeletionRecovered, expectNoChanges } from "../support/e2e-steps";

/** The `lookedUp` output of the example: one lookup of each kind. */
interface LookedUp {
  accountIds: string[];
  roles: string[];
  secretIds: string[];
  secretExpiresAt: string;
  projectIds: string[];
  projectRoles: string[];
  accessList: string[];
  entryId: string;
}

const setUp: E2eExampleOptions = {
  seed: "e2e-service-account",
  stack: (atlas) => ({
    program: "service-account",
    stackName: "accounts",
    config: { orgId: atlas.emulator.orgId, projectId: atlas.emulator.projectId, allowedCidr: "198.51.100.0/24" },
  }),
};

describeExample("e2e: examples/service-account", setUp, (example) => {
  let accounts: E2eStack;
  let consumer: E2eStack;
  let accountsBefore: string[];
  let clientId = "";
  let clientSecret = "";

  const serviceAccounts = () => example.atlas.emulator.model.state.serviceAccounts;

  /** The known secrets plus the account's client secret, once it exists. */
  async function expectNoLeaks(...stacks: E2eStack[]): Promise<void> {
    for (const s of stacks) {
      await s.expectNoLeaks();
      if (!clientSecret) continue;
      const secret = [{ label: "the service account's client secret", value: clientSecret }];
      expectNoSecrets("the exported state", JSON.stringify(await s.state()), secret);
      expectNoSecrets("the CLI output and engine events", s.output.text(), secret);
    }
  }

  before(async () => {
    accounts = example.stack;
    accountsBefore = Object.keys(serviceAccounts()).sort();
    const shared = (accounts.stack.workspace as LocalWorkspace).envVars;
    consumer = await example.addStack({
      program: "service-account/consumer",
      projectName: "service-account-consumer",
      stackName: "app",
      config: { accountStack: "organization/service-account/accounts" },
      env: { PULUMI_BACKEND_URL: shared.PULUMI_BACKEND_URL },
    });
  });

  it("up creates the account, its secret, the project assignment and the access-list entry", async () => {
    expectOnly(await accounts.up(), { create: 5 });
    const outputs = await accounts.stack.outputs();
    clientId = outputs.clientId.value as string;
    clientSecret = outputs.clientSecret.value as string;
    expect(outputs.clientSecret.secret, "clientSecret output marked secret").to.equal(true);
    expect(isCiphertext((await accounts.stackOutputs()).clientSecret), "clientSecret encrypted in state").to.equal(
      true,
    );
    const remote = serviceAccounts()[clientId];
    expect(remote?.description).to.equal("deploy pipeline");
    expect(remote.orgRoles).to.deep.equal(["ORG_READ_ONLY"]);
    expect(remote.secrets).to.have.length(1);
    expect(remote.projectRoles).to.deep.equal({ [example.atlas.emulator.projectId]: ["GROUP_READ_ONLY"] });
    expect(remote.accessList.map((e) => e.cidrBlock)).to.deep.equal(["198.51.100.0/24"]);
    await expectNoLeaks(accounts);
  });

  it("the secret works at the token endpoint; a wrong one is refused", async () => {
    expect(await tokenStatus(example.atlas.emulator, clientId, clientSecret)).to.equal(200);
    expect(await tokenStatus(example.atlas.emulator, clientId, `${clientSecret}x`)).to.equal(401);
  });

  it("one lookup of each kind reads back what Atlas holds", async () => {
    const outputs = await accounts.stack.outputs();
    const looked = outputs.lookedUp.value as LookedUp;
    const { orgId, projectId } = example.atlas.emulator;
    const remote = serviceAccounts()[clientId];
    expect(looked.accountIds).to.include(clientId);
    expect(looked.roles).to.deep.equal(["ORG_READ_ONLY"]);
    expect(looked.secretIds).to.deep.equal(remote.secrets.map((secret) => secret.id));
    expect(looked.secretExpiresAt).to.equal(outputs.secretExpiresAt.value);
    expect(looked.projectIds).to.deep.equal([projectId]);
    expect(looked.projectRoles).to.deep.equal(["GROUP_READ_ONLY"]);
    expect(looked.accessList).to.deep.equal(["198.51.100.0/24"]);
    expect(looked.entryId).to.equal(`${orgId}/${clientId}/198.51.100.0/24`);
    expect(looked.entryId, "what ServiceAccountAccessListEntry.get takes").to.equal(
      (await accounts.get("deployer-runners")).id,
    );
    expect(JSON.stringify(looked), "no lookup shows the secret").not.to.include(clientSecret);
  });

  it("refresh drops an access-list entry and a project assignment deleted out of band; up adds them again", async () => {
    const { orgId, projectId } = example.atlas.emulator;
    await expectDeletionRecovered(accounts, "deployer-runners", () =>
      example.atlas.admin.deleteServiceAccountAccessListEntry(orgId, clientId, "198.51.100.0/24"),
    );
    expect(serviceAccounts()[clientId].accessList.map((e) => e.cidrBlock)).to.deep.equal(["198.51.100.0/24"]);
    await expectDeletionRecovered(accounts, "deployer-project", () =>
      example.atlas.admin.unassignServiceAccountFromProject(projectId, clientId),
    );
    expect(serviceAccounts()[clientId].projectRoles).to.deep.equal({ [projectId]: ["GROUP_READ_ONLY"] });
    expect(await tokenStatus(example.atlas.emulator, clientId, clientSecret), "the secret still works").to.equal(200);
    await expectNoLeaks(accounts);
  });

  it("the consumer reads the credentials; the secret stays a secret in its state", async () => {
    expectOnly(await consumer.up(), { create: 1 });
    const out = await consumer.stack.outputs();
    expect(out.clientId).to.deep.equal({ value: clientId, secret: false });
    expect(out.clientSecret.secret, "consumer's clientSecret marked secret").to.equal(true);
    expectSameSecret(out.clientSecret.value, clientSecret, "consumer's client secret");
    expect(isCiphertext((await consumer.stackOutputs()).clientSecret), "encrypted in the consumer's state").to.equal(
      true,
    );
    const reference = (await consumer.resources()).find((r) => r.type === "pulumi:pulumi:StackReference");
    expect(isCiphertext(reference?.outputs?.outputs?.clientSecret), "encrypted in the StackReference's state").to.equal(
      true,
    );
    expect(
      await tokenStatus(example.atlas.emulator, out.clientId.value as string, out.clientSecret.value as string),
    ).to.equal(200);
    await expectNoLeaks(consumer, accounts);
  });

  it("preview of both stacks reports no changes", async () => {
    await expectNoChanges(accounts);
    await expectNoChanges(consumer);
    await expectNoLeaks(accounts, consumer);
  });

  it("destroy of both stacks removes the account and everything in it; the secret stops working", async () => {
    expectOnly(await consumer.destroy(), { delete: 1, discard: 1 });
    await accounts.destroy();
    expect(await accounts.resources(), "resources in state after destroy").to.have.length(0);
    expect(Object.keys(serviceAccounts()).sort(), "service accounts after destroy").to.deep.equal(accountsBefore);
    expect(example.atlas.orgKeyIds(), "keys of the organization after destroy").to.deep.equal(example.keysBefore);
    expect(await tokenStatus(example.atlas.emulator, clientId, clientSecret)).to.equal(401);
    await expectNoLeaks(consumer, accounts);
  });
});
