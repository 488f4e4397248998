import { expect } from "chai";
import { AtlasClient } from "../../provider/atlas/client";
import { setClock } from "../../provider/runtime/clock";
import type { ServiceAccountSecretOutputs as Outputs } from "../../provider/resources/service-account-secret/model";
import { adminClient, configureRuntime, handlers, start, type Emulator } from "../support/provider-harness";

/*
 * ServiceAccountSecret rotation through the provider runtime against the emulator. Time moves
 * through the emulator's control plane (`POST /__emulator/clock`), so secret expiry, the 7-day cut
 * and token checks happen on Atlas's side; the provider's clock is set to the emulator's after
 * every move.
 */

const secrets = handlers.serviceAccountSecret;
const S = 1_000;
const D = 86_400 * S;
const at = (ms: number) => new Date(ms).toISOString();

describe("rotation: ServiceAccountSecret against the emulator (emulator clock)", () => {
  let emulator: Emulator;
  let clock = 0;
  before(async () => {
    emulator = await start({ port: 0, seed: "service-account-rotation", rateLimit: false });
  });
  after(async () => {
    setClock(undefined);
    await emulator.close();
  });
  beforeEach(async () => {
    configureRuntime(emulator);
    clock = Date.parse((await control("GET")).now);
    setClock(() => clock);
  });

  async function control(method: "GET" | "POST", advanceSeconds?: number): Promise<{ now: string }> {
    const response = await fetch(`${emulator.url}/__emulator/clock`, {
      method,
      headers: { "content-type": "application/json" },
      body: method === "POST" ? JSON.stringify({ advanceSeconds }) : undefined,
    });
    expect(response.status).to.equal(200);
    return (await response.json()) as { now: string };
  }

  /** Moves Atlas's clock and the provider's together. */
  async function advance(ms: number): Promise<void> {
    clock = Date.parse((await control("POST", ms / S)).now);
  }

  const policy = { every: "30d", overlap: "7d" };

  async function rotatingSecret(extra: object = {}) {
    const admin = adminClient(emulator);
    const account = await admin.createServiceAccount(emulator.orgId, {
      name: "rotating",
      description: "rotating secret",
      roles: ["ORG_READ_ONLY"],
      withoutInitialSecret: true,
    });
    admin.close();
    const checked = await secrets.check(
      {},
      {
        orgId: emulator.orgId,
        clientId: account.clientId,
        secretExpiresAfterHours: 1000,
        rotation: policy,
        ...extra,
      },
    );
    expect(checked.failures).to.deep.equal([]);
    const { id, outs } = await secrets.create(checked.inputs);
    return { id: id as string, outs: outs as Outputs, inputs: checked.inputs };
  }

  async function step(id: string, olds: Outputs, news: object) {
    const diff = await secrets.diff(id, olds, news);
    if (!diff.changes) return { diff, outs: olds };
    expect(diff.replaces).to.deep.equal([]);
    return { diff, outs: (await secrets.update(id, olds, news)).outs as Outputs };
  }

  /** True when the secret gets a token at /api/oauth/token and the token reads the account. */
  async function works(clientId: string, clientSecret: string): Promise<boolean> {
    const client = new AtlasClient({
      baseUrl: emulator.url,
      credentials: { type: "serviceAccount", clientId, clientSecret },
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
    });
    try {
      await client.getServiceAccount(emulator.orgId, clientId);
      return true;
    } catch {
      return false;
    } finally {
      client.close();
    }
  }

  async function listed(clientId: string) {
    const admin = adminClient(emulator);
    try {
      return (await admin.getServiceAccount(emulator.orgId, clientId)).secrets ?? [];
    } finally {
      admin.close();
    }
  }

  it("refuses an overlap over 7 days and a lifetime shorter than every + overlap, sending nothing", async () => {
    const sent = emulator.requests().length;
    const clientId = "mdb_sa_id_0123456789abcdef01234567";
    const news = {
      orgId: emulator.orgId,
      clientId,
      secretExpiresAfterHours: 100,
      rotation: { every: "10d", overlap: "8d" },
    };
    const { failures } = await secrets.check({}, news);
    expect(failures!.map((f) => f.property).sort()).to.deep.equal(["rotation", "secretExpiresAfterHours"]);
    expect(emulator.requests().length).to.equal(sent);
  });

  it("walks the schedule on Atlas's clock: both secrets work in the overlap, only the new one after", async () => {
    const { id, outs, inputs } = await rotatingSecret();
    const T0 = clock;
    expect(id).to.equal(`${emulator.orgId}/${outs.clientId}/rotating/${outs.secretId}`);
    expect(outs).to.deep.include({ rotatedAt: at(T0), nextRotationAt: at(T0 + 30 * D), previousSecretId: "" });
    expect(await works(outs.clientId, outs.secret)).to.equal(true);

    // Margins of a minute: the emulator's clock also runs in real time while the test works.
    await advance(30 * D - 60 * S);
    expect((await step(id, outs, inputs)).diff.changes).to.equal(false);

    await advance(60 * S);
    const rotated = await step(id, outs, inputs);
    expect(rotated.diff).to.deep.include({ changes: true, replaces: [] });
    const current = rotated.outs;
    expect(current.previousSecretId).to.equal(outs.secretId);
    expect(current.previousSecret === outs.secret).to.equal(true);
    const inAtlas = await listed(outs.clientId);
    expect(inAtlas.map((s) => s.id)).to.deep.equal([outs.secretId, current.secretId]);
    // The previous secret's expiry is the one Atlas now reports: cut to 7 days from the rotation.
    expect(current.previousExpiresAt).to.equal(inAtlas[0].expiresAt);
    // Atlas shows whole seconds, and its clock ran on while the test worked: within seconds of rotatedAt + 7d.
    expect(Date.parse(current.previousExpiresAt!)).to.be.within(T0 + 37 * D - S, T0 + 37 * D + 10 * S);
    expect(current.expiresAt).to.equal(inAtlas[1].expiresAt);
    expect(await works(outs.clientId, current.secret)).to.equal(true);
    expect(await works(outs.clientId, current.previousSecret!)).to.equal(true);

    await advance(7 * D - 60 * S);
    expect((await step(id, current, inputs)).diff.changes).to.equal(false);
    expect((await secrets.read(id, current)).props).to.deep.include({ previousSecretId: outs.secretId });

    await advance(60 * S + 10 * S);
    expect(await works(outs.clientId, current.previousSecret!)).to.equal(false); // Atlas expired it
    const done = await step(id, current, inputs);
    expect(done.diff.changes).to.equal(true);
    expect(done.outs).to.deep.include({ secretId: current.secretId, previousSecretId: "", previousExpiresAt: "" });
    expect((await listed(outs.clientId)).map((s) => s.id)).to.deep.equal([current.secretId]);
    expect(await works(outs.clientId, current.secret)).to.equal(true);

    await advance(10 * D);
    expect((await step(id, done.outs, inputs)).diff.changes).to.equal(false);
    await secrets.delete(id, done.outs);
    expect(await listed(outs.clientId)).to.deep.equal([]);
  });

  it("keepers rotate now; refresh notices deletions outside Pulumi; destroy deletes both secrets", async () => {
    const { id, outs, inputs } = await rotatingSecret({ keepers: { k: "1" } });
    const rotated = (await step(id, outs, { ...inputs, keepers: { k: "2" } })).outs;
    expect(rotated.previousSecretId).to.equal(outs.secretId);

    const admin = adminClient(emulator);
    await admin.deleteServiceAccountSecret(emulator.orgId, outs.clientId, outs.secretId);
    const read = await secrets.read(id, rotated);
    expect(read.props).to.deep.include({ secretId: rotated.secretId, previousSecretId: "", previousSecret: "" });

    const again = (await step(id, read.props, { ...inputs, keepers: { k: "3" } })).outs;
    await admin.deleteServiceAccountSecret(emulator.orgId, outs.clientId, again.secretId);
    const kept = await secrets.read(id, again);
    expect(kept.id).to.equal(id);
    expect(kept.props).to.deep.include({ secretId: "", previousSecretId: rotated.secretId });
    const recreated = (await step(id, kept.props, kept.inputs)).outs;
    expect(recreated.secretId).to.not.equal("");
    expect(await works(outs.clientId, recreated.secret)).to.equal(true);
    admin.close();

    await secrets.delete(id, recreated);
    expect(await listed(outs.clientId)).to.deep.equal([]);
  });
});
