import { AtlasDomainError } from "../model/domain-error";
import type { AtlasModel } from "../model/model";

/** Who is calling: an API key (digest) or a service account (bearer token). */
export type Principal =
  { kind: "apiKey"; id: string; orgId: string } | { kind: "serviceAccount"; id: string; orgId: string };

/**
 * What an operation requires, from the spec's `x-rolesRequirements`:
 * - `orgMember`: any role in the organization ("Organization Member");
 * - `orgOwner`: `ORG_OWNER` (key create, update, delete, access-list writes);
 * - `accessListRead`: `ORG_OWNER`, or the key reading its own access list ("API key access lists
 *   are only accessible by the API key or by a user administrator", table code
 *   API_KEY_WHITELIST_ACCESS_DENIED, live API_KEY_ACCESS_LIST_ACCESS_DENIED);
 * - `projectRead`: `ORG_OWNER`, `ORG_READ_ONLY` or any role in the project ("Project Read Only");
 * - `projectOwner`: `ORG_OWNER` or `GROUP_OWNER` in the project ("Project Owner" / "Project Access Manager").
 * - `orgReadOnly`: `ORG_OWNER` or `ORG_READ_ONLY` ("Organization Read Only": service-account reads);
 * - `projectOrgOwner`: `ORG_OWNER` of the project's organization (inviteGroupServiceAccount).
 */
export type Access =
  "orgMember" | "orgOwner" | "orgReadOnly" | "accessListRead" | "projectRead" | "projectOwner" | "projectOrgOwner";

/*
 * Atlas answers authorization failures with 401 and a specific code (USER_UNAUTHORIZED,
 * USER_CANNOT_ACCESS_ORG, NOT_IN_GROUP are 401 in the Atlas error-code table), not 403. Those
 * 401s carry no digest challenge: the credentials were fine, retrying them cannot help.
 * Existence is checked first, so an unknown id is a 404 whoever asks (live: GROUP_NOT_FOUND).
 */

/** Throws unless `principal` may perform an operation needing `access` on the resource named by `params`. */
export function authorize(
  model: AtlasModel,
  principal: Principal,
  access: Access,
  params: Record<string, string>,
): void {
  const roles = rolesOf(model, principal);
  const orgOwner = roles.org.includes("ORG_OWNER");
  if (access === "projectRead" || access === "projectOwner" || access === "projectOrgOwner") {
    const project = model.getProject(params.groupId);
    const inProject = roles.projects[project.id] ?? [];
    const canRead = orgOwner || roles.org.includes("ORG_READ_ONLY") || inProject.length > 0;
    if (project.orgId !== principal.orgId || !canRead) {
      throw new AtlasDomainError("NOT_IN_GROUP", "The current user is not in the group, or the group does not exist.");
    }
    if (access === "projectOwner" && !orgOwner && !inProject.includes("GROUP_OWNER")) throw unauthorized();
    if (access === "projectOrgOwner" && !orgOwner) throw unauthorized();
    return;
  }
  const org = model.getOrg(params.orgId);
  if (org.id !== principal.orgId || roles.org.length === 0) {
    throw new AtlasDomainError("USER_CANNOT_ACCESS_ORG", "User cannot access this organization.");
  }
  if (access === "orgOwner" && !orgOwner) throw unauthorized();
  if (access === "orgReadOnly" && !orgOwner && !roles.org.includes("ORG_READ_ONLY")) throw unauthorized();
  if (access === "accessListRead" && !orgOwner && !(principal.kind === "apiKey" && principal.id === params.apiUserId)) {
    throw new AtlasDomainError(
      "API_KEY_ACCESS_LIST_ACCESS_DENIED",
      "API key access lists are only accessible by the API key or by a user administrator.",
    );
  }
}

/** Current roles of the principal (read fresh: a role change applies to the next request). */
function rolesOf(model: AtlasModel, principal: Principal): { org: string[]; projects: Record<string, string[]> } {
  const holder =
    principal.kind === "apiKey" ? model.state.apiKeys[principal.id] : model.state.serviceAccounts[principal.id];
  return holder ? { org: holder.orgRoles, projects: holder.projectRoles } : { org: [], projects: {} };
}

function unauthorized(): AtlasDomainError {
  return new AtlasDomainError("USER_UNAUTHORIZED", "Current user is not authorized to perform this action.");
}
