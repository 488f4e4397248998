import { expect } from "chai";
import { AtlasClient } from "../../provider/atlas";
import { adminClient, configureRuntime, handlers, start, type Emulator } from "../support/provider-harness";

const P = "service-account provider against the emulator";

describe(P, () => {
  let emulator: Emulator;
  let projectId: string;
  before(async () => {
    emulator = await start({ port: 0, seed: "service-account-tests", rateLimit: false });
    projectId = emulator.projectId;
  });
  after(async () => emulator.close());
  beforeEach(() => configureRuntime(emulator));

  async function createAccount(extra: object = {}) {
    const news = { orgId: emulator.orgId, name: "ci", description: "CI pipeline", roles: ["ORG_MEMBER"], ...extra };
    const checked = await handlers.serviceAccount.check({}, news);
    expect(checked.failures).to.deep.equal([]);
    const { id, outs } = await handlers.serviceAccount.create(checked.inputs);
    return { id: id as string, outs };
  }

  it("creates an account whose secret works at /api/oauth/token, keeps it through refresh, drops the account deleted outside", async () => {
    const { id, outs } = await createAccount({ secretExpiresAfterHours: 24, roles: ["ORG_READ_ONLY"] });
    expect(id).to.equal(`${emulator.orgId}/${outs.clientId}`);
    const clear = outs.secrets[0].secret as string;
    const asAccount = new AtlasClient({
      baseUrl: emulator.url,
      credentials: { type: "serviceAccount", clientId: outs.clientId, clientSecret: clear },
    });
    expect((await asAccount.getServiceAccount(emulator.orgId, outs.clientId)).clientId).to.equal(outs.clientId);
    asAccount.close();
    const read = await handlers.serviceAccount.read(id, outs);
    expect(read.props.secrets[0].secret === clear).to.equal(true);
    expect(read.props.secrets[0].maskedSecretValue).to.match(/^mdb_sa_sk_/);
    const { outs: updated } = await handlers.serviceAccount.update(id, outs, { ...read.inputs, name: "ci-2" });
    expect(updated.name).to.equal("ci-2");
    await adminClient(emulator).deleteServiceAccount(emulator.orgId, outs.clientId);
    expect(await handlers.serviceAccount.read(id, outs)).to.deep.equal({});
    await handlers.serviceAccount.delete(id, outs);
  });

  it("ServiceAccountSecret, assignment and access-list entry: create, read, refresh after deletion outside", async () => {
    const { outs: account } = await createAccount({ withoutInitialSecret: true });
    const { clientId } = account;
    const secret = await handlers.serviceAccountSecret.create({
      orgId: emulator.orgId,
      clientId,
      secretExpiresAfterHours: 8,
    });
    expect(secret.id).to.equal(`${emulator.orgId}/${clientId}/${secret.outs.secretId}`);
    expect(secret.outs.secret).to.match(/^mdb_sa_sk_/);
    expect(
      (await handlers.serviceAccountSecret.read(secret.id, secret.outs)).props.secret === secret.outs.secret,
    ).to.equal(true);

    const assignment = await handlers.serviceAccountProjectAssignment.create({
      projectId,
      clientId,
      roles: ["GROUP_READ_ONLY"],
    });
    const again = await handlers.serviceAccountProjectAssignment.create({
      projectId,
      clientId,
      roles: ["GROUP_OWNER"],
    });
    expect(again.id).to.equal(assignment.id);
    expect((await handlers.serviceAccountProjectAssignment.read(assignment.id)).props.roles).to.deep.equal([
      "GROUP_OWNER",
    ]);

    const entry = await handlers.serviceAccountAccessListEntry.create({
      orgId: emulator.orgId,
      clientId,
      cidrBlock: "198.51.100.0/24",
    });
    expect(entry.id).to.equal(`${emulator.orgId}/${clientId}/198.51.100.0/24`);
    expect((await handlers.serviceAccountAccessListEntry.read(entry.id)).props.cidrBlock).to.equal("198.51.100.0/24");
    await handlers.serviceAccountAccessListEntry.delete(entry.id, entry.outs);
    expect(await handlers.serviceAccountAccessListEntry.read(entry.id)).to.deep.equal({});

    await adminClient(emulator).unassignServiceAccountFromProject(projectId, clientId);
    expect(await handlers.serviceAccountProjectAssignment.read(assignment.id)).to.deep.equal({});
    await adminClient(emulator).deleteServiceAccountSecret(emulator.orgId, clientId, secret.outs.secretId);
    expect(await handlers.serviceAccountSecret.read(secret.id, secret.outs)).to.deep.equal({});
    await handlers.serviceAccountSecret.delete(secret.id, secret.outs);
  });
});
