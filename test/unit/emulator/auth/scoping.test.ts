import { expect } from "chai";
import { start, type EmulatorHandle } from "../../../../emulator";
import { UNAUTHORIZED_BODY } from "../../../../emulator/http/errors";
import { AtlasModel } from "../../../../emulator/model/model";
import { atlasRoutes } from "../../../../emulator/http/routes";
import { bearerRequest, DigestClient, fetchToken, rawRequest, type HttpResult } from "../support/http-client";

describe("emulator authentication and authorization scoping", function () {
  this.timeout(30_000);
  let emu: EmulatorHandle;
  let admin: DigestClient;
  const orgKeys = (orgId = emu.orgId) => `/api/atlas/v2/orgs/${orgId}/apiKeys`;
  const groupKeys = (groupId = emu.projectId) => `/api/atlas/v2/groups/${groupId}/apiKeys`;

  before(async () => {
    emu = await start({ seed: "scoping-tests", rateLimit: false });
    admin = new DigestClient(emu.url, emu.publicKey, emu.privateKey);
  });
  after(() => emu.close());

  function expectDenied(res: HttpResult, errorCode: string): void {
    expect(res.status, res.text).to.equal(401);
    expect(res.json.errorCode).to.equal(errorCode);
    // A rights decision, not a credentials problem: no challenge to retry with.
    expect(res.headers["www-authenticate"]).to.equal(undefined);
  }

  it("answers 401 with the digest challenge on every route when no credentials are sent", async () => {
    const routes = atlasRoutes(new AtlasModel({ seed: 0 }));
    expect(routes).to.have.length(16);
    const concrete = (path: string) =>
      path
        .replace("{orgId}", emu.orgId)
        .replace("{groupId}", emu.projectId)
        .replace("{apiUserId}", emu.apiKeyId)
        .replace("{ipAddress}", "10.0.0.1");
    for (const route of [...routes, { method: "GET", path: "/api/atlas/v2/unknown" }]) {
      const res = await rawRequest(emu.url, route.method, concrete(route.path), {
        body: route.method === "GET" ? undefined : "{}",
      });
      expect(res.status, `${route.method} ${route.path}`).to.equal(401);
      expect(res.text).to.equal(UNAUTHORIZED_BODY);
      expect(res.headers["www-authenticate"]).to.match(/^Digest realm="MMS Public API"/);
    }
    expect(emu.state().apiKeys).to.have.length(2);
  });

  it("keeps an organization's key out of another organization (401 USER_CANNOT_ACCESS_ORG / NOT_IN_GROUP)", async () => {
    const other = emu.otherOrg;
    expectDenied(await admin.get(orgKeys(other.orgId)), "USER_CANNOT_ACCESS_ORG");
    expectDenied(await admin.get(`/api/atlas/v2/orgs/${other.orgId}`), "USER_CANNOT_ACCESS_ORG");
    expectDenied(
      await admin.post(orgKeys(other.orgId), { desc: "x", roles: ["ORG_MEMBER"] }),
      "USER_CANNOT_ACCESS_ORG",
    );
    expectDenied(await admin.get(groupKeys(other.projectId)), "NOT_IN_GROUP");
    expectDenied(await admin.get(`/api/atlas/v2/groups/${other.projectId}`), "NOT_IN_GROUP");
    // The other org's own admin key works there.
    const theirs = new DigestClient(emu.url, other.publicKey!, other.privateKey!);
    expect((await theirs.get(orgKeys(other.orgId))).status).to.equal(200);
    expectDenied(await theirs.delete(`${orgKeys()}/${emu.apiKeyId}`), "USER_CANNOT_ACCESS_ORG");
    expect(emu.model.state.apiKeys[emu.apiKeyId]).to.not.equal(undefined);
  });

  it("lets an ORG_READ_ONLY key read but not create, update or delete (401 USER_UNAUTHORIZED)", async () => {
    const ro = emu.seedData({ orgId: emu.orgId, apiKey: { roles: ["ORG_READ_ONLY"] }, serviceAccount: false });
    const reader = new DigestClient(emu.url, ro.publicKey!, ro.privateKey!);
    expect((await reader.get(orgKeys())).status).to.equal(200);
    expect((await reader.get(`${orgKeys()}/${emu.apiKeyId}`)).status).to.equal(200);
    expect((await reader.get(groupKeys())).status).to.equal(200);
    expect((await reader.get(`/api/atlas/v2/groups/${emu.projectId}`)).status).to.equal(200);
    const before = emu.state().apiKeys.length;
    const denied = await reader.post(orgKeys(), { desc: "x", roles: ["ORG_MEMBER"] });
    expectDenied(denied, "USER_UNAUTHORIZED");
    expect(denied.json).to.deep.equal({
      detail: "Current user is not authorized to perform this action.",
      error: 401,
      errorCode: "USER_UNAUTHORIZED",
      parameters: [],
      reason: "Unauthorized",
    });
    expectDenied(await reader.patch(`${orgKeys()}/${emu.apiKeyId}`, { desc: "hijack" }), "USER_UNAUTHORIZED");
    expectDenied(await reader.delete(`${orgKeys()}/${emu.apiKeyId}`), "USER_UNAUTHORIZED");
    expectDenied(await reader.post(groupKeys(), { desc: "x", roles: ["GROUP_READ_ONLY"] }), "USER_UNAUTHORIZED");
    expectDenied(
      await reader.post(`${orgKeys()}/${emu.apiKeyId}/accessList`, [{ ipAddress: "10.0.0.1" }]),
      "USER_UNAUTHORIZED",
    );
    expect(emu.state().apiKeys.length).to.equal(before);
  });

  it("shows a key's access list only to the key itself or an owner (API_KEY_ACCESS_LIST_ACCESS_DENIED)", async () => {
    const ro = emu.seedData({ orgId: emu.orgId, apiKey: { roles: ["ORG_READ_ONLY"] }, serviceAccount: false });
    const reader = new DigestClient(emu.url, ro.publicKey!, ro.privateKey!);
    expectDenied(await reader.get(`${orgKeys()}/${emu.apiKeyId}/accessList`), "API_KEY_ACCESS_LIST_ACCESS_DENIED");
    expect((await reader.get(`${orgKeys()}/${ro.apiKeyId}/accessList`)).status).to.equal(200);
    expect((await admin.get(`${orgKeys()}/${ro.apiKeyId}/accessList`)).status).to.equal(200);
  });

  it("lets a GROUP_OWNER manage keys of its project only", async () => {
    const po = emu.seedData({ orgId: emu.orgId, apiKey: { roles: ["ORG_MEMBER"] }, serviceAccount: false });
    emu.model.state.apiKeys[po.apiKeyId!].projectRoles[emu.projectId] = ["GROUP_OWNER"];
    const owner = new DigestClient(emu.url, po.publicKey!, po.privateKey!);
    const created = await owner.post(groupKeys(), { desc: "by project owner", roles: ["GROUP_READ_ONLY"] });
    expect(created.status).to.equal(200);
    expect((await owner.patch(`${groupKeys()}/${created.json.id}`, { roles: ["GROUP_OWNER"] })).status).to.equal(200);
    expect((await owner.delete(`${groupKeys()}/${created.json.id}`)).status).to.equal(204);
    expectDenied(
      await owner.post(groupKeys(emu.secondProjectId), { desc: "x", roles: ["GROUP_READ_ONLY"] }),
      "NOT_IN_GROUP",
    );
    expectDenied(await owner.post(orgKeys(), { desc: "x", roles: ["ORG_MEMBER"] }), "USER_UNAUTHORIZED");
    expect((await owner.get(orgKeys())).status).to.equal(200);
  });

  it("does not let GROUP_READ_ONLY change its project's keys", async () => {
    const created = (await admin.post(groupKeys(), { desc: "reader", roles: ["GROUP_READ_ONLY"] })).json;
    const reader = new DigestClient(emu.url, created.publicKey, created.privateKey);
    expect((await reader.get(groupKeys())).status).to.equal(200);
    expectDenied(await reader.post(groupKeys(), { desc: "x", roles: ["GROUP_OWNER"] }), "USER_UNAUTHORIZED");
    expectDenied(await reader.get(groupKeys(emu.secondProjectId)), "NOT_IN_GROUP");
  });

  it("applies role changes to the very next request", async () => {
    const created = (await admin.post(orgKeys(), { desc: "promoted", roles: ["ORG_MEMBER"] })).json;
    const client = new DigestClient(emu.url, created.publicKey, created.privateKey);
    expectDenied(await client.post(orgKeys(), { desc: "x", roles: ["ORG_MEMBER"] }), "USER_UNAUTHORIZED");
    await admin.patch(`${orgKeys()}/${created.id}`, { roles: ["ORG_OWNER"] });
    expect((await client.post(orgKeys(), { desc: "x", roles: ["ORG_MEMBER"] })).status).to.equal(200);
    await admin.delete(`${orgKeys()}/${created.id}`);
    expect((await client.get(orgKeys())).status).to.equal(401);
  });

  it("scopes a service account to its organization too", async () => {
    const token = (await fetchToken(emu.url, emu.clientId, emu.clientSecret)).json.access_token as string;
    expect((await bearerRequest(emu.url, token, "GET", orgKeys())).status).to.equal(200);
    expect((await bearerRequest(emu.url, token, "GET", orgKeys(emu.otherOrg.orgId))).json.errorCode).to.equal(
      "USER_CANNOT_ACCESS_ORG",
    );
    const ownList = await bearerRequest(emu.url, token, "GET", `${orgKeys()}/${emu.apiKeyId}/accessList`);
    expect(ownList.status).to.equal(200);
  });

  it("with enforceAccessList, refuses calls from outside a key's non-empty access list (403)", async () => {
    const key = (await admin.post(orgKeys(), { desc: "restricted", roles: ["ORG_MEMBER"] })).json;
    await admin.post(`${orgKeys()}/${key.id}/accessList`, [{ ipAddress: "203.0.113.9" }]);
    const client = new DigestClient(emu.url, key.publicKey, key.privateKey);
    expect((await client.get(orgKeys())).status).to.equal(200);
    emu.configure({ enforceAccessList: true });
    try {
      const res = await client.get(orgKeys());
      expect(res.status).to.equal(403);
      expect(res.json.errorCode).to.equal("IP_ADDRESS_NOT_ON_ACCESS_LIST");
      await admin.post(`${orgKeys()}/${key.id}/accessList`, [{ cidrBlock: "127.0.0.0/8" }]);
      expect((await client.get(orgKeys())).status).to.equal(200);
      const entry = (await admin.get(`${orgKeys()}/${key.id}/accessList/127.0.0.0%2F8`)).json;
      expect(entry).to.include({ count: 1, lastUsedAddress: "127.0.0.1" });
    } finally {
      emu.configure({ enforceAccessList: false });
    }
  });
});
