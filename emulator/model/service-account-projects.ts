import type { ModelContext } from "./context";
import { AtlasDomainError } from "./domain-error";
import { requireProject } from "./organizations";
import { requireProjectRoles, type Scope } from "./roles";
import { accountNotFound, requireAccount, requireRoles } from "./service-accounts";
import type { ServiceAccountRecord } from "./types";
import { rejectUnknownAttributes, requireObject } from "./validation";

/*
 * Service accounts in projects (shared/reference/atlas-service-accounts.md §4): `:invite` assigns
 * an organization account with project roles, PATCH changes them, DELETE only unassigns (the
 * account and its credentials stay).
 */

/** Body of inviteGroupServiceAccount (`GroupServiceAccountRoleAssignment`). */
export interface AssignmentInput {
  roles: string[];
}

/** inviteGroupServiceAccount: assigns an account of the project's organization with project roles. */
export function inviteToProject(
  ctx: ModelContext,
  groupId: string,
  clientId: string,
  input: AssignmentInput,
): ServiceAccountRecord {
  const project = requireProject(ctx, groupId);
  const body = requireObject(input);
  rejectUnknownAttributes(body, ["roles"]);
  const roles = requireRoles(body.roles);
  requireProjectRoles(roles, groupId);
  const sa = ctx.state.serviceAccounts[clientId];
  if (!sa || sa.orgId !== project.orgId) throw accountNotFound(clientId);
  if (sa.projectRoles[groupId]) {
    // Not documented; mirrors the live API_KEY_ALREADY_IN_GROUP (400) of API keys. Emulator choice.
    throw new AtlasDomainError(
      "SERVICE_ACCOUNT_ALREADY_IN_GROUP",
      `Service account ${clientId} is already in group ${groupId}.`,
      [clientId, groupId],
    );
  }
  sa.projectRoles[groupId] = roles;
  return sa;
}

/** listGroupServiceAccounts: the accounts assigned to the project, oldest first. */
export function listInProject(ctx: ModelContext, groupId: string): ServiceAccountRecord[] {
  requireProject(ctx, groupId);
  return Object.values(ctx.state.serviceAccounts).filter((sa) => sa.projectRoles[groupId]);
}

/** The account with this client id, as reached from the scope: of the organization, or assigned to the project. */
export function requireAccountIn(ctx: ModelContext, scope: Scope, clientId: string): ServiceAccountRecord {
  return "groupId" in scope
    ? requireInProject(ctx, scope.groupId, clientId)
    : requireAccount(ctx, scope.orgId, clientId);
}

/** getGroupServiceAccount: an account assigned to the project, else 404 `SERVICE_ACCOUNT_NOT_FOUND`. */
function requireInProject(ctx: ModelContext, groupId: string, clientId: string): ServiceAccountRecord {
  const project = requireProject(ctx, groupId);
  const sa = ctx.state.serviceAccounts[clientId];
  if (!sa || sa.orgId !== project.orgId || !sa.projectRoles[groupId]) throw accountNotFound(clientId);
  return sa;
}

/** deleteGroupServiceAccount: unassigns only. */
export function removeFromProject(ctx: ModelContext, groupId: string, clientId: string): void {
  delete requireInProject(ctx, groupId, clientId).projectRoles[groupId];
}

/** getOrgServiceAccountGroups: the projects of the account with its roles there. */
export function projectsOf(
  ctx: ModelContext,
  orgId: string,
  clientId: string,
): Array<{ groupId: string; roles: string[] }> {
  const sa = requireAccount(ctx, orgId, clientId);
  return Object.entries(sa.projectRoles).map(([groupId, roles]) => ({ groupId, roles }));
}
