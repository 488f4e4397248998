import { expect } from "chai";
import { checkServiceAccount } from "../../../provider/resources/service-account/validation";
import { checkServiceAccountSecret } from "../../../provider/resources/service-account-secret/validation";
import { checkSaAssignment } from "../../../provider/resources/service-account-project-assignment/validation";
import { checkSaAccessListEntry } from "../../../provider/resources/service-account-access-list-entry/validation";
import {
  createBody,
  diffServiceAccount,
  secretsOf,
  serviceAccountResourceId,
  toServiceAccountOutputs,
  updateBody,
  type ServiceAccountOutputs,
} from "../../../provider/resources/service-account/model";
import {
  diffSecret,
  secretLimitProblem,
  secretResourceId,
} from "../../../provider/resources/service-account-secret/model";
import { diffSaAssignment } from "../../../provider/resources/service-account-project-assignment/model";
import { projectAssignmentResourceId } from "../../../provider/resources/common/project-assignment";
import {
  diffSaAccessList,
  findEntry,
  saAccessListResourceId,
  toSaAccessListOutputs,
} from "../../../provider/resources/service-account-access-list-entry/model";
import { splitServiceAccountResourceId } from "../../../provider/shared/service-accounts";
import { UNKNOWN } from "../../../provider/shared/check-failures";
import {
  SERVICE_ACCOUNT_BAD_INPUTS,
  okAccount,
  okAssignment,
  okSecret,
} from "../../support/service-account-bad-inputs";

const ORG = "5f1a2b3c4d5e6f7a8b9c0d1e";
const P1 = "7a1b2c3d4e5f6a7b8c9d0e1f";
const CLIENT = "mdb_sa_id_1234567890abcdef12345678";
const SECRET_ID = "6a1b2c3d4e5f6a7b8c9d0e1f";
const CLEAR = "mdb_sa_sk_clearvalueclearvalueclearvalue";

describe("service-account validation", () => {
  for (const [name, checker, inputs, property, pattern] of SERVICE_ACCOUNT_BAD_INPUTS) {
    it(`rejects ${name}, naming ${property} and the fix`, () => {
      const failures = checker(inputs as never).failures ?? [];
      const matching = failures.filter((f) => f.property === property && pattern.test(f.reason));
      expect(matching, JSON.stringify(failures)).to.have.length(1);
    });
  }

  it("accepts valid inputs of each resource, with roles as sorted sets and entries canonical", () => {
    const account = checkServiceAccount({
      ...okAccount,
      name: "Zürich ops, team-1",
      roles: ["ORG_READ_ONLY", "ORG_MEMBER", "ORG_MEMBER"],
    });
    expect(account.failures).to.deep.equal([]);
    expect(account.inputs?.roles).to.deep.equal(["ORG_MEMBER", "ORG_READ_ONLY"]);
    expect(
      checkServiceAccount({ ...okAccount, secretExpiresAfterHours: undefined, withoutInitialSecret: true }).failures,
    ).to.deep.equal([]);
    expect(
      checkServiceAccount({ ...okAccount, secretExpiresAfterHours: undefined, adoptClientId: CLIENT }).failures,
    ).to.deep.equal([]);
    expect(
      checkServiceAccount({ ...okAccount, name: "n".repeat(64), secretExpiresAfterHours: 8 }).failures,
    ).to.deep.equal([]);
    expect(checkServiceAccount({ ...okAccount, secretExpiresAfterHours: 8760 }).failures).to.deep.equal([]);
    expect(checkServiceAccountSecret(okSecret).failures).to.deep.equal([]);
    expect(
      checkSaAssignment({ ...okAssignment, roles: ["GROUP_OWNER", "GROUP_NEW_ROLE"] }).inputs?.roles,
    ).to.deep.equal(["GROUP_NEW_ROLE", "GROUP_OWNER"]);
    const cidr = checkSaAccessListEntry({ orgId: ORG, clientId: CLIENT, cidrBlock: "2001:DB8:0:0::/32" });
    expect(cidr.failures).to.deep.equal([]);
    expect(cidr.inputs?.cidrBlock).to.equal("2001:db8::/32");
  });

  it("lets values unknown at preview through, to be checked at up", () => {
    expect(
      checkServiceAccount({ ...okAccount, orgId: UNKNOWN, name: UNKNOWN, roles: [UNKNOWN] }).failures,
    ).to.deep.equal([]);
    expect(checkServiceAccountSecret({ ...okSecret, clientId: UNKNOWN }).failures).to.deep.equal([]);
    expect(checkSaAccessListEntry({ orgId: ORG, clientId: UNKNOWN, cidrBlock: UNKNOWN }).failures).to.deep.equal([]);
  });

  it("never repeats a secret pasted into an id field", () => {
    const reasons = JSON.stringify(checkServiceAccountSecret({ ...okSecret, clientId: CLEAR }).failures);
    expect(reasons.includes(CLEAR)).to.equal(false);
    expect(reasons.includes(CLEAR.slice(10))).to.equal(false);
  });
});

