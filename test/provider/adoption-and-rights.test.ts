/**
 * Entries and rights that exist outside Pulumi: an access-list entry added by hand and then
 * declared with a new one (Atlas adds a batch all or nothing, so one known entry makes it answer
 * 409), and deployment credentials that hold GROUP_OWNER in a project but no organization role.
 */
import { expect } from "chai";
import { adminClient, configureRuntime, handlers, start, type Emulator } from "../support/provider-harness";
import type { ApiKeyOutputs } from "../../provider/resources/api-key/model";
import type { ProjectApiKeyOutputs } from "../../provider/resources/project-api-key/model";

const A = "192.0.2.10";
const B = "192.0.2.11";
const C = "198.51.100.0/24";

describe("adoption of entries made outside Pulumi, and project-only rights", () => {
  let emulator: Emulator;
  let admin: ReturnType<typeof adminClient>;
  before(async () => {
    emulator = await start({ port: 0, seed: "adoption-rights-tests", rateLimit: false });
    admin = adminClient(emulator);
  });
  after(async () => emulator.close());
  beforeEach(() => configureRuntime(emulator));

  const entries = async (apiKeyId: string) =>
    (await admin.listAccessListEntries(emulator.orgId, apiKeyId)).map((e) => e.ipAddress ?? e.cidrBlock).sort();

  it("ApiKey: an entry added by hand, then declared with a new one, is adopted and only the new one added", async () => {
    const declared = { orgId: emulator.orgId, description: "adopting", roleNames: ["ORG_READ_ONLY"], accessList: [A] };
    const created = await handlers.apiKey.create((await handlers.apiKey.check({}, declared)).inputs);
    const olds = created.outs as ApiKeyOutputs;
    await admin.createAccessListEntries(emulator.orgId, olds.apiKeyId, [{ ipAddress: B }]);
    const news = (await handlers.apiKey.check(olds, { ...declared, accessList: [A, B, C] })).inputs;
    const outs = (await handlers.apiKey.update(created.id, olds, news)).outs as ApiKeyOutputs;
    expect(outs.accessList).to.deep.equal([A, B, C]);
    expect(await entries(olds.apiKeyId)).to.deep.equal([A, B, C]);
  });

  it("ProjectApiKey: the same on update, and on create of an AccessListApiKey for an entry that exists", async () => {
    const declared = {
      description: "adopting project key",
      projectAssignments: [{ projectId: emulator.projectId, roleNames: ["GROUP_READ_ONLY"] }],
      accessList: [A],
    };
    const created = await handlers.projectApiKey.create((await handlers.projectApiKey.check({}, declared)).inputs);
    const olds = created.outs as ProjectApiKeyOutputs;
    await admin.createAccessListEntries(emulator.orgId, olds.apiKeyId, [{ cidrBlock: C }]);
    const news = (await handlers.projectApiKey.check(olds, { ...declared, accessList: [A, B, C] })).inputs;
    await handlers.projectApiKey.update(created.id, olds, news);
    expect(await entries(olds.apiKeyId)).to.deep.equal([A, B, C]);

    const entry = { orgId: emulator.orgId, apiKeyId: olds.apiKeyId, cidrBlock: C };
    const adopted = await handlers.accessListApiKey.create((await handlers.accessListApiKey.check({}, entry)).inputs);
    expect(adopted.id).to.equal(`${emulator.orgId}/${olds.apiKeyId}/${C}`);
  });

  describe("credentials with GROUP_OWNER in the project and only ORG_MEMBER in the organization", () => {
    async function projectOwnerCredentials() {
      const deployer = await admin.createOrgApiKey(emulator.orgId, { desc: "project deployer", roles: ["ORG_MEMBER"] });
      await admin.assignApiKeyToProject(emulator.projectId, deployer.id, ["GROUP_OWNER"]);
      configureRuntime(emulator, {
        "mongodbatlas:publicKey": deployer.publicKey,
        "mongodbatlas:privateKey": deployer.privateKey,
      });
    }
    const declared = (description: string) => ({
      description,
      projectAssignments: [{ projectId: emulator.projectId, roleNames: ["GROUP_READ_ONLY"] }],
    });

    it("can create and rename a ProjectApiKey (project endpoints)", async () => {
      await projectOwnerCredentials();
      const created = await handlers.projectApiKey.create(
        (await handlers.projectApiKey.check({}, declared("v1"))).inputs,
      );
      const olds = created.outs as ProjectApiKeyOutputs;
      const news = (await handlers.projectApiKey.check(olds, declared("v2"))).inputs;
      await handlers.projectApiKey.update(created.id, olds, news);
      expect((await admin.getOrgApiKey(emulator.orgId, olds.apiKeyId)).desc).to.equal("v2");
    });

    it("a refused delete names the missing ORG_OWNER right and the key left behind", async () => {
      await projectOwnerCredentials();
      const created = await handlers.projectApiKey.create(
        (await handlers.projectApiKey.check({}, declared("v1"))).inputs,
      );
      const outs = created.outs as ProjectApiKeyOutputs;
      let message = "";
      try {
        await handlers.projectApiKey.delete(created.id, outs);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).to.match(
        new RegExp(`Deleting ProjectApiKey ${outs.apiKeyId} failed .*needs the organization role ORG_OWNER`),
      );
      expect(message).to.match(/still live in organization .* stays in the Pulumi state/);
    });

    it("a create whose rollback is refused records the key instead of leaving it out of the state", async () => {
      await projectOwnerCredentials();
      // Adding the access list needs ORG_OWNER: refused, and so is the rollback's delete.
      const inputs = (await handlers.projectApiKey.check({}, { ...declared("with list"), accessList: [A] })).inputs;
      let failure: (Error & { id?: string; properties?: ProjectApiKeyOutputs }) | undefined;
      try {
        await handlers.projectApiKey.create(inputs);
      } catch (error) {
        failure = error as typeof failure;
      }
      expect(failure?.message).to.match(
        /deleting the new key .* failed too .*ORG_OWNER.* recorded in the Pulumi state/,
      );
      const recorded = failure!.properties!;
      expect(failure!.id).to.equal(`${emulator.projectId}/${recorded.apiKeyId}`);
      expect(recorded.privateKey).to.match(/^[0-9a-f-]{36}$/);
      expect(emulator.model.state.apiKeys[recorded.apiKeyId], "the key is live, and in the state").to.not.equal(
        undefined,
      );
    });
  });
});
