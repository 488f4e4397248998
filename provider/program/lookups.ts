import type * as pulumi from "@pulumi/pulumi";
import type { ApiKeyDetails } from "../atlas/types";
import type * as output from "../types/output";
import { orgRolesOf } from "../shared/key-facts";
import { assignmentsOf, orgIdOf } from "./key-lookups";
import { checkedClient } from "./lookup-client";

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
  return (await (await checkedClient(opts, { orgId: args.orgId })).listOrgApiKeys(args.orgId)).map((key) =>
    toInfo(key, args.orgId),
  );
}

/**
 * Every key assigned to a project (all pages).
 * @deprecated Use `getProjectApiKeys`: `(await getProjectApiKeys({ projectId })).results`.
 */
export async function listProjectApiKeys(
  args: ListProjectApiKeysArgs,
  opts?: pulumi.InvokeOptions,
): Promise<ApiKeyInfo[]> {
  return (await (await checkedClient(opts, { projectId: args.projectId })).listProjectApiKeys(args.projectId)).map(
    (key) => toInfo(key, orgIdOf(key)),
  );
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
