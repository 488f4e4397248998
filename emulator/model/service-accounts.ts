import type { ModelContext } from "./context";
import { AtlasDomainError } from "./domain-error";
import { requireOrg, requireProject } from "./organizations";
import { requireOrgRoles, requireProjectRoles, requireRolesIn, setRolesIn, type Scope } from "./roles";
import { addSecret, requireSecretHours } from "./service-account-secrets";
import type { ServiceAccountRecord } from "./types";
import { isAbsent, rejectUnknownAttributes, requireObject } from "./validation";

/*
 * Organization service accounts (shared/reference/atlas-service-accounts.md §1a, §2, §6). Atlas
 * publishes no service-account error code: the ones below are emulator choices, marked as such
 * in http/errors.ts; clients should decide on the HTTP status.
 */

/** "200 service accounts per organization" (MongoDB limits page). */
export const MAX_ACCOUNTS_PER_ORG = 200;

/** Body of createOrgServiceAccount (`OrgServiceAccountRequest`). */
export interface CreateServiceAccountInput {
  name: string;
  description: string;
  roles: string[];
  secretExpiresAfterHours?: number;
  withoutInitialSecret?: boolean;
}

/**
 * Body of updateOrgServiceAccount (`OrgServiceAccountUpdateRequest`) and of updateGroupServiceAccount
 * (`GroupServiceAccountUpdateRequest`, the same fields); roles replace the old ones.
 */
export interface UpdateServiceAccountInput {
  name?: string;
  description?: string;
  roles?: string[];
}

/** Input of the seeding path ({@link insertServiceAccount}); no validation of the body shape. */
export interface SeedServiceAccountInput {
  name?: string;
  /** Organization roles; default `["ORG_OWNER"]`. */
  roles?: string[];
  /** Project id → project roles. */
  projectRoles?: Record<string, string[]>;
}

