import { expect } from "chai";
import type { EmulatorHandle } from "../../../../emulator";
import { createOrgKey, startWithAdmin, type AdminApi } from "../support/admin-api";
import { expectAtlasError as expectError } from "../support/assertions";
import type { DigestClient } from "../support/http-client";

const ATLAS_TYPE = "application/vnd.atlas.2023-01-01+json;charset=utf-8";
const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe("emulator Admin API: organizations and organization keys", function () {
  this.timeout(30_000);
  let emu: EmulatorHandle;
  let api: DigestClient;
  let admin: AdminApi;
  const orgKeys = () => `/api/atlas/v2/orgs/${emu.orgId}/apiKeys`;

  before(async () => {
    admin = await startWithAdmin({ seed: "api-tests" });
    ({ emu, api } = admin);
  });
  after(() => emu.close());

  describe("representation", () => {
    it("answers 2xx with the versioned media type, rate-limit headers and compact alphabetical JSON", async () => {
      const res = await api.get(`/api/atlas/v2/orgs/${emu.orgId}`);
      expect(res.status).to.equal(200);
      expect(res.headers["content-type"]).to.equal(ATLAS_TYPE);
      expect(res.headers["ratelimit-limit"]).to.equal("500");
      expect(res.headers["ratelimit-remaining"]).to.match(/^\d+$/);
      expect(res.text).to.equal(
        `{"id":"${emu.orgId}","isDeleted":false,"links":[{"href":"${emu.url}/api/atlas/v2/orgs/${emu.orgId}","rel":"self"}],"name":"emulated-org","skipDefaultAlertsSettings":false}`,
      );
    });

    it("pretty-prints with pretty=true the way Atlas (Jackson) does", async () => {
      const res = await api.get(`/api/atlas/v2/orgs/${emu.orgId}?pretty=true`);
      expect(res.text).to.equal(
        `{\n  "id" : "${emu.orgId}",\n  "isDeleted" : false,\n  "links" : [ {\n    "href" : "${emu.url}/api/atlas/v2/orgs/${emu.orgId}",\n    "rel" : "self"\n  } ],\n  "name" : "emulated-org",\n  "skipDefaultAlertsSettings" : false\n}`,
      );
    });

    it("wraps single objects as {content, status} and adds status to lists with envelope=true", async () => {
      const one = await api.get(`/api/atlas/v2/groups/${emu.projectId}?envelope=true`);
      expect(Object.keys(one.json)).to.deep.equal(["content", "status"]);
      expect(one.json.status).to.equal(200);
      expect(one.json.content.id).to.equal(emu.projectId);
      const list = await api.get(`${orgKeys()}?envelope=true`);
      expect(Object.keys(list.json)).to.deep.equal(["links", "results", "status", "totalCount"]);
    });

    it("returns the project's Group with its organization", async () => {
      const res = await api.get(`/api/atlas/v2/groups/${emu.projectId}`);
      expect(Object.keys(res.json)).to.deep.equal([
        "clusterCount",
        "created",
        "id",
        "links",
        "name",
        "orgId",
        "tags",
        "withDefaultAlertsSettings",
      ]);
      expect(res.json).to.include({ id: emu.projectId, orgId: emu.orgId, clusterCount: 0 });
      expect(res.json.created).to.match(ISO_SECONDS);
    });
  });

  describe("organization API keys", () => {
    it("creates with 200 and the private key in clear, then shows it redacted everywhere", async () => {
      const created = await createOrgKey(admin, "ci deploy", ["ORG_READ_ONLY", "ORG_BILLING_ADMIN"]);
      expect(Object.keys(created)).to.deep.equal(["desc", "id", "links", "privateKey", "publicKey", "roles"]);
      expect(created.id).to.match(/^[a-f0-9]{24}$/);
      expect(created.publicKey).to.match(/^[a-z]{8}$/);
      expect(created.privateKey).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const redacted = `********-****-****-${created.privateKey.slice(-12)}`;
      const got = await api.get(`${orgKeys()}/${created.id}`);
      expect(got.json.privateKey).to.equal(redacted);
      const listed = (await api.get(`${orgKeys()}?itemsPerPage=500`)).json.results.find(
        (k: { id: string }) => k.id === created.id,
      );
      expect(listed.privateKey).to.equal(redacted);
      const patched = await api.patch(`${orgKeys()}/${created.id}`, { desc: "renamed" });
      expect(patched.json.privateKey).to.equal(redacted);
      expect(JSON.stringify((await api.get(`${orgKeys()}?itemsPerPage=500`)).json)).to.not.include(created.privateKey);
    });

    it("lists keys sorted by public key", async () => {
      for (let i = 0; i < 5; i++) await createOrgKey(admin, `sort ${i}`);
      const keys = (await api.get(`${orgKeys()}?itemsPerPage=500`)).json.results.map(
        (k: { publicKey: string }) => k.publicKey,
      );
      expect(keys).to.deep.equal([...keys].sort());
    });

    it("updates desc and replaces org roles; needs at least one of them", async () => {
      const key = await createOrgKey(admin, "before", ["ORG_MEMBER"]);
      const res = await api.patch(`${orgKeys()}/${key.id}`, { desc: "after", roles: ["ORG_READ_ONLY"] });
      expect(res.status).to.equal(200);
      expect(res.json.desc).to.equal("after");
      expect(res.json.roles).to.deep.equal([{ orgId: emu.orgId, roleName: "ORG_READ_ONLY" }]);
      expectError(await api.patch(`${orgKeys()}/${key.id}`, {}), 400, "MISSING_ONE_OF_ATTRIBUTES");
    });

    it("deletes with 204 and an empty body, then answers 404 API_KEY_NOT_FOUND", async () => {
      const key = await createOrgKey(admin);
      const res = await api.delete(`${orgKeys()}/${key.id}`);
      expect(res.status).to.equal(204);
      expect(res.text).to.equal("");
      const gone = await api.get(`${orgKeys()}/${key.id}`);
      expectError(gone, 404, "API_KEY_NOT_FOUND");
      expect(gone.json.parameters).to.deep.equal([key.id]);
    });

    const invalid: Array<[string, unknown, string]> = [
      ["a project role", { desc: "x", roles: ["GROUP_OWNER"] }, "INVALID_ROLE_FOR_ORG"],
      ["an unknown role", { desc: "x", roles: ["ORG_NOPE"] }, "INVALID_ROLE_FOR_ORG"],
      ["a 251-character desc", { desc: "d".repeat(251), roles: ["ORG_MEMBER"] }, "INVALID_API_KEY_DESC"],
      ["an empty desc", { desc: "", roles: ["ORG_MEMBER"] }, "INVALID_API_KEY_DESC"],
      ["no roles", { desc: "x" }, "MISSING_ATTRIBUTE"],
    ];
    for (const [name, body, code] of invalid) {
      it(`rejects ${name} with 400 ${code}`, async () => {
        const res = await api.post(orgKeys(), body);
        expectError(res, 400, code);
        if (code === "INVALID_ROLE_FOR_ORG") expect(res.json.detail).to.match(/Invalid role/);
      });
    }

    it("rejects malformed JSON with 400 MALFORMED_JSON", async () => {
      expectError(await api.post(orgKeys(), "{not json"), 400, "MALFORMED_JSON");
    });
  });

  describe("errors on ids and paths", () => {
    it("answers a public key where the id belongs with 400 PATH_PARAM_PARSE_ERROR", async () => {
      const path = `${orgKeys()}/${emu.publicKey}/accessList`;
      const res = await api.get(path);
      expectError(res, 400, "PATH_PARAM_PARSE_ERROR");
      expect(res.json.detail).to.equal(`One or more path parameter in the request URI ${path} is malformed.`);
      expect(res.json.parameters).to.deep.equal([path]);
    });

    it("answers an unknown project exactly as live Atlas does", async () => {
      const res = await api.get("/api/atlas/v2/groups/111111111111111111111111/apiKeys");
      expect(res.status).to.equal(404);
      expect(res.headers["x-error-code"]).to.equal("GROUP_NOT_FOUND");
      expect(res.text).to.equal(
        '{"detail":"No group with ID 111111111111111111111111 exists.","error":404,"errorCode":"GROUP_NOT_FOUND","parameters":["111111111111111111111111"],"reason":"Not Found"}',
      );
    });

    it("answers an unknown organization with 404 ORG_NOT_FOUND", async () => {
      expectError(await api.get("/api/atlas/v2/orgs/222222222222222222222222/apiKeys"), 404, "ORG_NOT_FOUND");
    });

    it("answers an unknown path with 404 RESOURCE_NOT_FOUND and a wrong method with 405", async () => {
      expectError(await api.get("/api/atlas/v2/nothing"), 404, "RESOURCE_NOT_FOUND");
      expectError(await api.request("PUT", orgKeys()), 405, "METHOD_NOT_ALLOWED");
    });

    it("validates pagination parameters", async () => {
      expectError(await api.get(`${orgKeys()}?itemsPerPage=501`), 400, "INVALID_QUERY_PARAMETER");
      expectError(await api.get(`${orgKeys()}?pageNum=0`), 400, "INVALID_QUERY_PARAMETER");
      expectError(await api.get(`${orgKeys()}?includeCount=maybe`), 400, "INVALID_QUERY_PARAMETER");
    });
  });
});
