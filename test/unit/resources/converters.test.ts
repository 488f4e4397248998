/**
 * Table tests of the pure converters between Atlas's answers, inputs and
 * outputs (the shape of the Terraform provider's model_test.go): each row is
 * a case name, what goes in and the exact value that must come out.
 */
import { expect } from "chai";
import { toOutputs, type ApiKeyInputs, type ApiKeyOutputs } from "../../../provider/resources/api-key/model";
import {
  toProjectOutputs,
  type ProjectApiKeyInputs,
  type ProjectApiKeyOutputs,
  type ProjectAssignment,
  type ProjectKeyFacts,
} from "../../../provider/resources/project-api-key/model";
import { toAccessListOutputs, type AccessListOutputs } from "../../../provider/resources/access-list-api-key/model";
import {
  factsOf,
  orgOf,
  orgRolesOf,
  projectRolesOf,
  projectsOf,
  type KeyFacts,
  type KeyRecord,
} from "../../../provider/shared/key-facts";

const ORG = "5f1a2b3c4d5e6f7a8b9c0d1e";
const ORG2 = "5f1a2b3c4d5e6f7a8b9c0d1f";
const KEY = "6a1b2c3d4e5f6a7b8c9d0e1f";
const P1 = "7a1b2c3d4e5f6a7b8c9d0e1f";
const P2 = "7a1b2c3d4e5f6a7b8c9d0e20";
const PRIVATE = "c8150efd-c7a0-4afd-8c4f-01bdd56c8977";

const record = (roles: KeyRecord["roles"]): KeyRecord => ({ id: KEY, publicKey: "abcdefgh", desc: "ci", roles });

describe("converters: Atlas's key record to facts", () => {
  const cases: { name: string; key: KeyRecord; orgId: string; facts: KeyFacts; org?: string; projects: string[] }[] = [
    {
      name: "organization roles sorted, project roles left out",
      key: record([
        { orgId: ORG, roleName: "ORG_READ_ONLY" },
        { groupId: P1, roleName: "GROUP_OWNER" },
        { orgId: ORG, roleName: "ORG_BILLING_ADMIN" },
      ]),
      orgId: ORG,
      facts: {
        apiKeyId: KEY,
        publicKey: "abcdefgh",
        description: "ci",
        roleNames: ["ORG_BILLING_ADMIN", "ORG_READ_ONLY"],
      },
      org: ORG,
      projects: [P1],
    },
    {
      name: "roles of another organization are not this one's",
      key: record([{ orgId: ORG2, roleName: "ORG_OWNER" }]),
      orgId: ORG,
      facts: { apiKeyId: KEY, publicKey: "abcdefgh", description: "ci", roleNames: [] },
      org: ORG2,
      projects: [],
    },
    {
      name: "duplicate roles collapse; projects in order of first appearance",
      key: record([
        { groupId: P2, roleName: "GROUP_READ_ONLY" },
        { orgId: ORG, roleName: "ORG_MEMBER" },
        { orgId: ORG, roleName: "ORG_MEMBER" },
        { groupId: P1, roleName: "GROUP_OWNER" },
        { groupId: P2, roleName: "GROUP_OWNER" },
      ]),
      orgId: ORG,
      facts: { apiKeyId: KEY, publicKey: "abcdefgh", description: "ci", roleNames: ["ORG_MEMBER"] },
      org: ORG,
      projects: [P2, P1],
    },
    {
      name: "a key with no roles",
      key: record([]),
      orgId: ORG,
      facts: { apiKeyId: KEY, publicKey: "abcdefgh", description: "ci", roleNames: [] },
      org: undefined,
      projects: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(factsOf(c.key, c.orgId)).to.deep.equal(c.facts);
      expect(orgRolesOf(c.key, c.orgId)).to.deep.equal(c.facts.roleNames);
      expect(orgOf(c.key)).to.equal(c.org);
      expect(projectsOf(c.key)).to.deep.equal(c.projects);
    });
  }

  it("project roles: sorted, per project, empty where the key is not assigned", () => {
    const key = record([
      { groupId: P1, roleName: "GROUP_READ_ONLY" },
      { groupId: P1, roleName: "GROUP_CLUSTER_MANAGER" },
      { groupId: P2, roleName: "GROUP_OWNER" },
    ]);
    const table: [string, string[]][] = [
      [P1, ["GROUP_CLUSTER_MANAGER", "GROUP_READ_ONLY"]],
      [P2, ["GROUP_OWNER"]],
      [ORG, []],
    ];
    for (const [projectId, roles] of table) expect(projectRolesOf(key, projectId), projectId).to.deep.equal(roles);
  });
});