const TEXT_PATTERN = /^[\p{L}\p{N}\-_.,' ]*$/u;

/** 404 `SERVICE_ACCOUNT_NOT_FOUND` (emulator choice; a malformed client id is not found too, as live). */
export function accountNotFound(clientId: string): AtlasDomainError {
  return new AtlasDomainError("SERVICE_ACCOUNT_NOT_FOUND", `No service account with client ID ${clientId} exists.`, [
    clientId,
  ]);
}

/** 400 `VALIDATION_ERROR` naming the attribute (the spec's example code for a 400). */
export function validationError(attribute: string, rule: string): AtlasDomainError {
  return new AtlasDomainError("VALIDATION_ERROR", `Invalid ${attribute}: ${rule}.`, [attribute]);
}

/** The account with this client id in this organization; an account of another organization is not found here. */
export function requireAccount(ctx: ModelContext, orgId: string, clientId: string): ServiceAccountRecord {
  requireOrg(ctx, orgId);
  const sa = ctx.state.serviceAccounts[clientId];
  if (!sa || sa.orgId !== orgId) throw accountNotFound(clientId);
  return sa;
}

/** listOrgServiceAccounts: oldest first. */
export function listAccounts(ctx: ModelContext, orgId: string): ServiceAccountRecord[] {
  requireOrg(ctx, orgId);
  return Object.values(ctx.state.serviceAccounts).filter((sa) => sa.orgId === orgId);
}

/**
 * createOrgServiceAccount: validates the whole body first (name, description, organization roles,
 * secret lifetime within the organization's bounds), then creates the account with its first
 * secret, unless `withoutInitialSecret`. At most {@link MAX_ACCOUNTS_PER_ORG} per organization.
 * From a project (createGroupServiceAccount), `roles` are roles in that project.
 */
export function createAccount(ctx: ModelContext, scope: Scope, input: CreateServiceAccountInput): ServiceAccountRecord {
  const orgId = "groupId" in scope ? requireProject(ctx, scope.groupId).orgId : scope.orgId;
  const org = requireOrg(ctx, orgId);
  const body = requireObject(input);
  rejectUnknownAttributes(body, ["name", "description", "roles", "secretExpiresAfterHours", "withoutInitialSecret"]);
  const name = requireText(body.name, "name", 64);
  const description = requireText(body.description, "description", 250);
  const roles = requireRoles(body.roles);
  requireRolesIn(scope, roles);
  const withoutSecret = body.withoutInitialSecret === true;
  if (!isAbsent(body.withoutInitialSecret) && typeof body.withoutInitialSecret !== "boolean")
    throw validationError("withoutInitialSecret", "must be a boolean");
  if (withoutSecret && !isAbsent(body.secretExpiresAfterHours))
    throw validationError("secretExpiresAfterHours", "must not be set together with withoutInitialSecret");
  const hours = withoutSecret ? undefined : requireSecretHours(org, body.secretExpiresAfterHours);
  if (listAccounts(ctx, orgId).length >= MAX_ACCOUNTS_PER_ORG) {
    throw new AtlasDomainError(
      "SERVICE_ACCOUNT_LIMIT_EXCEEDED",
      `Organization ${orgId} already has the maximum of ${MAX_ACCOUNTS_PER_ORG} service accounts.`,
      [orgId, MAX_ACCOUNTS_PER_ORG],
    );
  }
  // Created as an ORG_MEMBER, then given `roles` in the scope: one created from a project stays an ORG_MEMBER.
  const sa = newAccount(ctx, orgId, name, description, ["ORG_MEMBER"], {});
  setRolesIn(sa, scope, roles);
  if (hours !== undefined) addSecret(ctx, sa, hours);
  return sa;
}

/**
 * deleteOrgServiceAccount. Secrets, project assignments and access list live on the record and go
 * with it; tokens minted from its secrets stop resolving (shared/reference §6, inferred).
 */
export function deleteAccount(ctx: ModelContext, orgId: string, clientId: string): void {
  requireAccount(ctx, orgId, clientId);
  delete ctx.state.serviceAccounts[clientId];
}

/** Seeding and tests: an account with a secret valid for a year, roles checked, no body validation. */
export function insertServiceAccount(
  ctx: ModelContext,
  orgId: string,
  input: SeedServiceAccountInput = {},
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
  const name = input.name ?? "emulator service account";
  const sa = newAccount(ctx, orgId, name, name, orgRoles, projectRoles);
  addSecret(ctx, sa, 8760);
  return sa;
}

/**
 * updateOrgServiceAccount and updateGroupServiceAccount: `{name?, description?, roles?}`, validated
 * whole before anything changes; `roles` replace the account's roles in the scope.
 */
export function applyAccountUpdate(sa: ServiceAccountRecord, input: unknown, scope: Scope): ServiceAccountRecord {
  const body = requireObject(input);
  rejectUnknownAttributes(body, ["name", "description", "roles"]);
  const name = isAbsent(body.name) ? undefined : requireText(body.name, "name", 64);
  const description = isAbsent(body.description) ? undefined : requireText(body.description, "description", 250);
  const roles = isAbsent(body.roles) ? undefined : requireRoles(body.roles);
  if (roles) requireRolesIn(scope, roles);
  if (name !== undefined) sa.name = name;
  if (description !== undefined) sa.description = description;
  if (roles) setRolesIn(sa, scope, roles);
  return sa;
}

/** A non-empty list of role names, duplicates removed. */
export function requireRoles(value: unknown): string[] {
  if (isAbsent(value)) throw validationError("roles", "the attribute is required");
  if (!Array.isArray(value) || !value.every((r) => typeof r === "string"))
    throw validationError("roles", "must be an array of role names");
  if (value.length === 0) throw validationError("roles", "at least one role is required");
  return [...new Set(value as string[])];
}

function requireText(value: unknown, attribute: string, max: number): string {
  if (isAbsent(value)) throw validationError(attribute, "the attribute is required");
  if (typeof value !== "string") throw validationError(attribute, "must be a string");
  if ([...value].length < 1 || [...value].length > max)
    throw validationError(attribute, `must be 1 to ${max} characters`);
  if (!TEXT_PATTERN.test(value))
    throw validationError(attribute, "only letters, digits, spaces and - _ . , ' are allowed");
  return value;
}

function newAccount(
  ctx: ModelContext,
  orgId: string,
  name: string,
  description: string,
  orgRoles: string[],
  projectRoles: Record<string, string[]>,
): ServiceAccountRecord {
  const sa: ServiceAccountRecord = {
    clientId: `mdb_sa_id_${ctx.newObjectId()}`,
    orgId,
    name,
    description,
    orgRoles,
    projectRoles,
    secrets: [],
    accessList: [],
    created: ctx.timestamp(),
  };
  ctx.state.serviceAccounts[sa.clientId] = sa;
  return sa;
}
