import { expect } from "chai";
import type { EmulatorHandle } from "../../../../emulator";
import { createValidator, type ResponseToCheck } from "../../../support/openapi-validator";
import { APIKEYS_SPEC, loadSpecOrSkip } from "../../../support/reference-spec";
import { startWithAdmin } from "../support/admin-api";
import { DigestClient, type HttpResult } from "../support/http-client";

/**
 * Every operation of the emulator, answered, against the official spec (outside the repository:
 * see test/support/reference-spec.ts). The known deviations where live Atlas contradicts the spec
 * and the emulator follows live Atlas are tolerated by the validator.
 */
describe("emulator responses against the official OpenAPI spec", function () {
  this.timeout(30_000);
  let emu: EmulatorHandle;
  let api: DigestClient;
  let validate: (response: ResponseToCheck) => string[];

  before(async function () {
    validate = createValidator([loadSpecOrSkip(this, APIKEYS_SPEC)]);
    ({ emu, api } = await startWithAdmin({ seed: "spec-tests", rateLimit: false }));
  });
  after(async () => emu?.close());

  /** Validates a response against the schema the spec declares for this operation and status. */
  function expectConforms(method: string, template: string, res: HttpResult): void {
    const contentType = String(res.headers["content-type"] ?? "");
    const problems = validate({ method, path: template, template, status: res.status, contentType, body: res.text });
    expect(problems, `${method} ${template} ${res.status}: ${problems.join("; ")}`).to.deep.equal([]);
  }

  const ORG = "/api/atlas/v2/orgs/{orgId}";
  const GROUP = "/api/atlas/v2/groups/{groupId}";

  it("every success body of every operation", async () => {
    const o = `/api/atlas/v2/orgs/${emu.orgId}`;
    const g = `/api/atlas/v2/groups/${emu.projectId}`;
    expectConforms("GET", ORG, await api.get(o));
    expectConforms("GET", GROUP, await api.get(g));
    const created = await api.post(`${o}/apiKeys`, { desc: "spec", roles: ["ORG_MEMBER"] });
    expectConforms("POST", `${ORG}/apiKeys`, created);
    const k = `${o}/apiKeys/${created.json.id}`;
    expectConforms("GET", `${ORG}/apiKeys`, await api.get(`${o}/apiKeys`));
    expectConforms("GET", `${ORG}/apiKeys/{apiUserId}`, await api.get(k));
    expectConforms("PATCH", `${ORG}/apiKeys/{apiUserId}`, await api.patch(k, { desc: "spec 2" }));
    expectConforms(
      "POST",
      `${ORG}/apiKeys/{apiUserId}/accessList`,
      await api.post(`${k}/accessList`, [
        { ipAddress: "192.0.2.1" },
        { cidrBlock: "2001:db8::/32" },
        { ipAddress: "2001:db8::5" },
      ]),
    );
    expectConforms("GET", `${ORG}/apiKeys/{apiUserId}/accessList`, await api.get(`${k}/accessList`));
    expectConforms(
      "GET",
      `${ORG}/apiKeys/{apiUserId}/accessList/{ipAddress}`,
      await api.get(`${k}/accessList/192.0.2.1`),
    );
    expectConforms(
      "DELETE",
      `${ORG}/apiKeys/{apiUserId}/accessList/{ipAddress}`,
      await api.delete(`${k}/accessList/192.0.2.1%2F32`),
    );
    const projectKey = await api.post(`${g}/apiKeys`, { desc: "spec project", roles: ["GROUP_READ_ONLY"] });
    expectConforms("POST", `${GROUP}/apiKeys`, projectKey);
    expectConforms("GET", `${GROUP}/apiKeys`, await api.get(`${g}/apiKeys`));
    expectConforms(
      "PATCH",
      `${GROUP}/apiKeys/{apiUserId}`,
      await api.patch(`${g}/apiKeys/${projectKey.json.id}`, { roles: ["GROUP_OWNER"] }),
    );
    expectConforms("DELETE", `${GROUP}/apiKeys/{apiUserId}`, await api.delete(`${g}/apiKeys/${projectKey.json.id}`));
    expectConforms(
      "POST",
      `${GROUP}/apiKeys/{apiUserId}`,
      await api.post(`${g}/apiKeys/${projectKey.json.id}`, [{ roles: ["GROUP_READ_ONLY"] }]),
    );
    expectConforms("DELETE", `${ORG}/apiKeys/{apiUserId}`, await api.delete(k));
  });

  it("error bodies", async () => {
    const o = `/api/atlas/v2/orgs/${emu.orgId}`;
    expectConforms("GET", `${ORG}/apiKeys/{apiUserId}`, await api.get(`${o}/apiKeys/${"0".repeat(24)}`));
    expectConforms("PATCH", `${ORG}/apiKeys/{apiUserId}`, await api.patch(`${o}/apiKeys/${emu.apiKeyId}`, {}));
    expectConforms(
      "GET",
      `${ORG}/apiKeys`,
      await new DigestClient(emu.url, emu.publicKey, "wrong").get(`${o}/apiKeys`),
    );
    const key = (await api.post(`${o}/apiKeys`, { desc: "dup", roles: ["ORG_MEMBER"] })).json;
    await api.post(`${o}/apiKeys/${key.id}/accessList`, [{ ipAddress: "192.0.2.9" }]);
    expectConforms(
      "POST",
      `${ORG}/apiKeys/{apiUserId}/accessList`,
      await api.post(`${o}/apiKeys/${key.id}/accessList`, [{ ipAddress: "192.0.2.9" }]),
    );
  });
});
