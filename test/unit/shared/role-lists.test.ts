import { expect } from "chai";
import { KNOWN_PROJECT_ROLES, ORG_ROLES } from "../../../provider/shared/roles";
import {
  ORG_ROLES as EMULATOR_ORG_ROLES,
  PROJECT_ROLES as EMULATOR_PROJECT_ROLES,
} from "../../../emulator/model/roles";

/**
 * The role lists are written twice on purpose: the emulator shares no code with
 * the provider, so that a mistake in one cannot hide the same mistake in the
 * other. This test keeps the two copies equal.
 */
describe("role lists: the provider's and the emulator's agree", () => {
  it("organization roles: the same names in the same order", () => {
    expect([...ORG_ROLES]).to.deep.equal([...EMULATOR_ORG_ROLES]);
  });

  it("project roles: the same names in the same order", () => {
    expect([...KNOWN_PROJECT_ROLES]).to.deep.equal([...EMULATOR_PROJECT_ROLES]);
  });

  it("no name is in both lists, and every name has its prefix", () => {
    expect(ORG_ROLES.filter((role) => KNOWN_PROJECT_ROLES.includes(role))).to.deep.equal([]);
    expect(ORG_ROLES.every((role) => role.startsWith("ORG_"))).to.equal(true);
    expect(KNOWN_PROJECT_ROLES.every((role) => role.startsWith("GROUP_"))).to.equal(true);
  });
});
