import { AtlasDomainError } from "./domain-error";

/**
 * Organization roles an API key can hold: the enum of `CreateAtlasOrganizationApiKey.roles`
 * in the current official spec (see shared/reference/atlas-role-enums.json).
 */
export const ORG_ROLES: readonly string[] = [
  "ORG_OWNER",
  "ORG_MEMBER",
  "ORG_GROUP_CREATOR",
  "ORG_BILLING_ADMIN",
  "ORG_BILLING_READ_ONLY",
  "ORG_STREAM_PROCESSING_ADMIN",
  "ORG_READ_ONLY",
];

/**
 * Project roles: the last published enum (spec of 2026-02-12). The current spec types them as
 * plain strings, but live Atlas still rejects names it does not know, so the emulator does too.
 */
export const PROJECT_ROLES: readonly string[] = [
  "GROUP_BACKUP_MANAGER",
  "GROUP_CLUSTER_MANAGER",
  "GROUP_DATA_ACCESS_ADMIN",
  "GROUP_DATA_ACCESS_READ_ONLY",
  "GROUP_DATA_ACCESS_READ_WRITE",
  "GROUP_DATABASE_ACCESS_ADMIN",
  "GROUP_OBSERVABILITY_VIEWER",
  "GROUP_OWNER",
  "GROUP_READ_ONLY",
  "GROUP_SEARCH_INDEX_EDITOR",
  "GROUP_STREAM_PROCESSING_OWNER",
];

/** True for one of the seven organization roles. */
export function isOrgRole(role: string): boolean {
  return ORG_ROLES.includes(role);
}

/** True for one of the known project roles. */
export function isProjectRole(role: string): boolean {
  return PROJECT_ROLES.includes(role);
}

/*
 * Invalid-role errors use the documented codes INVALID_ROLE_FOR_ORG / INVALID_ROLE_FOR_GROUP
 * (Atlas error-code table). The documented template reads "Role %s invalid for organization %s."
 * but live answers match /Invalid role/ (the Terraform provider's acceptance test), so the detail
 * starts with "Invalid role" and still names the role and the scope.
 */

/** Rejects any role that is not an organization role (org-level endpoints). */
export function requireOrgRoles(roles: readonly string[], orgId: string): void {
  for (const role of roles) {
    if (!isOrgRole(role)) {
      throw new AtlasDomainError("INVALID_ROLE_FOR_ORG", `Invalid role ${role} for organization ${orgId}.`, [
        role,
        orgId,
      ]);
    }
  }
}

/** Rejects any role that is not a project role (assign and update-roles endpoints). */
export function requireProjectRoles(roles: readonly string[], groupId: string): void {
  for (const role of roles) {
    if (!isProjectRole(role)) {
      throw invalidForGroup(role, groupId);
    }
  }
}

/**
 * An organization, or one project: where a key or a service account is granted roles, and where
 * the API reaches it from (`/orgs/{orgId}/...` or `/groups/{groupId}/...`).
 */
export type Scope = { orgId: string } | { groupId: string };

/** Rejects any role that cannot be granted in the scope. */
export function requireRolesIn(scope: Scope, roles: readonly string[]): void {
  if ("groupId" in scope) requireProjectRoles(roles, scope.groupId);
  else requireOrgRoles(roles, scope.orgId);
}

/** Replaces the roles a key or service account holds in the scope. */
export function setRolesIn(
  holder: { orgRoles: string[]; projectRoles: Record<string, string[]> },
  scope: Scope,
  roles: string[],
): void {
  if ("groupId" in scope) holder.projectRoles[scope.groupId] = roles;
  else holder.orgRoles = roles;
}

/**
 * Splits the roles of a create-project-key request. That endpoint accepted organization roles as
 * well (the 2026-02-12 enum of `CreateAtlasProjectApiKey` lists both), and it needs at least one
 * project role, otherwise the new key would not be in the project at all.
 */
export function splitProjectKeyRoles(roles: readonly string[], groupId: string): { org: string[]; project: string[] } {
  const org: string[] = [];
  const project: string[] = [];
  for (const role of roles) {
    if (isOrgRole(role)) org.push(role);
    else if (isProjectRole(role)) project.push(role);
    else throw invalidForGroup(role, groupId);
  }
  if (project.length === 0) {
    throw new AtlasDomainError(
      "INVALID_ROLE_FOR_GROUP",
      `Invalid role set for group ${groupId}: a project API key needs at least one GROUP_* role.`,
      [roles.join(","), groupId],
    );
  }
  return { org, project };
}

function invalidForGroup(role: string, groupId: string): AtlasDomainError {
  return new AtlasDomainError("INVALID_ROLE_FOR_GROUP", `Invalid role ${role} for group ${groupId}.`, [role, groupId]);
}
