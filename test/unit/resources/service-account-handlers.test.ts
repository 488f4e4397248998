import { expect } from "chai";
import { AtlasApiError } from "../../../provider/atlas/errors";
import { serviceAccountHandlers as sa } from "../../../provider/resources/service-account/handlers";
import { serviceAccountSecretHandlers as secrets } from "../../../provider/resources/service-account-secret/handlers";
import { serviceAccountAssignmentHandlers as assignments } from "../../../provider/resources/service-account-project-assignment/handlers";
import { serviceAccountAccessListHandlers as entries } from "../../../provider/resources/service-account-access-list-entry/handlers";
import type { ServiceAccountOutputs } from "../../../provider/resources/service-account/model";
import { FakeServiceAccounts, notFound } from "./support/fake-service-accounts";
import { SERVICE_ACCOUNT_BAD_INPUTS } from "../../support/service-account-bad-inputs";
import { rejectionOf } from "../../support/expect-rejection";

const ORG = "5f1a2b3c4d5e6f7a8b9c0d1e";
const P1 = "7a1b2c3d4e5f6a7b8c9d0e1f";
const inputs = {
  orgId: ORG,
  name: "ci",
  description: "CI pipeline",
  roles: ["ORG_READ_ONLY"],
  secretExpiresAfterHours: 720,
};

