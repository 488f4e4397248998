import { expect } from "chai";
import { AtlasApiError } from "../../../provider/atlas/errors";
import { serviceAccountSecretHandlers as secrets } from "../../../provider/resources/service-account-secret/handlers";
import type {
  ServiceAccountSecretInputs,
  ServiceAccountSecretOutputs as Outputs,
} from "../../../provider/resources/service-account-secret/model";
import { FakeServiceAccounts, notFound } from "./support/fake-service-accounts";
import { rejectionOf } from "../../support/expect-rejection";

/*
 * Every transition of a ServiceAccountSecret's rotation, with an injected clock
 * (the provider's and the fake Atlas's, stepped together unless a test says
 * otherwise), against the in-memory Atlas whose rules shape it: two secrets per
 * account, a new secret cuts the older ones to 7 days.
 */

const ORG = "5f1a2b3c4d5e6f7a8b9c0d1e";
const H = 3_600_000;
const D = 24 * H;
const at = (ms: number) => new Date(ms).toISOString();

const errorOf = (promise: Promise<unknown>) => rejectionOf<Error & { id?: string; properties?: Outputs }>(promise);

describe("ServiceAccountSecret rotation (injected clock, in-memory Atlas)", () => {
  let fake: FakeServiceAccounts;
  let skewMs: number;
  let ctx: { atlas: FakeServiceAccounts; now(): number };
  let clientId: string;
  let T0: number;

  beforeEach(async () => {
    fake = new FakeServiceAccounts();
    skewMs = 0;
    ctx = { atlas: fake, now: () => fake.now + skewMs };
    T0 = fake.now;
    const body = { name: "ci", description: "CI", roles: ["ORG_READ_ONLY"], withoutInitialSecret: true };
    clientId = (await fake.createServiceAccount(ORG, body)).clientId;
    fake.calls.length = 0;
  });

  const policy = { every: "90d", overlap: "7d" };
  const base = () => ({ orgId: ORG, clientId, secretExpiresAfterHours: 2400, rotation: policy });

  async function checked(news: object): Promise<ServiceAccountSecretInputs> {
    const result = await secrets.check(ctx, {}, news as never);
    expect(result.failures).to.deep.equal([]);
    return result.inputs!;
  }

  async function create(extra: object = {}) {
    const inputs = await checked({ ...base(), ...extra });
    const { id, outs } = await secrets.create(ctx, inputs);
    return { id, outs: outs as Outputs, inputs };
  }

  /** One engine step: diff, and update when the diff says so. */
  async function step(id: string, olds: Outputs, news: ServiceAccountSecretInputs) {
    const diff = await secrets.diff(ctx, id, olds, news);
    if (!diff.changes) return { diff, outs: olds };
    expect(diff.replaces).to.deep.equal([]);
    return { diff, outs: (await secrets.update(ctx, id, olds, news)).outs as Outputs };
  }

  const listed = () => (fake.accounts[clientId].secrets ?? []).map((s) => s.id);

  it("check: the overlap is at most 7 days and the lifetime covers every + overlap, before any request", async () => {
    const failures = async (news: object) => (await secrets.check(ctx, {}, news as never)).failures ?? [];
    const tooLong = await failures({ ...base(), rotation: { every: "90d", overlap: "8d" } });
    expect(tooLong.map((f) => f.property)).to.deep.equal(["rotation"]);
    expect(tooLong[0].reason).to.match(
      /rotation\.overlap \(8d\) is longer than 7 days.*Set rotation\.overlap to "7d" or less/,
    );
    const short = await failures({ ...base(), secretExpiresAfterHours: 2000 });
    expect(short.map((f) => f.property)).to.deep.equal(["secretExpiresAfterHours"]);
    expect(short[0].reason).to.match(/shorter than rotation\.every \+ rotation\.overlap \(90d \+ 7d\).*at least 2328/);
    expect(await failures({ ...base(), secretExpiresAfterHours: 2328 })).to.deep.equal([]);
    const reversed = await failures({ ...base(), rotation: { every: "1d", overlap: "2d" } });
    expect(reversed.map((f) => f.reason).join(" ")).to.match(/rotation\.overlap \(2d\) must be shorter/);
    const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    expect(await failures({ ...base(), rotation: { every: unknown, overlap: "7d" } })).to.deep.equal([]);
    expect(fake.calls).to.deep.equal([]);
  });

  it("creates with a policy: a stable rotating id and the schedule; without one, outputs as before", async () => {
    const { id, outs } = await create();
    expect(id).to.equal(`${ORG}/${clientId}/rotating/${outs.secretId}`);
    expect(outs).to.deep.include({
      rotation: policy,
      rotatedAt: at(T0),
      nextRotationAt: at(T0 + 90 * D),
      previousSecretId: "",
      previousSecret: "",
      previousExpiresAt: "",
    });
    await secrets.delete(ctx, id, outs);
    const plain = await create({ rotation: undefined });
    expect(plain.id).to.equal(`${ORG}/${clientId}/${plain.outs.secretId}`);
    expect(Object.keys(plain.outs).sort()).to.deep.equal(
      ["orgId", "clientId", "secretExpiresAfterHours", "secretId", "createdAt", "expiresAt", "secret"].sort(),
    );
    fake.now += 1000 * D;
    expect((await secrets.diff(ctx, plain.id, plain.outs, plain.inputs)).changes).to.equal(false);
  });

  it("refuses a policy on an account that holds another secret, before the POST", async () => {
    await fake.createServiceAccountSecret(ORG, clientId, { secretExpiresAfterHours: 100 });
    fake.calls.length = 0;
    const error = await errorOf(create());
    expect(error.message).to.match(/^rotation: service account .* already has secret .*withoutInitialSecret: true/);
    expect(fake.calls).to.deep.equal(["getServiceAccount"]);
  });

  it("walks the schedule: quiet → rotation (update, same id) → quiet → previous deleted → quiet", async () => {
    const { id, outs, inputs } = await create();
    fake.now = T0 + 90 * D - 1;
    expect((await step(id, outs, inputs)).diff.changes).to.equal(false);

    fake.now = T0 + 90 * D;
    const rotated = await step(id, outs, inputs);
    expect(rotated.diff).to.deep.include({ changes: true, replaces: [] });
    const current = rotated.outs;
    expect(current.secretId).to.not.equal(outs.secretId);
    expect(current.secret === outs.secret).to.equal(false);
    expect(current.previousSecret === outs.secret).to.equal(true);
    expect(current).to.deep.include({
      previousSecretId: outs.secretId,
      rotatedAt: at(T0 + 90 * D),
      nextRotationAt: at(T0 + 180 * D),
      previousExpiresAt: at(T0 + 97 * D),
      expiresAt: at(T0 + 90 * D + 2400 * H),
    });
    expect(listed()).to.deep.equal([outs.secretId, current.secretId]);

    fake.now = T0 + 97 * D - 1;
    expect((await step(id, current, inputs)).diff.changes).to.equal(false);

    fake.now = T0 + 97 * D;
    const expired = await step(id, current, inputs);
    expect(expired.diff.changes).to.equal(true);
    expect(expired.outs).to.deep.include({ secretId: current.secretId, previousSecretId: "", previousSecret: "" });
    expect(expired.outs.previousExpiresAt).to.equal("");
    expect(listed()).to.deep.equal([current.secretId]);

    fake.now = T0 + 150 * D;
    expect((await step(id, expired.outs, inputs)).diff.changes).to.equal(false);
  });

  it("reads the previous secret's expiry back from Atlas: Atlas's clock, and a cut shorter than the overlap", async () => {
    const { id, outs, inputs } = await create();
    skewMs = 60_000; // the provider's clock runs a minute ahead of Atlas's
    fake.now = T0 + 90 * D;
    const rotated = await step(id, outs, inputs);
    // rotatedAt + 7d by the provider's clock would be a minute later: Atlas's own cut is recorded.
    expect(rotated.outs.previousExpiresAt).to.equal(at(T0 + 97 * D));
    expect(rotated.outs.rotatedAt).to.equal(at(T0 + 90 * D + 60_000));

    // A run so late that the current secret has less than the overlap left: Atlas's expiry wins.
    await secrets.delete(ctx, id, rotated.outs);
    skewMs = 0;
    const second = await create();
    fake.now = Date.parse(second.outs.expiresAt) - 2 * D;
    const cut = await step(second.id, second.outs, second.inputs);
    expect(cut.outs.previousExpiresAt).to.equal(second.outs.expiresAt);
  });

  it("with a 7-day overlap Atlas's cut is recorded even when Atlas's clock runs ahead of the provider's", async () => {
    const { id, outs, inputs } = await create();
    skewMs = -60_000;
    fake.now = T0 + 90 * D + 60_000;
    const rotated = await step(id, outs, inputs);
    expect(rotated.outs.rotatedAt).to.equal(at(T0 + 90 * D));
    expect(rotated.outs.previousExpiresAt).to.equal(at(T0 + 97 * D + 60_000));
  });

  it("when the read-back fails the rotation still stands, and the next refresh records Atlas's expiry", async () => {
    const { id, outs, inputs } = await create();
    skewMs = 60_000;
    fake.now = T0 + 90 * D;
    const real = fake.getServiceAccount.bind(fake);
    let reads = 0;
    fake.getServiceAccount = async (...args: Parameters<typeof real>) => {
      if (++reads === 2) throw new AtlasApiError({ status: 503, errorCode: "SERVICE_UNAVAILABLE" });
      return real(...args);
    };
    const rotated = await step(id, outs, inputs);
    expect(rotated.outs.previousSecretId).to.equal(outs.secretId);
    expect(rotated.outs.previousExpiresAt).to.equal(at(T0 + 97 * D + 60_000)); // the schedule's, by the provider's clock
    const read = await secrets.read(ctx, id, rotated.outs);
    expect(read.props!.previousExpiresAt).to.equal(at(T0 + 97 * D)); // Atlas's
  });

  it("deleting the previous secret whose answer was lost: the list says it is gone, so the state drops it", async () => {
    const { id, outs, inputs } = await create();
    fake.now = T0 + 90 * D;
    const rotated = (await step(id, outs, inputs)).outs;
    fake.now = T0 + 98 * D;
    const real = fake.deleteServiceAccountSecret.bind(fake);
    fake.deleteServiceAccountSecret = async (...args: Parameters<typeof real>) => {
      await real(...args);
      throw new AtlasApiError({ status: 0, errorCode: "NETWORK_ERROR", ambiguous: true });
    };
    const done = await step(id, rotated, inputs);
    expect(done.outs.previousSecretId).to.equal("");
    expect(listed()).to.deep.equal([rotated.secretId]);
  });

  it("a shorter overlap deletes the previous secret at rotatedAt + overlap, before Atlas's 7 days", async () => {
    const { id, outs, inputs } = await create({ rotation: { every: "30d", overlap: "1d" } });
    fake.now = T0 + 30 * D;
    const rotated = await step(id, outs, inputs);
    expect(rotated.outs.previousExpiresAt).to.equal(at(T0 + 31 * D));
    expect(fake.accounts[clientId].secrets[0].expiresAt).to.equal(at(T0 + 37 * D));
    fake.now = T0 + 31 * D;
    const done = await step(id, rotated.outs, inputs);
    expect(done.outs.previousSecretId).to.equal("");
    expect(listed()).to.deep.equal([rotated.outs.secretId]);
  });

  it("keepers and a new lifetime rotate now (update, not replace); without a policy they replace", async () => {
    const { id, outs, inputs } = await create({ keepers: { k: "1" } });
    fake.now = T0 + 10 * D;
    const byKeepers = await step(id, outs, await checked({ ...inputs, keepers: { k: "2" } }));
    expect(byKeepers.outs.previousSecretId).to.equal(outs.secretId);
    expect(byKeepers.outs.rotatedAt).to.equal(at(T0 + 10 * D));

    // During the overlap a further rotation frees the slot of the previous secret first.
    fake.now = T0 + 11 * D;
    const news = await checked({ ...inputs, keepers: { k: "2" }, secretExpiresAfterHours: 3000 });
    const byLifetime = await step(id, byKeepers.outs, news);
    expect(byLifetime.outs.previousSecretId).to.equal(byKeepers.outs.secretId);
    expect(byLifetime.outs.secretExpiresAfterHours).to.equal(3000);
    expect(listed()).to.deep.equal([byKeepers.outs.secretId, byLifetime.outs.secretId]);

    const plain = { orgId: ORG, clientId, secretExpiresAfterHours: 100 };
    const diff = await secrets.diff(
      ctx,
      "x",
      { ...byLifetime.outs, ...plain, rotatedAt: undefined, previousSecretId: "" } as Outputs,
      {
        ...plain,
        keepers: { k: "3" },
      },
    );
    expect(diff.replaces).to.deep.equal(["keepers"]);
  });

  it("a failed create changes nothing and leaves nothing behind", async () => {
    const { id, outs, inputs } = await create();
    fake.now = T0 + 90 * D;
    fake.failNext.createServiceAccountSecret = new AtlasApiError({ status: 400, errorCode: "VALIDATION_ERROR" });
    const error = await errorOf(step(id, outs, inputs));
    expect(error.message).to.match(/Creating the new secret .* failed, so the current secret stays current/);
    expect(error.properties).to.equal(undefined);
    expect(listed()).to.deep.equal([outs.secretId]);
    expect(fake.accounts[clientId].secrets[0].expiresAt).to.equal(outs.expiresAt);
    expect((await step(id, outs, inputs)).outs.previousSecretId).to.equal(outs.secretId);
  });

  it("an unanswered create: the secret it made is deleted again, and the current secret's cut expiry recorded", async () => {
    const { id, outs, inputs } = await create();
    fake.now = T0 + 90 * D;
    const real = fake.createServiceAccountSecret.bind(fake);
    fake.createServiceAccountSecret = async (...args: Parameters<typeof real>) => {
      await real(...args);
      throw new AtlasApiError({ status: 503, errorCode: "SERVICE_UNAVAILABLE", ambiguous: true });
    };
    const error = await errorOf(step(id, outs, inputs));
    expect(error.message).to.match(/may or may not have succeeded.*was deleted again/);
    expect(listed()).to.deep.equal([outs.secretId]);
    expect(error.properties).to.deep.include({ secretId: outs.secretId, expiresAt: at(T0 + 97 * D) });
    expect(error.properties!.rotatedAt).to.equal(outs.rotatedAt); // still due: the next up rotates
  });

  it("refuses to rotate into a full account, naming the secret that is not its own", async () => {
    const { id, outs, inputs } = await create();
    const stray = await fake.createServiceAccountSecret(ORG, clientId, { secretExpiresAfterHours: 100 });
    fake.now = T0 + 90 * D;
    fake.calls.length = 0;
    const error = await errorOf(step(id, outs, inputs));
    expect(error.message)
      .to.include(stray.id)
      .and.match(/needs a free secret slot/);
    expect(fake.calls).to.deep.equal(["getServiceAccount"]);
  });

  it("deleting the expired previous secret: gone by Atlas's code counts, a failure keeps it in state", async () => {
    const { id, outs, inputs } = await create();
    fake.now = T0 + 90 * D;
    const rotated = (await step(id, outs, inputs)).outs;
    fake.now = T0 + 98 * D;

    fake.failNext.deleteServiceAccountSecret = new AtlasApiError({ status: 500, errorCode: "UNEXPECTED_ERROR" });
    const failed = await errorOf(step(id, rotated, inputs));
    expect(failed.message).to.match(/Deleting the previous secret .* failed; it stays in the state/);
    expect(failed.properties).to.deep.include({
      previousSecretId: outs.secretId,
      previousExpiresAt: rotated.previousExpiresAt,
    });
    expect(failed.properties!.previousSecret === outs.secret).to.equal(true);

    fake.failNext.deleteServiceAccountSecret = notFound("RESOURCE_NOT_FOUND");
    const misdirected = await errorOf(step(id, rotated, inputs));
    expect(misdirected.properties).to.deep.include({ previousSecretId: outs.secretId });

    await fake.deleteServiceAccountSecret(ORG, clientId, outs.secretId); // expired and removed outside
    const done = await step(id, rotated, inputs);
    expect(done.outs).to.deep.include({ secretId: rotated.secretId, previousSecretId: "" });
  });

  it("refresh: a previous secret deleted outside is gone; a deleted current one is re-created by the next up", async () => {
    const { id, outs, inputs } = await create();
    fake.now = T0 + 90 * D;
    const rotated = (await step(id, outs, inputs)).outs;

    await fake.deleteServiceAccountSecret(ORG, clientId, rotated.secretId);
    const read = await secrets.read(ctx, id, rotated);
    expect(read.id).to.equal(id);
    expect(read.props).to.deep.include({ secretId: "", secret: "", previousSecretId: outs.secretId });
    fake.now = T0 + 91 * D;
    const recreated = await step(id, read.props as Outputs, inputs);
    expect(recreated.outs.secretId).to.not.equal("");
    expect(recreated.outs).to.deep.include({ previousSecretId: outs.secretId, previousExpiresAt: at(T0 + 97 * D) });

    await fake.deleteServiceAccountSecret(ORG, clientId, outs.secretId);
    const reread = await secrets.read(ctx, id, recreated.outs);
    expect(reread.props).to.deep.include({
      secretId: recreated.outs.secretId,
      previousSecretId: "",
      previousSecret: "",
    });
    expect(reread.inputs).to.deep.include({ rotation: policy });

    await fake.deleteServiceAccountSecret(ORG, clientId, recreated.outs.secretId);
    expect(await secrets.read(ctx, id, reread.props)).to.deep.equal({});
  });

  it("destroy deletes both secrets; removing the policy deletes the previous one and the rotation fields", async () => {
    const { id, outs, inputs } = await create();
    fake.now = T0 + 90 * D;
    const rotated = (await step(id, outs, inputs)).outs;
    const dropped = await step(id, rotated, await checked({ ...inputs, rotation: undefined }));
    expect(listed()).to.deep.equal([rotated.secretId]);
    for (const name of ["rotation", "rotatedAt", "previousSecretId", "previousSecret"]) {
      expect(dropped.outs).to.not.have.property(name);
    }
    const again = await step(id, dropped.outs, await checked({ ...inputs, keepers: { k: "1" } }));
    fake.now = T0 + 95 * D;
    const both = (await step(id, again.outs, await checked({ ...inputs, keepers: { k: "2" } }))).outs;
    expect(listed()).to.have.length(2);
    await secrets.delete(ctx, id, both);
    expect(listed()).to.deep.equal([]);
  });

  it("get: a rotating id without state is refused with the id to use; a secret's own id reads it", async () => {
    const { id, outs } = await create();
    const error = await errorOf(secrets.read(ctx, id, {}));
    expect(error.message).to.match(/names a secret with a rotation policy.*<orgId>\/<clientId>\/<secretId>/);
    const read = await secrets.read(ctx, `${ORG}/${clientId}/${outs.secretId}`, {});
    expect(read.props).to.deep.include({ secretId: outs.secretId, secret: "" });
  });

  it("never puts a clear secret in an error message", async () => {
    const { id, outs, inputs } = await create();
    fake.now = T0 + 90 * D;
    const rotated = (await step(id, outs, inputs)).outs;
    fake.now = T0 + 98 * D;
    fake.failNext.deleteServiceAccountSecret = new AtlasApiError({ status: 500, errorCode: "UNEXPECTED_ERROR" });
    const messages = [(await errorOf(step(id, rotated, inputs))).message];
    fake.failNext.createServiceAccountSecret = new AtlasApiError({ status: 400, errorCode: "VALIDATION_ERROR" });
    messages.push((await errorOf(step(id, rotated, await checked({ ...inputs, keepers: { k: "9" } })))).message);
    for (const message of messages) {
      expect(message.includes(outs.secret) || message.includes(rotated.secret), "secret in message").to.equal(false);
      expect(/mdb_sa_sk_[a-z0-9]{8}/.test(message)).to.equal(false);
    }
  });
});
