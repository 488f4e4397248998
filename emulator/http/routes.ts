import { paginate } from "./query";
import { noContent, ok } from "./respond";
import { op, type RouteDef, type RouteRequest } from "./router";
import { accessListEntryView, apiKeyView, groupView, organizationView } from "./views";
import type { AtlasModel } from "../model/model";

const ORG = "/api/atlas/v2/orgs/{orgId}";
const ORG_KEY = `${ORG}/apiKeys/{apiUserId}`;
const GROUP = "/api/atlas/v2/groups/{groupId}";

/**
 * Every Admin API operation the emulator serves, in the order of the API reference: method, path,
 * operation id, required access (spec `x-rolesRequirements`), rate-limit bucket, handler.
 * Handlers only translate: they call the model and render its records; the pipeline does the rest.
 * Bodies are handed over as parsed JSON (`as never`): the model checks their shape at run time,
 * which is where Atlas's 400s for malformed bodies come from.
 */
export function atlasRoutes(model: AtlasModel): RouteDef[] {
  const key = (r: RouteRequest) => (k: Parameters<typeof apiKeyView>[0]) => apiKeyView(k, r.baseUrl);
  const accessList = (r: RouteRequest) => {
    const owner = model.getOrgKey(r.params.orgId, r.params.apiUserId);
    return paginate(owner.accessList, (e) => accessListEntryView(e, owner, r.baseUrl), r.query, r.selfUrl);
  };
  return [
    // Organizations and projects
    op("GET", ORG, "getOrg", "orgMember", "org", (r) => ok(organizationView(model.getOrg(r.params.orgId), r.baseUrl))),
    op("GET", GROUP, "getGroup", "projectRead", "group", (r) =>
      ok(groupView(model.getProject(r.params.groupId), r.baseUrl)),
    ),

    // Organization API keys
    op("GET", `${ORG}/apiKeys`, "listOrgApiKeys", "orgMember", "orgApiKeys", (r) =>
      ok(paginate(model.listOrgKeys(r.params.orgId), key(r), r.query, r.selfUrl)),
    ),
    op("POST", `${ORG}/apiKeys`, "createOrgApiKey", "orgOwner", "orgApiKeys", (r) =>
      ok(apiKeyView(model.createOrgKey(r.params.orgId, r.body as never), r.baseUrl, true)),
    ),
    op("GET", ORG_KEY, "getOrgApiKey", "orgMember", "orgApiKeys", (r) =>
      ok(apiKeyView(model.getOrgKey(r.params.orgId, r.params.apiUserId), r.baseUrl)),
    ),
    op("PATCH", ORG_KEY, "updateOrgApiKey", "orgOwner", "orgApiKeys", (r) =>
      ok(apiKeyView(model.updateOrgKey(r.params.orgId, r.params.apiUserId, r.body as never), r.baseUrl)),
    ),
    op("DELETE", ORG_KEY, "deleteOrgApiKey", "orgOwner", "orgApiKeys", (r) => {
      model.deleteOrgKey(r.params.orgId, r.params.apiUserId);
      return noContent();
    }),

    // Access lists of organization API keys (same rate-limit bucket as the keys)
    op("GET", `${ORG_KEY}/accessList`, "listOrgApiKeyAccessListEntries", "accessListRead", "orgApiKeys", (r) =>
      ok(accessList(r)),
    ),
    op("POST", `${ORG_KEY}/accessList`, "createOrgApiKeyAccessListEntry", "orgOwner", "orgApiKeys", (r) => {
      model.addAccessListEntries(r.params.orgId, r.params.apiUserId, r.body as never);
      return ok(accessList(r));
    }),
    op(
      "GET",
      `${ORG_KEY}/accessList/{ipAddress}`,
      "getOrgApiKeyAccessListEntry",
      "accessListRead",
      "orgApiKeys",
      (r) => {
        const owner = model.getOrgKey(r.params.orgId, r.params.apiUserId);
        return ok(
          accessListEntryView(
            model.getAccessListEntry(r.params.orgId, r.params.apiUserId, r.params.ipAddress),
            owner,
            r.baseUrl,
          ),
        );
      },
    ),
    op(
      "DELETE",
      `${ORG_KEY}/accessList/{ipAddress}`,
      "deleteOrgApiKeyAccessListEntry",
      "orgOwner",
      "orgApiKeys",
      (r) => {
        const caller = { apiKeyId: r.principal.kind === "apiKey" ? r.principal.id : undefined, ip: r.clientIp };
        model.deleteAccessListEntry(r.params.orgId, r.params.apiUserId, r.params.ipAddress, caller);
        return noContent();
      },
    ),

    // Project API keys (assignments of organization keys to a project)
    op("GET", `${GROUP}/apiKeys`, "listGroupApiKeys", "projectRead", "groupApiKeys", (r) =>
      ok(paginate(model.listProjectKeys(r.params.groupId), key(r), r.query, r.selfUrl)),
    ),
    op("POST", `${GROUP}/apiKeys`, "createGroupApiKey", "projectOwner", "groupApiKeys", (r) =>
      ok(apiKeyView(model.createProjectKey(r.params.groupId, r.body as never), r.baseUrl, true)),
    ),
    op("POST", `${GROUP}/apiKeys/{apiUserId}`, "addGroupApiKey", "projectOwner", "groupApiKeys", (r) => {
      model.assignKey(r.params.groupId, r.params.apiUserId, r.body as never);
      return noContent();
    }),
    op("PATCH", `${GROUP}/apiKeys/{apiUserId}`, "updateGroupApiKeyRoles", "projectOwner", "groupApiKeys", (r) =>
      ok(apiKeyView(model.updateProjectKey(r.params.groupId, r.params.apiUserId, r.body as never), r.baseUrl)),
    ),
    op("DELETE", `${GROUP}/apiKeys/{apiUserId}`, "removeGroupApiKey", "projectOwner", "groupApiKeys", (r) => {
      model.unassignKey(r.params.groupId, r.params.apiUserId);
      return noContent();
    }),
  ];
}
