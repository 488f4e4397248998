import { expect } from "chai";
import { serviceAccountQueries } from "../../../provider/program/service-account-queries";
import { FakeServiceAccounts } from "./support/fake-service-accounts";
import { rejectionOf } from "../../support/expect-rejection";

const ORG = "5f1a2b3c4d5e6f7a8b9c0d1e";
const P1 = "7a1b2c3d4e5f6a7b8c9d0e1f";

describe("service-account lookups", () => {
  let fake: FakeServiceAccounts;
  let q: ReturnType<typeof serviceAccountQueries>;
  let clientId: string;
  let clear: string;
  beforeEach(async () => {
    fake = new FakeServiceAccounts();
    q = serviceAccountQueries(fake);
    const created = await fake.createServiceAccount(ORG, {
      name: "ci",
      description: "d",
      roles: ["ORG_READ_ONLY", "ORG_MEMBER"],
      secretExpiresAfterHours: 24,
    });
    clientId = created.clientId;
    clear = created.secrets![0].secret!;
    await fake.assignServiceAccountToProject(P1, clientId, ["GROUP_READ_ONLY"]);
    await fake.createServiceAccountAccessListEntries(ORG, clientId, [
      { ipAddress: "10.0.0.1" },
      { cidrBlock: "10.2.0.0/16" },
    ]);
    fake.calls.length = 0;
  });

  it("return accounts, secrets, assignments and entries with readable ids and never a clear secret", async () => {
    const account = await q.getServiceAccount({ orgId: ORG, clientId });
    expect(account).to.include({ id: `${ORG}/${clientId}`, name: "ci" });
    expect(account.roles).to.deep.equal(["ORG_MEMBER", "ORG_READ_ONLY"]);
    const secretId = account.secrets[0].secretId;
    const secret = await q.getServiceAccountSecret({ orgId: ORG, clientId, secretId });
    expect(secret.id).to.equal(`${ORG}/${clientId}/${secretId}`);
    expect((await q.getServiceAccounts({ orgId: ORG })).results.map((a) => a.clientId)).to.deep.equal([clientId]);
    expect(await q.getServiceAccountProjectAssignment({ projectId: P1, clientId })).to.deep.equal({
      id: `${P1}/${clientId}`,
      projectId: P1,
      clientId,
      roles: ["GROUP_READ_ONLY"],
    });
    expect((await q.getServiceAccountProjectAssignments({ orgId: ORG, clientId })).results[0].projectId).to.equal(P1);
    const entries = await q.getServiceAccountAccessListEntries({ orgId: ORG, clientId });
    expect(entries.results.map((e) => e.id)).to.deep.equal([
      `${ORG}/${clientId}/10.0.0.1`,
      `${ORG}/${clientId}/10.2.0.0/16`,
    ]);
    const one = await q.getServiceAccountAccessListEntry({ orgId: ORG, clientId, cidrBlock: "10.0.0.1/32" });
    expect(one).to.include({ ipAddress: "10.0.0.1", requestCount: 0 });
    const everything = JSON.stringify([account, secret, entries, one]);
    expect(everything.includes(clear)).to.equal(false);
  });

  it("check arguments before any request and explain what is missing", async () => {
    expect((await rejectionOf(q.getServiceAccount({ orgId: "org", clientId }))).message).to.match(/orgId must be 24/);
    expect((await rejectionOf(q.getServiceAccount({ orgId: ORG, clientId: clear }))).message).to.match(
      /holds a client secret/,
    );
    expect(
      (await rejectionOf(q.getServiceAccountAccessListEntry({ orgId: ORG, clientId, cidrBlock: "10.0.0.1/8" })))
        .message,
    ).to.match(/host bits/);
    expect(fake.calls).to.deep.equal([]);
    const missing = await rejectionOf(q.getServiceAccountSecret({ orgId: ORG, clientId, secretId: P1 }));
    expect(missing.message).to.match(/has no secret/);
    expect(
      (await rejectionOf(q.getServiceAccountAccessListEntry({ orgId: ORG, clientId, ipAddress: "10.9.9.9" }))).message,
    ).to.match(/no access-list entry 10.9.9.9/);
  });

  it("keep a secret pasted as a client id out of the message", async () => {
    const message = (await rejectionOf(q.getServiceAccount({ orgId: ORG, clientId: clear }))).message;
    expect(message.includes(clear.slice(10))).to.equal(false);
  });
});
