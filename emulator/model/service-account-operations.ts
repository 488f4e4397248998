import type { ModelContext } from "./context";
import { addEntries, removeEntry } from "./entry-rules";
import { requireOrg } from "./organizations";
import type { Scope } from "./roles";
import { SERVICE_ACCOUNT_LISTS } from "./service-account-access-lists";
import * as projects from "./service-account-projects";
import * as secrets from "./service-account-secrets";
import * as accounts from "./service-accounts";
import type { ServiceAccountRecord } from "./types";

/**
 * The service-account operations of the model, bound to its context: what the routes call.
 * Every one returns records or throws an `AtlasDomainError` (codes in http/errors.ts).
 *
 * Most operations exist twice in the API, under `/orgs/{orgId}` (`…OrgServiceAccount…`) and under
 * `/groups/{groupId}` (`…GroupServiceAccount…`), with the same rules; they take the `scope` the
 * account is reached from. From a project, only accounts assigned to it are found, and roles are
 * the roles in that project.
 */
export interface ServiceAccountOperations {
  /** listOrgServiceAccounts / listGroupServiceAccounts, oldest first; `ORG_NOT_FOUND`, `GROUP_NOT_FOUND`. */
  list(scope: Scope): ServiceAccountRecord[];
  /** create…ServiceAccount: the account, with its first secret unless `withoutInitialSecret`; from a project, an `ORG_MEMBER` with project roles there. */
  create(scope: Scope, input: accounts.CreateServiceAccountInput): ServiceAccountRecord;
  /** get…ServiceAccount; `SERVICE_ACCOUNT_NOT_FOUND` also for an account of another organization or not in the project. */
  get(scope: Scope, clientId: string): ServiceAccountRecord;
  /** update…ServiceAccount: name, description, and roles in the scope. */
  update(scope: Scope, clientId: string, input: accounts.UpdateServiceAccountInput): ServiceAccountRecord;
  /** deleteOrgServiceAccount, with its secrets, assignments, access list and tokens. */
  delete(orgId: string, clientId: string): void;
  /** create…ServiceAccountSecret: the new secret (its value is shown once, by the route). */
  createSecret(scope: Scope, clientId: string, input: secrets.CreateSecretInput): ReturnType<typeof secrets.addSecret>;
  /** delete…ServiceAccountSecret; `SERVICE_ACCOUNT_SECRET_NOT_FOUND`. */
  deleteSecret(scope: Scope, clientId: string, secretId: string): void;
  /** getOrgServiceAccountGroups. */
  projectsOf(orgId: string, clientId: string): Array<{ groupId: string; roles: string[] }>;
  /** list…ServiceAccountAccessList. */
  accessList(scope: Scope, clientId: string): ServiceAccountRecord["accessList"];
  /** create…ServiceAccountAccessList: all or nothing; returns the whole list. */
  addAccessListEntries(
    scope: Scope,
    clientId: string,
    input: Array<{ ipAddress?: string; cidrBlock?: string }>,
  ): ServiceAccountRecord["accessList"];
  /** delete…ServiceAccountAccessListEntry (`address` already decoded); the caller may not remove its own address. */
  deleteAccessListEntry(
    scope: Scope,
    clientId: string,
    address: string,
    caller?: { clientId?: string; ip?: string },
  ): void;
  /** inviteGroupServiceAccount. */
  invite(groupId: string, clientId: string, input: projects.AssignmentInput): ServiceAccountRecord;
  /** deleteGroupServiceAccount: unassigns only. */
  removeFromProject(groupId: string, clientId: string): void;
}

/** Binds the operations to a model context. */
export function serviceAccountOperations(ctx: ModelContext): ServiceAccountOperations {
  const account = (scope: Scope, clientId: string) => projects.requireAccountIn(ctx, scope, clientId);
  return {
    list: (scope) =>
      "groupId" in scope ? projects.listInProject(ctx, scope.groupId) : accounts.listAccounts(ctx, scope.orgId),
    create: (scope, input) => accounts.createAccount(ctx, scope, input),
    get: account,
    update: (scope, clientId, input) => accounts.applyAccountUpdate(account(scope, clientId), input, scope),
    delete: (orgId, clientId) => accounts.deleteAccount(ctx, orgId, clientId),
    createSecret: (scope, clientId, input) => {
      const sa = account(scope, clientId);
      return secrets.createSecret(ctx, requireOrg(ctx, sa.orgId), sa, input);
    },
    deleteSecret: (scope, clientId, secretId) => secrets.deleteSecret(ctx, account(scope, clientId), secretId),
    projectsOf: (orgId, clientId) => projects.projectsOf(ctx, orgId, clientId),
    accessList: (scope, clientId) => account(scope, clientId).accessList,
    addAccessListEntries: (scope, clientId, input) =>
      addEntries(ctx, SERVICE_ACCOUNT_LISTS, account(scope, clientId), input),
    deleteAccessListEntry: (scope, clientId, address, caller) => {
      const sa = account(scope, clientId);
      removeEntry(SERVICE_ACCOUNT_LISTS, sa, address, caller?.clientId === sa.clientId ? caller.ip : undefined);
    },
    invite: (groupId, clientId, input) => projects.inviteToProject(ctx, groupId, clientId, input),
    removeFromProject: (groupId, clientId) => projects.removeFromProject(ctx, groupId, clientId),
  };
}
