import { expect } from "chai";
import { checkApiKey } from "../../../provider/resources/api-key/validation";
import { checkProjectApiKey } from "../../../provider/resources/project-api-key/validation";
import { checkAssignment } from "../../../provider/resources/api-key-project-assignment/validation";
import { checkAccessListEntry } from "../../../provider/resources/access-list-api-key/validation";
import { UNKNOWN } from "../../../provider/shared/check-failures";
import { BAD_INPUTS, ORG, KEY, P1, okApiKey, okAssignment, okEntry } from "../../support/bad-inputs";

describe("check rejects bad input with the property and the fix", () => {
  for (const [name, checker, inputs, property, reason] of BAD_INPUTS) {
    it(name, () => {
      const failures = checker(inputs as never).failures ?? [];
      const match = failures.find((f) => f.property === property);
      expect(match, JSON.stringify(failures)).to.not.equal(undefined);
      expect(match!.reason).to.match(reason);
    });
  }
});

describe("check accepts and normalizes good input", () => {
  it("AccessList: ipAddress null next to cidrBlock counts as not set and stays out of the inputs", () => {
    const result = checkAccessListEntry({
      orgId: ORG,
      apiKeyId: KEY,
      cidrBlock: "10.0.0.0/8",
      ipAddress: null,
    } as never);
    expect(result.failures).to.deep.equal([]);
    expect(result.inputs).to.deep.equal({ orgId: ORG, apiKeyId: KEY, cidrBlock: "10.0.0.0/8" });
  });
  it("ApiKey: null optional inputs count as not set", () => {
    const result = checkApiKey({ ...okApiKey, adoptApiKeyId: null, adoptPrivateKey: null, keepers: null } as never);
    expect(result.failures).to.deep.equal([]);
    expect(result.inputs).to.deep.equal(okApiKey);
  });
  it("ApiKey: a 250-character emoji description passes (500 UTF-16 units)", () => {
    expect(checkApiKey({ ...okApiKey, description: "🔑".repeat(250) } as never).failures).to.deep.equal([]);
  });
  it("never repeats a rejected adoptPrivateKey", () => {
    const secret = "c8150efd-c7a0-4afd-8c4f-01bdd56c89";
    const failures = checkApiKey({ ...okApiKey, adoptApiKeyId: KEY, adoptPrivateKey: secret } as never).failures!;
    expect(failures).to.have.length(1);
    expect(JSON.stringify(failures).includes(secret)).to.equal(false);
  });
  it("ApiKey: sorts roles, canonical access list, no failures", () => {
    const result = checkApiKey({
      ...okApiKey,
      roleNames: ["ORG_READ_ONLY", "ORG_MEMBER", "ORG_MEMBER"],
      accessList: ["192.0.2.1/32", "10.0.0.0/8"],
    } as never);
    expect(result.failures).to.deep.equal([]);
    expect(result.inputs!.roleNames).to.deep.equal(["ORG_MEMBER", "ORG_READ_ONLY"]);
    expect(result.inputs!.accessList).to.deep.equal(["10.0.0.0/8", "192.0.2.1"]);
  });
  it("keeps the order of project assignments (the first hosts the create)", () => {
    const P2 = "7a1b2c3d4e5f6a7b8c9d0e20";
    const result = checkProjectApiKey({
      description: "d",
      projectAssignments: [
        { projectId: P2, roleNames: ["GROUP_READ_ONLY"] },
        { projectId: P1, roleNames: ["GROUP_OWNER", "GROUP_CLUSTER_MANAGER"] },
      ],
    } as never);
    expect(result.failures).to.deep.equal([]);
    expect(result.inputs!.projectAssignments.map((a) => a.projectId)).to.deep.equal([P2, P1]);
    expect(result.inputs!.projectAssignments[1].roleNames).to.deep.equal(["GROUP_CLUSTER_MANAGER", "GROUP_OWNER"]);
  });
  it("AccessList: a.b.c.d/32 given as cidrBlock is valid", () => {
    const result = checkAccessListEntry({ orgId: ORG, apiKeyId: KEY, cidrBlock: "192.0.2.1/32" } as never);
    expect(result.failures).to.deep.equal([]);
  });
  it("skips values not known yet at preview", () => {
    expect(checkApiKey({ ...okApiKey, orgId: UNKNOWN } as never).failures).to.deep.equal([]);
    expect(checkAssignment({ ...okAssignment, apiKeyId: UNKNOWN } as never).failures).to.deep.equal([]);
    expect(checkAccessListEntry({ ...okEntry, apiKeyId: UNKNOWN } as never).failures).to.deep.equal([]);
  });
});
