/**
 * Shapes of the service-account objects, as the official spec documents them
 * (`OrgServiceAccount`, `ServiceAccountSecret`, `GroupServiceAccount`,
 * `ServiceAccountGroup`, `ServiceAccountIPAccessListEntry`), and the
 * service-account operations of the client.
 */

import type { AddAccessListEntries } from "./access-list-types";

/** `ServiceAccountSecret`: one secret of an account. */
export interface ServiceAccountSecretDetails {
  /** 24-hex id of the secret. */
  id: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** ISO 8601, UTC. Atlas shortens it to 7 days from now when a newer secret is created. */
  expiresAt: string;
  lastUsedAt?: string | null;
  /** `mdb_sa_sk_...` and the last characters; present in reads, absent from the create answer. */
  maskedSecretValue?: string;
  /** In clear only in the answer to the create call that made it. */
  secret?: string;
}

/** `OrgServiceAccount`: an organization service account. */
export interface ServiceAccountDetails {
  /** `mdb_sa_id_` followed by 24 hex digits. */
  clientId: string;
  createdAt: string;
  name: string;
  description: string;
  /** Organization roles. */
  roles: string[];
  /** Oldest first. */
  secrets?: ServiceAccountSecretDetails[];
}

/** `OrgServiceAccountRequest`. */
export interface CreateServiceAccountBody {
  name: string;
  description: string;
  roles: string[];
  /** Lifetime of the first secret; omitted with `withoutInitialSecret` (Atlas rejects both). */
  secretExpiresAfterHours?: number;
  /** Creates the account with no secret, so that secrets can be managed as their own resources. */
  withoutInitialSecret?: boolean;
}

/** `OrgServiceAccountUpdateRequest`: roles are replaced whole. */
export interface UpdateServiceAccountBody {
  name?: string;
  description?: string;
  roles?: string[];
}

/** `ServiceAccountSecretRequest`. */
export interface CreateServiceAccountSecretBody {
  secretExpiresAfterHours: number;
}

/** `GroupServiceAccount`: an account as a project sees it; `roles` are its project roles. */
export interface ProjectServiceAccountDetails {
  clientId: string;
  createdAt?: string;
  name?: string;
  description?: string;
  roles: string[];
}

/** `ServiceAccountGroup`: one project of an account (org-side listing). */
export interface ServiceAccountProject {
  groupId: string;
  roles?: string[];
}

/** `ServiceAccountIPAccessListEntry` as Atlas returns it. */
export interface ServiceAccountAccessListEntryDetails {
  cidrBlock?: string;
  ipAddress?: string;
  createdAt?: string;
  lastUsedAt?: string;
  lastUsedAddress?: string;
  requestCount?: number;
}

/** The service-account operations of the Atlas client; every list reads every page. */
export interface ServiceAccountApi {
  listServiceAccounts(orgId: string): Promise<ServiceAccountDetails[]>;
  createServiceAccount(orgId: string, body: CreateServiceAccountBody): Promise<ServiceAccountDetails>;
  getServiceAccount(orgId: string, clientId: string): Promise<ServiceAccountDetails>;
  updateServiceAccount(orgId: string, clientId: string, body: UpdateServiceAccountBody): Promise<ServiceAccountDetails>;
  deleteServiceAccount(orgId: string, clientId: string): Promise<void>;

  createServiceAccountSecret(
    orgId: string,
    clientId: string,
    body: CreateServiceAccountSecretBody,
  ): Promise<ServiceAccountSecretDetails>;
  deleteServiceAccountSecret(orgId: string, clientId: string, secretId: string): Promise<void>;

  listServiceAccountProjects(orgId: string, clientId: string): Promise<ServiceAccountProject[]>;
  assignServiceAccountToProject(
    projectId: string,
    clientId: string,
    roles: string[],
  ): Promise<ProjectServiceAccountDetails>;
  getProjectServiceAccount(projectId: string, clientId: string): Promise<ProjectServiceAccountDetails>;
  updateProjectServiceAccountRoles(
    projectId: string,
    clientId: string,
    roles: string[],
  ): Promise<ProjectServiceAccountDetails>;
  unassignServiceAccountFromProject(projectId: string, clientId: string): Promise<void>;
  listProjectServiceAccounts(projectId: string): Promise<ProjectServiceAccountDetails[]>;

  listServiceAccountAccessList(orgId: string, clientId: string): Promise<ServiceAccountAccessListEntryDetails[]>;
  createServiceAccountAccessListEntries: AddAccessListEntries<ServiceAccountAccessListEntryDetails>;
  deleteServiceAccountAccessListEntry(orgId: string, clientId: string, entry: string): Promise<void>;
}
