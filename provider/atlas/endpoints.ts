/**
 * Pure builders for every Atlas operation the client uses: ids in, method +
 * path + query + retry rule out. No I/O, so the whole route table can be read
 * (and tested) like the API reference. Paths follow the official spec
 * (`atlas-apikeys.openapi.json`).
 */

/**
 * Versioned media type of request bodies and 2xx responses. Atlas picks the
 * API version from it; without it the response shape may change under us.
 */
export const ATLAS_MEDIA_TYPE = "application/vnd.atlas.2023-01-01+json";

/** Prefix of every Administration API v2 path. */
export const API_PREFIX = "/api/atlas/v2";

/** Service-account token endpoint (OAuth 2.0 client credentials). */
export const OAUTH_TOKEN_PATH = "/api/oauth/token";

/**
 * Whether resending the request after an ambiguous failure is harmless.
 * `createsKey`: Atlas has no idempotency token, so a resent create after the
 * first one may have been processed makes a second live key (or service
 * account, or service-account secret).
 */
export type RetryRule = "idempotent" | "createsKey";

/** One request, before authentication and transport. */
export interface Endpoint {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Path with every segment already URL-encoded. */
  path: string;
  /** Query parameters (values not yet encoded). */
  query: Record<string, string | number | boolean>;
  retryRule: RetryRule;
  /** True for list operations: the client follows `pageNum` until the last page. */
  paginated?: boolean;
}

/** Query of one page of a list: the maximum page size keeps the number of calls down. */
export interface PageQuery {
  itemsPerPage: number;
  pageNum: number;
}

/** Encodes one path segment: `10.0.0.0/24` becomes `10.0.0.0%2F24`. */
export function segment(value: string): string {
  // "." and ".." would be removed by URL normalisation (even as %2E), changing the path.
  if (typeof value !== "string" || value.length === 0 || value === "." || value === "..") {
    throw new TypeError(
      `Path parameter must be a non-empty string other than "." and "..", got ${JSON.stringify(value)}`,
    );
  }
  return encodeURIComponent(value);
}

function build(
  method: Endpoint["method"],
  parts: Array<string | { id: string }>,
  options: { retryRule?: RetryRule; page?: PageQuery } = {},
): Endpoint {
  const path = API_PREFIX + parts.map((p) => "/" + (typeof p === "string" ? p : segment(p.id))).join("");
  const query: Endpoint["query"] = options.page
    ? { itemsPerPage: options.page.itemsPerPage, pageNum: options.page.pageNum }
    : {};
  return { method, path, query, retryRule: options.retryRule ?? "idempotent", paginated: Boolean(options.page) };
}

/** Route table: one builder per operation, named after the spec's operationId. */
export const endpoints = {
  listOrgApiKeys: (orgId: string, page: PageQuery) => build("GET", ["orgs", { id: orgId }, "apiKeys"], { page }),
  createOrgApiKey: (orgId: string) => build("POST", ["orgs", { id: orgId }, "apiKeys"], { retryRule: "createsKey" }),
  getOrgApiKey: (orgId: string, apiKeyId: string) => build("GET", ["orgs", { id: orgId }, "apiKeys", { id: apiKeyId }]),
  updateOrgApiKey: (orgId: string, apiKeyId: string) =>
    build("PATCH", ["orgs", { id: orgId }, "apiKeys", { id: apiKeyId }]),
  deleteOrgApiKey: (orgId: string, apiKeyId: string) =>
    build("DELETE", ["orgs", { id: orgId }, "apiKeys", { id: apiKeyId }]),

  listOrgApiKeyAccessListEntries: (orgId: string, apiKeyId: string, page: PageQuery) =>
    build("GET", ["orgs", { id: orgId }, "apiKeys", { id: apiKeyId }, "accessList"], { page }),
  /**
   * Safe to resend: a duplicate entry answers 409, which the resource layer
   * adopts as "already there".
   */
  createOrgApiKeyAccessListEntry: (orgId: string, apiKeyId: string) =>
    build("POST", ["orgs", { id: orgId }, "apiKeys", { id: apiKeyId }, "accessList"]),
  getOrgApiKeyAccessListEntry: (orgId: string, apiKeyId: string, entry: string) =>
    build("GET", ["orgs", { id: orgId }, "apiKeys", { id: apiKeyId }, "accessList", { id: entry }]),
  deleteOrgApiKeyAccessListEntry: (orgId: string, apiKeyId: string, entry: string) =>
    build("DELETE", ["orgs", { id: orgId }, "apiKeys", { id: apiKeyId }, "accessList", { id: entry }]),

  listGroupApiKeys: (groupId: string, page: PageQuery) =>
    build("GET", ["groups", { id: groupId }, "apiKeys"], { page }),
  createGroupApiKey: (groupId: string) =>
    build("POST", ["groups", { id: groupId }, "apiKeys"], { retryRule: "createsKey" }),
  /** Assigning twice is harmless (`API_KEY_ALREADY_IN_GROUP`), so it may be resent. */
  addGroupApiKey: (groupId: string, apiKeyId: string) =>
    build("POST", ["groups", { id: groupId }, "apiKeys", { id: apiKeyId }]),
  updateGroupApiKeyRoles: (groupId: string, apiKeyId: string) =>
    build("PATCH", ["groups", { id: groupId }, "apiKeys", { id: apiKeyId }]),
  removeGroupApiKey: (groupId: string, apiKeyId: string) =>
    build("DELETE", ["groups", { id: groupId }, "apiKeys", { id: apiKeyId }]),

  getOrg: (orgId: string) => build("GET", ["orgs", { id: orgId }]),
  getGroup: (groupId: string) => build("GET", ["groups", { id: groupId }]),
} as const;

/** Path plus encoded query string: the HTTP request target (and the digest `uri`). */
export function requestTarget(endpoint: Pick<Endpoint, "path" | "query">): string {
  const pairs = Object.entries(endpoint.query).map(
    ([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`,
  );
  return pairs.length > 0 ? `${endpoint.path}?${pairs.join("&")}` : endpoint.path;
}