describe("converters: ApiKey toOutputs", () => {
  const facts: KeyFacts = {
    apiKeyId: KEY,
    publicKey: "abcdefgh",
    description: "from atlas",
    roleNames: ["ORG_MEMBER"],
  };
  const base: ApiKeyInputs = { orgId: ORG, description: "declared", roleNames: ["ORG_OWNER"] };
  const cases: {
    name: string;
    inputs: ApiKeyInputs;
    accessList?: string[];
    privateKey: string;
    outs: ApiKeyOutputs;
  }[] = [
    {
      name: "description and roles come from Atlas's facts, not the inputs",
      inputs: base,
      privateKey: PRIVATE,
      outs: {
        orgId: ORG,
        description: "from atlas",
        roleNames: ["ORG_MEMBER"],
        accessList: undefined,
        apiKeyId: KEY,
        publicKey: "abcdefgh",
        privateKey: PRIVATE,
      },
    },
    {
      name: "an unmanaged access list stays absent whatever Atlas holds",
      inputs: base,
      accessList: ["10.0.0.0/8"],
      privateKey: "",
      outs: {
        orgId: ORG,
        description: "from atlas",
        roleNames: ["ORG_MEMBER"],
        accessList: undefined,
        apiKeyId: KEY,
        publicKey: "abcdefgh",
        privateKey: "",
      },
    },
    {
      name: "a managed access list is canonical, sorted and de-duplicated",
      inputs: { ...base, accessList: [] },
      accessList: ["192.0.2.1/32", "10.0.0.0/8", "192.0.2.1"],
      privateKey: "",
      outs: {
        orgId: ORG,
        description: "from atlas",
        roleNames: ["ORG_MEMBER"],
        accessList: ["10.0.0.0/8", "192.0.2.1"],
        apiKeyId: KEY,
        publicKey: "abcdefgh",
        privateKey: "",
      },
    },
    {
      name: "a managed list Atlas did not report is empty, not absent",
      inputs: { ...base, accessList: ["10.0.0.0/8"] },
      privateKey: "",
      outs: {
        orgId: ORG,
        description: "from atlas",
        roleNames: ["ORG_MEMBER"],
        accessList: [],
        apiKeyId: KEY,
        publicKey: "abcdefgh",
        privateKey: "",
      },
    },
    {
      name: "adoptPrivateKey is never copied to outputs; keepers and adoptApiKeyId are",
      inputs: { ...base, keepers: { r: "1" }, adoptApiKeyId: KEY, adoptPrivateKey: PRIVATE },
      privateKey: PRIVATE,
      outs: {
        orgId: ORG,
        description: "from atlas",
        roleNames: ["ORG_MEMBER"],
        accessList: undefined,
        keepers: { r: "1" },
        adoptApiKeyId: KEY,
        apiKeyId: KEY,
        publicKey: "abcdefgh",
        privateKey: PRIVATE,
      },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const outs = toOutputs(c.inputs, facts, c.privateKey, c.accessList);
      expect(outs).to.deep.equal(c.outs);
      expect(outs).to.not.have.property("adoptPrivateKey");
    });
  }
});

