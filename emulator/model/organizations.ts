import { AtlasDomainError } from "./domain-error";
import type { ModelContext } from "./context";
import type { OrgRecord, ProjectRecord } from "./types";
import { requireObject } from "./validation";

/*
 * Organizations, projects and service accounts. The Admin API subset the emulator speaks can
 * only read organizations and projects; creating them is for seeding and tests.
 */

/** The organization with this id, or 404 `ORG_NOT_FOUND`. */
export function requireOrg(ctx: ModelContext, orgId: string): OrgRecord {
  const org = ctx.state.orgs[orgId];
  if (!org) throw new AtlasDomainError("ORG_NOT_FOUND", `No organization with ID ${orgId} exists.`, [orgId]);
  return org;
}

/** The project with this id, or 404 `GROUP_NOT_FOUND` (detail worded as live Atlas words it). */
export function requireProject(ctx: ModelContext, groupId: string): ProjectRecord {
  const project = ctx.state.projects[groupId];
  if (!project) throw new AtlasDomainError("GROUP_NOT_FOUND", `No group with ID ${groupId} exists.`, [groupId]);
  return project;
}

/** Creates an organization. */
export function createOrg(ctx: ModelContext, name: string): OrgRecord {
  const org: OrgRecord = { id: ctx.newObjectId(), name, created: ctx.timestamp() };
  ctx.state.orgs[org.id] = org;
  return org;
}

/** Creates a project in an existing organization. */
export function createProject(ctx: ModelContext, orgId: string, name: string): ProjectRecord {
  requireOrg(ctx, orgId);
  const project: ProjectRecord = { id: ctx.newObjectId(), name, orgId, created: ctx.timestamp() };
  ctx.state.projects[project.id] = project;
  return project;
}

/**
 * Deletes a project and every API key / service account assignment to it, as happens when a
 * project is removed outside the tool (useful to test refresh of vanished assignments).
 */
export function deleteProject(ctx: ModelContext, groupId: string): void {
  requireProject(ctx, groupId);
  delete ctx.state.projects[groupId];
  for (const holder of [...Object.values(ctx.state.apiKeys), ...Object.values(ctx.state.serviceAccounts)]) {
    delete holder.projectRoles[groupId];
  }
}

/** Projects of an organization, by name. */
export function listProjects(ctx: ModelContext, orgId: string): ProjectRecord[] {
  requireOrg(ctx, orgId);
  return Object.values(ctx.state.projects)
    .filter((p) => p.orgId === orgId)
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** `OrganizationSettings` as far as the emulator keeps them; the other fields show their defaults. */
export interface OrgSettingsInput {
  maxServiceAccountSecretValidityInHours?: number;
  apiAccessListRequired?: boolean;
}

/** getOrgSettings. */
export function getSettings(ctx: ModelContext, orgId: string): Required<OrgSettingsInput> {
  const org = requireOrg(ctx, orgId);
  return {
    maxServiceAccountSecretValidityInHours: org.maxServiceAccountSecretValidityInHours ?? 8760,
    apiAccessListRequired: org.apiAccessListRequired ?? false,
  };
}

/** updateOrgSettings: `maxServiceAccountSecretValidityInHours` 8..8760 (spec), `apiAccessListRequired` boolean. */
export function updateSettings(ctx: ModelContext, orgId: string, input: OrgSettingsInput): Required<OrgSettingsInput> {
  const org = requireOrg(ctx, orgId);
  const body = requireObject(input);
  const hours = body.maxServiceAccountSecretValidityInHours;
  if (hours !== undefined && (typeof hours !== "number" || !Number.isInteger(hours) || hours < 8 || hours > 8760)) {
    throw new AtlasDomainError(
      "VALIDATION_ERROR",
      "Invalid maxServiceAccountSecretValidityInHours: must be a whole number from 8 to 8760.",
      ["maxServiceAccountSecretValidityInHours"],
    );
  }
  const required = body.apiAccessListRequired;
  if (required !== undefined && typeof required !== "boolean")
    throw new AtlasDomainError("VALIDATION_ERROR", "Invalid apiAccessListRequired: must be a boolean.", [
      "apiAccessListRequired",
    ]);
  if (hours !== undefined) org.maxServiceAccountSecretValidityInHours = hours;
  if (required !== undefined) org.apiAccessListRequired = required;
  return getSettings(ctx, orgId);
}
