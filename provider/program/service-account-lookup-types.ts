/**
 * Arguments and results of the service-account lookups, named as in
 * `@pulumi/mongodbatlas`. Ids are 24-hex; client ids are `mdb_sa_id_…`.
 */

/** Arguments of `getServiceAccount`. */
export interface GetServiceAccountArgs {
  /** Organization id (24-hex). */
  orgId: string;
  /** Client id (`mdb_sa_id_…`). */
  clientId: string;
}

/** Arguments of `getServiceAccounts`. */
export interface GetServiceAccountsArgs {
  /** Organization id (24-hex). */
  orgId: string;
}

/** Arguments of `getServiceAccountSecret`. */
export interface GetServiceAccountSecretArgs {
  /** Organization id (24-hex). */
  orgId: string;
  /** Client id (`mdb_sa_id_…`). */
  clientId: string;
  /** Secret id (24-hex). */
  secretId: string;
}

/** Arguments of `getServiceAccountProjectAssignment`. */
export interface GetServiceAccountProjectAssignmentArgs {
  /** Project id (24-hex). */
  projectId: string;
  /** Client id (`mdb_sa_id_…`). */
  clientId: string;
}

/** Arguments of `getServiceAccountProjectAssignments` and `getServiceAccountAccessListEntries`. */
export interface GetServiceAccountChildrenArgs {
  /** Organization id (24-hex). */
  orgId: string;
  /** Client id (`mdb_sa_id_…`). */
  clientId: string;
}

/** Arguments of `getServiceAccountAccessListEntry`: exactly one of `ipAddress` and `cidrBlock`. */
export interface GetServiceAccountAccessListEntryArgs {
  /** Organization id (24-hex). */
  orgId: string;
  /** Client id (`mdb_sa_id_…`). */
  clientId: string;
  /** A CIDR block; `a.b.c.d/32` finds the address `a.b.c.d`. */
  cidrBlock?: string;
  /** A single address. */
  ipAddress?: string;
}

/** A secret as lookups show it: never the clear value. */
export interface SecretInfo {
  /** 24-hex id. */
  secretId: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** ISO 8601, UTC. */
  expiresAt: string;
  /** ISO 8601, UTC, when used. */
  lastUsedAt?: string;
  /** `mdb_sa_sk_...` and the last characters. */
  maskedSecretValue?: string;
}

/** A secret of an account, with the ids it belongs to. */
export interface ServiceAccountSecretLookupInfo extends SecretInfo {
  /** `orgId/clientId/secretId`: what `ServiceAccountSecret.get` takes. */
  id: string;
  /** Organization id. */
  orgId: string;
  /** Client id. */
  clientId: string;
}

/** An account as lookups show it. */
export interface ServiceAccountInfo {
  /** `orgId/clientId`: what `ServiceAccount.get` takes. */
  id: string;
  /** Organization id. */
  orgId: string;
  /** Client id (`mdb_sa_id_…`). */
  clientId: string;
  /** Name. */
  name: string;
  /** Description. */
  description: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** Organization roles, sorted. */
  roles: string[];
  /** Oldest first, masked. */
  secrets: SecretInfo[];
}

/** Every account of an organization. */
export interface ServiceAccountsResult {
  /** Organization id. */
  orgId: string;
  /** The accounts (all pages). */
  results: ServiceAccountInfo[];
}

/** An account's roles in a project. */
export interface ServiceAccountProjectAssignmentInfo {
  /** `projectId/clientId`: what `ServiceAccountProjectAssignment.get` takes. */
  id: string;
  /** Project id. */
  projectId: string;
  /** Client id. */
  clientId: string;
  /** Project roles, sorted. */
  roles: string[];
}

/** Every project of an account. */
export interface ServiceAccountProjectAssignmentsResult {
  /** Organization id. */
  orgId: string;
  /** Client id. */
  clientId: string;
  /** The assignments (all pages). */
  results: ServiceAccountProjectAssignmentInfo[];
}

/** One access-list entry, in canonical form. */
export interface ServiceAccountAccessListEntryInfo {
  /** `orgId/clientId/entry`: what `ServiceAccountAccessListEntry.get` takes. */
  id: string;
  /** Organization id. */
  orgId: string;
  /** Client id. */
  clientId: string;
  /** The entry as a CIDR block (a single address as /32 or /128). */
  cidrBlock: string;
  /** The address, for a single-address entry. */
  ipAddress?: string;
  /** ISO 8601, UTC. */
  createdAt?: string;
  /** ISO 8601, UTC. */
  lastUsedAt?: string;
  /** The address last seen using the account through this entry. */
  lastUsedAddress?: string;
  /** Requests made through this entry. */
  requestCount?: number;
}

/** An account's whole access list. */
export interface ServiceAccountAccessListEntriesResult {
  /** Organization id. */
  orgId: string;
  /** Client id. */
  clientId: string;
  /** The entries (all pages). */
  results: ServiceAccountAccessListEntryInfo[];
}
