import { expect } from "chai";
import {
  normalizeRoles,
  orgRoleProblems,
  projectRoleProblems,
  sameRoles,
  unknownProjectRoles,
} from "../../../provider/shared/roles";
import { objectIdProblem } from "../../../provider/shared/ids";
import { splitResourceId } from "../../../provider/shared/resource-ids";

const ORG = "5f1a2b3c4d5e6f7a8b9c0d1e";
const KEY = "6a1b2c3d4e5f6a7b8c9d0e1f";

describe("roles", () => {
  it("compares roles as sets", () => {
    expect(sameRoles(["ORG_OWNER", "ORG_MEMBER"], ["ORG_MEMBER", "ORG_OWNER", "ORG_OWNER"])).to.equal(true);
    expect(sameRoles(["ORG_OWNER"], ["ORG_MEMBER"])).to.equal(false);
    expect(normalizeRoles(["B", "A", "B"])).to.deep.equal(["A", "B"]);
  });

  const orgCases: [unknown, RegExp | null][] = [
    [["ORG_READ_ONLY"], null],
    [["ORG_OWNER", "ORG_MEMBER"], null],
    [[], /at least one role/],
    [undefined, /at least one role/],
    [["GROUP_READ_ONLY"], /is a project role.*ApiKeyProjectAssignment/],
    [["ORG_ADMIN"], /"ORG_ADMIN" is not an organization role\. Use one of ORG_OWNER/],
  ];
  for (const [roles, expected] of orgCases) {
    it(`org roles ${JSON.stringify(roles)}: ${expected ?? "valid"}`, () => {
      const problems = orgRoleProblems("roleNames", roles);
      if (expected === null) expect(problems).to.deep.equal([]);
      else expect(problems.join("\n")).to.match(expected);
    });
  }

  const projectCases: [unknown, RegExp | null][] = [
    [["GROUP_READ_ONLY"], null],
    [["GROUP_SOMETHING_NEW"], null],
    [["ORG_OWNER"], /is an organization role/],
    [["group_read_only"], /is not a project role/],
    [[], /at least one role/],
  ];
  for (const [roles, expected] of projectCases) {
    it(`project roles ${JSON.stringify(roles)}: ${expected ?? "valid"}`, () => {
      const problems = projectRoleProblems("roles", roles);
      if (expected === null) expect(problems).to.deep.equal([]);
      else expect(problems.join("\n")).to.match(expected);
    });
  }

  it("flags well-shaped project roles it does not know", () => {
    expect(unknownProjectRoles(["GROUP_READ_ONLY", "GROUP_SOMETHING_NEW"])).to.deep.equal(["GROUP_SOMETHING_NEW"]);
  });
});

describe("ids", () => {
  const cases: [string, unknown, RegExp | null][] = [
    ["orgId", ORG, null],
    ["orgId", undefined, /orgId is required/],
    ["apiKeyId", "abcdefgh", /looks like a public key, not the key id/],
    ["projectAssignments[0].projectId", "xyz", /must be 24 hexadecimal characters.*project id/],
    ["orgId", ORG.toUpperCase(), /must be lowercase hex: use "5f1a2b3c4d5e6f7a8b9c0d1e"/],
    ["orgId", 12, /must be a string/],
  ];
  for (const [property, value, expected] of cases) {
    it(`${property}=${JSON.stringify(value)}: ${expected ?? "valid"}`, () => {
      const problem = objectIdProblem(property, value);
      if (expected === null) expect(problem).to.equal(undefined);
      else expect(problem).to.match(expected);
    });
  }

  it("never echoes a long unexpected value in full", () => {
    const secretLooking = "c8150efd-c7a0-4afd-8c4f-01bdd56c8977";
    expect(objectIdProblem("orgId", secretLooking)).to.not.include(secretLooking);
  });

  it("splits resource ids, keeping a CIDR whole", () => {
    expect(splitResourceId(`${ORG}/${KEY}/10.0.0.0/24`, ["orgId", "apiKeyId", "entry"], "X")).to.deep.equal([
      ORG,
      KEY,
      "10.0.0.0/24",
    ]);
    expect(splitResourceId(`${ORG}/${KEY}`, ["orgId", "apiKeyId"], "X")).to.deep.equal([ORG, KEY]);
    expect(() => splitResourceId(ORG, ["orgId", "apiKeyId"], "ApiKey")).to.throw(/not of the form <orgId>\/<apiKeyId>/);
    expect(() => splitResourceId(`${ORG}/abcdefgh`, ["orgId", "apiKeyId"], "ApiKey")).to.throw(
      /looks like a public key/,
    );
  });
});
