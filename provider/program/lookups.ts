import type * as pulumi from "@pulumi/pulumi";
import type { ApiKeyDetails } from "../atlas/types";
import type * as output from "../types/output";
import { orgRolesOf } from "../shared/key-facts";
import { assignmentsOf, orgIdOf } from "./key-lookups";
import { lookupClient, requireId } from "./lookup-client";

/**
 * The lookups of earlier versions, kept as deprecated aliases: they return
 * `ApiKeyInfo` lists where the `get…` lookups return `@pulumi/mongodbatlas`'s
 * shapes. Both read every page and never return a private key.
 */

/** A key as the deprecated lookups return it. */
export interface ApiKeyInfo {
  /** 24-hex id of the key. */
  apiKeyId: string;
  /** Public key: the 8-letter digest username. */
  publicKey: string;
  /** Description as Atlas holds it. */
  description: string;
  /** Organization roles. */
  roleNames: string[];
  /** The projects the key is assigned to, with its roles there. */
  projectAssignments: output.ProjectApiKeyProjectAssignment[];
}

/** Arguments of {@link listApiKeys}. */
export interface ListApiKeysArgs {
  /** Organization id (24-hex). */
  orgId: string;
}

/** Arguments of {@link listProjectApiKeys}. */
export interface ListProjectApiKeysArgs {
  /** Project id (24-hex). */
  projectId: string;
}

/**
 * Every key of an organization (all pages).
 * @deprecated Use `getApiKeys`: `(await getApiKeys({ orgId })).results`.
 */
export async function listApiKeys(args: ListApiKeysArgs, opts?: pulumi.InvokeOptions): Promise<ApiKeyInfo[]> {
  requireId("orgId", args.orgId);
  return (await (await lookupClient(opts)).listOrgApiKeys(args.orgId)).map((key) => toInfo(key, args.orgId));
}

/**
 * Every key assigned to a project (all pages).
 * @deprecated Use `getProjectApiKeys`: `(await getProjectApiKeys({ projectId })).results`.
 */
export async function listProjectApiKeys(
  args: ListProjectApiKeysArgs,
  opts?: pulumi.InvokeOptions,
): Promise<ApiKeyInfo[]> {
  requireId("projectId", args.projectId);
  return (await (await lookupClient(opts)).listProjectApiKeys(args.projectId)).map((key) => toInfo(key, orgIdOf(key)));
}

function toInfo(key: ApiKeyDetails, orgId: string): ApiKeyInfo {
  return {
    apiKeyId: key.id,
    publicKey: key.publicKey,
    description: key.desc,
    roleNames: orgRolesOf(key, orgId),
    projectAssignments: assignmentsOf(key),
  };
}
