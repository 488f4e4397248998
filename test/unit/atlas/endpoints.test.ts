import { expect } from "chai";
import { API_PREFIX, ATLAS_MEDIA_TYPE, endpoints, requestTarget } from "../../../provider/atlas";

const ORG = "5f1a2b3c4d5e6f7a8b9c0d1e";
const GROUP = "6a1a2b3c4d5e6f7a8b9c0d1e";
const KEY = "6c1a2b3c4d5e6f7a8b9c0d1e";
const PAGE = { itemsPerPage: 500, pageNum: 2 };

describe("atlas endpoints", () => {
  it("uses the versioned media type", () => {
    expect(ATLAS_MEDIA_TYPE).to.equal("application/vnd.atlas.2023-01-01+json");
  });

  it("builds every operation's method, path and retry rule", () => {
    const table: Array<[ReturnType<(typeof endpoints)[keyof typeof endpoints]>, string, string, string]> = [
      [endpoints.listOrgApiKeys(ORG, PAGE), "GET", `/orgs/${ORG}/apiKeys`, "idempotent"],
      [endpoints.createOrgApiKey(ORG), "POST", `/orgs/${ORG}/apiKeys`, "createsKey"],
      [endpoints.getOrgApiKey(ORG, KEY), "GET", `/orgs/${ORG}/apiKeys/${KEY}`, "idempotent"],
      [endpoints.updateOrgApiKey(ORG, KEY), "PATCH", `/orgs/${ORG}/apiKeys/${KEY}`, "idempotent"],
      [endpoints.deleteOrgApiKey(ORG, KEY), "DELETE", `/orgs/${ORG}/apiKeys/${KEY}`, "idempotent"],
      [
        endpoints.listOrgApiKeyAccessListEntries(ORG, KEY, PAGE),
        "GET",
        `/orgs/${ORG}/apiKeys/${KEY}/accessList`,
        "idempotent",
      ],
      [
        endpoints.createOrgApiKeyAccessListEntry(ORG, KEY),
        "POST",
        `/orgs/${ORG}/apiKeys/${KEY}/accessList`,
        "idempotent",
      ],
      [
        endpoints.getOrgApiKeyAccessListEntry(ORG, KEY, "10.0.0.1"),
        "GET",
        `/orgs/${ORG}/apiKeys/${KEY}/accessList/10.0.0.1`,
        "idempotent",
      ],
      [
        endpoints.deleteOrgApiKeyAccessListEntry(ORG, KEY, "10.0.0.0/24"),
        "DELETE",
        `/orgs/${ORG}/apiKeys/${KEY}/accessList/10.0.0.0%2F24`,
        "idempotent",
      ],
      [endpoints.listGroupApiKeys(GROUP, PAGE), "GET", `/groups/${GROUP}/apiKeys`, "idempotent"],
      [endpoints.createGroupApiKey(GROUP), "POST", `/groups/${GROUP}/apiKeys`, "createsKey"],
      [endpoints.addGroupApiKey(GROUP, KEY), "POST", `/groups/${GROUP}/apiKeys/${KEY}`, "idempotent"],
      [endpoints.updateGroupApiKeyRoles(GROUP, KEY), "PATCH", `/groups/${GROUP}/apiKeys/${KEY}`, "idempotent"],
      [endpoints.removeGroupApiKey(GROUP, KEY), "DELETE", `/groups/${GROUP}/apiKeys/${KEY}`, "idempotent"],
      [endpoints.getOrg(ORG), "GET", `/orgs/${ORG}`, "idempotent"],
      [endpoints.getGroup(GROUP), "GET", `/groups/${GROUP}`, "idempotent"],
    ];
    for (const [endpoint, method, path, rule] of table) {
      expect({ method: endpoint.method, path: endpoint.path, rule: endpoint.retryRule }).to.deep.equal({
        method,
        path: API_PREFIX + path,
        rule,
      });
    }
  });

  it("adds page parameters to lists only", () => {
    expect(requestTarget(endpoints.listOrgApiKeys(ORG, PAGE))).to.equal(
      `${API_PREFIX}/orgs/${ORG}/apiKeys?itemsPerPage=500&pageNum=2`,
    );
    expect(requestTarget(endpoints.getOrg(ORG))).to.equal(`${API_PREFIX}/orgs/${ORG}`);
  });

  it("URL-encodes path segments so an id cannot change the path", () => {
    expect(endpoints.getOrgApiKeyAccessListEntry(ORG, KEY, "2001:db8::/32").path).to.match(
      /accessList\/2001%3Adb8%3A%3A%2F32$/,
    );
    expect(endpoints.getOrg("../groups/x").path).to.equal(`${API_PREFIX}/orgs/..%2Fgroups%2Fx`);
    expect(endpoints.getOrg("a b?c#d").path).to.equal(`${API_PREFIX}/orgs/a%20b%3Fc%23d`);
  });

  it("refuses empty and dot-segment ids", () => {
    expect(() => endpoints.getOrg("")).to.throw(TypeError);
    expect(() => endpoints.getOrg("..")).to.throw(TypeError);
  });
});
