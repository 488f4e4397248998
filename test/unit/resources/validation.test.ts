import { expect } from "chai";
import { checkApiKey } from "../../../provider/resources/api-key/validation";
import { checkProjectApiKey } from "../../../provider/resources/project-api-key/validation";
import { checkAssignment } from "../../../provider/resources/api-key-project-assignment/validation";
import { checkAccessListEntry } from "../../../provider/resources/access-list-api-key/validation";
import { UNKNOWN } from "../../../provider/shared/check-failures";

const ORG = "5f1a2b3c4d5e6f7a8b9c0d1e";
const KEY = "6a1b2c3d4e5f6a7b8c9d0e1f";
const P1 = "7a1b2c3d4e5f6a7b8c9d0e1f";

/** [name, checker, inputs, property expected to fail, message pattern] */
type Case = [string, (news: never) => { failures?: { property: string; reason: string }[] }, object, string, RegExp];

const okApiKey = { orgId: ORG, description: "ci", roleNames: ["ORG_READ_ONLY"] };
const okProject = { description: "ci", projectAssignments: [{ projectId: P1, roleNames: ["GROUP_READ_ONLY"] }] };
const okAssignment = { projectId: P1, apiKeyId: KEY, roles: ["GROUP_READ_ONLY"] };
const okEntry = { orgId: ORG, apiKeyId: KEY, ipAddress: "192.0.2.1" };

