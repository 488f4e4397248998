import { expect } from "chai";
import { diffApiKey, type ApiKeyOutputs } from "../../../provider/resources/api-key/model";
import {
  assignmentDelta,
  diffProjectApiKey,
  type ProjectApiKeyOutputs,
} from "../../../provider/resources/project-api-key/model";
import { diffAssignment } from "../../../provider/resources/api-key-project-assignment/model";
import { diffAccessList, entryOf } from "../../../provider/resources/access-list-api-key/model";

const ORG = "5f1a2b3c4d5e6f7a8b9c0d1e";
const ORG2 = "5f1a2b3c4d5e6f7a8b9c0d1f";
const KEY = "6a1b2c3d4e5f6a7b8c9d0e1f";
const KEY2 = "6a1b2c3d4e5f6a7b8c9d0e20";
const P1 = "7a1b2c3d4e5f6a7b8c9d0e1f";
const P2 = "7a1b2c3d4e5f6a7b8c9d0e20";

describe("ApiKey diff", () => {
  const olds: ApiKeyOutputs = {
    orgId: ORG,
    description: "ci",
    roleNames: ["ORG_MEMBER", "ORG_READ_ONLY"],
    accessList: ["10.0.0.0/8"],
    keepers: { rotation: "1" },
    apiKeyId: KEY,
    publicKey: "abcdefgh",
    privateKey: "********-****-****-01bdd56c8977",
  };
  const base = {
    orgId: ORG,
    description: "ci",
    roleNames: ["ORG_READ_ONLY", "ORG_MEMBER"],
    accessList: ["10.0.0.0/8"],
    keepers: { rotation: "1" },
  };
  const cases: [string, object, string[], string[]][] = [
    ["nothing (role order, redacted private key)", {}, [], []],
    ["duplicate role", { roleNames: ["ORG_MEMBER", "ORG_READ_ONLY", "ORG_MEMBER"] }, [], []],
    ["description", { description: "ci-2" }, [], ["description"]],
    ["roles", { roleNames: ["ORG_OWNER"] }, [], ["roleNames"]],
    ["access list as a set", { accessList: ["10.0.0.0/8", "192.0.2.1"] }, [], ["accessList"]],
    ["orgId replaces", { orgId: ORG2 }, ["orgId"], []],
    ["keepers replace", { keepers: { rotation: "2" } }, ["keepers"], []],
    ["keepers removed replace", { keepers: undefined }, ["keepers"], []],
    ["adopting another key replaces", { adoptApiKeyId: KEY2 }, ["adoptApiKeyId"], []],
    ["adopting the same key does nothing", { adoptApiKeyId: KEY }, [], []],
    [
      "a new adoptPrivateKey updates",
      { adoptApiKeyId: KEY, adoptPrivateKey: "c8150efd-c7a0-4afd-8c4f-01bdd56c8977" },
      [],
      ["adoptPrivateKey"],
    ],
  ];
  for (const [name, change, replaces, updates] of cases) {
    it(name, () => {
      expect(diffApiKey(olds, { ...base, ...change } as never)).to.deep.equal({ replaces, updates });
    });
  }
});

