/**
 * examples/service-account with a rotation policy on its secret, through the real CLI: a
 * `secretKeeper` change rotates at once (an update, not a replacement), both secrets work at the
 * token endpoint during the overlap, the first `up` after `previousExpiresAt` deletes the old one,
 * and `preview` after each step reports no changes. The period is long (1h) so that only the
 * keeper rotates; the overlap is seconds of wall clock, the only waiting the test does. No clear
 * secret in the state or the CLI output at any step. (The schedule's own moments, and destroy
 * deleting both secrets, are walked with the emulator's clock in test/provider.)
 */
import { expect } from "chai";
import { expectNoSecrets, expectSameSecret, tokenStatus } from "../support/e2e-env";
import { describeExample, type E2eExampleOptions } from "../support/e2e-example";
import { expectOnly, isCiphertext, type E2eStack, type StateValue } from "../support/e2e-stack";
import { expectNoChanges } from "../support/e2e-steps";

/** Long enough for the `up` that rotates and the `preview` after it (about 20 s on a loaded 2-core machine). */
const OVERLAP_S = 30;

const setUp: E2eExampleOptions = {
  seed: "e2e-service-account-rotation",
  stack: (atlas) => ({
    program: "service-account",
    stackName: "rotating",
    config: {
      orgId: atlas.emulator.orgId,
      projectId: atlas.emulator.projectId,
      allowedCidr: "198.51.100.0/24",
      secretExpiresAfterHours: "8",
      rotateEvery: "1h",
      rotateOverlap: `${OVERLAP_S}s`,
      secretKeeper: "1",
    },
  }),
};

describeExample("e2e: examples/service-account with a rotation policy", setUp, (example) => {
  let accounts: E2eStack;
  let clientId = "";
  const seen: string[] = [];
  let first: StateValue;
  let rotated: StateValue;

  async function expectNoLeaks(): Promise<void> {
    await accounts.expectNoLeaks();
    const secrets = seen.map((value, i) => ({ label: `client secret ${i + 1}`, value }));
    expectNoSecrets("the exported state", JSON.stringify(await accounts.state()), secrets);
    expectNoSecrets("the CLI output and engine events", accounts.output.text(), secrets);
  }

  /** Status of a token request with the account's client id and `secret`. */
  const secretStatus = (secret: string) => tokenStatus(example.atlas.emulator, clientId, secret);

  async function outputs(): Promise<Record<string, string>> {
    const all = await accounts.stack.outputs();
    return Object.fromEntries(Object.entries(all).map(([name, output]) => [name, output.value as string]));
  }

  before(() => {
    accounts = example.stack;
  });

  it("up creates the secret with its schedule and the stable rotating id", async () => {
    expectOnly(await accounts.up(), { create: 5 });
    const out = await outputs();
    clientId = out.clientId;
    seen.push(out.clientSecret);
    const resource = await accounts.get("deployer-secret");
    first = resource.outputs!;
    expect(resource.id).to.equal(`${example.atlas.emulator.orgId}/${clientId}/rotating/${first.secretId}`);
    expect(Date.parse(first.nextRotationAt) - Date.parse(first.rotatedAt)).to.equal(3_600_000);
    expect(first.previousSecretId).to.equal("");
    expect(isCiphertext(first.secret), "secret encrypted").to.equal(true);
    expect(await secretStatus(out.clientSecret)).to.equal(200);
    await expectNoLeaks();
  });

  it("a new secretKeeper rotates: an update with the same id, both secrets work", async () => {
    await accounts.setConfig({ secretKeeper: "2" });
    expectOnly(await accounts.preview(), { update: 1 });
    const before = await accounts.get("deployer-secret");
    expectOnly(await accounts.up(), { update: 1 });
    const after = await accounts.get("deployer-secret");
    rotated = after.outputs!;
    expect(after.id).to.equal(before.id);
    expect(after.urn).to.equal(before.urn);
    expect(rotated.secretId).to.not.equal(first.secretId);
    expect(rotated.previousSecretId).to.equal(first.secretId);
    expect(isCiphertext(rotated.secret), "secret encrypted").to.equal(true);
    expect(isCiphertext(rotated.previousSecret), "previousSecret encrypted").to.equal(true);
    const out = await outputs();
    seen.push(out.clientSecret);
    expectSameSecret(out.previousClientSecret, seen[0], "previousClientSecret");
    expect(out.clientSecret === seen[0]).to.equal(false);
    expect(await secretStatus(out.clientSecret), "new secret").to.equal(200);
    expect(await secretStatus(out.previousClientSecret), "previous secret").to.equal(200);
    const listed = example.atlas.emulator.model.state.serviceAccounts[clientId].secrets.map((s) => s.id);
    expect(listed).to.deep.equal([first.secretId, rotated.secretId]);
    await expectNoChanges(accounts);
    expect(Date.now(), "the preview ran inside the overlap").to.be.lessThan(Date.parse(rotated.previousExpiresAt));
    await expectNoLeaks();
  });

  it("the first up after previousExpiresAt deletes the previous secret: only the new one works", async () => {
    const wait = Date.parse(rotated.previousExpiresAt) - Date.now() + 1_000;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    expectOnly(await accounts.up(), { update: 1 });
    const done = (await accounts.get("deployer-secret")).outputs!;
    expect(done.secretId).to.equal(rotated.secretId);
    expect(done.previousSecretId).to.equal("");
    expect(await secretStatus(seen[0]), "previous secret").to.equal(401);
    expect(await secretStatus(seen[1]), "current secret").to.equal(200);
    await expectNoChanges(accounts);
    await expectNoLeaks();
  });
});
