/*
 * Layers of a call, outermost first; a request goes down, its response comes back up:
 *   1. endpoint  (endpoints.ts)       operation -> method, path, query, retry rule; pages followed here
 *   2. auth      (digest-session.ts   digest: nonce reused with increasing nc, one re-challenge on 401;
 *                 | oauth.ts           bearer: cached token, one refresh on 401;
 *                 | access-token.ts)   bearer: the configured token as given.
 *                                      Hands the retry layer a function signing each attempt afresh.
 *   3. retry     (retrying-sender.ts  throttled/transient failures resent with full-jitter backoff;
 *                 + retry.ts)          a key-creating POST never resent once it may have been processed
 *   4. pacing    (paced-exchange.ts   every attempt takes a token of its rate-limit bucket first, waiting
 *                 + pacer.ts           when the bucket learnt from earlier answers is empty; each answer
 *                 + rate-limit-signals.ts)  updates that bucket. One pacer per client, so per process.
 *   5. transport (transport.ts)       axios, timeouts, keep-alive; never throws, never judges a status
 * The final response becomes a value or an AtlasApiError in response.ts.
 */
import { parseBaseUrl } from "./base-url";
import { DigestSession } from "./digest-session";
import { endpoints, OAUTH_TOKEN_PATH, requestTarget, type Endpoint, type PageQuery } from "./endpoints";
import { OAuthSession } from "./oauth";
import { AccessTokenAuth } from "./access-token";
import { errorFromResponse, parseSuccessBody } from "./response";
import { checkCredentials, checkItemsPerPage, mergeRetryOptions, type AtlasClientOptions } from "./client-options";
import { withPacing } from "./paced-exchange";
import { RetryingSender, type OutgoingRequest, type RetryResult } from "./retrying-sender";
import { newStats, type AtlasClientStats, type StatsCounters } from "./stats";
import { Transport } from "./transport";
import { serviceAccountEndpoints as sa, type VersionedEndpoint } from "./service-account-endpoints";
import type {
  CreateServiceAccountBody,
  CreateServiceAccountSecretBody,
  ProjectServiceAccountDetails,
  ServiceAccountAccessListEntryDetails,
  ServiceAccountDetails,
  ServiceAccountProject,
  ServiceAccountSecretDetails,
  UpdateServiceAccountBody,
} from "./service-account-types";
import type {
  AccessListEntry,
  AccessListRequestEntry,
  ApiKeyDetails,
  AtlasApi,
  CreateApiKeyBody,
  Organization,
  Paginated,
  Project,
  UpdateApiKeyBody,
} from "./types";

import type { AtlasCredentials } from "./client-options";
export type { AtlasClientOptions, AtlasCredentials } from "./client-options";

/** Something that sends an authenticated request: the auth layer. */
interface Authenticator {
  send(request: OutgoingRequest): Promise<RetryResult>;
}

/** A safety net against a server that keeps announcing a next page. */
const MAX_PAGES = 10_000;

/** Client of the Atlas Administration API v2 operations on programmatic API keys and service accounts. */
export class AtlasClient implements AtlasApi {
  /** Origin and path prefix every request goes to. */
  readonly baseUrl: string;
  private readonly pathPrefix: string;
  private readonly transport: Transport;
  private readonly auth: Authenticator;
  private readonly counters: StatsCounters;
  private readonly itemsPerPage: number;
  private readonly authType: AtlasCredentials["type"];
  private readonly onWrite: () => void;

  constructor(options: AtlasClientOptions) {
    this.counters = newStats();
    const base = parseBaseUrl(options.baseUrl);
    this.baseUrl = base.origin + base.pathPrefix;
    this.pathPrefix = base.pathPrefix;
    this.itemsPerPage = checkItemsPerPage(options.itemsPerPage);
    this.onWrite = options.onWrite ?? (() => undefined);
    // Credentials live only in the closures handed to the auth layer, never on an instance,
    // so no dump of the client shows them.
    const credentials = checkCredentials(options.credentials);
    this.authType = credentials.type;
    const retry = mergeRetryOptions(options.retry);
    this.transport = new Transport({
      baseUrl: base,
      userAgent: options.userAgent,
      connectTimeoutMs: options.connectTimeoutMs,
      requestTimeoutMs: options.requestTimeoutMs,
    });
    const exchange = withPacing(this.transport, options.pacing, retry, this.counters, options.log);
    const sender = new RetryingSender(exchange, retry, this.counters, options.log);
    if (credentials.type === "apiKey") {
      this.auth = new DigestSession(
        sender,
        () => ({ username: credentials.publicKey, password: credentials.privateKey }),
        this.counters,
        options.log,
      );
    } else if (credentials.type === "serviceAccount") {
      this.auth = new OAuthSession(
        sender,
        () => ({ clientId: credentials.clientId, clientSecret: credentials.clientSecret }),
        this.counters,
        { tokenTarget: this.pathPrefix + OAUTH_TOKEN_PATH, now: retry.now },
      );
    } else {
      this.auth = new AccessTokenAuth(sender, () => credentials.accessToken);
    }
  }

