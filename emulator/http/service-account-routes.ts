import type { AtlasModel } from "../model/model";
import { getSettings, updateSettings } from "../model/organizations";
import { paginate } from "./query";
import { created, noContent, ok } from "./respond";
import { op, type RouteDef, type RouteRequest } from "./router";
import { secretView, serviceAccountEntryView, serviceAccountView } from "./service-account-views";

const ORG = "/api/atlas/v2/orgs/{orgId}";
const ORG_SA = `${ORG}/serviceAccounts/{clientId}`;
const GROUP_SA = "/api/atlas/v2/groups/{groupId}/serviceAccounts";
/** Resource version of every service-account operation (shared/reference/atlas-service-accounts.md §1). */
const SA_VERSION = "2024-08-05";

/**
 * The service-account operations (organization, project assignment, secrets, access list) and the
 * organization settings that bound secret lifetimes, in the order of the API reference. Access
 * from the spec's `x-rolesRequirements`; buckets: emulator choice (no published figures).
 */
export function serviceAccountRoutes(model: AtlasModel): RouteDef[] {
  const sa = model.serviceAccounts;
  const page = <T>(r: RouteRequest, items: readonly T[], render: (item: T) => unknown) =>
    ok(paginate(items, render, r.query, r.selfUrl));
  const entries = (r: RouteRequest) =>
    page(r, sa.accessList(r.params.orgId, r.params.clientId), serviceAccountEntryView);
  const groupEntries = (r: RouteRequest) =>
    page(r, sa.accessListInProject(r.params.groupId, r.params.clientId), serviceAccountEntryView);
  const callerOf = (r: RouteRequest) => ({
    clientId: r.principal.kind === "serviceAccount" ? r.principal.id : undefined,
    ip: r.clientIp,
  });
  const org = (r: RouteRequest) => [r.params.orgId, r.params.clientId] as const;
  const group = (r: RouteRequest) => [r.params.groupId, r.params.clientId] as const;
  const inGroup = (r: RouteRequest) => (x: Parameters<typeof serviceAccountView>[0]) =>
    serviceAccountView(x, r.params.groupId);
  const routes: RouteDef[] = [
    // Organization service accounts
    op("GET", `${ORG}/serviceAccounts`, "listOrgServiceAccounts", "orgReadOnly", "orgServiceAccounts", (r) =>
      page(r, sa.list(r.params.orgId), (x) => serviceAccountView(x)),
    ),
    op("POST", `${ORG}/serviceAccounts`, "createOrgServiceAccount", "orgOwner", "orgServiceAccounts", (r) => {
      const account = sa.create(r.params.orgId, r.body as never);
      return created(serviceAccountView(account, undefined, account.secrets[0]?.id));
    }),
    op("GET", ORG_SA, "getOrgServiceAccount", "orgReadOnly", "orgServiceAccounts", (r) =>
      ok(serviceAccountView(sa.get(...org(r)))),
    ),
    op("PATCH", ORG_SA, "updateOrgServiceAccount", "orgOwner", "orgServiceAccounts", (r) =>
      ok(serviceAccountView(sa.update(...org(r), r.body as never))),
    ),
    op("DELETE", ORG_SA, "deleteOrgServiceAccount", "orgOwner", "orgServiceAccounts", (r) => {
      sa.delete(...org(r));
      return noContent();
    }),
    op("GET", `${ORG_SA}/accessList`, "listOrgServiceAccountAccessList", "orgReadOnly", "orgServiceAccounts", entries),
    op("POST", `${ORG_SA}/accessList`, "createOrgServiceAccountAccessList", "orgOwner", "orgServiceAccounts", (r) => {
      sa.addAccessListEntries(...org(r), r.body as never);
      return entries(r);
    }),
    op(
      "DELETE",
      `${ORG_SA}/accessList/{ipAddress}`,
      "deleteOrgServiceAccountAccessListEntry",
      "orgOwner",
      "orgServiceAccounts",
      (r) => {
        sa.deleteAccessListEntry(...org(r), r.params.ipAddress, callerOf(r));
        return noContent();
      },
    ),
    op("GET", `${ORG_SA}/groups`, "getOrgServiceAccountGroups", "orgReadOnly", "orgServiceAccounts", (r) =>
      page(r, sa.projectsOf(...org(r)), (x) => x),
    ),
    op("POST", `${ORG_SA}/secrets`, "createOrgServiceAccountSecret", "orgOwner", "orgServiceAccounts", (r) =>
      created(secretView(sa.createSecret(...org(r), r.body as never), true)),
    ),
    op(
      "DELETE",
      `${ORG_SA}/secrets/{secretId}`,
      "deleteOrgServiceAccountSecret",
      "orgOwner",
      "orgServiceAccounts",
      (r) => {
        sa.deleteSecret(...org(r), r.params.secretId);
        return noContent();
      },
    ),

    // Service accounts in projects (a project service account is an ORG_MEMBER account assigned there)
    op("POST", GROUP_SA, "createGroupServiceAccount", "projectOwner", "groupServiceAccounts", (r) => {
      const account = sa.createInProject(r.params.groupId, r.body as never);
      return created(serviceAccountView(account, r.params.groupId, account.secrets[0]?.id));
    }),
    op(
      "POST",
      `${GROUP_SA}/{clientId}/secrets`,
      "createGroupServiceAccountSecret",
      "projectOwner",
      "groupServiceAccounts",
      (r) => created(secretView(sa.createSecretInProject(...group(r), r.body as never), true)),
    ),
    op(
      "DELETE",
      `${GROUP_SA}/{clientId}/secrets/{secretId}`,
      "deleteGroupServiceAccountSecret",
      "projectOwner",
      "groupServiceAccounts",
      (r) => {
        sa.deleteSecretInProject(...group(r), r.params.secretId);
        return noContent();
      },
    ),
    op(
      "GET",
      `${GROUP_SA}/{clientId}/accessList`,
      "listGroupServiceAccountAccessList",
      "projectRead",
      "groupServiceAccounts",
      groupEntries,
    ),
    op(
      "POST",
      `${GROUP_SA}/{clientId}/accessList`,
      "createGroupServiceAccountAccessList",
      "projectOwner",
      "groupServiceAccounts",
      (r) => {
        sa.addAccessListEntriesInProject(...group(r), r.body as never);
        return groupEntries(r);
      },
    ),
    op(
      "DELETE",
      `${GROUP_SA}/{clientId}/accessList/{ipAddress}`,
      "deleteGroupServiceAccountAccessListEntry",
      "projectOwner",
      "groupServiceAccounts",
      (r) => {
        sa.deleteAccessListEntryInProject(...group(r), r.params.ipAddress, callerOf(r));
        return noContent();
      },
    ),
    op("GET", GROUP_SA, "listGroupServiceAccounts", "projectRead", "groupServiceAccounts", (r) =>
      page(r, sa.listInProject(r.params.groupId), inGroup(r)),
    ),
    op("GET", `${GROUP_SA}/{clientId}`, "getGroupServiceAccount", "projectRead", "groupServiceAccounts", (r) =>
      ok(inGroup(r)(sa.getInProject(...group(r)))),
    ),
    op("PATCH", `${GROUP_SA}/{clientId}`, "updateGroupServiceAccount", "projectOwner", "groupServiceAccounts", (r) =>
      ok(inGroup(r)(sa.updateInProject(...group(r), r.body as never))),
    ),
    op("DELETE", `${GROUP_SA}/{clientId}`, "deleteGroupServiceAccount", "projectOwner", "groupServiceAccounts", (r) => {
      sa.removeFromProject(...group(r));
      return noContent();
    }),
    op(
      "POST",
      `${GROUP_SA}/{clientId}:invite`,
      "inviteGroupServiceAccount",
      "projectOrgOwner",
      "groupServiceAccounts",
      (r) => ok(inGroup(r)(sa.invite(...group(r), r.body as never))),
    ),
  ];
  const settings: RouteDef[] = [
    op("GET", `${ORG}/settings`, "getOrgSettings", "orgMember", "org", (r) =>
      ok(getSettings(model.ctx, r.params.orgId)),
    ),
    op("PATCH", `${ORG}/settings`, "updateOrgSettings", "orgOwner", "org", (r) =>
      ok(updateSettings(model.ctx, r.params.orgId, r.body as never)),
    ),
  ];
  return [...routes.map((r) => ({ ...r, version: SA_VERSION })), ...settings];
}
