/**
 * Several credential sets in one provider process: resources that name an explicit `Provider`
 * carry its settings in `__credentials` and are served by their own connection; the others use
 * the stack config. Two organizations of the emulator, each with its own admin key.
 */
import { expect } from "chai";
import { connectionCount } from "../../provider/atlas/connection";
import { CREDENTIALS_PROPERTY, type ExplicitSettings } from "../../provider/config/explicit";
import * as context from "../../provider/runtime/context";
import { configureRuntime, handlers, start, type Emulator } from "../support/provider-harness";

describe("explicit providers: one program, two organizations, two admin keys", () => {
  let emulator: Emulator;
  let otherOrg: ExplicitSettings;

  before(async () => {
    emulator = await start({ seed: "explicit-provider", rateLimit: false });
    otherOrg = {
      provider: "other-org",
      publicKey: emulator.otherOrg.publicKey!,
      privateKey: emulator.otherOrg.privateKey!,
      baseUrl: emulator.url,
    };
  });
  beforeEach(() => configureRuntime(emulator));
  after(async () => {
    context.resetContext();
    await emulator.close();
  });

  async function created(orgId: string, description: string, explicit?: ExplicitSettings) {
    const news = {
      orgId,
      description,
      roleNames: ["ORG_READ_ONLY"],
      ...(explicit && { [CREDENTIALS_PROPERTY]: explicit }),
    };
    const checked = await handlers.apiKey.check({}, news);
    expect(checked.failures ?? []).to.deep.equal([]);
    return handlers.apiKey.create(checked.inputs!);
  }

  it("creates keys in both organizations, each with its own admin key, and keeps one connection per set", async () => {
    const mine = await created(emulator.orgId, "stack config key");
    const theirs = await created(emulator.otherOrg.orgId, "other org key", otherOrg);
    expect(emulator.model.state.apiKeys[mine.outs.apiKeyId]).to.not.equal(undefined);
    expect(emulator.model.state.apiKeys[theirs.outs.apiKeyId]).to.not.equal(undefined);
    expect(theirs.outs[CREDENTIALS_PROPERTY], "carried to the outputs, for read and delete").to.deep.equal(otherOrg);
    expect(mine.outs).to.not.have.property(CREDENTIALS_PROPERTY);
    await created(emulator.otherOrg.orgId, "another one", { ...otherOrg });
    expect(connectionCount(), "stack config + other-org").to.equal(2);

    const read = await handlers.apiKey.read(theirs.id, theirs.outs);
    expect(read.id).to.equal(theirs.id);
    expect(read.props![CREDENTIALS_PROPERTY]).to.deep.equal(otherOrg);
    await handlers.apiKey.delete(theirs.id, theirs.outs);
    expect(emulator.model.state.apiKeys[theirs.outs.apiKeyId]).to.equal(undefined);
    await handlers.apiKey.delete(mine.id, mine.outs);
  });

  it("without the provider, the stack config's key cannot manage the other organization", async () => {
    let message = "";
    await created(emulator.otherOrg.orgId, "no provider").catch((e: Error) => (message = e.message));
    expect(message).to.match(/40[13]/);
  });

  it("a change of credentials alone is an update that stores them, with no Atlas call", async () => {
    const key = await created(emulator.otherOrg.orgId, "moved", otherOrg);
    const rotatedAdmin = { ...otherOrg, provider: "renamed" };
    const news = {
      ...(await handlers.apiKey.check(key.outs, { ...key.outs, [CREDENTIALS_PROPERTY]: rotatedAdmin })).inputs,
    };
    const diff = await handlers.apiKey.diff(key.id, key.outs, news);
    expect(diff.changes).to.equal(true);
    expect(diff.replaces ?? []).to.deep.equal([]);
    emulator.clearRequests();
    const updated = await handlers.apiKey.update(key.id, key.outs, news);
    expect(updated.outs![CREDENTIALS_PROPERTY]).to.deep.equal(rotatedAdmin);
    expect(emulator.requests().filter((r) => r.method !== "GET")).to.deep.equal([]);
    const same = await handlers.apiKey.diff(key.id, updated.outs, news);
    expect(same.changes).to.equal(false);
    await handlers.apiKey.delete(key.id, updated.outs!);
  });

  it("service accounts: account and secret made in the other organization with its key, read and deleted with it", async () => {
    const orgId = emulator.otherOrg.orgId;
    const news = { orgId, name: "partner-ci", description: "partner CI", roles: ["ORG_READ_ONLY"] };
    const withProvider = { ...news, withoutInitialSecret: true, [CREDENTIALS_PROPERTY]: otherOrg };
    const checked = await handlers.serviceAccount.check({}, withProvider);
    expect(checked.failures ?? []).to.deep.equal([]);
    const account = await handlers.serviceAccount.create(checked.inputs!);
    expect(emulator.model.state.serviceAccounts[account.outs.clientId].orgId).to.equal(orgId);
    expect(account.outs[CREDENTIALS_PROPERTY], "carried to the outputs").to.deep.equal(otherOrg);

    const secretInputs = { orgId, clientId: account.outs.clientId, secretExpiresAfterHours: 8 };
    const secret = await handlers.serviceAccountSecret.create({ ...secretInputs, [CREDENTIALS_PROPERTY]: otherOrg });
    expect(secret.outs[CREDENTIALS_PROPERTY]).to.deep.equal(otherOrg);
    const read = await handlers.serviceAccountSecret.read(secret.id, secret.outs);
    expect(read.props![CREDENTIALS_PROPERTY], "read with the same credentials").to.deep.equal(otherOrg);
    expect(read.props!.secret === secret.outs.secret).to.equal(true);

    let message = "";
    await handlers.serviceAccountSecret.create(secretInputs).catch((e: Error) => (message = e.message));
    expect(message, "the stack config's key cannot reach the other organization").to.match(/40[13]/);

    await handlers.serviceAccountSecret.delete(secret.id, secret.outs);
    await handlers.serviceAccount.delete(account.id, account.outs);
    expect(emulator.model.state.serviceAccounts[account.outs.clientId]).to.equal(undefined);
  });

  it("unusable explicit settings fail naming the provider's setting, before any request and without the secret", async () => {
    emulator.clearRequests();
    let message = "";
    const half = { provider: "broken", clientId: "mdb_sa_id_x", baseUrl: emulator.url };
    await created(emulator.otherOrg.orgId, "broken", half).catch((e: Error) => (message = e.message));
    expect(message).to.match(/only clientId of Provider "broken" is set, clientSecret of Provider "broken" is missing/);
    expect(emulator.requests()).to.deep.equal([]);
  });
});