  /** What `util.inspect` and `console.log` show: no credentials. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `AtlasClient ${JSON.stringify(this.toJSON())}`;
  }

  /** Counters since creation (a frozen copy). */
  get stats(): AtlasClientStats {
    return Object.freeze({ ...this.counters });
  }

  /** Closes pooled connections. The client stays usable (it reconnects). */
  close(): void {
    this.transport.close();
  }

  listOrgApiKeys(orgId: string): Promise<ApiKeyDetails[]> {
    return this.list((page) => endpoints.listOrgApiKeys(orgId, page));
  }
  createOrgApiKey(orgId: string, body: CreateApiKeyBody): Promise<ApiKeyDetails> {
    return this.call(endpoints.createOrgApiKey(orgId), body);
  }
  getOrgApiKey(orgId: string, apiKeyId: string): Promise<ApiKeyDetails> {
    return this.call(endpoints.getOrgApiKey(orgId, apiKeyId));
  }
  updateOrgApiKey(orgId: string, apiKeyId: string, body: UpdateApiKeyBody): Promise<ApiKeyDetails> {
    return this.call(endpoints.updateOrgApiKey(orgId, apiKeyId), body);
  }
  async deleteOrgApiKey(orgId: string, apiKeyId: string): Promise<void> {
    await this.call(endpoints.deleteOrgApiKey(orgId, apiKeyId));
  }

  listAccessListEntries(orgId: string, apiKeyId: string): Promise<AccessListEntry[]> {
    return this.list((page) => endpoints.listOrgApiKeyAccessListEntries(orgId, apiKeyId, page));
  }
  async createAccessListEntries(
    orgId: string,
    apiKeyId: string,
    entries: AccessListRequestEntry[],
  ): Promise<AccessListEntry[]> {
    const endpoint = endpoints.createOrgApiKeyAccessListEntry(orgId, apiKeyId);
    return this.postForList(endpoint, entries, () => this.listAccessListEntries(orgId, apiKeyId));
  }
  getAccessListEntry(orgId: string, apiKeyId: string, entry: string): Promise<AccessListEntry> {
    return this.call(endpoints.getOrgApiKeyAccessListEntry(orgId, apiKeyId, entry));
  }
  async deleteAccessListEntry(orgId: string, apiKeyId: string, entry: string): Promise<void> {
    await this.call(endpoints.deleteOrgApiKeyAccessListEntry(orgId, apiKeyId, entry));
  }

  listProjectApiKeys(projectId: string): Promise<ApiKeyDetails[]> {
    return this.list((page) => endpoints.listGroupApiKeys(projectId, page));
  }
  createProjectApiKey(projectId: string, body: CreateApiKeyBody): Promise<ApiKeyDetails> {
    return this.call(endpoints.createGroupApiKey(projectId), body);
  }
  async assignApiKeyToProject(projectId: string, apiKeyId: string, roles: string[]): Promise<void> {
    await this.call(endpoints.addGroupApiKey(projectId, apiKeyId), [{ roles }]);
  }
  updateProjectApiKey(projectId: string, apiKeyId: string, body: UpdateApiKeyBody): Promise<ApiKeyDetails> {
    return this.call(endpoints.updateGroupApiKeyRoles(projectId, apiKeyId), body);
  }
  async unassignApiKeyFromProject(projectId: string, apiKeyId: string): Promise<void> {
    await this.call(endpoints.removeGroupApiKey(projectId, apiKeyId));
  }

  getOrganization(orgId: string): Promise<Organization> {
    return this.call(endpoints.getOrg(orgId));
  }
  getProject(projectId: string): Promise<Project> {
    return this.call(endpoints.getGroup(projectId));
  }

