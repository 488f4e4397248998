import { expect } from "chai";
import { listApiKeys, listProjectApiKeys } from "../../provider/program/lookups";
import { getApiKey } from "../../provider/program/key-lookups";
import * as context from "../../provider/runtime/context";
import { adminClient, handlers, start, type Emulator } from "../support/provider-harness";

describe("lookups and credentials", () => {
  let emulator: Emulator;
  const saved = { ...process.env };
  before(async () => {
    emulator = await start({ port: 0, seed: "lookup-tests", rateLimit: false });
  });
  after(async () => {
    process.env = saved;
    context.resetContext();
    await emulator.close();
  });

  it("lookups read keys with the environment's credentials and never return a private key", async () => {
    process.env.MONGODB_ATLAS_PUBLIC_KEY = emulator.publicKey;
    process.env.MONGODB_ATLAS_PRIVATE_KEY = emulator.privateKey;
    process.env.MONGODB_ATLAS_BASE_URL = emulator.url;
    const admin = adminClient(emulator);
    const key = await admin.createProjectApiKey(emulator.projectId, { desc: "looked up", roles: ["GROUP_READ_ONLY"] });
    const one = await getApiKey({ orgId: emulator.orgId, apiKeyId: key.id });
    expect(one).to.deep.equal({
      id: `${emulator.orgId}/${key.id}`,
      orgId: emulator.orgId,
      apiKeyId: key.id,
      publicKey: key.publicKey,
      description: "looked up",
      roleNames: ["ORG_MEMBER"],
      projectAssignments: [{ projectId: emulator.projectId, roleNames: ["GROUP_READ_ONLY"] }],
    });
    const all = await listApiKeys({ orgId: emulator.orgId });
    expect(all.map((k) => k.apiKeyId)).to.include.members([key.id, emulator.apiKeyId]);
    const inProject = await listProjectApiKeys({ projectId: emulator.projectId });
    expect(inProject.map((k) => k.apiKeyId)).to.include(key.id);
    expect(JSON.stringify([one, all, inProject])).to.not.include(key.privateKey.slice(-12));
  });

  it("lookups reject a malformed id before any request", async () => {
    emulator.clearRequests();
    let message = "";
    await getApiKey({ orgId: emulator.orgId, apiKeyId: "abcdefgh" }).catch((e: Error) => (message = e.message));
    expect(message).to.match(/looks like a public key, not the key id/);
    expect(emulator.requests()).to.have.length(0);
  });

  it("without credentials, create fails naming both ways to configure them, with zero requests", async () => {
    context.resetContext();
    context.configure({ get: () => undefined }, {});
    emulator.clearRequests();
    const inputs = (
      await handlers.apiKey.check({}, { orgId: emulator.orgId, description: "x", roleNames: ["ORG_MEMBER"] })
    ).inputs!;
    let message = "";
    await handlers.apiKey.create(inputs).catch((e: Error) => (message = e.message));
    expect(message)
      .to.match(/mongodbatlas:publicKey/)
      .and.match(/mongodbatlas:clientId/)
      .and.match(/MONGODB_ATLAS_PUBLIC_KEY/);
    expect(emulator.requests()).to.have.length(0);
  });

  it("uses the service account when both kinds of credentials are configured", async () => {
    context.resetContext();
    const config: Record<string, string> = {
      "mongodbatlas:publicKey": "zzzzzzzz",
      "mongodbatlas:privateKey": "00000000-0000-4000-8000-000000000000",
      "mongodbatlas:clientId": emulator.clientId,
      "mongodbatlas:clientSecret": emulator.clientSecret,
      "mongodbatlas:baseUrl": emulator.url,
    };
    context.configure({ get: (key) => config[key] }, {});
    expect(context.settings().warnings.join()).to.match(/service account \(mongodbatlas:clientId\) is used/);
    emulator.clearRequests();
    const inputs = (
      await handlers.apiKey.check({}, { orgId: emulator.orgId, description: "via sa", roleNames: ["ORG_MEMBER"] })
    ).inputs!;
    const created = await handlers.apiKey.create(inputs);
    expect(emulator.requests().map((r) => r.auth))
      .to.include("bearer")
      .and.not.include("digest");
    await handlers.apiKey.delete(created.id, created.outs);
  });

  it("uses an access token as a bearer token, before any other credential", async () => {
    const token = await accessTokenFor(emulator);
    context.resetContext();
    const config: Record<string, string> = {
      "mongodbatlas:accessToken": token,
      "mongodbatlas:publicKey": "zzzzzzzz",
      "mongodbatlas:privateKey": "00000000-0000-4000-8000-000000000000",
      "mongodbatlas:baseUrl": emulator.url,
    };
    context.configure({ get: (key) => config[key] }, {});
    expect(context.settings().warnings.join()).to.match(/mongodbatlas:accessToken is used; an API key/);
    emulator.clearRequests();
    const inputs = (
      await handlers.apiKey.check({}, { orgId: emulator.orgId, description: "via token", roleNames: ["ORG_MEMBER"] })
    ).inputs!;
    const created = await handlers.apiKey.create(inputs);
    const requests = emulator.requests();
    expect(requests.map((r) => r.auth)).to.deep.equal(requests.map(() => "bearer"));
    expect(requests.map((r) => r.path)).to.not.include("/api/oauth/token");
    await handlers.apiKey.delete(created.id, created.outs);
  });
});

/** A service-account token from the emulator's OAuth endpoint, as `atlas api` or curl would get one. */
async function accessTokenFor(emulator: Emulator): Promise<string> {
  const basic = Buffer.from(`${emulator.clientId}:${emulator.clientSecret}`).toString("base64");
  const response = await fetch(`${emulator.url}/api/oauth/token`, {
    method: "POST",
    headers: { Authorization: `Basic ${basic}`, "Content-Type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials",
  });
  const body = (await response.json()) as { access_token: string };
  return body.access_token;
}
