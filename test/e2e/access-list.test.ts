/**
 * examples/access-list through the real CLI: an organization key plus two access-list entries
 * managed as separate resources.
 */
import { expect } from "chai";
import { startAtlas, type E2eAtlas } from "../support/e2e-env";
import { E2eStack, expectOnly } from "../support/e2e-stack";
import {
  expectCleanDestroy,
  expectDeletionRecovered,
  expectDriftCorrected,
  expectNoChanges,
  expectUpdateInPlace,
} from "../support/e2e-steps";
import { requirePulumiCli } from "../support/require-pulumi-cli";

describe("e2e: examples/access-list", function () {
  let atlas: E2eAtlas;
  let s: E2eStack;
  let keysBefore: string[];
  let apiKeyId: string;
  const remoteKey = () => atlas.emulator.model.state.apiKeys[apiKeyId];
  const remoteEntries = () =>
    remoteKey()
      .accessList.map((e) => e.cidrBlock)
      .sort();

  before(async function () {
    requirePulumiCli(this);
    atlas = await startAtlas("e2e-access-list");
    keysBefore = atlas.orgKeyIds();
    s = await E2eStack.create(atlas, { program: "access-list", config: { orgId: atlas.emulator.orgId } });
  });
  after(async () => {
    s?.remove();
    await atlas?.close();
  });

  it("up creates the key and both entries", async () => {
    expectOnly(await s.up(), { create: 4 });
    apiKeyId = (await s.get("deployer")).outputs!.apiKeyId;
    expect(remoteEntries()).to.deep.equal(["198.51.100.0/24", "203.0.113.10/32"]);
    expect((await s.get("office")).id).to.equal(`${atlas.emulator.orgId}/${apiKeyId}/198.51.100.0/24`);
    expect((await s.get("bastion")).outputs!.ipAddress).to.equal("203.0.113.10");
    await s.expectNoLeaks();
  });

  it("preview of the same program reports no changes", () => expectNoChanges(s));

  it("description changes in place: same key id (roles are fixed in this program)", async () => {
    await expectUpdateInPlace(s, "deployer", { description: "deployer (eu)" });
    expect(remoteKey().desc).to.equal("deployer (eu)");
    expect(remoteEntries()).to.have.length(2);
  });

  it("keepers change: not applicable (the program sets no keepers)", function () {
    this.skip();
  });

  it("refresh records an out-of-band description change; the next up restores it", () =>
    expectDriftCorrected(s, "deployer", {
      make: () => atlas.admin.updateOrgApiKey(atlas.emulator.orgId, apiKeyId, { desc: "edited by hand" }),
      property: "description",
      drifted: "edited by hand",
      declared: "deployer (eu)",
      remote: () => remoteKey().desc,
    }));

  it("refresh drops an entry deleted out of band; the next up adds it again", async () => {
    await expectDeletionRecovered(s, "office", () =>
      atlas.admin.deleteAccessListEntry(atlas.emulator.orgId, apiKeyId, "198.51.100.0/24"),
    );
    expect(remoteEntries()).to.deep.equal(["198.51.100.0/24", "203.0.113.10/32"]);
  });

  it("destroy removes entries and key: the organization has the keys it had before; no secret anywhere", () =>
    expectCleanDestroy(s, keysBefore));
});