  listServiceAccounts(orgId: string): Promise<ServiceAccountDetails[]> {
    return this.list((page) => sa.listOrgServiceAccounts(orgId, page));
  }
  createServiceAccount(orgId: string, body: CreateServiceAccountBody): Promise<ServiceAccountDetails> {
    return this.call(sa.createOrgServiceAccount(orgId), body);
  }
  getServiceAccount(orgId: string, clientId: string): Promise<ServiceAccountDetails> {
    return this.call(sa.getOrgServiceAccount(orgId, clientId));
  }
  updateServiceAccount(
    orgId: string,
    clientId: string,
    body: UpdateServiceAccountBody,
  ): Promise<ServiceAccountDetails> {
    return this.call(sa.updateOrgServiceAccount(orgId, clientId), body);
  }
  async deleteServiceAccount(orgId: string, clientId: string): Promise<void> {
    await this.call(sa.deleteOrgServiceAccount(orgId, clientId));
  }
  createServiceAccountSecret(orgId: string, clientId: string, body: CreateServiceAccountSecretBody) {
    return this.call<ServiceAccountSecretDetails>(sa.createOrgServiceAccountSecret(orgId, clientId), body);
  }
  async deleteServiceAccountSecret(orgId: string, clientId: string, secretId: string): Promise<void> {
    await this.call(sa.deleteOrgServiceAccountSecret(orgId, clientId, secretId));
  }
  listServiceAccountProjects(orgId: string, clientId: string): Promise<ServiceAccountProject[]> {
    return this.list((page) => sa.getOrgServiceAccountGroups(orgId, clientId, page));
  }
  assignServiceAccountToProject(projectId: string, clientId: string, roles: string[]) {
    return this.call<ProjectServiceAccountDetails>(sa.inviteGroupServiceAccount(projectId, clientId), { roles });
  }
  getProjectServiceAccount(projectId: string, clientId: string): Promise<ProjectServiceAccountDetails> {
    return this.call(sa.getGroupServiceAccount(projectId, clientId));
  }
  updateProjectServiceAccountRoles(projectId: string, clientId: string, roles: string[]) {
    return this.call<ProjectServiceAccountDetails>(sa.updateGroupServiceAccount(projectId, clientId), { roles });
  }
  async unassignServiceAccountFromProject(projectId: string, clientId: string): Promise<void> {
    await this.call(sa.deleteGroupServiceAccount(projectId, clientId));
  }
  listProjectServiceAccounts(projectId: string): Promise<ProjectServiceAccountDetails[]> {
    return this.list((page) => sa.listGroupServiceAccounts(projectId, page));
  }
  listServiceAccountAccessList(orgId: string, clientId: string): Promise<ServiceAccountAccessListEntryDetails[]> {
    return this.list((page) => sa.listOrgServiceAccountAccessList(orgId, clientId, page));
  }
  async createServiceAccountAccessListEntries(
    orgId: string,
    clientId: string,
    entries: AccessListRequestEntry[],
  ): Promise<ServiceAccountAccessListEntryDetails[]> {
    const endpoint = sa.createOrgServiceAccountAccessList(orgId, clientId);
    return this.postForList(endpoint, entries, () => this.listServiceAccountAccessList(orgId, clientId));
  }
  async deleteServiceAccountAccessListEntry(orgId: string, clientId: string, entry: string): Promise<void> {
    await this.call(sa.deleteOrgServiceAccountAccessListEntry(orgId, clientId, entry));
  }

  /** What `JSON.stringify(client)` shows: no credentials. */
  toJSON(): Record<string, unknown> {
    return { baseUrl: this.baseUrl, credentials: this.authType, stats: this.stats };
  }

  /** Adding access-list entries: Atlas answers with the first page of the whole list; the rest is read with `listAll` when announced. */
  private async postForList<T>(endpoint: Endpoint, body: unknown, listAll: () => Promise<T[]>): Promise<T[]> {
    const page = await this.call<Paginated<T>>(endpoint, body);
    if (page?.links?.some((link) => link.rel === "next")) return listAll();
    return page?.results ?? [];
  }
  /** One API request through the layers; non-2xx becomes an AtlasApiError. */
  private async call<T>(endpoint: Endpoint | VersionedEndpoint, body?: unknown): Promise<T> {
    if (endpoint.method === "GET") return this.send<T>(endpoint, body);
    this.onWrite();
    try {
      return await this.send<T>(endpoint, body);
    } finally {
      this.onWrite();
    }
  }

  private async send<T>(endpoint: Endpoint | VersionedEndpoint, body?: unknown): Promise<T> {
    this.counters.apiCalls++;
    const mediaType = "mediaType" in endpoint ? endpoint.mediaType : undefined;
    const request: OutgoingRequest = {
      method: endpoint.method,
      target: this.pathPrefix + requestTarget(endpoint),
      // Overrides the transport's default media type (service accounts speak another version).
      headers: mediaType
        ? { Accept: mediaType, ...(body === undefined ? {} : { "Content-Type": mediaType }) }
        : undefined,
      body: body === undefined ? undefined : JSON.stringify(body),
      retryRule: endpoint.retryRule,
      // A pooled socket closed under us would make a create ambiguous; a new one cannot be stale.
      freshConnection: endpoint.retryRule === "createsKey",
    };
    const result = await this.auth.send(request);
    const status = result.response.status;
    if (status < 200 || status >= 300 || result.ambiguous) throw errorFromResponse(result, request);
    return parseSuccessBody<T>(result, request);
  }

  /** All pages of a list: `pageNum` 1, 2, … while Atlas announces a next page. */
  private async list<T>(endpointFor: (page: PageQuery) => Endpoint): Promise<T[]> {
    const items: T[] = [];
    for (let pageNum = 1; pageNum <= MAX_PAGES; pageNum++) {
      const page = await this.call<Paginated<T> | undefined>(endpointFor({ itemsPerPage: this.itemsPerPage, pageNum }));
      const results = Array.isArray(page?.results) ? page.results : [];
      items.push(...results);
      // Without links at all, a full page is the only hint that more may follow.
      const more = page?.links ? page.links.some((link) => link.rel === "next") : results.length >= this.itemsPerPage;
      if (!more || results.length < this.itemsPerPage) break;
    }
    return items;
  }
}
