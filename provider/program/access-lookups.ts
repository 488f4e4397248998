import type * as pulumi from "@pulumi/pulumi";
import type { AccessListEntry } from "../atlas/types";
import { parseEntry } from "../shared/access-list";
import { projectRolesOf } from "../shared/key-facts";
import type * as output from "../types/output";
import {
  checkedClient,
  listLookup,
  outputForm,
  requireId,
  type InputsOf,
  type ListResult,
  type Lookup,
  type OrgKeyScope,
  type PageArgs,
  type ProjectScope,
} from "./lookup-client";

/**
 * Lookups of access-list entries and project assignments, named and shaped as
 * `@pulumi/mongodbatlas` returns them. Lists read every page.
 */

/** Arguments of {@link getAccessListApiKey}. */
export interface GetAccessListApiKeyArgs extends OrgKeyScope {
  /** The entry: an address (`203.0.113.7`) or a CIDR block (`203.0.113.0/24`). */
  ipAddress: string;
}

/** Arguments of {@link getAccessListApiKeyOutput}. */
export type GetAccessListApiKeyOutputArgs = InputsOf<GetAccessListApiKeyArgs>;

/** One access-list entry of a key. */
export interface GetAccessListApiKeyResult extends output.GetAccessListApiKeysResult {
  /** `orgId/apiKeyId/entry`: what `AccessListApiKey.get` takes. */
  readonly id: string;
  /** Organization id. */
  readonly orgId: string;
  /** Key id. */
  readonly apiKeyId: string;
}

/** One entry of a key's access list; fails with Atlas's error when the key has no such entry. */
export async function getAccessListApiKey(
  args: GetAccessListApiKeyArgs,
  opts?: pulumi.InvokeOptions,
): Promise<GetAccessListApiKeyResult> {
  const api = await checkedClient(opts, { orgId: args.orgId, apiKeyId: args.apiKeyId });
  const parsed = parseEntry("ipAddress", args.ipAddress, true);
  if (typeof parsed === "string") throw new Error(parsed);
  const entry = parsed.entry;
  const found = await api.getAccessListEntry(args.orgId, args.apiKeyId, entry);
  return {
    id: `${args.orgId}/${args.apiKeyId}/${entry}`,
    orgId: args.orgId,
    apiKeyId: args.apiKeyId,
    ...entryOf(found),
  };
}

/** {@link getAccessListApiKey} with inputs and an `Output` result. */
export const getAccessListApiKeyOutput = outputForm(getAccessListApiKey);

/** Arguments of {@link getAccessListApiKeys}: the key, and optionally a page. */
export interface GetAccessListApiKeysArgs extends OrgKeyScope, PageArgs {}

/** Arguments of {@link getAccessListApiKeysOutput}. */
export type GetAccessListApiKeysOutputArgs = InputsOf<GetAccessListApiKeysArgs>;

/** A key's access list. */
export interface GetAccessListApiKeysResult extends ListResult<OrgKeyScope, output.GetAccessListApiKeysResult> {}

/** Every entry of a key's access list (all pages). */
export const getAccessListApiKeys: Lookup<GetAccessListApiKeysArgs, GetAccessListApiKeysResult> = listLookup(
  ["orgId", "apiKeyId"],
  (api, { orgId, apiKeyId }: OrgKeyScope) => api.listAccessListEntries(orgId, apiKeyId),
  entryOf,
);

/** {@link getAccessListApiKeys} with inputs and an `Output` result. */
export const getAccessListApiKeysOutput = outputForm(getAccessListApiKeys);

/** Arguments of {@link getApiKeyProjectAssignment}. */
export interface GetApiKeyProjectAssignmentArgs extends ProjectScope {
  /** Key id (24-hex). */
  apiKeyId: string;
}

/** Arguments of {@link getApiKeyProjectAssignmentOutput}. */
export type GetApiKeyProjectAssignmentOutputArgs = InputsOf<GetApiKeyProjectAssignmentArgs>;

/** A key's assignment to a project. */
export interface GetApiKeyProjectAssignmentResult extends output.GetApiKeyProjectAssignmentsResult {
  /** `projectId/apiKeyId`: what `ApiKeyProjectAssignment.get` takes. */
  readonly id: string;
}

/** A key's roles in a project; fails naming both ids when the key is not assigned there. */
export async function getApiKeyProjectAssignment(
  args: GetApiKeyProjectAssignmentArgs,
  opts?: pulumi.InvokeOptions,
): Promise<GetApiKeyProjectAssignmentResult> {
  const { results } = await getApiKeyProjectAssignments({ projectId: args.projectId }, opts);
  requireId("apiKeyId", args.apiKeyId);
  const found = results.find((a) => a.apiKeyId === args.apiKeyId);
  if (!found) throw new Error(`API key ${args.apiKeyId} is not assigned to project ${args.projectId}.`);
  return { id: `${args.projectId}/${args.apiKeyId}`, ...found };
}

/** {@link getApiKeyProjectAssignment} with inputs and an `Output` result. */
export const getApiKeyProjectAssignmentOutput = outputForm(getApiKeyProjectAssignment);

/** Arguments of {@link getApiKeyProjectAssignments}: the project. */
export interface GetApiKeyProjectAssignmentsArgs extends ProjectScope {}

/** Arguments of {@link getApiKeyProjectAssignmentsOutput}. */
export type GetApiKeyProjectAssignmentsOutputArgs = InputsOf<GetApiKeyProjectAssignmentsArgs>;

/** The keys assigned to a project, with their roles there. */
export interface GetApiKeyProjectAssignmentsResult {
  /** Project id. */
  readonly projectId: string;
  /** Every assignment (every page read). */
  readonly results: output.GetApiKeyProjectAssignmentsResult[];
}

/** Every key assigned to a project, with its roles there (all pages). */
export async function getApiKeyProjectAssignments(
  args: GetApiKeyProjectAssignmentsArgs,
  opts?: pulumi.InvokeOptions,
): Promise<GetApiKeyProjectAssignmentsResult> {
  const keys = await (await checkedClient(opts, { projectId: args.projectId })).listProjectApiKeys(args.projectId);
  const results = keys.map((key) => ({
    apiKeyId: key.id,
    projectId: args.projectId,
    roles: projectRolesOf(key, args.projectId),
  }));
  return { projectId: args.projectId, results };
}

/** {@link getApiKeyProjectAssignments} with inputs and an `Output` result. */
export const getApiKeyProjectAssignmentsOutput = outputForm(getApiKeyProjectAssignments);

function entryOf(entry: AccessListEntry): output.GetAccessListApiKeysResult {
  return {
    accessCount: entry.count ?? 0,
    cidrBlock: entry.cidrBlock,
    created: entry.created ?? "",
    ipAddress: entry.ipAddress ?? "",
    lastUsed: entry.lastUsed ?? "",
    lastUsedAddress: entry.lastUsedAddress ?? "",
  };
}
