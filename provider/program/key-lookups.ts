import type * as pulumi from "@pulumi/pulumi";
import type { ApiKeyDetails } from "../atlas/types";
import { orgOf, orgRolesOf, projectRolesOf, projectsOf } from "../shared/key-facts";
import type * as output from "../types/output";
import {
  checkedClient,
  listLookup,
  outputForm,
  type InputsOf,
  type ListResult,
  type Lookup,
  type OrgKeyScope,
  type OrgScope,
  type PageArgs,
  type ProjectScope,
} from "./lookup-client";

/**
 * Lookups of keys, named and shaped as `@pulumi/mongodbatlas` returns them
 * (`id`, `orgId`, `results`). Lists read every page. Private keys are never
 * returned (`privateKey` is `""`): Atlas shows them only once, at creation.
 */

/** Arguments of {@link getApiKey}: the key's organization and id. */
export interface GetApiKeyArgs extends OrgKeyScope {}

/** Arguments of {@link getApiKeyOutput}. */
export type GetApiKeyOutputArgs = InputsOf<GetApiKeyArgs>;

/** An organization key. */
export interface GetApiKeyResult {
  /** `orgId/apiKeyId`: what `ApiKey.get` takes. */
  readonly id: string;
  /** Organization id. */
  readonly orgId: string;
  /** 24-hex id of the key. */
  readonly apiKeyId: string;
  /** Description as Atlas holds it. */
  readonly description: string;
  /** Public key: the 8-letter digest user name. */
  readonly publicKey: string;
  /** Organization roles, sorted. */
  readonly roleNames: string[];
  /** The projects the key is assigned to, with its roles there (beyond `@pulumi/mongodbatlas`). */
  readonly projectAssignments: output.ProjectApiKeyProjectAssignment[];
}

/** One organization key. Fails with Atlas's API_KEY_NOT_FOUND when it does not exist. */
export async function getApiKey(args: GetApiKeyArgs, opts?: pulumi.InvokeOptions): Promise<GetApiKeyResult> {
  const api = await checkedClient(opts, { orgId: args.orgId, apiKeyId: args.apiKeyId });
  const key = await api.getOrgApiKey(args.orgId, args.apiKeyId);
  return {
    id: `${args.orgId}/${key.id}`,
    orgId: args.orgId,
    ...orgKeyOf(key, args.orgId),
    projectAssignments: assignmentsOf(key),
  };
}

/** {@link getApiKey} with inputs and an `Output` result. */
export const getApiKeyOutput = outputForm(getApiKey);

/** Arguments of {@link getApiKeys}: the organization, and optionally a page. */
export interface GetApiKeysArgs extends OrgScope, PageArgs {}

/** Arguments of {@link getApiKeysOutput}. */
export type GetApiKeysOutputArgs = InputsOf<GetApiKeysArgs>;

/** The keys of an organization. */
export interface GetApiKeysResult extends ListResult<OrgScope, output.GetApiKeysResult> {}

/** Every key of an organization (all pages). */
export const getApiKeys: Lookup<GetApiKeysArgs, GetApiKeysResult> = listLookup(
  ["orgId"],
  (api, { orgId }: OrgScope) => api.listOrgApiKeys(orgId),
  (key, { orgId }) => orgKeyOf(key, orgId),
);

/** {@link getApiKeys} with inputs and an `Output` result. */
export const getApiKeysOutput = outputForm(getApiKeys);

/** Arguments of {@link getProjectApiKey}. */
export interface GetProjectApiKeyArgs extends ProjectScope {
  /** Key id (24-hex). */
  apiKeyId: string;
}

/** Arguments of {@link getProjectApiKeyOutput}. */
export type GetProjectApiKeyOutputArgs = InputsOf<GetProjectApiKeyArgs>;

/** A key assigned to a project. */
export interface GetProjectApiKeyResult {
  /** `projectId/apiKeyId`: what `ProjectApiKey.get` takes. */
  readonly id: string;
  /** Project id, as given. */
  readonly projectId: string;
  /** 24-hex id of the key. */
  readonly apiKeyId: string;
  /** Description as Atlas holds it. */
  readonly description: string;
  /** Public key: the 8-letter digest user name. */
  readonly publicKey: string;
  /** Always `""`: Atlas returns a private key only once, at creation. */
  readonly privateKey: string;
  /** Every project of the organization the key is assigned to, with its roles there. */
  readonly projectAssignments: output.GetProjectApiKeyProjectAssignment[];
}

/** A key assigned to a project; fails naming both ids when the key is not assigned there. */
export async function getProjectApiKey(
  args: GetProjectApiKeyArgs,
  opts?: pulumi.InvokeOptions,
): Promise<GetProjectApiKeyResult> {
  const api = await checkedClient(opts, { projectId: args.projectId, apiKeyId: args.apiKeyId });
  const keys = await api.listProjectApiKeys(args.projectId);
  const key = keys.find((k) => k.id === args.apiKeyId);
  if (!key) throw new Error(`API key ${args.apiKeyId} is not assigned to project ${args.projectId}.`);
  return { id: `${args.projectId}/${key.id}`, projectId: args.projectId, ...projectKeyOf(key) };
}

/** {@link getProjectApiKey} with inputs and an `Output` result. */
export const getProjectApiKeyOutput = outputForm(getProjectApiKey);

/** Arguments of {@link getProjectApiKeys}: the project, and optionally a page. */
export interface GetProjectApiKeysArgs extends ProjectScope, PageArgs {}

/** Arguments of {@link getProjectApiKeysOutput}. */
export type GetProjectApiKeysOutputArgs = InputsOf<GetProjectApiKeysArgs>;

/** The keys assigned to a project. */
export interface GetProjectApiKeysResult extends ListResult<ProjectScope, output.GetProjectApiKeysResult> {}

/** Every key assigned to a project (all pages). */
export const getProjectApiKeys: Lookup<GetProjectApiKeysArgs, GetProjectApiKeysResult> = listLookup(
  ["projectId"],
  (api, { projectId }: ProjectScope) => api.listProjectApiKeys(projectId),
  projectKeyOf,
);

/** {@link getProjectApiKeys} with inputs and an `Output` result. */
export const getProjectApiKeysOutput = outputForm(getProjectApiKeys);

function orgKeyOf(key: ApiKeyDetails, orgId: string): output.GetApiKeysResult {
  return { apiKeyId: key.id, description: key.desc, publicKey: key.publicKey, roleNames: orgRolesOf(key, orgId) };
}

function projectKeyOf(
  key: ApiKeyDetails,
): output.GetProjectApiKeysResult & { projectAssignments: output.ProjectApiKeyProjectAssignment[] } {
  return {
    apiKeyId: key.id,
    description: key.desc,
    publicKey: key.publicKey,
    privateKey: "",
    projectAssignments: assignmentsOf(key),
  };
}

/** The projects of a key with its roles there. */
export function assignmentsOf(key: ApiKeyDetails): output.ProjectApiKeyProjectAssignment[] {
  return projectsOf(key).map((projectId) => ({ projectId, roleNames: projectRolesOf(key, projectId) }));
}

/** The organization of a key listed in a project ("" when Atlas names none). */
export function orgIdOf(key: ApiKeyDetails): string {
  return orgOf(key) ?? "";
}
