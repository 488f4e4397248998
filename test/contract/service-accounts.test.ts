import { expect } from "chai";
import { checkFidelity } from "./fidelity";
import { openTarget, type ContractTarget } from "./target";

/*
 * Every service-account operation, called through the recording proxy so that each request's
 * answer is validated against the trimmed service-accounts spec. Plain HTTP with an OAuth token
 * of the seeded service account: the package's Atlas client is not needed to speak these paths.
 * Runs against the emulator only (real Atlas would need a service account of its own).
 */
describe("contract: every service-account operation against the target", () => {
  let t: ContractTarget;
  let token = "";
  let orgId = "";
  let projectId = "";

  before(async function () {
    t = await openTarget("contract-service-accounts");
    if (!t.emulator) this.skip(); // live Atlas: these calls need service-account credentials of their own
    orgId = t.orgId;
    projectId = t.projectId;
    const basic = Buffer.from(`${t.emulator.clientId}:${t.emulator.clientSecret}`).toString("base64");
    const res = await fetch(`${t.proxy.url}/api/oauth/token`, {
      method: "POST",
      headers: { Authorization: `Basic ${basic}`, "Content-Type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials",
    });
    token = ((await res.json()) as { access_token: string }).access_token;
  });
  after(() => t.close());

  /** An answer: status and parsed body (of several shapes, hence `any`). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Answer = { status: number; json: any };

  async function call(method: string, path: string, body?: unknown): Promise<Answer> {
    const res = await fetch(`${t.proxy.url}/api/atlas/v2${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: "application/vnd.atlas.2024-08-05+json",
        ...(body === undefined ? {} : { "Content-Type": "application/vnd.atlas.2024-08-05+json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  }

  it("runs the whole life of an account: create, read, secrets, projects, access list, delete", async () => {
    const settings = await call("PATCH", `/orgs/${orgId}/settings`, { maxServiceAccountSecretValidityInHours: 2000 });
    expect(settings.status).to.equal(200);
    expect((await call("GET", `/orgs/${orgId}/settings`)).json.maxServiceAccountSecretValidityInHours).to.equal(2000);

    const created = await call("POST", `/orgs/${orgId}/serviceAccounts`, {
      name: "contract account",
      description: "contract test",
      roles: ["ORG_READ_ONLY"],
      secretExpiresAfterHours: 48,
    });
    expect(created.status).to.equal(201);
    const clientId: string = created.json.clientId;
    const sa = `/orgs/${orgId}/serviceAccounts/${clientId}`;
    expect((await call("GET", `/orgs/${orgId}/serviceAccounts`)).status).to.equal(200);
    expect((await call("GET", sa)).json.secrets[0].maskedSecretValue).to.match(/^mdb_sa_sk_/);
    expect((await call("PATCH", sa, { description: "updated", roles: ["ORG_MEMBER"] })).json.roles).to.deep.equal([
      "ORG_MEMBER",
    ]);

    const secret = await call("POST", `${sa}/secrets`, { secretExpiresAfterHours: 24 });
    expect(secret.status).to.equal(201);
    expect((await call("DELETE", `${sa}/secrets/${secret.json.id}`)).status).to.equal(204);

    const group = `/groups/${projectId}/serviceAccounts`;
    expect((await call("POST", `${group}/${clientId}:invite`, { roles: ["GROUP_READ_ONLY"] })).status).to.equal(200);
    expect((await call("GET", group)).status).to.equal(200);
    expect((await call("GET", `${group}/${clientId}`)).json.roles).to.deep.equal(["GROUP_READ_ONLY"]);
    expect((await call("PATCH", `${group}/${clientId}`, { roles: ["GROUP_OWNER"] })).status).to.equal(200);
    expect((await call("GET", `${sa}/groups`)).json.results).to.have.length(1);
    expect((await call("DELETE", `${group}/${clientId}`)).status).to.equal(204);

    const added = await call("POST", `${sa}/accessList`, [
      { ipAddress: "192.0.2.1" },
      { cidrBlock: "198.51.100.0/24" },
    ]);
    expect(added.status).to.equal(200);
    expect((await call("GET", `${sa}/accessList`)).json.results).to.have.length(2);
    expect((await call("DELETE", `${sa}/accessList/198.51.100.0%2F24`)).status).to.equal(204);

    expect((await call("DELETE", sa)).status).to.equal(204);
  });

  it("manages a project service account through the project paths: create, secrets, access list", async () => {
    const group = `/groups/${projectId}/serviceAccounts`;
    const created = await call("POST", group, {
      name: "project account",
      description: "made in a project",
      roles: ["GROUP_READ_ONLY"],
      secretExpiresAfterHours: 24,
    });
    expect(created.status).to.equal(201);
    expect(created.json.roles).to.deep.equal(["GROUP_READ_ONLY"]);
    const inGroup = `${group}/${created.json.clientId}`;
    const secret = await call("POST", `${inGroup}/secrets`, { secretExpiresAfterHours: 24 });
    expect(secret.status).to.equal(201);
    expect((await call("DELETE", `${inGroup}/secrets/${secret.json.id}`)).status).to.equal(204);
    expect((await call("POST", `${inGroup}/accessList`, [{ cidrBlock: "203.0.113.0/24" }])).status).to.equal(200);
    expect((await call("GET", `${inGroup}/accessList`)).json.results).to.have.length(1);
    expect((await call("DELETE", `${inGroup}/accessList/203.0.113.0%2F24`)).status).to.equal(204);
    const account = await call("GET", `/orgs/${orgId}/serviceAccounts/${created.json.clientId}`);
    expect(account.json.roles).to.deep.equal(["ORG_MEMBER"]);
    expect((await call("DELETE", inGroup)).status).to.equal(204);
    expect((await call("GET", `/orgs/${orgId}/serviceAccounts/${created.json.clientId}`)).status).to.equal(200);
    expect((await call("DELETE", `/orgs/${orgId}/serviceAccounts/${created.json.clientId}`)).status).to.equal(204);
  });

  it("answers the errors of the reference with Atlas error bodies", async () => {
    const missing = `/orgs/${orgId}/serviceAccounts/mdb_sa_id_000000000000000000000000`;
    expect((await call("GET", missing)).json.errorCode).to.equal("SERVICE_ACCOUNT_NOT_FOUND");
    const bad = await call("POST", `/orgs/${orgId}/serviceAccounts`, {
      name: "n",
      description: "d",
      roles: ["ORG_MEMBER"],
      secretExpiresAfterHours: 1,
    });
    expect(bad.json).to.include({ error: 400, errorCode: "VALIDATION_ERROR" });
    const created = await call("POST", `/orgs/${orgId}/serviceAccounts`, {
      name: "errors",
      description: "d",
      roles: ["ORG_MEMBER"],
      secretExpiresAfterHours: 24,
    });
    const sa = `/orgs/${orgId}/serviceAccounts/${created.json.clientId}`;
    await call("POST", `${sa}/secrets`, { secretExpiresAfterHours: 24 });
    expect((await call("POST", `${sa}/secrets`, { secretExpiresAfterHours: 24 })).status).to.equal(400);
    await call("POST", `${sa}/accessList`, [{ ipAddress: "192.0.2.1" }]);
    expect((await call("POST", `${sa}/accessList`, [{ ipAddress: "192.0.2.1" }])).status).to.equal(409);
    expect((await call("DELETE", `${sa}/accessList/203.0.113.0%2F24`)).status).to.equal(404);
    await call("DELETE", sa);
  });

  it("validates every recorded answer against the service-accounts spec", function () {
    checkFidelity(this, t.proxy.recorded);
  });
});
