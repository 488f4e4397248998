/**
 * Shapes of the Atlas Administration API v2 objects this package speaks, as
 * documented in the official OpenAPI spec (`ApiKeyUserDetails`,
 * `UserAccessListResponse`, `AtlasOrganization`, `Group`). Only the fields the
 * provider reads are typed strictly; the rest are kept as Atlas sends them.
 */
import type { AddAccessListEntries } from "./access-list-types";
import type { ServiceAccountApi } from "./service-account-types";

/** A hypermedia link Atlas attaches to most objects. */
export interface Link {
  href: string;
  rel: string;
}

/**
 * One role held by an API key. Organization roles carry `orgId`, project roles
 * carry `groupId` (Atlas calls projects "groups" in the API).
 */
export interface RoleAssignment {
  orgId?: string;
  groupId?: string;
  roleName: string;
}

/** `ApiKeyUserDetails`: an organization API key as Atlas returns it. */
export interface ApiKeyDetails {
  /** 24-hex id of the key (`apiUserId` in paths). */
  id: string;
  desc: string;
  /** 8 lowercase letters; the digest username. */
  publicKey: string;
  /**
   * In clear only in the response to a create call; every other response shows
   * `********-****-****-` followed by its last 12 characters.
   */
  privateKey: string;
  roles: RoleAssignment[];
  links?: Link[];
}

/** Body of createOrgApiKey and createGroupApiKey. */
export interface CreateApiKeyBody {
  desc: string;
  roles: string[];
}

/** Body of updateOrgApiKey and updateGroupApiKeyRoles: at least one field. */
export interface UpdateApiKeyBody {
  desc?: string;
  roles?: string[];
}

export type { AccessListRequestEntry } from "./access-list-types";

/** `UserAccessListResponse`: one entry of a key's access list. */
export interface AccessListEntry {
  /** Always present; a single address is stored as `a.b.c.d/32`. */
  cidrBlock: string;
  /** Present when the entry was created from a single address. */
  ipAddress?: string;
  count?: number;
  created?: string;
  lastUsed?: string;
  lastUsedAddress?: string;
  links?: Link[];
}

/** `AtlasOrganization`. */
export interface Organization {
  id: string;
  name: string;
  isDeleted?: boolean;
  links?: Link[];
}

/** `Group`: a project. `orgId` is how a project's organization is found. */
export interface Project {
  id: string;
  name: string;
  orgId: string;
  clusterCount?: number;
  created?: string;
  links?: Link[];
}

/** The paginated wrapper Atlas uses for every list. */
export interface Paginated<T> {
  results: T[];
  totalCount?: number;
  links?: Link[];
}

/** The error envelope (`ApiError`) of every non-2xx response. */
export interface ApiErrorBody {
  error: number;
  errorCode?: string;
  detail?: string;
  reason?: string;
  parameters?: unknown[];
  badRequestDetail?: unknown;
}

/** The operations of the Atlas client, one method per API operation. */
export interface AtlasApi extends ServiceAccountApi {
  listOrgApiKeys(orgId: string): Promise<ApiKeyDetails[]>;
  createOrgApiKey(orgId: string, body: CreateApiKeyBody): Promise<ApiKeyDetails>;
  getOrgApiKey(orgId: string, apiKeyId: string): Promise<ApiKeyDetails>;
  updateOrgApiKey(orgId: string, apiKeyId: string, body: UpdateApiKeyBody): Promise<ApiKeyDetails>;
  deleteOrgApiKey(orgId: string, apiKeyId: string): Promise<void>;

  listAccessListEntries(orgId: string, apiKeyId: string): Promise<AccessListEntry[]>;
  createAccessListEntries: AddAccessListEntries<AccessListEntry>;
  getAccessListEntry(orgId: string, apiKeyId: string, entry: string): Promise<AccessListEntry>;
  deleteAccessListEntry(orgId: string, apiKeyId: string, entry: string): Promise<void>;

  listProjectApiKeys(projectId: string): Promise<ApiKeyDetails[]>;
  createProjectApiKey(projectId: string, body: CreateApiKeyBody): Promise<ApiKeyDetails>;
  assignApiKeyToProject(projectId: string, apiKeyId: string, roles: string[]): Promise<void>;
  updateProjectApiKey(projectId: string, apiKeyId: string, body: UpdateApiKeyBody): Promise<ApiKeyDetails>;
  unassignApiKeyFromProject(projectId: string, apiKeyId: string): Promise<void>;

  getOrganization(orgId: string): Promise<Organization>;
  getProject(projectId: string): Promise<Project>;
}