describe("converters: ProjectApiKey toProjectOutputs", () => {
  const facts: ProjectKeyFacts = {
    orgId: ORG,
    apiKeyId: KEY,
    publicKey: "abcdefgh",
    description: "ci",
    roleNames: ["ORG_MEMBER"],
  };
  const inputs: ProjectApiKeyInputs = {
    description: "ci",
    projectAssignments: [{ projectId: P1, roleNames: ["GROUP_OWNER"] }],
  };
  const cases: {
    name: string;
    inputs: ProjectApiKeyInputs;
    assignments: ProjectAssignment[];
    accessList?: string[];
    outs: ProjectApiKeyOutputs;
  }[] = [
    {
      name: "assignments as given, roles sorted and de-duplicated",
      inputs,
      assignments: [
        { projectId: P2, roleNames: ["GROUP_READ_ONLY", "GROUP_CLUSTER_MANAGER", "GROUP_READ_ONLY"] },
        { projectId: P1, roleNames: ["GROUP_OWNER"] },
      ],
      outs: {
        projectAssignments: [
          { projectId: P2, roleNames: ["GROUP_CLUSTER_MANAGER", "GROUP_READ_ONLY"] },
          { projectId: P1, roleNames: ["GROUP_OWNER"] },
        ],
        accessList: undefined,
        ...facts,
        privateKey: PRIVATE,
      },
    },
    {
      name: "a managed access list is canonical",
      inputs: { ...inputs, accessList: ["198.51.100.7"] },
      assignments: inputs.projectAssignments,
      accessList: ["198.51.100.7/32"],
      outs: { ...inputs, accessList: ["198.51.100.7"], ...facts, privateKey: PRIVATE },
    },
    {
      name: "the facts win over the inputs (the description Atlas holds)",
      inputs: { ...inputs, description: "declared" },
      assignments: inputs.projectAssignments,
      outs: { ...inputs, accessList: undefined, ...facts, privateKey: PRIVATE },
    },
    {
      name: "adoptPrivateKey is never copied to outputs; adoptApiKeyId is",
      inputs: { ...inputs, adoptApiKeyId: KEY, adoptPrivateKey: PRIVATE },
      assignments: inputs.projectAssignments,
      outs: { ...inputs, adoptApiKeyId: KEY, accessList: undefined, ...facts, privateKey: PRIVATE },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(toProjectOutputs(c.inputs, facts, c.assignments, PRIVATE, c.accessList)).to.deep.equal(c.outs);
    });
  }
});

describe("converters: AccessListApiKey toAccessListOutputs", () => {
  const cases: [string, string, AccessListOutputs][] = [
    [
      "a single IPv4 address gets its /32",
      "203.0.113.7",
      { orgId: ORG, apiKeyId: KEY, ipAddress: "203.0.113.7", cidrBlock: "203.0.113.7/32" },
    ],
    [
      "an address written as /32 is an address",
      "203.0.113.7/32",
      { orgId: ORG, apiKeyId: KEY, ipAddress: "203.0.113.7", cidrBlock: "203.0.113.7/32" },
    ],
    ["a network has no ipAddress", "203.0.113.0/24", { orgId: ORG, apiKeyId: KEY, cidrBlock: "203.0.113.0/24" }],
    [
      "an IPv6 address is compressed and gets its /128",
      "2001:0db8:0:0:0:0:0:1",
      { orgId: ORG, apiKeyId: KEY, ipAddress: "2001:db8::1", cidrBlock: "2001:db8::1/128" },
    ],
    ["an IPv6 network", "2001:db8::/32", { orgId: ORG, apiKeyId: KEY, cidrBlock: "2001:db8::/32" }],
  ];
  for (const [name, entry, outs] of cases) {
    it(name, () => expect(toAccessListOutputs(ORG, KEY, entry)).to.deep.equal(outs));
  }
  it("an entry that is not an address fails", () => {
    expect(() => toAccessListOutputs(ORG, KEY, "10.0.0.1/24")).to.throw(/host bits/);
  });
});
