import type { ModelContext } from "./context";
import { requireOrg, requireProject } from "./organizations";
import * as accessList from "./service-account-access-lists";
import * as projects from "./service-account-projects";
import * as secrets from "./service-account-secrets";
import * as accounts from "./service-accounts";
import type { ServiceAccountRecord } from "./types";

/**
 * The service-account operations of the model, bound to its context: what the routes call.
 * Every one returns records or throws an `AtlasDomainError` (codes in http/errors.ts).
 */
export interface ServiceAccountOperations {
  /** listOrgServiceAccounts; `ORG_NOT_FOUND`. */
  list(orgId: string): ServiceAccountRecord[];
  /** createOrgServiceAccount: the account, with its first secret unless `withoutInitialSecret`. */
  create(orgId: string, input: accounts.CreateServiceAccountInput): ServiceAccountRecord;
  /** getOrgServiceAccount; `SERVICE_ACCOUNT_NOT_FOUND` also for an account of another organization. */
  get(orgId: string, clientId: string): ServiceAccountRecord;
  /** updateOrgServiceAccount. */
  update(orgId: string, clientId: string, input: accounts.UpdateServiceAccountInput): ServiceAccountRecord;
  /** deleteOrgServiceAccount, with its secrets, assignments, access list and tokens. */
  delete(orgId: string, clientId: string): void;
  /** createOrgServiceAccountSecret: the new secret (its value is shown once, by the route). */
  createSecret(orgId: string, clientId: string, input: secrets.CreateSecretInput): ReturnType<typeof secrets.addSecret>;
  /** deleteOrgServiceAccountSecret; `SERVICE_ACCOUNT_SECRET_NOT_FOUND`. */
  deleteSecret(orgId: string, clientId: string, secretId: string): void;
  /** getOrgServiceAccountGroups. */
  projectsOf(orgId: string, clientId: string): Array<{ groupId: string; roles: string[] }>;
  /** listOrgServiceAccountAccessList. */
  accessList(orgId: string, clientId: string): ServiceAccountRecord["accessList"];
  /** createOrgServiceAccountAccessList: all or nothing; returns the whole list. */
  addAccessListEntries(
    orgId: string,
    clientId: string,
    input: Array<{ ipAddress?: string; cidrBlock?: string }>,
  ): ServiceAccountRecord["accessList"];
  /** deleteOrgServiceAccountAccessListEntry (`address` already decoded). */
  deleteAccessListEntry(
    orgId: string,
    clientId: string,
    address: string,
    caller?: { clientId?: string; ip?: string },
  ): void;
  /** createGroupServiceAccount: an `ORG_MEMBER` account of the project's organization, with project roles there. */
  createInProject(groupId: string, input: accounts.CreateServiceAccountInput): ServiceAccountRecord;
  /** createGroupServiceAccountSecret: as {@link ServiceAccountOperations.createSecret}, for an account in the project. */
  createSecretInProject(
    groupId: string,
    clientId: string,
    input: secrets.CreateSecretInput,
  ): ReturnType<typeof secrets.addSecret>;
  /** deleteGroupServiceAccountSecret. */
  deleteSecretInProject(groupId: string, clientId: string, secretId: string): void;
  /** The access list of an account in the project (listGroupServiceAccountAccessList). */
  accessListInProject(groupId: string, clientId: string): ServiceAccountRecord["accessList"];
  /** createGroupServiceAccountAccessList. */
  addAccessListEntriesInProject(
    groupId: string,
    clientId: string,
    input: Array<{ ipAddress?: string; cidrBlock?: string }>,
  ): ServiceAccountRecord["accessList"];
  /** deleteGroupServiceAccountAccessListEntry. */
  deleteAccessListEntryInProject(
    groupId: string,
    clientId: string,
    address: string,
    caller?: { clientId?: string; ip?: string },
  ): void;
  /** inviteGroupServiceAccount. */
  invite(groupId: string, clientId: string, input: projects.AssignmentInput): ServiceAccountRecord;
  /** listGroupServiceAccounts. */
  listInProject(groupId: string): ServiceAccountRecord[];
  /** getGroupServiceAccount. */
  getInProject(groupId: string, clientId: string): ServiceAccountRecord;
  /** updateGroupServiceAccount. */
  updateInProject(groupId: string, clientId: string, input: projects.ProjectUpdateInput): ServiceAccountRecord;
  /** deleteGroupServiceAccount: unassigns only. */
  removeFromProject(groupId: string, clientId: string): void;
}

/** Binds the operations to a model context. */
export function serviceAccountOperations(ctx: ModelContext): ServiceAccountOperations {
  const account = (orgId: string, clientId: string) => accounts.requireAccount(ctx, orgId, clientId);
  return {
    list: (orgId) => accounts.listAccounts(ctx, orgId),
    create: (orgId, input) => accounts.createAccount(ctx, orgId, input),
    get: account,
    update: (orgId, clientId, input) => accounts.updateAccount(ctx, orgId, clientId, input),
    delete: (orgId, clientId) => accounts.deleteAccount(ctx, orgId, clientId),
    createSecret: (orgId, clientId, input) =>
      secrets.createSecret(ctx, requireOrg(ctx, orgId), account(orgId, clientId), input),
    deleteSecret: (orgId, clientId, secretId) => secrets.deleteSecret(ctx, account(orgId, clientId), secretId),
    projectsOf: (orgId, clientId) => projects.projectsOf(ctx, orgId, clientId),
    accessList: (orgId, clientId) => account(orgId, clientId).accessList,
    addAccessListEntries: (orgId, clientId, input) => accessList.addEntries(ctx, account(orgId, clientId), input),
    deleteAccessListEntry: (orgId, clientId, address, caller) =>
      accessList.deleteEntry(account(orgId, clientId), address, caller),
    createInProject: (groupId, input) =>
      accounts.createAccount(ctx, requireProject(ctx, groupId).orgId, input, groupId),
    createSecretInProject: (groupId, clientId, input) => {
      const record = projects.requireInProject(ctx, groupId, clientId);
      return secrets.createSecret(ctx, requireOrg(ctx, record.orgId), record, input);
    },
    deleteSecretInProject: (groupId, clientId, secretId) =>
      secrets.deleteSecret(ctx, projects.requireInProject(ctx, groupId, clientId), secretId),
    accessListInProject: (groupId, clientId) => projects.requireInProject(ctx, groupId, clientId).accessList,
    addAccessListEntriesInProject: (groupId, clientId, input) =>
      accessList.addEntries(ctx, projects.requireInProject(ctx, groupId, clientId), input),
    deleteAccessListEntryInProject: (groupId, clientId, address, caller) =>
      accessList.deleteEntry(projects.requireInProject(ctx, groupId, clientId), address, caller),
    invite: (groupId, clientId, input) => projects.inviteToProject(ctx, groupId, clientId, input),
    listInProject: (groupId) => projects.listInProject(ctx, groupId),
    getInProject: (groupId, clientId) => projects.requireInProject(ctx, groupId, clientId),
    updateInProject: (groupId, clientId, input) => projects.updateInProject(ctx, groupId, clientId, input),
    removeFromProject: (groupId, clientId) => projects.removeFromProject(ctx, groupId, clientId),
  };
}
