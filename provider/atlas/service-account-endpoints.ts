/**
 * Pure builders for the service-account operations (organization accounts,
 * their secrets, project assignments and access lists), named after the
 * spec's operationIds (`atlas-service-accounts.openapi.json`). Kept apart
 * from `endpoints.ts` because these operations speak another API version.
 */
import { API_PREFIX, segment, type Endpoint, type PageQuery, type RetryRule } from "./endpoints";

/**
 * The only version the spec declares for service accounts (since 2025-03-18):
 * sent as Accept and Content-Type instead of the API keys' 2023-01-01.
 */
export const SERVICE_ACCOUNT_MEDIA_TYPE = "application/vnd.atlas.2024-08-05+json";

/** An endpoint carrying its own media type. */
export interface VersionedEndpoint extends Endpoint {
  mediaType: string;
}

function build(
  method: Endpoint["method"],
  parts: Array<string | { id: string }>,
  options: { retryRule?: RetryRule; page?: PageQuery; suffix?: string } = {},
): VersionedEndpoint {
  const path =
    API_PREFIX + parts.map((p) => "/" + (typeof p === "string" ? p : segment(p.id))).join("") + (options.suffix ?? "");
  const query: Endpoint["query"] = options.page
    ? { itemsPerPage: options.page.itemsPerPage, pageNum: options.page.pageNum }
    : {};
  return {
    method,
    path,
    query,
    retryRule: options.retryRule ?? "idempotent",
    paginated: Boolean(options.page),
    mediaType: SERVICE_ACCOUNT_MEDIA_TYPE,
  };
}

const account = (orgId: string, clientId: string) => ["orgs", { id: orgId }, "serviceAccounts", { id: clientId }];
const assignment = (groupId: string, clientId: string) => [
  "groups",
  { id: groupId },
  "serviceAccounts",
  { id: clientId },
];

/** Route table of the service-account operations. */
export const serviceAccountEndpoints = {
  listOrgServiceAccounts: (orgId: string, page: PageQuery) =>
    build("GET", ["orgs", { id: orgId }, "serviceAccounts"], { page }),
  /** Creates an account and (unless asked not to) its first secret: never resent once it may have been processed. */
  createOrgServiceAccount: (orgId: string) =>
    build("POST", ["orgs", { id: orgId }, "serviceAccounts"], { retryRule: "createsKey" }),
  getOrgServiceAccount: (orgId: string, clientId: string) => build("GET", account(orgId, clientId)),
  updateOrgServiceAccount: (orgId: string, clientId: string) => build("PATCH", account(orgId, clientId)),
  deleteOrgServiceAccount: (orgId: string, clientId: string) => build("DELETE", account(orgId, clientId)),

  /** A resend could make a second secret (and Atlas keeps at most two): never resent once it may have been processed. */
  createOrgServiceAccountSecret: (orgId: string, clientId: string) =>
    build("POST", [...account(orgId, clientId), "secrets"], { retryRule: "createsKey" }),
  deleteOrgServiceAccountSecret: (orgId: string, clientId: string, secretId: string) =>
    build("DELETE", [...account(orgId, clientId), "secrets", { id: secretId }]),

  getOrgServiceAccountGroups: (orgId: string, clientId: string, page: PageQuery) =>
    build("GET", [...account(orgId, clientId), "groups"], { page }),

  listOrgServiceAccountAccessList: (orgId: string, clientId: string, page: PageQuery) =>
    build("GET", [...account(orgId, clientId), "accessList"], { page }),
  /** Safe to resend: a duplicate entry answers 409, which the resource layer adopts. */
  createOrgServiceAccountAccessList: (orgId: string, clientId: string) =>
    build("POST", [...account(orgId, clientId), "accessList"]),
  /** A CIDR block goes in the path with its `/` as `%2F`, as the spec's example `192.0.2.0%2F24`. */
  deleteOrgServiceAccountAccessListEntry: (orgId: string, clientId: string, entry: string) =>
    build("DELETE", [...account(orgId, clientId), "accessList", { id: entry }]),

  /** Assigns an existing account to a project; assigning again sets the same roles, so it may be resent. */
  inviteGroupServiceAccount: (groupId: string, clientId: string) =>
    build("POST", ["groups", { id: groupId }, "serviceAccounts"], { suffix: `/${segment(clientId)}:invite` }),
  getGroupServiceAccount: (groupId: string, clientId: string) => build("GET", assignment(groupId, clientId)),
  updateGroupServiceAccount: (groupId: string, clientId: string) => build("PATCH", assignment(groupId, clientId)),
  /** Unassigns only: the account, its secrets and its other projects stay. */
  deleteGroupServiceAccount: (groupId: string, clientId: string) => build("DELETE", assignment(groupId, clientId)),
  listGroupServiceAccounts: (groupId: string, page: PageQuery) =>
    build("GET", ["groups", { id: groupId }, "serviceAccounts"], { page }),
} as const;
