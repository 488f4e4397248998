import * as accessLists from "./access-lists";
import * as apiKeys from "./api-keys";
import { createContext, type ModelContext } from "./context";
import * as orgs from "./organizations";
import * as projectKeys from "./project-keys";
import { SeededRandom } from "./random";
import * as tokens from "./tokens";
import { admitCaller } from "./admission";
import * as secrets from "./service-account-secrets";
import { serviceAccountOperations, type ServiceAccountOperations } from "./service-account-operations";
import { insertServiceAccount } from "./service-accounts";
import { upgradeState } from "./upgrade";
import { emptyState, type AtlasState } from "./types";

/** Options of {@link AtlasModel}. */
export interface ModelOptions {
  /** Seed of the id generator; same seed, same ids. */
  seed: string | number;
  /** Clock in epoch milliseconds; default `Date.now`. */
  now?: () => number;
}

/** What a state file holds: the state plus the generator position, so ids stay unique after a restart. */
export interface ModelSnapshot {
  version: 1;
  seed: string;
  random: number[];
  state: AtlasState;
}

/**
 * The emulator's state and Atlas rules, with no HTTP in it. Every operation either returns records
 * or throws an `AtlasDomainError` carrying the Atlas error code. Tests can drive it directly
 * (`handle.model`) to arrange state faster than through HTTP.
 */
export class AtlasModel {
  /** Seed the generator was created from (reset goes back to it). */
  readonly seed: string;
  /** The context the rule modules operate on. */
  readonly ctx: ModelContext;
  private current: AtlasState = emptyState();
  private random: SeededRandom;

  constructor(options: ModelOptions) {
    this.seed = String(options.seed);
    this.random = new SeededRandom(this.seed);
    this.ctx = createContext(
      () => this.current,
      () => this.random,
      options.now ?? Date.now,
    );
    this.serviceAccounts = serviceAccountOperations(this.ctx);
  }

  /** The live state (mutating it directly bypasses the rules; prefer the methods). */
  get state(): AtlasState {
    return this.current;
  }

  /** Empties the state and rewinds the id generator to the seed. */
  reset(): void {
    this.current = emptyState();
    this.random = new SeededRandom(this.seed);
  }

  /** A deep copy of everything needed to continue later. */
  snapshot(): ModelSnapshot {
    return { version: 1, seed: this.seed, random: this.random.saveState(), state: structuredClone(this.current) };
  }

  /** Replaces state and generator position with a snapshot's. */
  restore(snapshot: ModelSnapshot): void {
    if (snapshot?.version !== 1 || typeof snapshot.state !== "object")
      throw new TypeError("unsupported emulator state snapshot");
    this.current = upgradeState({ ...emptyState(), ...structuredClone(snapshot.state) });
    this.random = SeededRandom.fromState(snapshot.random);
  }

  /**
   * `rule` with this model's context as its first argument. Most operations below are exactly a
   * function of a rule module, so they are that function, bound, rather than a method rewrapping it.
   */
  private bound<A extends unknown[], R>(rule: (ctx: ModelContext, ...args: A) => R): (...args: A) => R {
    return (...args) => rule(this.ctx, ...args);
  }

  // Organizations and projects
  /** Creates an organization named `name` (no validation: seeding and tests only) and returns its record. */
  createOrg = this.bound(orgs.createOrg);
  /** The organization record; throws `ORG_NOT_FOUND` (404) when there is none with this id. */
  getOrg = this.bound(orgs.requireOrg);
  /** Creates a project in the organization and returns its record; throws `ORG_NOT_FOUND` (404). */
  createProject = this.bound(orgs.createProject);
  /** The project record; throws `GROUP_NOT_FOUND` (404) when there is none with this id. */
  getProject = this.bound(orgs.requireProject);
  /** Projects of the organization, sorted by name then id; throws `ORG_NOT_FOUND` (404). */
  listProjects = this.bound(orgs.listProjects);
  /**
   * Deletes a project and every API key and service account assignment to it, as a removal outside
   * the provider would. Throws `GROUP_NOT_FOUND` (404).
   */
  deleteProject = this.bound(orgs.deleteProject);
  /**
   * Creates a service account without validating a body (seeding and tests; organization roles
   * default to `ORG_OWNER`) with one secret valid for a year. Throws `ORG_NOT_FOUND`,
   * `INVALID_ROLE_FOR_ORG`, `GROUP_NOT_FOUND`, `NOT_IN_GROUP` or `INVALID_ROLE_FOR_GROUP`.
   */
  createServiceAccount = this.bound(insertServiceAccount);

