/**
 * examples/multi-org through the real CLI: one program, keys in two organizations of the
 * emulator with two different admin keys (the stack config's and an explicit Provider's), a
 * service account in the second organization through that provider, and a lookup of each kind.
 * The explicit provider's settings and the account's secret are in the state only as secrets.
 */
import { expect } from "chai";
import { describeExample, type E2eExampleOptions } from "../support/e2e-example";
import { expectOnly, isCiphertext } from "../support/e2e-stack";
import { expectCleanDestroy, expectNoChanges } from "../support/e2e-steps";

const setUp: E2eExampleOptions = {
  seed: "e2e-multi-org",
  stack: ({ emulator }) => ({
    program: "multi-org",
    config: {
      orgId: emulator.orgId,
      projectId: emulator.projectId,
      partnerOrgId: emulator.otherOrg.orgId,
      partnerPublicKey: emulator.otherOrg.publicKey!,
      partnerPrivateKey: { value: emulator.otherOrg.privateKey!, secret: true },
      partnerBaseUrl: emulator.url,
    },
  }),
};

describeExample("e2e: examples/multi-org", setUp, (example) => {
  const partnerKeysBefore = () =>
    Object.values(example.atlas.emulator.model.state.apiKeys)
      .filter((key) => key.orgId === example.atlas.emulator.otherOrg.orgId)
      .map((key) => key.id)
      .sort();
  let partnerBefore: string[];

  it("up creates a key in each organization, each with its own admin key", async () => {
    partnerBefore = partnerKeysBefore();
    expectOnly(await example.stack.up(), { create: 7 });
    const { emulator } = example.atlas;
    const outputs = await example.stack.stack.outputs();
    const home = emulator.model.state.apiKeys[String(outputs.homeKeyId.value)];
    const partner = emulator.model.state.apiKeys[String(outputs.partnerKeyId.value)];
    expect(home.orgId).to.equal(emulator.orgId);
    expect(partner.orgId).to.equal(emulator.otherOrg.orgId);
    expect(partner.accessList.map((e) => e.cidrBlock)).to.deep.equal(["203.0.113.7/32"]);
    expect(outputs.partnerPrivateKey.secret).to.equal(true);
    const account = emulator.model.state.serviceAccounts[String(outputs.partnerClientId.value)];
    expect(account.orgId, "the service account made in the partner organization").to.equal(emulator.otherOrg.orgId);
    expect(account.secrets).to.have.length(1);
    expect(outputs.partnerAccountSecrets.secret, "the account's secrets output marked secret").to.equal(true);
  });

  it("a lookup of each kind answers through the provider it names", async () => {
    const { emulator } = example.atlas;
    const outputs = await example.stack.stack.outputs();
    const partnerKeyId = String(outputs.partnerKeyId.value);
    const homeKeyId = String(outputs.homeKeyId.value);
    expect(outputs.partnerOrgKeyIds.value).to.include.members([partnerKeyId, emulator.otherOrg.apiKeyId]);
    expect(outputs.partnerKeyOrg.value).to.equal(emulator.otherOrg.orgId);
    expect(outputs.partnerEntries.value).to.deep.equal(["203.0.113.7/32"]);
    expect(outputs.partnerEntryId.value).to.equal(`${emulator.otherOrg.orgId}/${partnerKeyId}/203.0.113.7`);
    expect(outputs.partnerAccountOrg.value, "getServiceAccount through the provider").to.equal(emulator.otherOrg.orgId);
    expect(outputs.projectKeyIds.value).to.include(homeKeyId);
    expect(outputs.projectKeyId.value).to.equal(`${emulator.projectId}/${homeKeyId}`);
    expect(outputs.assignedKeyIds.value).to.include(homeKeyId);
    expect(outputs.assignmentRoles.value).to.deep.equal(["GROUP_READ_ONLY"]);
    expect(outputs.entryIsAnApiKey.value, "ApiKey.isInstance(an access-list entry)").to.equal(false);
    expect(outputs.keyIsAnApiKey.value).to.equal(true);
  });

  it("the provider's settings are in the state only as secrets, never in the serialized provider", async () => {
    const { emulator } = example.atlas;
    const resources = await example.stack.resources();
    const named = resources.filter((r) => /::partner-(reader|office|ci)$/.test(r.urn));
    expect(named).to.have.length(3);
    for (const resource of named) {
      expect(isCiphertext(resource.inputs!.__credentials), "__credentials input encrypted").to.equal(true);
      expect(isCiphertext(resource.outputs!.__credentials), "__credentials output encrypted").to.equal(true);
    }
    const account = resources.find((r) => r.urn.endsWith("::partner-ci"))!;
    expect(isCiphertext(account.outputs!.secrets), "the account's secrets encrypted").to.equal(true);
    const home = resources.find((r) => r.urn.endsWith("::home-reader"))!;
    expect(home.inputs).to.not.have.property("__credentials");
    const provider = resources.find((r) => r.urn.endsWith("::partner"))!;
    expect(provider.type).to.equal("pulumi-mongodbatlas-apikeys:index:Provider");
    expect(JSON.stringify(provider).includes(emulator.otherOrg.publicKey!), "the public key on the Provider").to.equal(
      false,
    );
    for (const resource of resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/"))) {
      for (const text of [resource.inputs!.__provider, resource.outputs!.__provider]) {
        expect(text.includes(emulator.otherOrg.publicKey!), "a credential in __provider").to.equal(false);
        expect(text.includes(emulator.url), "the base URL in __provider").to.equal(false);
      }
    }
    await example.stack.expectNoLeaks();
  });

  it("preview of the same program reports no changes", () => expectNoChanges(example.stack));

  it("refresh reads the partner's resources with the partner's key and keeps them", async () => {
    const changes = await example.stack.refresh();
    expect(changes.delete ?? 0).to.equal(0);
    expect(await example.stack.find("partner-reader")).to.not.equal(undefined);
    expect(await example.stack.find("partner-ci")).to.not.equal(undefined);
  });

  it("destroy deletes the keys and the account in both organizations, each with its own admin key", async () => {
    const clientId = String((await example.stack.stack.outputs()).partnerClientId.value);
    await expectCleanDestroy(example.stack, example.keysBefore);
    expect(partnerKeysBefore()).to.deep.equal(partnerBefore);
    expect(example.atlas.emulator.model.state.serviceAccounts[clientId]).to.equal(undefined);
  });
});