describe("ProjectApiKey assignments", () => {
  it("computes add, update and remove by project id, roles as sets", () => {
    const olds = [
      { projectId: P1, roleNames: ["GROUP_READ_ONLY"] },
      { projectId: P2, roleNames: ["GROUP_OWNER", "GROUP_READ_ONLY"] },
    ];
    const news = [
      { projectId: P2, roleNames: ["GROUP_READ_ONLY", "GROUP_OWNER"] },
      { projectId: "8a1b2c3d4e5f6a7b8c9d0e1f", roleNames: ["GROUP_OWNER"] },
    ];
    expect(assignmentDelta(olds, news)).to.deep.equal({
      add: [{ projectId: "8a1b2c3d4e5f6a7b8c9d0e1f", roleNames: ["GROUP_OWNER"] }],
      update: [],
      remove: [P1],
    });
    expect(assignmentDelta(olds, [{ projectId: P1, roleNames: ["GROUP_OWNER"] }]).update).to.deep.equal([
      { projectId: P1, roleNames: ["GROUP_OWNER"] },
    ]);
  });

  it("replaces only for keepers", () => {
    const olds = {
      description: "d",
      projectAssignments: [{ projectId: P1, roleNames: ["GROUP_READ_ONLY"] }],
      orgId: ORG,
      apiKeyId: KEY,
      publicKey: "abcdefgh",
      privateKey: "x",
      roleNames: ["ORG_MEMBER"],
    } as ProjectApiKeyOutputs;
    expect(diffProjectApiKey(olds, { ...olds })).to.deep.equal({ replaces: [], updates: [] });
    expect(diffProjectApiKey(olds, { ...olds, keepers: { a: "b" } }).replaces).to.deep.equal(["keepers"]);
    expect(diffProjectApiKey(olds, { ...olds, description: "e" }).updates).to.deep.equal(["description"]);
    const moved = { ...olds, projectAssignments: [{ projectId: P2, roleNames: ["GROUP_READ_ONLY"] }] };
    expect(diffProjectApiKey(olds, moved)).to.deep.equal({ replaces: [], updates: ["projectAssignments"] });
  });

  it("replaces to adopt another key; a new adoptPrivateKey for the held key updates", () => {
    const olds = {
      description: "d",
      projectAssignments: [{ projectId: P1, roleNames: ["GROUP_READ_ONLY"] }],
      orgId: ORG,
      apiKeyId: KEY,
      publicKey: "abcdefgh",
      privateKey: "",
      roleNames: ["ORG_MEMBER"],
      adoptApiKeyId: KEY,
    } as ProjectApiKeyOutputs;
    const privateKey = "c8150efd-c7a0-4afd-8c4f-01bdd56c8977";
    expect(diffProjectApiKey(olds, { ...olds, adoptApiKeyId: KEY2 })).to.deep.equal({
      replaces: ["adoptApiKeyId"],
      updates: [],
    });
    expect(diffProjectApiKey(olds, { ...olds })).to.deep.equal({ replaces: [], updates: [] });
    expect(diffProjectApiKey(olds, { ...olds, adoptPrivateKey: privateKey })).to.deep.equal({
      replaces: [],
      updates: ["adoptPrivateKey"],
    });
    const recorded = { ...olds, privateKey };
    expect(diffProjectApiKey(recorded, { ...recorded, adoptPrivateKey: privateKey })).to.deep.equal({
      replaces: [],
      updates: [],
    });
  });
});

describe("ApiKeyProjectAssignment diff", () => {
  const olds = { projectId: P1, apiKeyId: KEY, roles: ["GROUP_OWNER", "GROUP_READ_ONLY"] };
  it("replaces on identity, updates roles, ignores order", () => {
    expect(diffAssignment(olds, { ...olds, roles: ["GROUP_READ_ONLY", "GROUP_OWNER"] })).to.deep.equal({
      replaces: [],
      updates: [],
    });
    expect(diffAssignment(olds, { ...olds, projectId: P2 })).to.deep.equal({ replaces: ["projectId"], updates: [] });
    expect(diffAssignment(olds, { ...olds, apiKeyId: KEY2 })).to.deep.equal({ replaces: ["apiKeyId"], updates: [] });
    expect(diffAssignment(olds, { ...olds, roles: ["GROUP_OWNER"] })).to.deep.equal({
      replaces: [],
      updates: ["roles"],
    });
  });
});

describe("AccessListApiKey diff", () => {
  const olds = { orgId: ORG, apiKeyId: KEY, ipAddress: "192.0.2.1", cidrBlock: "192.0.2.1/32" };
  it("sees a.b.c.d and a.b.c.d/32 as the same entry", () => {
    expect(entryOf({ cidrBlock: "192.0.2.1/32" })).to.equal("192.0.2.1");
    expect(diffAccessList(olds, { orgId: ORG, apiKeyId: KEY, cidrBlock: "192.0.2.1/32" })).to.deep.equal([]);
  });
  it("replaces on any identity change", () => {
    expect(diffAccessList(olds, { orgId: ORG, apiKeyId: KEY, ipAddress: "192.0.2.2" })).to.deep.equal(["ipAddress"]);
    expect(diffAccessList(olds, { orgId: ORG, apiKeyId: KEY2, ipAddress: "192.0.2.1" })).to.deep.equal(["apiKeyId"]);
    expect(diffAccessList(olds, { orgId: ORG2, apiKeyId: KEY, ipAddress: "192.0.2.1" })).to.deep.equal(["orgId"]);
  });
});
