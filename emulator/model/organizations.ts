import { AtlasDomainError } from "./domain-error";
import type { ModelContext } from "./context";
import type { OrgRecord, ProjectRecord, ServiceAccountRecord } from "./types";
import { requireOrgRoles, requireProjectRoles } from "./roles";

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

/** Input of {@link createServiceAccount}. */
export interface ServiceAccountInput {
  name?: string;
  /** Organization roles; default `["ORG_OWNER"]`. */
  roles?: string[];
  /** Project id → project roles. */
  projectRoles?: Record<string, string[]>;
}

/**
 * Creates a service account. Client ids and secrets follow the live prefixes
 * (`mdb_sa_id_` + 24 hex, `mdb_sa_sk_` + secret) so clients that sniff the format keep working.
 */
export function createServiceAccount(
  ctx: ModelContext,
  orgId: string,
  input: ServiceAccountInput = {},
): ServiceAccountRecord {
  requireOrg(ctx, orgId);
  const orgRoles = [...new Set(input.roles ?? ["ORG_OWNER"])];
  requireOrgRoles(orgRoles, orgId);
  const projectRoles: Record<string, string[]> = {};
  for (const [groupId, roles] of Object.entries(input.projectRoles ?? {})) {
    if (requireProject(ctx, groupId).orgId !== orgId) {
      throw new AtlasDomainError("NOT_IN_GROUP", `Project ${groupId} is not in organization ${orgId}.`, [groupId]);
    }
    requireProjectRoles(roles, groupId);
    projectRoles[groupId] = [...new Set(roles)];
  }
  const sa: ServiceAccountRecord = {
    clientId: `mdb_sa_id_${ctx.newObjectId()}`,
    clientSecret: `mdb_sa_sk_${ctx.random.fromAlphabet("abcdefghijklmnopqrstuvwxyz0123456789", 40)}`,
    orgId,
    name: input.name ?? "emulator service account",
    orgRoles,
    projectRoles,
    created: ctx.timestamp(),
  };
  ctx.state.serviceAccounts[sa.clientId] = sa;
  return sa;
}
