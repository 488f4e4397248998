import { expect } from "chai";
import { adminClient, configureRuntime, handlers, start, type Emulator } from "../support/provider-harness";
import { expectRejection } from "../support/expect-rejection";
import type { ApiKeyOutputs } from "../../provider/resources/api-key/model";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const apiKey = handlers.apiKey;

describe("ApiKey provider against the emulator", () => {
  let emulator: Emulator;
  before(async () => {
    emulator = await start({ port: 0, seed: "api-key-tests", rateLimit: false });
  });
  after(async () => emulator.close());
  beforeEach(() => configureRuntime(emulator));

  async function create(extra: object = {}) {
    const checked = await apiKey.check(
      {},
      { orgId: emulator.orgId, description: "ci deploy", roleNames: ["ORG_READ_ONLY"], ...extra },
    );
    expect(checked.failures).to.deep.equal([]);
    const result = await apiKey.create(checked.inputs);
    return { id: result.id, outs: result.outs as ApiKeyOutputs, inputs: checked.inputs };
  }

  it("creates a key: id orgId/apiKeyId, clear private key from the create response", async () => {
    const { id, outs } = await create({ accessList: ["192.0.2.1/32", "10.0.0.0/8"] });
    expect(id).to.equal(`${emulator.orgId}/${outs.apiKeyId}`);
    expect(outs.publicKey).to.match(/^[a-z]{8}$/);
    expect(outs.privateKey).to.match(UUID_V4);
    expect(outs.roleNames).to.deep.equal(["ORG_READ_ONLY"]);
    expect(outs.accessList).to.deep.equal(["10.0.0.0/8", "192.0.2.1"]);
    const list = await adminClient(emulator).listAccessListEntries(emulator.orgId, outs.apiKeyId);
    expect(list.map((e) => e.cidrBlock).sort()).to.deep.equal(["10.0.0.0/8", "192.0.2.1/32"]);
    expect(Object.values(outs)).to.not.include(undefined);
  });

  it("updates description and roles in place and keeps the private key", async () => {
    const { id, outs } = await create();
    const news = (
      await apiKey.check({}, { ...outs, description: "ci deploy v2", roleNames: ["ORG_MEMBER", "ORG_READ_ONLY"] })
    ).inputs!;
    const diff = await apiKey.diff(id, outs, news);
    expect(diff).to.deep.include({ changes: true, replaces: [] });
    const updated = (await apiKey.update(id, outs, news)).outs as ApiKeyOutputs;
    expect(updated.apiKeyId).to.equal(outs.apiKeyId);
    expect(updated.privateKey).to.equal(outs.privateKey);
    const remote = await adminClient(emulator).getOrgApiKey(emulator.orgId, outs.apiKeyId);
    expect(remote.desc).to.equal("ci deploy v2");
    expect(remote.roles.map((r) => r.roleName).sort()).to.deep.equal(["ORG_MEMBER", "ORG_READ_ONLY"]);
  });

  it("reports no change for role order or the redacted private key, and replacement for keepers", async () => {
    const { id, outs } = await create({ roleNames: ["ORG_READ_ONLY", "ORG_MEMBER"], keepers: { rotation: "1" } });
    const refreshed = await apiKey.read(id, outs);
    expect(refreshed.props!.privateKey).to.equal(outs.privateKey);
    const same = (await apiKey.check({}, { ...outs, roleNames: ["ORG_MEMBER", "ORG_READ_ONLY"] })).inputs!;
    expect(await apiKey.diff(id, refreshed.props as ApiKeyOutputs, same)).to.deep.include({ changes: false });
    const rotated = (await apiKey.check({}, { ...outs, keepers: { rotation: "2" } })).inputs!;
    expect(await apiKey.diff(id, outs, rotated)).to.deep.include({
      changes: true,
      replaces: ["keepers"],
      deleteBeforeReplace: false,
    });
  });

  it("rotates with overlap: the new key exists before the old one is deleted", async () => {
    const old = await create({ keepers: { rotation: "1" } });
    const replacement = await apiKey.create(
      (await apiKey.check({}, { ...old.inputs, keepers: { rotation: "2" } })).inputs!,
    );
    const admin = adminClient(emulator);
    const both = (await admin.listOrgApiKeys(emulator.orgId)).map((k) => k.id);
    expect(both).to.include.members([old.outs.apiKeyId, (replacement.outs as ApiKeyOutputs).apiKeyId]);
    await apiKey.delete(old.id, old.outs);
    const after = (await admin.listOrgApiKeys(emulator.orgId)).map((k) => k.id);
    expect(after).to.not.include(old.outs.apiKeyId);
    expect((replacement.outs as ApiKeyOutputs).privateKey).to.not.equal(old.outs.privateKey);
  });

  it("refresh shows a change made outside Pulumi, and returns inputs so up converges", async () => {
    const { id, outs } = await create({ accessList: ["192.0.2.1"] });
    const admin = adminClient(emulator);
    await admin.updateOrgApiKey(emulator.orgId, outs.apiKeyId, { desc: "edited in the UI", roles: ["ORG_OWNER"] });
    await admin.createAccessListEntries(emulator.orgId, outs.apiKeyId, [{ cidrBlock: "198.51.100.0/24" }]);
    const read = await apiKey.read(id, outs);
    expect(read.inputs).to.deep.include({
      description: "edited in the UI",
      roleNames: ["ORG_OWNER"],
      accessList: ["192.0.2.1", "198.51.100.0/24"],
    });
    const desired = (
      await apiKey.check(
        {},
        { orgId: emulator.orgId, description: "ci deploy", roleNames: ["ORG_READ_ONLY"], accessList: ["192.0.2.1"] },
      )
    ).inputs!;
    const diff = await apiKey.diff(id, read.props as ApiKeyOutputs, desired);
    expect(diff).to.deep.include({ changes: true, replaces: [] });
    await apiKey.update(id, read.props as ApiKeyOutputs, desired);
    const converged = await apiKey.read(id, outs);
    expect(await apiKey.diff(id, converged.props as ApiKeyOutputs, desired)).to.deep.include({ changes: false });
  });

  it("refresh drops a key deleted outside Pulumi; delete of a gone key succeeds", async () => {
    const { id, outs } = await create();
    await adminClient(emulator).deleteOrgApiKey(emulator.orgId, outs.apiKeyId);
    expect(await apiKey.read(id, outs)).to.deep.equal({});
    await apiKey.delete(id, outs);
  });

  it("adopts an existing key: no new key, declared values applied, adopted private key kept", async () => {
    const admin = adminClient(emulator);
    const existing = await admin.createOrgApiKey(emulator.orgId, { desc: "made by hand", roles: ["ORG_MEMBER"] });
    const before = (await admin.listOrgApiKeys(emulator.orgId)).length;
    const { id, outs } = await create({
      adoptApiKeyId: existing.id,
      adoptPrivateKey: existing.privateKey,
      accessList: ["192.0.2.9"],
    });
    expect(id).to.equal(`${emulator.orgId}/${existing.id}`);
    expect(outs.privateKey).to.equal(existing.privateKey);
    expect(outs).to.not.have.property("adoptPrivateKey");
    expect((await admin.listOrgApiKeys(emulator.orgId)).length).to.equal(before);
    const remote = await admin.getOrgApiKey(emulator.orgId, existing.id);
    expect(remote.desc).to.equal("ci deploy");
  });

  it("fails adoption of a key that does not exist with the id in the message", async () => {
    const missing = "0123456789abcdef01234567";
    const checked = await apiKey.check(
      {},
      { orgId: emulator.orgId, description: "x", roleNames: ["ORG_MEMBER"], adoptApiKeyId: missing },
    );
    await expectRejection(apiKey.create(checked.inputs!), new RegExp(`has no API key ${missing}`));
  });

  it("reads an existing key by plain id alone (get)", async () => {
    const { id, outs } = await create();
    const read = await apiKey.read(id);
    expect(read.props).to.deep.include({ apiKeyId: outs.apiKeyId, publicKey: outs.publicKey, privateKey: "" });
  });

  it("rolls back a created key when its access list fails, leaving nothing behind", async () => {
    const admin = adminClient(emulator);
    const before = (await admin.listOrgApiKeys(emulator.orgId)).map((k) => k.id);
    emulator.injectFault({
      type: "status",
      method: "POST",
      path: "/accessList$",
      status: 400,
      errorCode: "INVALID_ATTRIBUTE",
    });
    await expectRejection(create({ accessList: ["192.0.2.1"] }), /was deleted again; nothing was left behind/);
    const after = (await admin.listOrgApiKeys(emulator.orgId)).map((k) => k.id);
    expect(after).to.deep.equal(before);
  });

  it("rejects bad input in check with zero HTTP requests", async () => {
    emulator.clearRequests();
    const result = await apiKey.check(
      {},
      { orgId: "abcdefgh", description: "", roleNames: ["GROUP_OWNER"], accessList: ["10.0.0.1/8"] },
    );
    expect(result.failures!.map((f) => f.property)).to.have.members([
      "orgId",
      "description",
      "roleNames",
      "accessList",
    ]);
    expect(emulator.requests()).to.have.length(0);
  });

  it("is safe under concurrency: 20 creates at once in one process", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => create({ description: `parallel ${i}` })));
    const ids = new Set(results.map((r) => r.outs.apiKeyId));
    expect(ids.size).to.equal(20);
    const remote = (await adminClient(emulator).listOrgApiKeys(emulator.orgId)).filter((k) =>
      k.desc.startsWith("parallel "),
    );
    expect(remote).to.have.length(20);
  });
});
