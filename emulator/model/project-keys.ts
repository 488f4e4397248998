import { AtlasDomainError } from "./domain-error";
import type { ModelContext } from "./context";
import { applyKeyUpdate, byPublicKey, insertKey, keyNotFound, requireKey } from "./api-keys";
import { requireProject } from "./organizations";
import { requireProjectRoles, splitProjectKeyRoles } from "./roles";
import type { ApiKeyRecord } from "./types";
import { rejectUnknownAttributes, requireArray, requireDesc, requireObject, requireRoleNames } from "./validation";

/** Body of createGroupApiKey (`CreateAtlasProjectApiKey`). */
export interface CreateProjectKeyInput {
  desc: string;
  roles: string[];
}

/** One item of the addGroupApiKey body (`UserAccessRoleAssignment`). */
export interface RoleAssignmentInput {
  roles: string[];
}

/** Body of updateGroupApiKeyRoles (`UpdateAtlasProjectApiKey`). */
export interface UpdateProjectKeyInput {
  desc?: string;
  roles?: string[];
}

/** listGroupApiKeys: keys assigned to the project, sorted by public key. */
export function listProjectKeys(ctx: ModelContext, groupId: string): ApiKeyRecord[] {
  requireProject(ctx, groupId);
  return Object.values(ctx.state.apiKeys)
    .filter((k) => k.projectRoles[groupId])
    .sort(byPublicKey);
}

/**
 * createGroupApiKey: creates an organization key and assigns it to the project in one step.
 * Live Atlas gives the new key the org role `ORG_MEMBER` when no org role is requested
 * (`[GROUP_READ_ONLY]` comes back as `[{orgId, ORG_MEMBER}, {groupId, GROUP_READ_ONLY}]`).
 */
export function createProjectKey(ctx: ModelContext, groupId: string, input: CreateProjectKeyInput): ApiKeyRecord {
  const project = requireProject(ctx, groupId);
  const body = requireObject(input);
  rejectUnknownAttributes(body, ["desc", "roles"]);
  const desc = requireDesc(body.desc);
  const { org, project: projectRoles } = splitProjectKeyRoles(requireRoleNames(body.roles), groupId);
  return insertKey(ctx, project.orgId, desc, org.length > 0 ? org : ["ORG_MEMBER"], { [groupId]: projectRoles });
}

/**
 * addGroupApiKey: assigns an existing organization key to the project. The body is an array of
 * `{roles}`; their union becomes the key's roles in the project.
 */
export function assignKey(
  ctx: ModelContext,
  groupId: string,
  apiUserId: string,
  input: RoleAssignmentInput[],
): ApiKeyRecord {
  const project = requireProject(ctx, groupId);
  const roles = new Set<string>();
  for (const item of requireArray(input)) {
    const assignment = requireObject(item);
    // userId is read-only in the spec; accept it when it names this key, as a client echoing it back would.
    rejectUnknownAttributes(assignment, ["roles", "userId"]);
    for (const role of requireRoleNames(assignment.roles)) roles.add(role);
  }
  if (roles.size === 0) throw new AtlasDomainError("MISSING_API_KEY_ROLES", "API keys must have at least one role.");
  requireProjectRoles([...roles], groupId);
  const key = requireKey(ctx, apiUserId);
  if (key.orgId !== project.orgId) {
    throw new AtlasDomainError(
      "API_KEY_CAN_ONLY_BELONG_TO_ONE_ORG",
      "API keys may only belong to a single organization.",
    );
  }
  if (key.projectRoles[groupId]) {
    // Live: HTTP 400, detail "API key is already in the group.", Params: [] (terraform-provider-mongodbatlas #2645).
    throw new AtlasDomainError("API_KEY_ALREADY_IN_GROUP", "API key is already in the group.");
  }
  key.projectRoles[groupId] = [...roles];
  return key;
}

/** updateGroupApiKeyRoles: `roles` replace the key's roles in this project; `desc` renames the key. */
export function updateProjectKey(
  ctx: ModelContext,
  groupId: string,
  apiUserId: string,
  input: UpdateProjectKeyInput,
): ApiKeyRecord {
  return applyKeyUpdate(requireAssignedKey(ctx, groupId, apiUserId), input, { groupId });
}

/** removeGroupApiKey: unassigns the key from the project; the key stays in the organization. */
export function unassignKey(ctx: ModelContext, groupId: string, apiUserId: string): void {
  const key = requireAssignedKey(ctx, groupId, apiUserId);
  delete key.projectRoles[groupId];
}

/**
 * A key assigned to the project. A key that exists but is not assigned is reported as
 * `API_KEY_NOT_FOUND` too (emulator choice): clients decide "gone" by that code, and from the
 * project's point of view the key is not there.
 */
function requireAssignedKey(ctx: ModelContext, groupId: string, apiUserId: string): ApiKeyRecord {
  const project = requireProject(ctx, groupId);
  const key = ctx.state.apiKeys[apiUserId];
  if (!key || key.orgId !== project.orgId || !key.projectRoles[groupId]) throw keyNotFound(apiUserId);
  return key;
}
