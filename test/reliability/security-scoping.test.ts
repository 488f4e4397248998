/**
 * Scoping as the provider meets it, beyond the emulator's own route tests
 * (test/unit/emulator/auth/scoping.test.ts: 401 on every route without credentials, cross-organization
 * and read-only refusals at the HTTP level). Here the provider runtime is configured with the
 * wrong credentials: another organization's key, a read-only key. It must fail loudly, change
 * nothing, and never mistake a refusal for "the key is gone" (which would drop a live key from
 * state). Also: the OAuth token endpoint is the one route reachable without an Authorization header.
 */
import { expect } from "chai";
import { start, type EmulatorHandle } from "../../emulator";
import { handlers } from "../../provider/runtime";
import { rawRequest } from "../unit/emulator/support/http-client";
import { adminClient } from "../support/provider-harness";
import { closeClient, configureProvider } from "../support/reliability-runtime";

describe("reliability/security: the provider under another organization's or a read-only key", function () {
  this.timeout(30_000);
  let emulator: EmulatorHandle;
  let victim: { id: string; outs: Record<string, unknown> };

  const configureWith = (publicKey: string, privateKey: string) =>
    configureProvider(
      {
        "mongodbatlas:publicKey": publicKey,
        "mongodbatlas:privateKey": privateKey,
        "mongodbatlas:baseUrl": emulator.url,
      },
      { retry: { baseDelayMs: 1, maxDelayMs: 5 } },
    );

  async function rejection(promise: Promise<unknown>): Promise<string> {
    try {
      await promise;
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error("expected the call to fail");
  }

  before(async () => {
    emulator = await start({ seed: "reliability-scoping", rateLimit: false });
    configureWith(emulator.publicKey, emulator.privateKey);
    const inputs = (
      await handlers.apiKey.check({}, { orgId: emulator.orgId, description: "victim", roleNames: ["ORG_MEMBER"] })
    ).inputs!;
    const created = await handlers.apiKey.create(inputs);
    victim = { id: created.id!, outs: created.outs as Record<string, unknown> };
  });
  after(async () => {
    closeClient();
    await emulator?.close();
  });

  it("another organization's key cannot read, change or delete this organization's key", async () => {
    const other = emulator.otherOrg;
    configureWith(other.publicKey!, other.privateKey!);
    expect(await rejection(handlers.apiKey.read(victim.id, victim.outs))).to.match(/HTTP 401 .*USER_CANNOT_ACCESS_ORG/);
    const news = { ...victim.outs, description: "hijacked" };
    expect(await rejection(handlers.apiKey.update(victim.id, victim.outs as never, news as never))).to.match(
      /USER_CANNOT_ACCESS_ORG/,
    );
    expect(await rejection(handlers.apiKey.delete(victim.id, victim.outs as never))).to.match(/USER_CANNOT_ACCESS_ORG/);
    const record = emulator.model.state.apiKeys[String(victim.outs.apiKeyId)];
    expect(record?.desc).to.equal("victim");
  });

  it("a read-only key can refresh but not create or delete", async () => {
    const ro = emulator.seedData({
      orgId: emulator.orgId,
      apiKey: { roles: ["ORG_READ_ONLY"] },
      serviceAccount: false,
    });
    configureWith(ro.publicKey!, ro.privateKey!);
    const before = Object.keys(emulator.model.state.apiKeys).length;
    expect((await handlers.apiKey.read(victim.id, victim.outs)).id).to.equal(victim.id);
    const inputs = (
      await handlers.apiKey.check({}, { orgId: emulator.orgId, description: "by read-only", roleNames: ["ORG_MEMBER"] })
    ).inputs!;
    expect(await rejection(handlers.apiKey.create(inputs))).to.match(/HTTP 401 .*USER_UNAUTHORIZED/);
    expect(await rejection(handlers.apiKey.delete(victim.id, victim.outs as never))).to.match(/USER_UNAUTHORIZED/);
    expect(Object.keys(emulator.model.state.apiKeys).length).to.equal(before);
  });

  it("answers the OAuth token endpoint without an Authorization header (credentials in the form), and nothing else", async () => {
    const form = `grant_type=client_credentials&client_id=${encodeURIComponent(emulator.clientId)}&client_secret=${encodeURIComponent(emulator.clientSecret)}`;
    const token = await rawRequest(emulator.url, "POST", "/api/oauth/token", {
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: form,
    });
    expect(token.status).to.equal(200);
    const anonymous = await rawRequest(emulator.url, "POST", "/api/oauth/token", {
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials",
    });
    expect(anonymous.status).to.equal(401);
    const admin = adminClient(emulator);
    expect((await admin.getOrgApiKey(emulator.orgId, String(victim.outs.apiKeyId))).desc).to.equal("victim");
    admin.close();
  });
});
