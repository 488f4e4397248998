/**
 * Atlas role names. Organization roles are a closed set in the current spec;
 * project roles lost their enum in Feb 2026, so a client that rejects unknown
 * `GROUP_*` names breaks the day Atlas adds one: validate the shape, and only
 * warn about names not in the last published list.
 * Source: the Atlas Admin API v2 spec (`CreateAtlasOrganizationApiKey.roles`)
 * and its last version with project role enums (2026-02-12).
 */
/** The organization roles an organization key may hold (closed set in the spec). */
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
 * Project roles Atlas had published when this package was released. Other
 * well-formed `GROUP_*` names pass validation with a warning.
 */
export const KNOWN_PROJECT_ROLES: readonly string[] = [
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

const PROJECT_ROLE_SHAPE = /^GROUP_[A-Z][A-Z0-9_]*$/;

/** Sorted, without duplicates: roles are a set to Atlas, and their order in responses is not stable. */
export function normalizeRoles(roles: readonly string[]): string[] {
  return [...new Set(roles)].sort();
}

/** True when both lists hold the same roles, whatever their order or repetitions. */
export function sameRoles(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const x = normalizeRoles(a ?? []);
  const y = normalizeRoles(b ?? []);
  return x.length === y.length && x.every((role, i) => role === y[i]);
}

/**
 * One kind of role list, as its check sees it: which names it takes, and what to
 * say about a name it does not take. The usual mistake is a role of the other
 * kind (a project role on an organization key, or the reverse), which gets its
 * own message naming where such a role goes.
 */
interface RoleKind {
  /** What the list should hold, for the message about an empty list. */
  example: string;
  accepts(role: string): boolean;
  /** After `"<role>" `: a role of the other kind. */
  otherKindMessage: string;
  /** After `"<role>" `: any other name. */
  unknownMessage: string;
}

const ORGANIZATION: RoleKind = {
  example: "organization roles such as ORG_READ_ONLY",
  accepts: (role) => ORG_ROLES.includes(role),
  otherKindMessage: `is a project role; an organization key takes organization roles (${ORG_ROLES.join(", ")}). Give project roles with ApiKeyProjectAssignment.`,
  unknownMessage: `is not an organization role. Use one of ${ORG_ROLES.join(", ")}.`,
};

const PROJECT: RoleKind = {
  example: "project roles such as GROUP_READ_ONLY",
  accepts: (role) => PROJECT_ROLE_SHAPE.test(role),
  otherKindMessage:
    "is an organization role; a project assignment takes project roles (GROUP_*), e.g. GROUP_READ_ONLY. Set organization roles on ApiKey.roleNames.",
  unknownMessage: `is not a project role. Project roles start with GROUP_, e.g. ${KNOWN_PROJECT_ROLES.slice(0, 3).join(", ")}.`,
};

/** Problems with a list of organization roles, one message per problem. */
export function orgRoleProblems(property: string, roles: unknown): string[] {
  return roleListProblems(property, roles, ORGANIZATION, PROJECT);
}

/** Problems with a list of project roles; unknown but well-shaped `GROUP_*` names pass. */
export function projectRoleProblems(property: string, roles: unknown): string[] {
  return roleListProblems(property, roles, PROJECT, ORGANIZATION);
}

/** One message for an empty list, else one per name `kind` does not take. */
function roleListProblems(property: string, roles: unknown, kind: RoleKind, other: RoleKind): string[] {
  if (!Array.isArray(roles) || roles.length === 0) {
    return [`${property} must list at least one role: give ${kind.example}.`];
  }
  return (roles as unknown[])
    .filter((role) => typeof role !== "string" || !kind.accepts(role))
    .map((role) =>
      typeof role === "string" && other.accepts(role)
        ? `${property}: "${role}" ${kind.otherKindMessage}`
        : `${property}: "${String(role)}" ${kind.unknownMessage}`,
    );
}

/** Well-shaped project roles that are not in the last published list: worth a warning, not an error. */
export function unknownProjectRoles(roles: readonly string[]): string[] {
  return roles.filter((role) => PROJECT_ROLE_SHAPE.test(role) && !KNOWN_PROJECT_ROLES.includes(role));
}
