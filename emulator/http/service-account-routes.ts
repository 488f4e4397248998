import type { Access } from "../auth/authorize";
import type { BucketKind } from "../limits/rate-limit";
import type { AtlasModel } from "../model/model";
import { getSettings, updateSettings } from "../model/organizations";
import type { Scope } from "../model/roles";
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
 * The two places the API reaches service accounts from. Most operations exist in both, with the
 * same rules, named `<verb>OrgServiceAccount…` or `<verb>GroupServiceAccount…`; reading needs
 * `read` there, changing needs `owner`, and each place has its own rate-limit bucket.
 */
interface AccountsAt {
  name: "Org" | "Group";
  /** The collection path; one account is `${path}/{clientId}`. */
  path: string;
  read: Access;
  owner: Access;
  bucket: BucketKind;
  scope(r: RouteRequest): Scope;
}

const IN_ORG: AccountsAt = {
  name: "Org",
  path: `${ORG}/serviceAccounts`,
  read: "orgReadOnly",
  owner: "orgOwner",
  bucket: "orgServiceAccounts",
  scope: (r) => ({ orgId: r.params.orgId }),
};

const IN_GROUP: AccountsAt = {
  name: "Group",
  path: GROUP_SA,
  read: "projectRead",
  owner: "projectOwner",
  bucket: "groupServiceAccounts",
  scope: (r) => ({ groupId: r.params.groupId }),
};

/**
 * The service-account operations (organization, project assignment, secrets, access list) and the
 * organization settings that bound secret lifetimes. Access from the spec's
 * `x-rolesRequirements`; buckets: emulator choice (no published figures).
 */
export function serviceAccountRoutes(model: AtlasModel): RouteDef[] {
  const sa = model.serviceAccounts;
  const group = (r: RouteRequest) => [r.params.groupId, r.params.clientId] as const;
  const routes: RouteDef[] = [
    ...routesAt(model, IN_ORG),
    op("DELETE", ORG_SA, "deleteOrgServiceAccount", "orgOwner", "orgServiceAccounts", (r) => {
      sa.delete(r.params.orgId, r.params.clientId);
      return noContent();
    }),
    op("GET", `${ORG_SA}/groups`, "getOrgServiceAccountGroups", "orgReadOnly", "orgServiceAccounts", (r) =>
      ok(paginate(sa.projectsOf(r.params.orgId, r.params.clientId), (x) => x, r.query, r.selfUrl)),
    ),

    // Service accounts in projects (a project service account is an ORG_MEMBER account assigned there)
    ...routesAt(model, IN_GROUP),
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
      (r) => ok(serviceAccountView(sa.invite(...group(r), r.body as never), r.params.groupId)),
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

/**
 * The operations that exist both for the organization's accounts and for a project's: list,
 * create, get, update, secrets and access list. Accounts render with the roles of the place
 * (`r.params.groupId` is undefined in organization paths).
 */
function routesAt(model: AtlasModel, at: AccountsAt): RouteDef[] {
  const sa = model.serviceAccounts;
  const one = `${at.path}/{clientId}`;
  const account = (r: RouteRequest) => [at.scope(r), r.params.clientId] as const;
  const page = <T>(r: RouteRequest, items: readonly T[], render: (item: T) => unknown) =>
    ok(paginate(items, render, r.query, r.selfUrl));
  const entries = (r: RouteRequest) => page(r, sa.accessList(...account(r)), serviceAccountEntryView);
  const id = (verb: string, object = "") => `${verb}${at.name}ServiceAccount${object}`;
  return [
    op("GET", at.path, id("list", "s"), at.read, at.bucket, (r) =>
      page(r, sa.list(at.scope(r)), (x) => serviceAccountView(x, r.params.groupId)),
    ),
    op("POST", at.path, id("create"), at.owner, at.bucket, (r) => {
      const fresh = sa.create(at.scope(r), r.body as never);
      return created(serviceAccountView(fresh, r.params.groupId, fresh.secrets[0]?.id));
    }),
    op("GET", one, id("get"), at.read, at.bucket, (r) =>
      ok(serviceAccountView(sa.get(...account(r)), r.params.groupId)),
    ),
    op("PATCH", one, id("update"), at.owner, at.bucket, (r) =>
      ok(serviceAccountView(sa.update(...account(r), r.body as never), r.params.groupId)),
    ),
    op("POST", `${one}/secrets`, id("create", "Secret"), at.owner, at.bucket, (r) =>
      created(secretView(sa.createSecret(...account(r), r.body as never), true)),
    ),
    op("DELETE", `${one}/secrets/{secretId}`, id("delete", "Secret"), at.owner, at.bucket, (r) => {
      sa.deleteSecret(...account(r), r.params.secretId);
      return noContent();
    }),
    op("GET", `${one}/accessList`, id("list", "AccessList"), at.read, at.bucket, entries),
    op("POST", `${one}/accessList`, id("create", "AccessList"), at.owner, at.bucket, (r) => {
      sa.addAccessListEntries(...account(r), r.body as never);
      return entries(r);
    }),
    op("DELETE", `${one}/accessList/{ipAddress}`, id("delete", "AccessListEntry"), at.owner, at.bucket, (r) => {
      const caller = { clientId: r.principal.kind === "serviceAccount" ? r.principal.id : undefined, ip: r.clientIp };
      sa.deleteAccessListEntry(...account(r), r.params.ipAddress, caller);
      return noContent();
    }),
  ];
}