  // Organization API keys
  /** All API keys of the organization, sorted by public key as live Atlas lists them; throws `ORG_NOT_FOUND`. */
  listOrgKeys = this.bound(apiKeys.listOrgKeys);
  /**
   * createOrgApiKey: a new key with organization roles only; the returned record holds the private
   * key. Throws `ORG_NOT_FOUND`, body errors (`INVALID_JSON`, `INVALID_ATTRIBUTE`, `MISSING_ATTRIBUTE`,
   * `INVALID_JSON_ATTRIBUTE`, `INVALID_API_KEY_DESC`, `MISSING_API_KEY_ROLES`) or `INVALID_ROLE_FOR_ORG`.
   */
  createOrgKey = this.bound(apiKeys.createOrgKey);
  /**
   * getOrgApiKey. Throws `ORG_NOT_FOUND`, or `API_KEY_NOT_FOUND` (404) also when the key belongs to
   * another organization.
   */
  getOrgKey = this.bound(apiKeys.getOrgKey);
  /**
   * updateOrgApiKey: sets `desc` and/or replaces the organization roles. Everything is validated
   * before anything changes. Throws as {@link AtlasModel.createOrgKey} and {@link AtlasModel.getOrgKey},
   * plus `MISSING_ONE_OF_ATTRIBUTES` when neither field is given.
   */
  updateOrgKey = this.bound(apiKeys.updateOrgKey);
  /**
   * deleteOrgApiKey: removes the key, and with it its project assignments and access list.
   * Throws `ORG_NOT_FOUND` or `API_KEY_NOT_FOUND`.
   */
  deleteOrgKey = this.bound(apiKeys.deleteOrgKey);
  /** The key whose public key (the digest user name) this is, in any organization; `undefined` when none. */
  findKeyByPublicKey = this.bound(apiKeys.findKeyByPublicKey);

  // Project API keys (assignments)
  /** listGroupApiKeys: keys assigned to the project, sorted by public key; throws `GROUP_NOT_FOUND`. */
  listProjectKeys = this.bound(projectKeys.listProjectKeys);
  /**
   * createGroupApiKey: creates an organization key and assigns it to the project in one step.
   * Organization roles in `roles` become the key's org roles (default `ORG_MEMBER`); at least one
   * `GROUP_*` role is required (`INVALID_ROLE_FOR_GROUP`). Also throws `GROUP_NOT_FOUND` and body errors.
   */
  createProjectKey = this.bound(projectKeys.createProjectKey);
  /**
   * addGroupApiKey: assigns an existing key of the project's organization; the union of the items'
   * roles becomes its project roles. Throws `GROUP_NOT_FOUND`, `MISSING_API_KEY_ROLES`,
   * `INVALID_ROLE_FOR_GROUP`, `API_KEY_NOT_FOUND`, `API_KEY_CAN_ONLY_BELONG_TO_ONE_ORG` or
   * `API_KEY_ALREADY_IN_GROUP` (400, as live).
   */
  assignKey = this.bound(projectKeys.assignKey);
  /**
   * updateGroupApiKeyRoles: `roles` replace the key's roles in this project, `desc` renames the key.
   * Throws `GROUP_NOT_FOUND`, `API_KEY_NOT_FOUND` when the key is not assigned to the project, or the
   * body and role errors of {@link AtlasModel.createProjectKey}.
   */
  updateProjectKey = this.bound(projectKeys.updateProjectKey);
  /**
   * removeGroupApiKey: removes the key from the project; it stays in its organization.
   * Throws `GROUP_NOT_FOUND`, or `API_KEY_NOT_FOUND` when the key is not assigned to the project.
   */
  unassignKey = this.bound(projectKeys.unassignKey);

