import { expect } from "chai";
import { adminClient, configureRuntime, handlers, start, type Emulator } from "../support/provider-harness";
import type { AccessListOutputs } from "../../provider/resources/access-list-api-key/model";

const entry = handlers.accessListApiKey;

describe("AccessListApiKey provider against the emulator", () => {
  let emulator: Emulator;
  let keyId: string;
  before(async () => {
    emulator = await start({ port: 0, seed: "access-list-tests", rateLimit: false });
    configureRuntime(emulator);
    keyId = (await adminClient(emulator).createOrgApiKey(emulator.orgId, { desc: "ci", roles: ["ORG_MEMBER"] })).id;
  });
  after(async () => emulator.close());
  beforeEach(() => configureRuntime(emulator));

  async function create(fields: object) {
    const checked = await entry.check({}, { orgId: emulator.orgId, apiKeyId: keyId, ...fields });
    expect(checked.failures).to.deep.equal([]);
    const result = await entry.create(checked.inputs);
    return { id: result.id!, outs: result.outs as AccessListOutputs };
  }

  it("creates a single-address entry given as /32 and normalises it to the address", async () => {
    const { id, outs } = await create({ cidrBlock: "192.0.2.10/32" });
    expect(id).to.equal(`${emulator.orgId}/${keyId}/192.0.2.10`);
    expect(outs).to.deep.equal({
      orgId: emulator.orgId,
      apiKeyId: keyId,
      ipAddress: "192.0.2.10",
      cidrBlock: "192.0.2.10/32",
    });
    expect((await entry.read(id)).props).to.deep.equal(outs);
  });

  it("creates a CIDR entry, reads it through a %2F-encoded path, and deletes it", async () => {
    const { id, outs } = await create({ cidrBlock: "198.51.100.0/24" });
    expect(id).to.equal(`${emulator.orgId}/${keyId}/198.51.100.0/24`);
    expect((await entry.read(id)).props).to.deep.include({ cidrBlock: "198.51.100.0/24" });
    await entry.delete(id, outs);
    expect(await entry.read(id)).to.deep.equal({});
    await entry.delete(id, outs);
  });

  it("adopts an entry that already exists (409)", async () => {
    await adminClient(emulator).createAccessListEntries(emulator.orgId, keyId, [{ ipAddress: "203.0.113.5" }]);
    const { outs } = await create({ ipAddress: "203.0.113.5" });
    expect(outs.ipAddress).to.equal("203.0.113.5");
  });

  it("drops an entry removed outside Pulumi on refresh", async () => {
    const { id } = await create({ ipAddress: "203.0.113.77" });
    await adminClient(emulator).deleteAccessListEntry(emulator.orgId, keyId, "203.0.113.77");
    expect(await entry.read(id)).to.deep.equal({});
  });
});
