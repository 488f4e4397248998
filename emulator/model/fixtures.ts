import { insertKey } from "./api-keys";
import { AtlasDomainError } from "./domain-error";
import type { AtlasModel } from "./model";
import { requireOrgRoles, requireProjectRoles } from "./roles";
import type { SeedRefs } from "./types";

/** What to create in one seed call (control plane `POST /__emulator/seed`). */
export interface SeedRequest {
  /** Seed into this existing organization instead of creating one. */
  orgId?: string;
  /** Name of the new organization. */
  orgName?: string;
  /** Names of projects to create; default one project for a new organization, none for an existing one. */
  projects?: string[];
  /** The admin API key; `false` for none. Default: `ORG_OWNER`. */
  apiKey?: SeedPrincipal | false;
  /** The service account; `false` for none. Default: `ORG_OWNER`. */
  serviceAccount?: SeedPrincipal | false;
}

/** Roles of a seeded API key or service account. */
export interface SeedPrincipal {
  /**
   * Description of the API key, or name of the service account. Defaults: `emulator admin key`,
   * `emulator service account`.
   */
  desc?: string;
  /** Organization roles; default `["ORG_OWNER"]`, or `["ORG_MEMBER"]` when only `projectRoles` are given. */
  roles?: string[];
  /** Project roles granted in every project this seed call creates. */
  projectRoles?: string[];
}

/** Ids and credentials of what a seed created. */
export interface SeedResult {
  /** Id of the organization seeded into (created, or the one given as `orgId`). */
  orgId: string;
  /** Name of that organization. */
  orgName: string;
  /** Projects created by this seed call, in the order of `projects` (empty when none were created). */
  projectIds: string[];
  /** First of `projectIds`. */
  projectId?: string;
  /** Id of the seeded API key (the `apiUserId` of the API paths); absent with `apiKey: false`. */
  apiKeyId?: string;
  /** Public key of the seeded API key: the digest user name. */
  publicKey?: string;
  /** Private key of the seeded API key, in clear: the digest password. */
  privateKey?: string;
  /** Client id of the seeded service account (`mdb_sa_id_…`); absent with `serviceAccount: false`. */
  clientId?: string;
  /** Client secret of the seeded service account, in clear (`mdb_sa_sk_…`). */
  clientSecret?: string;
}

/**
 * Creates an organization (or uses one), projects, an API key and a service account.
 * All-or-nothing for the role checks: they run before anything is created.
 */
export function seed(model: AtlasModel, request: SeedRequest = {}): SeedResult {
  const keySpec = request.apiKey === false ? undefined : (request.apiKey ?? {});
  const saSpec = request.serviceAccount === false ? undefined : (request.serviceAccount ?? {});
  for (const spec of [keySpec, saSpec]) {
    if (spec) {
      requireOrgRoles(orgRolesOf(spec), request.orgId ?? "(new)");
      requireProjectRoles(spec.projectRoles ?? [], "(new)");
    }
  }
  const org = request.orgId ? model.getOrg(request.orgId) : model.createOrg(request.orgName ?? "emulated-org");
  const names = request.projects ?? (request.orgId ? [] : ["project-0"]);
  const projectIds = names.map((name) => model.createProject(org.id, name).id);
  const grants = (spec: SeedPrincipal): Record<string, string[]> => {
    const roles = [...new Set(spec.projectRoles ?? [])];
    return roles.length === 0 ? {} : Object.fromEntries(projectIds.map((id) => [id, [...roles]]));
  };
  const refs: SeedRefs = { orgId: org.id, projectIds };
  if (keySpec) {
    refs.apiKeyId = insertKey(
      model.ctx,
      org.id,
      keySpec.desc ?? "emulator admin key",
      orgRolesOf(keySpec),
      grants(keySpec),
    ).id;
  }
  if (saSpec) {
    refs.clientId = model.createServiceAccount(org.id, {
      name: saSpec.desc,
      roles: orgRolesOf(saSpec),
      projectRoles: grants(saSpec),
    }).clientId;
  }
  return describeSeed(model, refs);
}

/**
 * The default fixtures every emulator starts with: organization A with two projects, an
 * `ORG_OWNER` API key and an `ORG_OWNER` service account; organization B likewise with one
 * project, for cross-organization tests. Remembered in `state.defaults`.
 */
export function seedDefaults(model: AtlasModel): SeedResult[] {
  // Names without spaces: the spec's name pattern for orgs and groups allows none.
  const primary = seed(model, { orgName: "emulated-org", projects: ["project-0", "project-1"] });
  const secondary = seed(model, { orgName: "other-org", projects: ["other-project"] });
  model.state.defaults = [primary, secondary].map(toRefs);
  return [primary, secondary];
}

/** Credentials of seeded fixtures, looked up again from the state (after a restart, for instance). */
export function describeSeed(model: AtlasModel, refs: SeedRefs): SeedResult {
  const org = model.getOrg(refs.orgId);
  const key = refs.apiKeyId ? model.state.apiKeys[refs.apiKeyId] : undefined;
  const sa = refs.clientId ? model.state.serviceAccounts[refs.clientId] : undefined;
  return {
    orgId: org.id,
    orgName: org.name,
    projectIds: [...refs.projectIds],
    projectId: refs.projectIds[0],
    apiKeyId: key?.id,
    publicKey: key?.publicKey,
    privateKey: key?.privateKey,
    clientId: sa?.clientId,
    clientSecret: sa?.secrets[0]?.secret,
  };
}

function toRefs(result: SeedResult): SeedRefs {
  return { orgId: result.orgId, projectIds: result.projectIds, apiKeyId: result.apiKeyId, clientId: result.clientId };
}

function orgRolesOf(spec: SeedPrincipal): string[] {
  if (spec.roles !== undefined && !Array.isArray(spec.roles)) {
    throw new AtlasDomainError(
      "INVALID_JSON_ATTRIBUTE",
      "Received JSON for the roles attribute does not match expected format.",
      ["roles"],
    );
  }
  return [...new Set(spec.roles ?? (spec.projectRoles?.length ? ["ORG_MEMBER"] : ["ORG_OWNER"]))];
}
