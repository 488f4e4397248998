import type * as pulumi from "@pulumi/pulumi";
import type { ApiKeyDetails } from "../atlas/types";
import { orgOf, orgRolesOf, projectRolesOf, projectsOf } from "../shared/key-facts";
import type * as output from "../types/output";
import { lookupClient, outputForm, pageOf, requireId } from "./lookup-client";

/**
 * Lookups of keys, named and shaped as `@pulumi/mongodbatlas` returns them
 * (`id`, `orgId`, `results`). Lists read every page. Private keys are never
 * returned (`privateKey` is `""`): Atlas shows them only once, at creation.
 */

/** Arguments of {@link getApiKey}. */
export interface GetApiKeyArgs {
  /** Organization id (24-hex). */
  orgId: string;
  /** Key id (24-hex), not the public key. */
  apiKeyId: string;
}

/** Arguments of {@link getApiKeyOutput}. */
export interface GetApiKeyOutputArgs {
  /** Organization id (24-hex). */
  orgId: pulumi.Input<string>;
  /** Key id (24-hex), not the public key. */
  apiKeyId: pulumi.Input<string>;
}

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
  requireId("orgId", args.orgId);
  requireId("apiKeyId", args.apiKeyId);
  const key = await (await lookupClient(opts)).getOrgApiKey(args.orgId, args.apiKeyId);
  return {
    id: `${args.orgId}/${key.id}`,
    orgId: args.orgId,
    ...orgKeyOf(key, args.orgId),
    projectAssignments: assignmentsOf(key),
  };
}

/** {@link getApiKey} with inputs and an `Output` result. */
export const getApiKeyOutput: (
  args: GetApiKeyOutputArgs,
  opts?: pulumi.InvokeOutputOptions,
) => pulumi.Output<GetApiKeyResult> = outputForm(getApiKey);

/** Arguments of {@link getApiKeys}. */
export interface GetApiKeysArgs {
  /** Organization id (24-hex). */
  orgId: string;
  /** Only this page (from 1) of the complete list; every key when omitted. */
  pageNum?: number;
  /** Page size for `pageNum` (default 100). */
  itemsPerPage?: number;
}

/** Arguments of {@link getApiKeysOutput}. */
export interface GetApiKeysOutputArgs {
  /** Organization id (24-hex). */
  orgId: pulumi.Input<string>;
  /** Only this page (from 1) of the complete list; every key when omitted. */
  pageNum?: pulumi.Input<number | undefined>;
  /** Page size for `pageNum` (default 100). */
  itemsPerPage?: pulumi.Input<number | undefined>;
}

/** The keys of an organization. */
export interface GetApiKeysResult {
  /** The organization id. */
  readonly id: string;
  /** Organization id. */
  readonly orgId: string;
  /** As given. */
  readonly pageNum?: number;
  /** As given. */
  readonly itemsPerPage?: number;
  /** Every key (every page read), or the page asked for. */
  readonly results: output.GetApiKeysResult[];
}

/** Every key of an organization (all pages). */
export async function getApiKeys(args: GetApiKeysArgs, opts?: pulumi.InvokeOptions): Promise<GetApiKeysResult> {
  requireId("orgId", args.orgId);
  const keys = await (await lookupClient(opts)).listOrgApiKeys(args.orgId);
  const results = pageOf(keys, args.pageNum, args.itemsPerPage).map((key) => orgKeyOf(key, args.orgId));
  return { id: args.orgId, orgId: args.orgId, pageNum: args.pageNum, itemsPerPage: args.itemsPerPage, results };
}

/** {@link getApiKeys} with inputs and an `Output` result. */
export const getApiKeysOutput: (
  args: GetApiKeysOutputArgs,
  opts?: pulumi.InvokeOutputOptions,
) => pulumi.Output<GetApiKeysResult> = outputForm(getApiKeys);

/** Arguments of {@link getProjectApiKey}. */
export interface GetProjectApiKeyArgs {
  /** Project id (24-hex). */
  projectId: string;
  /** Key id (24-hex). */
  apiKeyId: string;
}

/** Arguments of {@link getProjectApiKeyOutput}. */
export interface GetProjectApiKeyOutputArgs {
  /** Project id (24-hex). */
  projectId: pulumi.Input<string>;
  /** Key id (24-hex). */
  apiKeyId: pulumi.Input<string>;
}

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
  requireId("projectId", args.projectId);
  requireId("apiKeyId", args.apiKeyId);
  const keys = await (await lookupClient(opts)).listProjectApiKeys(args.projectId);
  const key = keys.find((k) => k.id === args.apiKeyId);
  if (!key) throw new Error(`API key ${args.apiKeyId} is not assigned to project ${args.projectId}.`);
  return { id: `${args.projectId}/${key.id}`, projectId: args.projectId, ...projectKeyOf(key) };
}

/** {@link getProjectApiKey} with inputs and an `Output` result. */
export const getProjectApiKeyOutput: (
  args: GetProjectApiKeyOutputArgs,
  opts?: pulumi.InvokeOutputOptions,
) => pulumi.Output<GetProjectApiKeyResult> = outputForm(getProjectApiKey);

/** Arguments of {@link getProjectApiKeys}. */
export interface GetProjectApiKeysArgs {
  /** Project id (24-hex). */
  projectId: string;
  /** Only this page (from 1) of the complete list; every key when omitted. */
  pageNum?: number;
  /** Page size for `pageNum` (default 100). */
  itemsPerPage?: number;
}

/** Arguments of {@link getProjectApiKeysOutput}. */
export interface GetProjectApiKeysOutputArgs {
  /** Project id (24-hex). */
  projectId: pulumi.Input<string>;
  /** Only this page (from 1) of the complete list; every key when omitted. */
  pageNum?: pulumi.Input<number | undefined>;
  /** Page size for `pageNum` (default 100). */
  itemsPerPage?: pulumi.Input<number | undefined>;
}

/** The keys assigned to a project. */
export interface GetProjectApiKeysResult {
  /** The project id. */
  readonly id: string;
  /** Project id. */
  readonly projectId: string;
  /** As given. */
  readonly pageNum?: number;
  /** As given. */
  readonly itemsPerPage?: number;
  /** Every key (every page read), or the page asked for. */
  readonly results: output.GetProjectApiKeysResult[];
}

/** Every key assigned to a project (all pages). */
export async function getProjectApiKeys(
  args: GetProjectApiKeysArgs,
  opts?: pulumi.InvokeOptions,
): Promise<GetProjectApiKeysResult> {
  requireId("projectId", args.projectId);
  const keys = await (await lookupClient(opts)).listProjectApiKeys(args.projectId);
  const results = pageOf(keys, args.pageNum, args.itemsPerPage).map(projectKeyOf);
  return {
    id: args.projectId,
    projectId: args.projectId,
    pageNum: args.pageNum,
    itemsPerPage: args.itemsPerPage,
    results,
  };
}

/** {@link getProjectApiKeys} with inputs and an `Output` result. */
export const getProjectApiKeysOutput: (
  args: GetProjectApiKeysOutputArgs,
  opts?: pulumi.InvokeOutputOptions,
) => pulumi.Output<GetProjectApiKeysResult> = outputForm(getProjectApiKeys);

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
