/**
 * Nested output shapes, as `types.output` of `@pulumi/mongodbatlas` names them:
 * the projects of a `ProjectApiKey` and the elements of the lookups' `results`.
 */

/** A rotation policy as the outputs hold it (`rotation` of `ApiKey`, `ProjectApiKey`, `ServiceAccountSecret`). */
export interface RotationPolicy {
  /** How long a key or secret stays current, e.g. `"90d"` (units d, h, m, s). */
  every: string;
  /** How long the replaced one keeps working after a rotation, e.g. `"7d"`. */
  overlap: string;
}

/** One project a `ProjectApiKey` is assigned to, with the roles the key holds there. */
export interface ProjectApiKeyProjectAssignment {
  /** Project id (24-hex). */
  projectId: string;
  /** Project roles, sorted. */
  roleNames: string[];
}

/** One project of a key returned by `getProjectApiKey`. */
export type GetProjectApiKeyProjectAssignment = ProjectApiKeyProjectAssignment;

/** One project of a key in the `results` of `getProjectApiKeys`. */
export type GetProjectApiKeysResultProjectAssignment = ProjectApiKeyProjectAssignment;

/** One organization key in the `results` of `getApiKeys`. */
export interface GetApiKeysResult {
  /** 24-hex id of the key. */
  apiKeyId: string;
  /** Description as Atlas holds it. */
  description: string;
  /** Public key: the 8-letter digest user name. */
  publicKey: string;
  /** Organization roles, sorted. */
  roleNames: string[];
}

/** One key in the `results` of `getProjectApiKeys`. */
export interface GetProjectApiKeysResult {
  /** 24-hex id of the key. */
  apiKeyId: string;
  /** Description as Atlas holds it. */
  description: string;
  /** Always `""`: Atlas returns a private key only once, at creation. */
  privateKey: string;
  /** The projects of the project's organization the key is assigned to, with its roles there. */
  projectAssignments?: GetProjectApiKeysResultProjectAssignment[];
  /** Public key: the 8-letter digest user name. */
  publicKey: string;
}

/** One entry in the `results` of `getAccessListApiKeys`. */
export interface GetAccessListApiKeysResult {
  /** How many requests came from this entry. */
  accessCount: number;
  /** The entry as a CIDR block (a single address as `/32`). */
  cidrBlock: string;
  /** When the entry was added (ISO 8601). */
  created: string;
  /** The address, for a single-address entry; `""` otherwise. */
  ipAddress: string;
  /** When the entry was last used (ISO 8601), `""` if never. */
  lastUsed: string;
  /** The address of the last request through this entry, `""` if never. */
  lastUsedAddress: string;
}

/** One assignment in the `results` of `getApiKeyProjectAssignments`. */
export interface GetApiKeyProjectAssignmentsResult {
  /** 24-hex id of the key. */
  apiKeyId: string;
  /** Project id. */
  projectId: string;
  /** Project roles of the key there, sorted. */
  roles: string[];
}
