import { expect } from "chai";
import { adminClient, configureRuntime, handlers, start, type Emulator } from "../support/provider-harness";
import { AtlasClient } from "../../provider/atlas/client";
import { setClock } from "../../provider/runtime/clock";
import type { ApiKeyOutputs } from "../../provider/resources/api-key/model";
import type { ProjectApiKeyOutputs } from "../../provider/resources/project-api-key/model";

const apiKey = handlers.apiKey;
const projectApiKey = handlers.projectApiKey;
const S = 1_000;
const D = 86_400 * S;
const T0 = Date.parse("2026-03-01T00:00:00.000Z");
const at = (ms: number) => new Date(ms).toISOString();

describe("rotation: ApiKey and ProjectApiKey against the emulator (injected clock)", () => {
  let emulator: Emulator;
  let clock = T0;
  before(async () => {
    emulator = await start({ port: 0, seed: "rotation-tests", rateLimit: false });
  });
  after(async () => {
    setClock(undefined);
    await emulator.close();
  });
  beforeEach(() => {
    configureRuntime(emulator);
    clock = T0;
    setClock(() => clock);
    emulator.clearFaults();
  });

  const policy = { every: "90d", overlap: "7d" };

  async function checked(handler: typeof apiKey, news: object) {
    const result = await handler.check({}, news as never);
    expect(result.failures).to.deep.equal([]);
    return result.inputs!;
  }

  async function createOrgKey(extra: object = {}) {
    const inputs = await checked(apiKey, {
      orgId: emulator.orgId,
      description: "rotating deploy key",
      roleNames: ["ORG_READ_ONLY"],
      accessList: ["192.0.2.1"],
      rotation: policy,
      ...extra,
    });
    const result = await apiKey.create(inputs);
    return { id: result.id, outs: result.outs as ApiKeyOutputs, inputs };
  }

  /** One engine step: diff, and update when the diff says so. */
  async function step(id: string, olds: ApiKeyOutputs, news: object) {
    const diff = await apiKey.diff(id, olds, news);
    if (!diff.changes) return { diff, outs: olds };
    expect(diff.replaces).to.deep.equal([]);
    return { diff, outs: (await apiKey.update(id, olds, news)).outs as ApiKeyOutputs };
  }

  async function works(publicKey: string, privateKey: string): Promise<boolean> {
    const client = new AtlasClient({
      baseUrl: emulator.url,
      credentials: { type: "apiKey", publicKey, privateKey },
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
    });
    try {
      await client.getProject(emulator.projectId);
      return true;
    } catch {
      return false;
    }
  }

  async function liveKeyIds(): Promise<string[]> {
    return (await adminClient(emulator).listOrgApiKeys(emulator.orgId)).map((key) => key.id);
  }

  it("creates a key with a policy: a stable rotating id and the schedule in the outputs", async () => {
    const { id, outs } = await createOrgKey();
    expect(id).to.equal(`${emulator.orgId}/rotating/${outs.apiKeyId}`);
    expect(outs).to.deep.include({
      rotation: policy,
      rotatedAt: at(T0),
      nextRotationAt: at(T0 + 90 * D),
      previousApiKeyId: "",
      previousPublicKey: "",
      previousPrivateKey: "",
      previousExpiresAt: "",
    });
    expect(Object.values(outs)).to.not.include(undefined);
  });

  it("a key without a policy has no rotation outputs and its usual id", async () => {
    const { id, outs } = await createOrgKey({ rotation: undefined });
    expect(id).to.equal(`${emulator.orgId}/${outs.apiKeyId}`);
    for (const name of ["rotation", "rotatedAt", "nextRotationAt", "previousApiKeyId", "previousPrivateKey"]) {
      expect(outs).to.not.have.property(name);
    }
    clock = T0 + 1000 * D;
    expect(await apiKey.diff(id, outs, await checked(apiKey, { ...outs }))).to.deep.include({ changes: false });
  });

  it("walks the schedule: quiet → rotation (update, both keys work) → quiet → previous deleted", async () => {
    const { id, outs, inputs } = await createOrgKey();
    clock = T0 + 90 * D - 1;
    expect((await step(id, outs, inputs)).diff.changes).to.equal(false);

    clock = T0 + 90 * D;
    const rotated = await step(id, outs, inputs);
    expect(rotated.diff).to.deep.include({ changes: true, replaces: [] });
    const current = rotated.outs;
    expect(current.apiKeyId).to.not.equal(outs.apiKeyId);
    expect(current.privateKey === outs.privateKey).to.equal(false);
    expect(current).to.deep.include({
      previousApiKeyId: outs.apiKeyId,
      previousPublicKey: outs.publicKey,
      rotatedAt: at(T0 + 90 * D),
      nextRotationAt: at(T0 + 180 * D),
      previousExpiresAt: at(T0 + 97 * D),
      description: "rotating deploy key",
      roleNames: ["ORG_READ_ONLY"],
      accessList: ["192.0.2.1"],
    });
    expect(current.previousPrivateKey === outs.privateKey).to.equal(true);
    const admin = adminClient(emulator);
    const fresh = await admin.getOrgApiKey(emulator.orgId, current.apiKeyId);
    expect(fresh.desc).to.equal("rotating deploy key");
    expect(fresh.roles.map((r) => r.roleName)).to.deep.equal(["ORG_READ_ONLY"]);
    const entries = await admin.listAccessListEntries(emulator.orgId, current.apiKeyId);
    expect(entries.map((e) => e.cidrBlock)).to.deep.equal(["192.0.2.1/32"]);
    expect(await works(current.publicKey, current.privateKey)).to.equal(true);
    expect(await works(current.previousPublicKey!, current.previousPrivateKey!)).to.equal(true);

    clock = T0 + 97 * D - 1;
    expect((await step(id, current, inputs)).diff.changes).to.equal(false);

    clock = T0 + 97 * D;
    const expired = await step(id, current, inputs);
    expect(expired.diff.changes).to.equal(true);
    expect(expired.outs.apiKeyId).to.equal(current.apiKeyId);
    expect(expired.outs).to.deep.include({ previousApiKeyId: "", previousPrivateKey: "", previousExpiresAt: "" });
    expect(await liveKeyIds()).to.not.include(outs.apiKeyId);
    expect(await works(outs.publicKey, outs.privateKey)).to.equal(false);
    expect(await works(current.publicKey, current.privateKey)).to.equal(true);

    clock = T0 + 150 * D;
    expect((await step(id, expired.outs, inputs)).diff.changes).to.equal(false);
  });

  it("changing keepers with a policy rotates now, with the overlap, instead of replacing", async () => {
    const { id, outs, inputs } = await createOrgKey({ keepers: { reason: "1" } });
    clock = T0 + 10 * D;
    const news = await checked(apiKey, { ...inputs, keepers: { reason: "2" } });
    const diff = await apiKey.diff(id, outs, news);
    expect(diff).to.deep.include({ changes: true, replaces: [] });
    const rotated = (await apiKey.update(id, outs, news)).outs as ApiKeyOutputs;
    expect(rotated).to.deep.include({
      previousApiKeyId: outs.apiKeyId,
      keepers: { reason: "2" },
      previousExpiresAt: at(T0 + 17 * D),
    });
    expect(await liveKeyIds()).to.include.members([outs.apiKeyId, rotated.apiKeyId]);
  });

  it("in-place changes apply to the current key without rotating", async () => {
    const { id, outs, inputs } = await createOrgKey();
    const news = await checked(apiKey, { ...inputs, description: "renamed" });
    const { outs: updated } = await step(id, outs, news);
    expect(updated.apiKeyId).to.equal(outs.apiKeyId);
    expect(updated.rotatedAt).to.equal(at(T0));
    expect((await adminClient(emulator).getOrgApiKey(emulator.orgId, outs.apiKeyId)).desc).to.equal("renamed");
  });

  it("refresh: a previous key deleted outside Pulumi is simply gone", async () => {
    const { id, outs, inputs } = await createOrgKey();
    clock = T0 + 90 * D;
    const { outs: rotated } = await step(id, outs, inputs);
    await adminClient(emulator).deleteOrgApiKey(emulator.orgId, outs.apiKeyId);
    const read = await apiKey.read(id, rotated);
    expect(read.id).to.equal(id);
    expect(read.props).to.deep.include({ apiKeyId: rotated.apiKeyId, previousApiKeyId: "", previousExpiresAt: "" });
    expect((read.props as ApiKeyOutputs).privateKey === rotated.privateKey).to.equal(true);
    expect((await step(id, read.props as ApiKeyOutputs, inputs)).diff.changes).to.equal(false);
  });

  it("refresh: a deleted current key is re-created by the next up; the previous keeps its expiry", async () => {
    const { id, outs, inputs } = await createOrgKey();
    clock = T0 + 90 * D;
    const { outs: rotated } = await step(id, outs, inputs);
    await adminClient(emulator).deleteOrgApiKey(emulator.orgId, rotated.apiKeyId);
    clock = T0 + 91 * D;
    const read = await apiKey.read(id, rotated);
    expect(read.id).to.equal(id);
    expect(read.props).to.deep.include({
      apiKeyId: "",
      publicKey: "",
      privateKey: "",
      previousApiKeyId: outs.apiKeyId,
    });
    const { diff, outs: recreated } = await step(id, read.props as ApiKeyOutputs, inputs);
    expect(diff.changes).to.equal(true);
    expect(recreated.apiKeyId).to.match(/^[a-f0-9]{24}$/);
    expect(recreated).to.deep.include({
      previousApiKeyId: outs.apiKeyId,
      previousExpiresAt: at(T0 + 97 * D),
      rotatedAt: at(T0 + 91 * D),
    });
    expect(await works(recreated.publicKey, recreated.privateKey)).to.equal(true);
  });

  it("refresh: both keys deleted outside Pulumi → the resource is gone", async () => {
    const { id, outs, inputs } = await createOrgKey();
    clock = T0 + 90 * D;
    const { outs: rotated } = await step(id, outs, inputs);
    await adminClient(emulator).deleteOrgApiKey(emulator.orgId, outs.apiKeyId);
    await adminClient(emulator).deleteOrgApiKey(emulator.orgId, rotated.apiKeyId);
    expect(await apiKey.read(id, rotated)).to.deep.equal({});
  });

  it("creating the new key fails: nothing changes and nothing is left behind", async () => {
    const { id, outs, inputs } = await createOrgKey();
    clock = T0 + 90 * D;
    const before = await liveKeyIds();
    emulator.injectFault({ method: "POST", path: "/orgs/[^/]+/apiKeys$", status: 403, count: 5 });
    const error = await apiKey.update(id, outs, inputs).then(
      () => undefined,
      (e: Error & { properties?: unknown }) => e,
    );
    expect(error?.message).to.match(/Creating the new key for the rotation failed, so the current key stays current/);
    expect(error).to.not.have.property("properties");
    expect(await liveKeyIds()).to.have.members(before);
  });

  it("the new key's access list fails: the new key is rolled back, nothing changes", async () => {
    const { id, outs, inputs } = await createOrgKey();
    clock = T0 + 90 * D;
    const before = await liveKeyIds();
    emulator.injectFault({ method: "POST", path: "/accessList$", status: 403, count: 5 });
    const error = await apiKey.update(id, outs, inputs).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).to.match(/deleted again; nothing was left behind/);
    expect(await liveKeyIds()).to.have.members(before);
  });

  it("the new key's access list fails and so does its rollback: the state holds both keys", async () => {
    const { id, outs, inputs } = await createOrgKey();
    clock = T0 + 90 * D;
    emulator.injectFault({ method: "POST", path: "/accessList$", status: 403, count: 5 });
    emulator.injectFault({ method: "DELETE", path: "/orgs/[^/]+/apiKeys/[^/]+$", status: 403, count: 5 });
    const error = (await apiKey.update(id, outs, inputs).then(
      () => undefined,
      (e: unknown) => e,
    )) as Error & { id?: string; properties?: ApiKeyOutputs };
    expect(error.message).to.match(/Rotation stopped halfway/);
    expect(error.id).to.equal(id);
    const recorded = error.properties!;
    expect(recorded.previousApiKeyId).to.equal(outs.apiKeyId);
    expect(recorded.apiKeyId).to.not.equal(outs.apiKeyId);
    expect(await liveKeyIds()).to.include.members([outs.apiKeyId, recorded.apiKeyId]);
    emulator.clearFaults();
    const { diff, outs: completed } = await step(id, recorded, inputs);
    expect(diff.changes, "the next up adds the access list the new key lacks").to.equal(true);
    expect(completed.apiKeyId).to.equal(recorded.apiKeyId);
    const entries = await adminClient(emulator).listAccessListEntries(emulator.orgId, recorded.apiKeyId);
    expect(entries.map((e) => e.cidrBlock)).to.deep.equal(["192.0.2.1/32"]);
  });

  it("deleting the expired previous key fails: it stays in the state for the next run", async () => {
    const { id, outs, inputs } = await createOrgKey();
    clock = T0 + 90 * D;
    const { outs: rotated } = await step(id, outs, inputs);
    clock = T0 + 98 * D;
    emulator.injectFault({ method: "DELETE", path: `/apiKeys/${outs.apiKeyId}$`, status: 403, count: 5 });
    const error = (await apiKey.update(id, rotated, inputs).then(
      () => undefined,
      (e: unknown) => e,
    )) as Error & { id?: string; properties?: ApiKeyOutputs };
    expect(error.message).to.match(/Deleting the previous key .* failed; it stays in the state/);
    expect(error.id).to.equal(id);
    expect(error.properties).to.deep.include({ apiKeyId: rotated.apiKeyId, previousApiKeyId: outs.apiKeyId });
    emulator.clearFaults();
    const retried = await step(id, error.properties!, inputs);
    expect(retried.diff.changes).to.equal(true);
    expect(retried.outs.previousApiKeyId).to.equal("");
    expect(await liveKeyIds()).to.not.include(outs.apiKeyId);
  });

  it("a rotation that must delete a displaced previous key first, and fails to, changes nothing", async () => {
    const { id, outs, inputs } = await createOrgKey({ keepers: { k: "1" } });
    clock = T0 + 90 * D;
    const { outs: rotated } = await step(id, outs, inputs);
    clock = T0 + 91 * D;
    const before = await liveKeyIds();
    emulator.injectFault({ method: "DELETE", path: `/apiKeys/${outs.apiKeyId}$`, status: 403, count: 5 });
    const news = await checked(apiKey, { ...inputs, keepers: { k: "2" } });
    const error = await apiKey.update(id, rotated, news).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).to.match(/deleting it failed, so nothing changed/);
    expect(await liveKeyIds()).to.have.members(before);
  });

  it("removing the policy during an overlap deletes the previous key and drops the rotation outputs", async () => {
    const { id, outs, inputs } = await createOrgKey();
    clock = T0 + 90 * D;
    const { outs: rotated } = await step(id, outs, inputs);
    const news = await checked(apiKey, { ...inputs, rotation: undefined });
    const { outs: plain } = await step(id, rotated, news);
    expect(plain.apiKeyId).to.equal(rotated.apiKeyId);
    expect(plain).to.not.have.property("previousApiKeyId");
    expect(plain).to.not.have.property("rotatedAt");
    expect(await liveKeyIds()).to.not.include(outs.apiKeyId);
    expect((await apiKey.read(id, plain)).props).to.deep.include({ apiKeyId: rotated.apiKeyId });
  });

  it("destroy deletes both keys", async () => {
    const { id, outs, inputs } = await createOrgKey();
    clock = T0 + 90 * D;
    const { outs: rotated } = await step(id, outs, inputs);
    await apiKey.delete(id, rotated);
    expect(await liveKeyIds()).to.not.include.members([outs.apiKeyId]);
    expect(await liveKeyIds()).to.not.include.members([rotated.apiKeyId]);
  });

  it("a rotating id without state is refused with the id form to use", async () => {
    const { id } = await createOrgKey();
    const error = await apiKey.read(id, undefined).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).to.match(/names a key with a rotation policy.*<orgId>\/<apiKeyId>/);
  });

  it("ProjectApiKey: the new key gets every project and the access list; after the overlap only it works", async () => {
    const [p1, p2] = emulator.projectIds;
    const inputs = await checked(projectApiKey, {
      description: "rotating project key",
      projectAssignments: [
        { projectId: p1, roleNames: ["GROUP_READ_ONLY"] },
        { projectId: p2, roleNames: ["GROUP_DATA_ACCESS_READ_ONLY"] },
      ],
      accessList: ["198.51.100.0/24"],
      rotation: { every: "30s", overlap: "10s" },
    });
    const created = await projectApiKey.create(inputs);
    const outs = created.outs as ProjectApiKeyOutputs;
    expect(created.id).to.equal(`${p1}/rotating/${outs.apiKeyId}`);
    clock = T0 + 29 * S;
    expect((await projectApiKey.diff(created.id, outs, inputs)).changes).to.equal(false);
    clock = T0 + 30 * S;
    expect(await projectApiKey.diff(created.id, outs, inputs)).to.deep.include({ changes: true, replaces: [] });
    const rotated = (await projectApiKey.update(created.id, outs, inputs)).outs as ProjectApiKeyOutputs;
    expect(rotated.previousApiKeyId).to.equal(outs.apiKeyId);
    const fresh = await adminClient(emulator).getOrgApiKey(emulator.orgId, rotated.apiKeyId);
    const grants = fresh.roles.filter((r) => r.groupId).map((r) => `${r.groupId}:${r.roleName}`);
    expect(grants).to.have.members([`${p1}:GROUP_READ_ONLY`, `${p2}:GROUP_DATA_ACCESS_READ_ONLY`]);
    const entries = await adminClient(emulator).listAccessListEntries(emulator.orgId, rotated.apiKeyId);
    expect(entries.map((e) => e.cidrBlock)).to.deep.equal(["198.51.100.0/24"]);
    expect(await works(rotated.publicKey, rotated.privateKey)).to.equal(true);
    expect(await works(outs.publicKey, outs.privateKey)).to.equal(true);

    const read = await projectApiKey.read(created.id, rotated);
    expect(read.props).to.deep.include({ apiKeyId: rotated.apiKeyId, previousApiKeyId: outs.apiKeyId });
    clock = T0 + 40 * S;
    const expired = (await projectApiKey.update(created.id, rotated, inputs)).outs as ProjectApiKeyOutputs;
    expect(expired.previousApiKeyId).to.equal("");
    expect(await works(outs.publicKey, outs.privateKey)).to.equal(false);
    expect(await works(rotated.publicKey, rotated.privateKey)).to.equal(true);
    await projectApiKey.delete(created.id, expired);
    expect(await liveKeyIds()).to.not.include(rotated.apiKeyId);
  });
});
