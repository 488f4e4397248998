import * as accessLists from "./access-lists";
import * as apiKeys from "./api-keys";
import { createContext, type ModelContext } from "./context";
import * as orgs from "./organizations";
import * as projectKeys from "./project-keys";
import { SeededRandom } from "./random";
import * as tokens from "./tokens";
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
 * The emulator's state and Atlas rules, with no HTTP in it. Every method either returns records
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
    this.ctx = createContext(() => this.current, () => this.random, options.now ?? Date.now);
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
    if (snapshot?.version !== 1 || typeof snapshot.state !== "object") throw new TypeError("unsupported emulator state snapshot");
    this.current = { ...emptyState(), ...structuredClone(snapshot.state) };
    this.random = SeededRandom.fromState(snapshot.random);
  }

  // Organizations and projects
  createOrg(name: string) { return orgs.createOrg(this.ctx, name); }
  getOrg(orgId: string) { return orgs.requireOrg(this.ctx, orgId); }
  createProject(orgId: string, name: string) { return orgs.createProject(this.ctx, orgId, name); }
  getProject(groupId: string) { return orgs.requireProject(this.ctx, groupId); }
  listProjects(orgId: string) { return orgs.listProjects(this.ctx, orgId); }
  deleteProject(groupId: string) { return orgs.deleteProject(this.ctx, groupId); }
  createServiceAccount(orgId: string, input?: orgs.ServiceAccountInput) { return orgs.createServiceAccount(this.ctx, orgId, input); }

  // Organization API keys
  listOrgKeys(orgId: string) { return apiKeys.listOrgKeys(this.ctx, orgId); }
  createOrgKey(orgId: string, input: apiKeys.CreateOrgKeyInput) { return apiKeys.createOrgKey(this.ctx, orgId, input); }
  getOrgKey(orgId: string, apiUserId: string) { return apiKeys.getOrgKey(this.ctx, orgId, apiUserId); }
  updateOrgKey(orgId: string, apiUserId: string, input: apiKeys.UpdateOrgKeyInput) { return apiKeys.updateOrgKey(this.ctx, orgId, apiUserId, input); }
  deleteOrgKey(orgId: string, apiUserId: string) { return apiKeys.deleteOrgKey(this.ctx, orgId, apiUserId); }
  findKeyByPublicKey(publicKey: string) { return apiKeys.findKeyByPublicKey(this.ctx, publicKey); }

  // Project API keys (assignments)
  listProjectKeys(groupId: string) { return projectKeys.listProjectKeys(this.ctx, groupId); }
  createProjectKey(groupId: string, input: projectKeys.CreateProjectKeyInput) { return projectKeys.createProjectKey(this.ctx, groupId, input); }
  assignKey(groupId: string, apiUserId: string, input: projectKeys.RoleAssignmentInput[]) { return projectKeys.assignKey(this.ctx, groupId, apiUserId, input); }
  updateProjectKey(groupId: string, apiUserId: string, input: projectKeys.UpdateProjectKeyInput) { return projectKeys.updateProjectKey(this.ctx, groupId, apiUserId, input); }
  unassignKey(groupId: string, apiUserId: string) { return projectKeys.unassignKey(this.ctx, groupId, apiUserId); }

  // Access lists
  listAccessList(orgId: string, apiUserId: string) { return accessLists.listAccessList(this.ctx, orgId, apiUserId); }
  addAccessListEntries(orgId: string, apiUserId: string, input: accessLists.AccessListEntryInput[]) { return accessLists.addAccessListEntries(this.ctx, orgId, apiUserId, input); }
  getAccessListEntry(orgId: string, apiUserId: string, address: string) { return accessLists.getAccessListEntry(this.ctx, orgId, apiUserId, address); }
  deleteAccessListEntry(orgId: string, apiUserId: string, address: string, caller?: { apiKeyId?: string; ip?: string }) {
    return accessLists.deleteAccessListEntry(this.ctx, orgId, apiUserId, address, caller);
  }
  /** Counts a request of key `apiUserId` from `ip` on its matching entries; false when none matches. */
  recordAccessListUse(apiUserId: string, ip: string) {
    const key = this.state.apiKeys[apiUserId];
    return key ? accessLists.recordAccessListUse(this.ctx, key, ip) : false;
  }

  // Service account tokens
  checkClientCredentials(clientId: string, clientSecret: string) { return tokens.checkClientCredentials(this.ctx, clientId, clientSecret); }
  issueToken(clientId: string, lifetimeSeconds: number) { return tokens.issueToken(this.ctx, clientId, lifetimeSeconds); }
  resolveToken(accessToken: string) { return tokens.resolveToken(this.ctx, accessToken); }
  revokeToken(clientId: string, accessToken: string) { return tokens.revokeToken(this.ctx, clientId, accessToken); }
}
