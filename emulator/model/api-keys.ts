import { AtlasDomainError } from "./domain-error";
import type { ModelContext } from "./context";
import { requireOrg } from "./organizations";
import { requireOrgRoles, requireRolesIn, setRolesIn, type Scope } from "./roles";
import type { ApiKeyRecord } from "./types";
import { rejectUnknownAttributes, requireDesc, requireKeyUpdate, requireObject, requireRoleNames } from "./validation";

/** Body of createOrgApiKey (`CreateAtlasOrganizationApiKey`). */
export interface CreateOrgKeyInput {
  desc: string;
  roles: string[];
}

/** Body of updateOrgApiKey (`UpdateAtlasOrganizationApiKey`): at least one of the two. */
export interface UpdateOrgKeyInput {
  desc?: string;
  roles?: string[];
}

/** Lists follow live Atlas: sorted by public key. */
export function byPublicKey(a: ApiKeyRecord, b: ApiKeyRecord): number {
  return a.publicKey < b.publicKey ? -1 : a.publicKey > b.publicKey ? 1 : 0;
}

/** Any key with this id, whatever its organization, or 404 `API_KEY_NOT_FOUND`. */
export function requireKey(ctx: ModelContext, apiUserId: string): ApiKeyRecord {
  const key = ctx.state.apiKeys[apiUserId];
  if (!key) throw keyNotFound(apiUserId);
  return key;
}

/** The key with this id in this organization; a key of another organization is not found here. */
export function requireKeyInOrg(ctx: ModelContext, orgId: string, apiUserId: string): ApiKeyRecord {
  requireOrg(ctx, orgId);
  const key = ctx.state.apiKeys[apiUserId];
  if (!key || key.orgId !== orgId) throw keyNotFound(apiUserId);
  return key;
}

/** 404 `API_KEY_NOT_FOUND`, worded like Atlas's table ("No API key with ID %s exists."). */
export function keyNotFound(apiUserId: string): AtlasDomainError {
  return new AtlasDomainError("API_KEY_NOT_FOUND", `No API key with ID ${apiUserId} exists.`, [apiUserId]);
}

/** All keys of an organization, sorted by public key. */
export function listOrgKeys(ctx: ModelContext, orgId: string): ApiKeyRecord[] {
  requireOrg(ctx, orgId);
  return Object.values(ctx.state.apiKeys)
    .filter((k) => k.orgId === orgId)
    .sort(byPublicKey);
}

/**
 * Creates a key in the organization. Shared by the org and project create operations:
 * generates a unique public key and a fresh UUID v4 private key.
 */
export function insertKey(
  ctx: ModelContext,
  orgId: string,
  desc: string,
  orgRoles: string[],
  projectRoles: Record<string, string[]> = {},
): ApiKeyRecord {
  const taken = new Set(Object.values(ctx.state.apiKeys).map((k) => k.publicKey));
  let publicKey = ctx.random.publicKey();
  while (taken.has(publicKey)) publicKey = ctx.random.publicKey();
  const key: ApiKeyRecord = {
    id: ctx.newObjectId(),
    orgId,
    desc,
    publicKey,
    privateKey: ctx.random.uuidV4(),
    orgRoles,
    projectRoles,
    accessList: [],
    created: ctx.timestamp(),
  };
  ctx.state.apiKeys[key.id] = key;
  return key;
}

/** createOrgApiKey: `desc` and `roles` (organization roles only) are both required. */
export function createOrgKey(ctx: ModelContext, orgId: string, input: CreateOrgKeyInput): ApiKeyRecord {
  requireOrg(ctx, orgId);
  const body = requireObject(input);
  rejectUnknownAttributes(body, ["desc", "roles"]);
  const desc = requireDesc(body.desc);
  const roles = requireRoleNames(body.roles);
  requireOrgRoles(roles, orgId);
  return insertKey(ctx, orgId, desc, roles);
}

/** getOrgApiKey. */
export function getOrgKey(ctx: ModelContext, orgId: string, apiUserId: string): ApiKeyRecord {
  return requireKeyInOrg(ctx, orgId, apiUserId);
}

/** updateOrgApiKey: new `desc`, and/or `roles` replacing the key's organization roles. */
export function updateOrgKey(
  ctx: ModelContext,
  orgId: string,
  apiUserId: string,
  input: UpdateOrgKeyInput,
): ApiKeyRecord {
  return applyKeyUpdate(requireKeyInOrg(ctx, orgId, apiUserId), input, { orgId });
}

/**
 * An update's `{desc?, roles?}`, validated whole before anything changes (a rejected update leaves
 * the key untouched): a new `desc`, and/or `roles` replacing the key's roles in the scope.
 */
export function applyKeyUpdate(key: ApiKeyRecord, input: unknown, scope: Scope): ApiKeyRecord {
  const { desc, roles } = requireKeyUpdate(input, (names) => requireRolesIn(scope, names));
  if (desc !== undefined) key.desc = desc;
  if (roles) setRolesIn(key, scope, roles);
  return key;
}

/**
 * deleteOrgApiKey. The key's project assignments and access list live on the key record, so
 * they go with it: "MongoDB Cloud also removes that key from any projects that use that key."
 */
export function deleteOrgKey(ctx: ModelContext, orgId: string, apiUserId: string): void {
  requireKeyInOrg(ctx, orgId, apiUserId);
  delete ctx.state.apiKeys[apiUserId];
}

/** The key whose public key (digest user name) this is. */
export function findKeyByPublicKey(ctx: ModelContext, publicKey: string): ApiKeyRecord | undefined {
  return Object.values(ctx.state.apiKeys).find((k) => k.publicKey === publicKey);
}
