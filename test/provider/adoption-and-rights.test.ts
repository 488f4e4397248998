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
});