describe("service-account handlers against an in-memory Atlas", () => {
  let fake: FakeServiceAccounts;
  let ctx: { atlas: FakeServiceAccounts; now(): number };
  beforeEach(() => {
    fake = new FakeServiceAccounts();
    ctx = { atlas: fake, now: () => fake.now };
  });

  async function createAccount(extra: object = {}): Promise<{ id: string; outs: ServiceAccountOutputs }> {
    const checked = await sa.check(ctx, {}, { ...inputs, ...extra });
    expect(checked.failures).to.deep.equal([]);
    return sa.create(ctx, checked.inputs!);
  }

  it("sends no request for any bad input: check fails first, naming the field", async () => {
    for (const [name, checker, news, property] of SERVICE_ACCOUNT_BAD_INPUTS) {
      const failures = checker(news as never).failures ?? [];
      expect(
        failures.map((f) => f.property),
        name,
      ).to.include(property);
    }
    expect(fake.calls).to.deep.equal([]);
  });

  it("creates an account with its first secret, readable id, and keeps the clear secret through refresh", async () => {
    const { id, outs } = await createAccount();
    expect(id).to.equal(`${ORG}/${outs.clientId}`);
    const clear = outs.secrets[0].secret!;
    expect(clear).to.match(/^mdb_sa_sk_/);
    expect(fake.calls).to.deep.equal(["createServiceAccount"]);
    const read = await sa.read(ctx, id, outs);
    expect(read.props!.secrets[0].secret === clear).to.equal(true);
    expect(read.props!.secrets[0].maskedSecretValue).to.match(/^mdb_sa_sk_\.\.\./);
    expect(read.inputs).to.include({ name: "ci", secretExpiresAfterHours: 720 });
  });

  it("creates without an initial secret when asked", async () => {
    const { outs } = await createAccount({ secretExpiresAfterHours: undefined, withoutInitialSecret: true });
    expect(outs.secrets).to.deep.equal([]);
    expect(fake.accounts[outs.clientId].secrets).to.deep.equal([]);
  });

  it("updates name, description and roles in place with one PATCH, keeping the secret", async () => {
    const { id, outs } = await createAccount();
    const news = { ...inputs, name: "ci-2", roles: ["ORG_MEMBER", "ORG_READ_ONLY"] };
    expect((await sa.diff(ctx, id, outs, news)).replaces).to.deep.equal([]);
    const { outs: updated } = await sa.update(ctx, id, outs, news);
    expect(updated).to.include({ name: "ci-2", clientId: outs.clientId });
    expect(updated.roles).to.deep.equal(["ORG_MEMBER", "ORG_READ_ONLY"]);
    expect(updated.secrets[0].secret === outs.secrets[0].secret).to.equal(true);
    expect(fake.calls.slice(1)).to.deep.equal(["updateServiceAccount"]);
    expect((await sa.diff(ctx, id, outs, { ...news, orgId: P1 })).replaces).to.deep.equal(["orgId"]);
  });

  it("drops an account deleted outside Pulumi by its error code, never on a bare 404", async () => {
    const { id, outs } = await createAccount();
    fake.failNext.getServiceAccount = new AtlasApiError({ status: 404, errorCode: "RESOURCE_NOT_FOUND" });
    expect((await rejectionOf(sa.read(ctx, id, outs))).message).to.match(/404/);
    delete fake.accounts[outs.clientId];
    expect(await sa.read(ctx, id, outs)).to.deep.equal({});
    await sa.delete(ctx, id, outs);
  });

  it("adopts an existing account by client id and says so clearly when there is none", async () => {
    const existing = await fake.createServiceAccount(ORG, {
      name: "old",
      description: "d",
      roles: ["ORG_MEMBER"],
      withoutInitialSecret: true,
    });
    const { outs } = await createAccount({ secretExpiresAfterHours: undefined, adoptClientId: existing.clientId });
    expect(outs).to.include({ clientId: existing.clientId, name: "ci", description: "CI pipeline" });
    expect(fake.accounts[existing.clientId].name).to.equal("ci");
    const missing = await rejectionOf(
      sa.create(ctx, {
        ...inputs,
        secretExpiresAfterHours: undefined,
        adoptClientId: "mdb_sa_id_000000000000000000000000",
      }),
    );
    expect(missing.message).to.match(/has no service account mdb_sa_id_0+.*remove adoptClientId/);
  });

  it("never resends a create whose outcome is unknown, and names the accounts now there", async () => {
    await fake.createServiceAccount(ORG, { ...inputs });
    fake.failNext.createServiceAccount = new AtlasApiError({
      status: 500,
      errorCode: "UNEXPECTED_ERROR",
      ambiguous: true,
    });
    fake.calls.length = 0;
    const error = await rejectionOf(sa.create(ctx, inputs));
    expect(error.message).to.match(
      /may or may not have succeeded.*not retried.*Accounts named "ci" now in organization/,
    );
    expect(fake.calls).to.deep.equal(["createServiceAccount", "listServiceAccounts"]);
    expect(error.message.includes("mdb_sa_sk_")).to.equal(false);
  });

  it("ServiceAccountSecret: creates, keeps the value, sees expiry cut by a newer secret, says the limit before asking", async () => {
    const { outs: account } = await createAccount();
    const secretInputs = { orgId: ORG, clientId: account.clientId, secretExpiresAfterHours: 2160 };
    const { id, outs } = await secrets.create(ctx, secretInputs);
    expect(id).to.equal(`${ORG}/${account.clientId}/${outs.secretId}`);
    expect(outs.secret).to.match(/^mdb_sa_sk_/);
    expect(outs.expiresAt).to.equal("2027-03-01T00:00:00.000Z");
    // The account's first secret was cut to 7 days by the new one; its refresh shows it.
    const first = await sa.read(ctx, `${ORG}/${account.clientId}`, account);
    expect(first.props!.secrets[0].expiresAt).to.equal("2026-12-08T00:00:00.000Z");
    const read = await secrets.read(ctx, id, outs);
    expect(read.props!.secret === outs.secret).to.equal(true);
    fake.calls.length = 0;
    const full = await rejectionOf(secrets.create(ctx, secretInputs));
    expect(full.message).to.match(/already has 2 secrets, and Atlas keeps at most 2/);
    expect(fake.calls).to.deep.equal(["getServiceAccount"]);
  });

  it("ServiceAccountSecret: an expired secret is still listed; a deleted one drops on refresh", async () => {
    const { outs: account } = await createAccount({ secretExpiresAfterHours: undefined, withoutInitialSecret: true });
    const { id, outs } = await secrets.create(ctx, {
      orgId: ORG,
      clientId: account.clientId,
      secretExpiresAfterHours: 8,
    });
    fake.now += 9 * 3_600_000;
    expect((await secrets.read(ctx, id, outs)).props!.expiresAt).to.equal(outs.expiresAt);
    await secrets.delete(ctx, id, outs);
    expect(await secrets.read(ctx, id, outs)).to.deep.equal({});
    await secrets.delete(ctx, id, outs);
    const gone = await rejectionOf(
      secrets.create(ctx, { orgId: ORG, clientId: "mdb_sa_id_000000000000000000000000", secretExpiresAfterHours: 8 }),
    );
    expect(gone.message).to.match(/has no service account/);
  });

  it("ServiceAccountProjectAssignment: assigns, adopts an existing assignment, updates roles, drops a vanished one", async () => {
    const { outs: account } = await createAccount();
    const a = { projectId: P1, clientId: account.clientId, roles: ["GROUP_READ_ONLY"] };
    const { id } = await assignments.create(ctx, a);
    expect(id).to.equal(`${P1}/${account.clientId}`);
    const adopted = await assignments.create(ctx, { ...a, roles: ["GROUP_OWNER"] });
    expect(adopted.outs.roles).to.deep.equal(["GROUP_OWNER"]);
    expect(fake.accounts[account.clientId].projects[P1]).to.deep.equal(["GROUP_OWNER"]);
    await assignments.update(ctx, id, adopted.outs, {
      ...a,
      roles: ["GROUP_DATA_ACCESS_READ_ONLY", "GROUP_READ_ONLY"],
    });
    expect((await assignments.read(ctx, id)).props!.roles).to.deep.equal([
      "GROUP_DATA_ACCESS_READ_ONLY",
      "GROUP_READ_ONLY",
    ]);
    delete fake.accounts[account.clientId].projects[P1];
    expect(await assignments.read(ctx, id)).to.deep.equal({});
    await assignments.delete(ctx, id, a);
  });

  it("ServiceAccountAccessListEntry: canonical entries, existing ones adopted, vanished ones dropped", async () => {
    const { outs: account } = await createAccount();
    const cidr = { orgId: ORG, clientId: account.clientId, cidrBlock: "10.1.0.0/16" };
    const { id, outs } = await entries.create(ctx, cidr);
    expect(id).to.equal(`${ORG}/${account.clientId}/10.1.0.0/16`);
    expect(outs).to.include({ cidrBlock: "10.1.0.0/16", requestCount: 0 });
    const again = await entries.create(ctx, cidr);
    expect(again.id).to.equal(id);
    const single = await entries.create(ctx, { orgId: ORG, clientId: account.clientId, cidrBlock: "10.0.0.1/32" });
    expect(single.outs).to.include({ ipAddress: "10.0.0.1", cidrBlock: "10.0.0.1/32" });
    expect((await entries.read(ctx, id)).props).to.include({ cidrBlock: "10.1.0.0/16" });
    await entries.delete(ctx, id, outs);
    expect(await entries.read(ctx, id)).to.deep.equal({});
    await entries.delete(ctx, id, outs);
    fake.failNext.listServiceAccountAccessList = notFound("RESOURCE_NOT_FOUND");
    expect((await rejectionOf(entries.read(ctx, single.id))).message).to.match(/404/);
  });
});