const outputs = (extra: Partial<ServiceAccountOutputs> = {}): ServiceAccountOutputs => ({
  orgId: ORG,
  name: "ci",
  description: "d",
  roles: ["ORG_READ_ONLY"],
  secretExpiresAfterHours: 720,
  clientId: CLIENT,
  createdAt: "2026-12-01T00:00:00Z",
  secrets: [],
  ...extra,
});

describe("service-account models", () => {
  it("builds readable ids and splits them back, a CIDR included", () => {
    expect(serviceAccountResourceId(ORG, CLIENT)).to.equal(`${ORG}/${CLIENT}`);
    expect(secretResourceId(ORG, CLIENT, SECRET_ID)).to.equal(`${ORG}/${CLIENT}/${SECRET_ID}`);
    expect(projectAssignmentResourceId(P1, CLIENT)).to.equal(`${P1}/${CLIENT}`);
    const id = saAccessListResourceId({ orgId: ORG, clientId: CLIENT, cidrBlock: "10.0.0.0/24" });
    expect(id).to.equal(`${ORG}/${CLIENT}/10.0.0.0/24`);
    expect(splitServiceAccountResourceId(id, ["orgId", "clientId", "entry"], "E")).to.deep.equal([
      ORG,
      CLIENT,
      "10.0.0.0/24",
    ]);
    expect(saAccessListResourceId({ orgId: ORG, clientId: CLIENT, cidrBlock: "10.0.0.1/32" })).to.equal(
      `${ORG}/${CLIENT}/10.0.0.1`,
    );
    expect(() => splitServiceAccountResourceId(`${ORG}/nope`, ["orgId", "clientId"], "ServiceAccount")).to.throw(
      /<orgId>\/<clientId>.*mdb_sa_id_/,
    );
    expect(() => splitServiceAccountResourceId(ORG, ["orgId", "clientId"], "ServiceAccount")).to.throw(
      /not of the form/,
    );
  });

  it("replaces on a new organization or first-secret setting, updates name, description and roles in place", () => {
    const olds = outputs();
    const same = { ...olds, roles: ["ORG_READ_ONLY", "ORG_READ_ONLY"] };
    expect(diffServiceAccount(olds, same)).to.deep.equal({ replaces: [], updates: [] });
    expect(diffServiceAccount(olds, { ...olds, orgId: P1 }).replaces).to.deep.equal(["orgId"]);
    expect(diffServiceAccount(olds, { ...olds, secretExpiresAfterHours: 24 }).replaces).to.deep.equal([
      "secretExpiresAfterHours",
    ]);
    expect(
      diffServiceAccount(olds, { ...olds, secretExpiresAfterHours: undefined, withoutInitialSecret: true }).replaces,
    ).to.deep.equal(["secretExpiresAfterHours", "withoutInitialSecret"]);
    expect(diffServiceAccount(olds, { ...olds, name: "n2", description: "d2", roles: ["ORG_MEMBER"] })).to.deep.equal({
      replaces: [],
      updates: ["name", "description", "roles"],
    });
    const adopted = outputs({ adoptClientId: CLIENT, secretExpiresAfterHours: undefined });
    expect(diffServiceAccount(adopted, { ...adopted }).replaces).to.deep.equal([]);
    expect(
      diffServiceAccount(adopted, { ...adopted, adoptClientId: "mdb_sa_id_aaaaaaaaaaaaaaaaaaaaaaaa" }).replaces,
    ).to.deep.equal(["adoptClientId"]);
  });

  it("creates with a first secret or without one, and patches only what changed (roles whole)", () => {
    expect(createBody({ ...okAccount })).to.deep.equal({
      name: "ci",
      description: "CI pipeline",
      roles: ["ORG_READ_ONLY"],
      secretExpiresAfterHours: 720,
    });
    expect(createBody({ ...okAccount, secretExpiresAfterHours: undefined, withoutInitialSecret: true })).to.deep.equal({
      name: "ci",
      description: "CI pipeline",
      roles: ["ORG_READ_ONLY"],
      withoutInitialSecret: true,
    });
    expect(updateBody(okAccount, okAccount)).to.equal(undefined);
    expect(updateBody(okAccount, { ...okAccount, roles: ["ORG_MEMBER", "ORG_READ_ONLY"] })).to.deep.equal({
      roles: ["ORG_MEMBER", "ORG_READ_ONLY"],
    });
  });

  it("keeps a known clear secret through reads, which only show it masked", () => {
    const known = secretsOf([{ id: SECRET_ID, createdAt: "c", expiresAt: "e1", secret: CLEAR }]);
    const refreshed = secretsOf(
      [
        { id: SECRET_ID, createdAt: "c", expiresAt: "e2", maskedSecretValue: "mdb_sa_sk_...alue" },
        { id: P1, createdAt: "c2", expiresAt: "e3", maskedSecretValue: "mdb_sa_sk_...xxxx" },
      ],
      known,
    );
    expect(refreshed[0].secret === CLEAR).to.equal(true);
    expect(refreshed[0].expiresAt).to.equal("e2");
    expect(refreshed[1]).to.not.have.property("secret");
    const outs = toServiceAccountOutputs(
      okAccount,
      {
        clientId: CLIENT,
        createdAt: "c",
        name: "ci",
        description: "CI pipeline",
        roles: ["ORG_READ_ONLY", "ORG_MEMBER"],
      },
      known,
    );
    expect(outs.roles).to.deep.equal(["ORG_MEMBER", "ORG_READ_ONLY"]);
    expect(outs.secrets).to.deep.equal([]);
  });

  it("replaces a secret on any change, and says so before a third secret", () => {
    const olds = { ...okSecret, secretId: SECRET_ID, createdAt: "c", expiresAt: "e", secret: CLEAR };
    expect(diffSecret(olds, okSecret)).to.deep.equal([]);
    expect(diffSecret(olds, { ...okSecret, secretExpiresAfterHours: 48 })).to.deep.equal(["secretExpiresAfterHours"]);
    const account = { clientId: CLIENT, createdAt: "c", name: "n", description: "d", roles: [] };
    const one = { id: SECRET_ID, createdAt: "c", expiresAt: "2026-12-08T00:00:00Z" };
    expect(secretLimitProblem({ ...account, secrets: [one] }, ORG)).to.equal(undefined);
    const problem = secretLimitProblem({ ...account, secrets: [one, { ...one, id: P1 }] }, ORG) ?? "";
    expect(problem).to.match(/already has 2 secrets, and Atlas keeps at most 2/);
    expect(problem).to.contain(`${SECRET_ID} (expires 2026-12-08T00:00:00Z)`);
  });

  it("replaces an assignment on identity, updates roles in place", () => {
    expect(diffSaAssignment(okAssignment, { ...okAssignment, roles: ["GROUP_READ_ONLY"] })).to.deep.equal({
      replaces: [],
      updates: [],
    });
    expect(diffSaAssignment(okAssignment, { ...okAssignment, roles: ["GROUP_OWNER"] }).updates).to.deep.equal([
      "roles",
    ]);
    expect(diffSaAssignment(okAssignment, { ...okAssignment, projectId: ORG }).replaces).to.deep.equal(["projectId"]);
  });

  it("compares access-list entries in canonical form and finds them whichever field Atlas fills", () => {
    const olds = toSaAccessListOutputs(ORG, CLIENT, "10.0.0.1");
    expect(olds).to.deep.equal({ orgId: ORG, clientId: CLIENT, cidrBlock: "10.0.0.1/32", ipAddress: "10.0.0.1" });
    expect(diffSaAccessList(olds, { orgId: ORG, clientId: CLIENT, cidrBlock: "10.0.0.1/32" })).to.deep.equal([]);
    expect(diffSaAccessList(olds, { orgId: ORG, clientId: CLIENT, ipAddress: "10.0.0.2" })).to.deep.equal([
      "ipAddress",
    ]);
    const list = [
      { cidrBlock: "10.0.0.0/24", requestCount: 3 },
      { ipAddress: "10.0.0.1", createdAt: "c" },
      { cidrBlock: "junk" },
    ];
    expect(findEntry(list, "10.0.0.1")?.createdAt).to.equal("c");
    expect(findEntry(list, "10.0.0.0/24")?.requestCount).to.equal(3);
    expect(findEntry(list, "10.0.0.2")).to.equal(undefined);
    expect(toSaAccessListOutputs(ORG, CLIENT, "10.0.0.0/24", list[0])).to.deep.equal({
      orgId: ORG,
      clientId: CLIENT,
      cidrBlock: "10.0.0.0/24",
      requestCount: 3,
    });
  });
});
