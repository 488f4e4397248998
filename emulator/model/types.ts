/**
 * Records the model keeps. Plain JSON-friendly objects so the whole state can be
 * written to a state file and read back without conversion.
 */

/** An Atlas organization. */
export interface OrgRecord {
  id: string;
  name: string;
  /** `OrganizationSettings.maxServiceAccountSecretValidityInHours` (8..8760); absent = 8760. */
  maxServiceAccountSecretValidityInHours?: number;
  /** `OrganizationSettings.apiAccessListRequired`; absent = false. */
  apiAccessListRequired?: boolean;
  /** ISO 8601, seconds precision. */
  created: string;
}

/** An Atlas project ("group" in the API paths). */
export interface ProjectRecord {
  id: string;
  name: string;
  orgId: string;
  created: string;
}

/** One entry of an API key's access list. */
export interface AccessListEntryRecord {
  /** Canonical CIDR block; single addresses are stored as `/32` (IPv4) or `/128` (IPv6). */
  cidrBlock: string;
  /** Set when the block is a single host address. */
  ipAddress?: string;
  created: string;
  /** Requests seen from an address in this block (live Atlas starts at 0). */
  count: number;
  lastUsed?: string;
  lastUsedAddress?: string;
}

/** A programmatic API key. It belongs to exactly one organization. */
export interface ApiKeyRecord {
  id: string;
  orgId: string;
  desc: string;
  publicKey: string;
  /** Kept in clear because digest verification needs it; never rendered outside creates. */
  privateKey: string;
  orgRoles: string[];
  /** Project id → roles in that project. A key is "assigned" to a project iff it has an entry. */
  projectRoles: Record<string, string[]>;
  accessList: AccessListEntryRecord[];
  created: string;
}

/** A secret of a service account. Times are epoch milliseconds. */
export interface ServiceAccountSecretRecord {
  /** 24 hex digits. */
  id: string;
  /** `mdb_sa_sk_…`, kept in clear because the token endpoint checks it; shown only in the create answer. */
  secret: string;
  createdAt: number;
  expiresAt: number;
  lastUsedAt?: number;
}

/** One entry of a service account's access list (field names as the spec's, unlike API keys'). */
export interface ServiceAccountAccessListEntryRecord {
  /** Canonical CIDR block; single addresses are stored as `/32` or `/128`. */
  cidrBlock: string;
  /** Set when the entry was added as (or is) a single address. */
  ipAddress?: string;
  createdAt: string;
  requestCount: number;
  lastUsedAt?: string;
  lastUsedAddress?: string;
}

/** A service account (OAuth 2.0 client credentials). It belongs to exactly one organization. */
export interface ServiceAccountRecord {
  /** `mdb_sa_id_` + 24 hex digits. */
  clientId: string;
  orgId: string;
  name: string;
  description: string;
  orgRoles: string[];
  /** Project id → roles in that project. The account is "assigned" to a project iff it has an entry. */
  projectRoles: Record<string, string[]>;
  /** Oldest first; at most two. */
  secrets: ServiceAccountSecretRecord[];
  accessList: ServiceAccountAccessListEntryRecord[];
  created: string;
}

/** An issued OAuth access token, stored under the SHA-256 of the token so the state never holds it. */
export interface TokenRecord {
  clientId: string;
  /** The secret the token was minted with: deleting the secret revokes the token. */
  secretId?: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  revoked: boolean;
}

/** Ids of the fixtures created by a seed, so credentials can be found again after a restart. */
export interface SeedRefs {
  orgId: string;
  projectIds: string[];
  apiKeyId?: string;
  clientId?: string;
}

/** Everything the emulator knows. */
export interface AtlasState {
  orgs: Record<string, OrgRecord>;
  projects: Record<string, ProjectRecord>;
  apiKeys: Record<string, ApiKeyRecord>;
  serviceAccounts: Record<string, ServiceAccountRecord>;
  tokens: Record<string, TokenRecord>;
  /** The default fixtures: [0] is the organization the CLI prints, [1] a second one for scoping tests. */
  defaults: SeedRefs[];
}

/** A fresh, empty state. */
export function emptyState(): AtlasState {
  return { orgs: {}, projects: {}, apiKeys: {}, serviceAccounts: {}, tokens: {}, defaults: [] };
}
