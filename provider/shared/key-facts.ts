import { normalizeRoles } from "./roles";

/**
 * What Atlas says of a key, read the same way by every resource and by the
 * lookups. The types are structural, so this module needs nothing from the
 * client: any key record with these fields fits.
 */

/** The roles of a key as Atlas lists them: an organization role carries `orgId`, a project role `groupId`. */
export interface KeyRoles {
  roles: readonly { orgId?: string; groupId?: string; roleName: string }[];
}

/** A key as Atlas returns it (`ApiKeyUserDetails`), reduced to what outputs use. */
export interface KeyRecord extends KeyRoles {
  id: string;
  publicKey: string;
  desc: string;
}

/** What the outputs need to know of a key, whether it came from Atlas or from earlier outputs. */
export interface KeyFacts {
  apiKeyId: string;
  publicKey: string;
  description: string;
  /** Organization roles, sorted. */
  roleNames: string[];
}

/** The facts of a key as Atlas returned it, with its roles in organization `orgId`. */
export function factsOf(key: KeyRecord, orgId: string): KeyFacts {
  return { apiKeyId: key.id, publicKey: key.publicKey, description: key.desc, roleNames: orgRolesOf(key, orgId) };
}

/** The organization roles a key holds in `orgId`, sorted (Atlas's order is not stable). */
export function orgRolesOf(key: KeyRoles, orgId: string): string[] {
  return normalizeRoles(key.roles.filter((role) => role.orgId === orgId).map((role) => role.roleName));
}

/** The key's roles in one project, sorted; empty when it is not assigned there. */
export function projectRolesOf(key: KeyRoles, projectId: string): string[] {
  return normalizeRoles(key.roles.filter((role) => role.groupId === projectId).map((role) => role.roleName));
}

/** The projects a key is assigned to, in the order of first appearance. */
export function projectsOf(key: KeyRoles): string[] {
  return [...new Set(key.roles.flatMap((role) => (role.groupId ? [role.groupId] : [])))];
}

/** The organization of a key: the `orgId` of its first organization role, if any. */
export function orgOf(key: KeyRoles): string | undefined {
  return key.roles.find((role) => role.orgId)?.orgId;
}