/** Every invalid input `check` rejects; the bad-input table of the docs comes from here. */
export const BAD_INPUTS: Case[] = [
  ["ApiKey: orgId missing", checkApiKey, { ...okApiKey, orgId: undefined }, "orgId", /orgId is required/],
  ["ApiKey: orgId not hex", checkApiKey, { ...okApiKey, orgId: "my-org" }, "orgId", /24 hexadecimal/],
  ["ApiKey: description empty", checkApiKey, { ...okApiKey, description: "" }, "description", /1 to 250/],
  [
    "ApiKey: description too long",
    checkApiKey,
    { ...okApiKey, description: "x".repeat(251) },
    "description",
    /251 characters long; Atlas allows at most 250/,
  ],
  [
    "ApiKey: description counted in characters, not UTF-16 units",
    checkApiKey,
    { ...okApiKey, description: "🔑".repeat(251) },
    "description",
    /is 251 characters long; Atlas allows at most 250 \(counted in Unicode characters, code points/,
  ],
  [
    "ApiKey: description only whitespace",
    checkApiKey,
    { ...okApiKey, description: " \u00a0  " },
    "description",
    /only whitespace: give the key a description with visible text/,
  ],
  [
    "ApiKey: description with a line break",
    checkApiKey,
    { ...okApiKey, description: "ci\ndeploy" },
    "description",
    /control character U\+000A at character 3 .*Remove it/,
  ],
  [
    "ProjectApiKey: description with a NUL",
    checkProjectApiKey,
    { ...okProject, description: "ci\u0000" },
    "description",
    /control character U\+0000/,
  ],
  [
    "ApiKey: adoptPrivateKey not a string",
    checkApiKey,
    { ...okApiKey, adoptApiKeyId: KEY, adoptPrivateKey: 42 },
    "adoptPrivateKey",
    /adoptPrivateKey must be a string \(got a number\)/,
  ],
  [
    "ApiKey: adoptPrivateKey not shaped like a private key",
    checkApiKey,
    { ...okApiKey, adoptApiKeyId: KEY, adoptPrivateKey: "c8150efd-c7a0-4afd-8c4f" },
    "adoptPrivateKey",
    /not shaped like an Atlas private key \(23 characters/,
  ],
  [
    "ApiKey: access-list entry with a zone id",
    checkApiKey,
    { ...okApiKey, accessList: ["fe80::1%eth0"] },
    "accessList",
    /accessList\[0\]: "fe80::1%eth0" has a zone id \("%eth0"\).*remove "%eth0"/,
  ],
  [
    "ApiKey: IPv4-mapped IPv6 entry",
    checkApiKey,
    { ...okApiKey, accessList: ["::ffff:192.0.2.1"] },
    "accessList",
    /"::ffff:192\.0\.2\.1" is an IPv4-mapped IPv6 address.*write "192\.0\.2\.1" instead/,
  ],
  [
    "ProjectApiKey: IPv4-mapped IPv6 entry in hex",
    checkProjectApiKey,
    { ...okProject, accessList: ["::ffff:c000:200/120"] },
    "accessList",
    /write "192\.0\.2\.0\/24" instead/,
  ],
  [
    "AccessList: IPv6 with an IPv4 tail",
    checkAccessListEntry,
    { ...okEntry, ipAddress: "64:ff9b::192.0.2.1" },
    "ipAddress",
    /ends in IPv4 notation.*write "64:ff9b::c000:201" instead/,
  ],
  [
    "AccessList: zone id",
    checkAccessListEntry,
    { ...okEntry, ipAddress: "fe80::1%25eth0" },
    "ipAddress",
    /has a zone id \("%25eth0"\)/,
  ],
  ["ApiKey: no roles", checkApiKey, { ...okApiKey, roleNames: [] }, "roleNames", /at least one role/],
  [
    "ApiKey: unknown org role",
    checkApiKey,
    { ...okApiKey, roleNames: ["ORG_ADMIN"] },
    "roleNames",
    /not an organization role/,
  ],
  [
    "ApiKey: project role on org key",
    checkApiKey,
    { ...okApiKey, roleNames: ["GROUP_OWNER"] },
    "roleNames",
    /is a project role/,
  ],
  [
    "ApiKey: bad access list entry",
    checkApiKey,
    { ...okApiKey, accessList: ["10.0.0.1/24"] },
    "accessList",
    /use the network address "10\.0\.0\.0\/24"/,
  ],
  [
    "ApiKey: access list not a list",
    checkApiKey,
    { ...okApiKey, accessList: "10.0.0.1" },
    "accessList",
    /must be a list/,
  ],
  ["ApiKey: keepers not strings", checkApiKey, { ...okApiKey, keepers: { a: 1 } }, "keepers", /map of strings/],
  [
    "ApiKey: adopt id is a public key",
    checkApiKey,
    { ...okApiKey, adoptApiKeyId: "abcdefgh" },
    "adoptApiKeyId",
    /looks like a public key/,
  ],
  [
    "ApiKey: private key without id",
    checkApiKey,
    { ...okApiKey, adoptPrivateKey: "x" },
    "adoptPrivateKey",
    /only used with adoptApiKeyId/,
  ],
  [
    "ProjectApiKey: no projects",
    checkProjectApiKey,
    { ...okProject, projectAssignments: [] },
    "projectAssignments",
    /at least one project/,
  ],
  [
    "ProjectApiKey: duplicate project",
    checkProjectApiKey,
    { ...okProject, projectAssignments: [okProject.projectAssignments[0], okProject.projectAssignments[0]] },
    "projectAssignments",
    /appears more than once/,
  ],
  [
    "ProjectApiKey: bad project id",
    checkProjectApiKey,
    { ...okProject, projectAssignments: [{ projectId: "p1", roleNames: ["GROUP_READ_ONLY"] }] },
    "projectAssignments[0].projectId",
    /24 hexadecimal/,
  ],
  [
    "ProjectApiKey: org role in project",
    checkProjectApiKey,
    { ...okProject, projectAssignments: [{ projectId: P1, roleNames: ["ORG_OWNER"] }] },
    "projectAssignments[0].roleNames",
    /is an organization role/,
  ],
  [
    "ProjectApiKey: description missing",
    checkProjectApiKey,
    { ...okProject, description: undefined },
    "description",
    /required/,
  ],
  [
    "Assignment: public key as apiKeyId",
    checkAssignment,
    { ...okAssignment, apiKeyId: "qwertyui" },
    "apiKeyId",
    /"qwertyui" looks like a public key, not the key id/,
  ],
  [
    "Assignment: org role",
    checkAssignment,
    { ...okAssignment, roles: ["ORG_MEMBER"] },
    "roles",
    /is an organization role/,
  ],
  ["Assignment: no roles", checkAssignment, { ...okAssignment, roles: [] }, "roles", /at least one role/],
  [
    "Assignment: projectId missing",
    checkAssignment,
    { ...okAssignment, projectId: undefined },
    "projectId",
    /required/,
  ],
  [
    "AccessList: both fields",
    checkAccessListEntry,
    { ...okEntry, cidrBlock: "10.0.0.0/8" },
    "cidrBlock",
    /exactly one of ipAddress/,
  ],
  [
    "AccessList: neither field",
    checkAccessListEntry,
    { orgId: ORG, apiKeyId: KEY },
    "ipAddress",
    /exactly one of ipAddress/,
  ],
  [
    "AccessList: network as ipAddress",
    checkAccessListEntry,
    { ...okEntry, ipAddress: "10.0.0.0/8" },
    "ipAddress",
    /set it as cidrBlock/,
  ],
  [
    "AccessList: host bits",
    checkAccessListEntry,
    { orgId: ORG, apiKeyId: KEY, cidrBlock: "10.1.2.3/16" },
    "cidrBlock",
    /"10\.1\.0\.0\/16"/,
  ],
  [
    "AccessList: public key as apiKeyId",
    checkAccessListEntry,
    { ...okEntry, apiKeyId: "abcdefgh" },
    "apiKeyId",
    /looks like a public key/,
  ],
];

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