  // Access lists
  /**
   * The key's access-list entries in insertion order (the stored array itself, not a copy).
   * Throws `ORG_NOT_FOUND` or `API_KEY_NOT_FOUND`.
   */
  listAccessList = this.bound(accessLists.listAccessList);
  /**
   * createOrgApiKeyAccessListEntry: adds every item or none, and returns the key's whole list.
   * Throws as {@link AtlasModel.listAccessList}, or `INVALID_JSON`, `INVALID_ATTRIBUTE`,
   * `BAD_ACCESS_LIST_ADD_REQUEST`, `MISSING_ONE_OF_ATTRIBUTES`, `INVALID_IP_ADDRESS_OR_CIDR_NOTATION`,
   * `DUPLICATE_ADDRESSES_IN_INPUT` or `ADDRESS_ALREADY_IN_ACCESS_LIST` (409).
   */
  addAccessListEntries = this.bound(accessLists.addAccessListEntries);
  /**
   * One entry, addressed as `1.2.3.4` or `1.2.3.4/32` (already URL-decoded).
   * Throws as {@link AtlasModel.listAccessList}, or `API_KEY_ACCESS_LIST_NOT_FOUND` (404) when the key
   * has no such entry.
   */
  getAccessListEntry = this.bound(accessLists.getAccessListEntry);
  /**
   * deleteOrgApiKeyAccessListEntry. When `caller` is this key and its IP address falls in the entry,
   * the removal is refused with `CANNOT_REMOVE_CALLER_FROM_ACCESS_LIST` (400), as Atlas forbids
   * locking the caller out. Throws `API_KEY_ACCESS_LIST_NOT_FOUND` for an unknown entry.
   */
  deleteAccessListEntry = this.bound(accessLists.deleteAccessListEntry);
  /** Counts a request of key `apiUserId` from `ip` on its matching entries; false when none matches. */
  recordAccessListUse(apiUserId: string, ip: string) {
    const key = this.state.apiKeys[apiUserId];
    return key ? accessLists.recordAccessListUse(this.ctx, key, ip) : false;
  }
  /**
   * Admits an authenticated caller coming from `ip`: an API key with a non-empty access list has
   * the call counted on its matching entries and, when `enforce` is on, is refused from any other
   * address with `IP_ADDRESS_NOT_ON_ACCESS_LIST` (403).
   */
  admitCaller = this.bound(admitCaller);

  // Service accounts, their secrets, projects and access lists, and their tokens
  /** Every service-account operation (see model/service-account-operations.ts). */
  readonly serviceAccounts: ServiceAccountOperations;
  /**
   * The service account and secret when `clientId` and `clientSecret` match a secret that has not
   * expired (constant-time compare); records its use. `undefined` otherwise; never throws.
   */
  checkClientCredentials = this.bound(secrets.checkClientCredentials);
  /**
   * Issues a random bearer token valid for `lifetimeSeconds`, minted with `secretId`. Only its
   * SHA-256 is stored. `undefined` when the account already holds 100 live tokens.
   */
  issueToken = this.bound(tokens.issueToken);
  /** The service account a token belongs to; `undefined` when unknown, expired, revoked or its secret or account is gone. */
  resolveToken = this.bound(tokens.resolveToken);
  /** Revokes the token if it belongs to `clientId`; unknown tokens are ignored, as RFC 7009 requires. */
  revokeToken = this.bound(tokens.revokeToken);
}
