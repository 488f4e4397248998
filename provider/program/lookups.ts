import * as pulumi from "@pulumi/pulumi";
import type { ApiKeyDetails, AtlasApi } from "../atlas/types";
import { connectionFor } from "../atlas/connection";
import { resolveSettings } from "../config/settings";
import { objectIdProblem } from "../shared/ids";
import { orgOf, orgRolesOf, projectRolesOf, projectsOf } from "../shared/key-facts";

/**
 * Plain async lookups for programs (the data sources of other tools). They run
 * in the program process with the same credentials as the resources (stack
 * config `mongodbatlas:*`, then the environment). Private keys are never
 * returned: Atlas shows them only once, at creation.
 */

/** A key as the lookups return it. */
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
  projectAssignments: { projectId: string; roleNames: string[] }[];
}

/** Arguments of {@link getApiKey}. */
export interface GetApiKeyArgs {
  /** Organization id (24-hex). */
  orgId: string;
  /** Key id (24-hex), not the public key. */
  apiKeyId: string;
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

/** One organization key. Fails with Atlas's API_KEY_NOT_FOUND when it does not exist. */
export async function getApiKey(args: GetApiKeyArgs): Promise<ApiKeyInfo> {
  requireId("orgId", args.orgId);
  requireId("apiKeyId", args.apiKeyId);
  return toInfo(await client().getOrgApiKey(args.orgId, args.apiKeyId), args.orgId);
}

/** Every key of an organization (all pages). */
export async function listApiKeys(args: ListApiKeysArgs): Promise<ApiKeyInfo[]> {
  requireId("orgId", args.orgId);
  return (await client().listOrgApiKeys(args.orgId)).map((key) => toInfo(key, args.orgId));
}

/** Every key assigned to a project (all pages). */
export async function listProjectApiKeys(args: ListProjectApiKeysArgs): Promise<ApiKeyInfo[]> {
  requireId("projectId", args.projectId);
  return (await client().listProjectApiKeys(args.projectId)).map((key) => {
    const orgId = orgOf(key) ?? "";
    return toInfo(key, orgId);
  });
}

function toInfo(key: ApiKeyDetails, orgId: string): ApiKeyInfo {
  return {
    apiKeyId: key.id,
    publicKey: key.publicKey,
    description: key.desc,
    roleNames: orgRolesOf(key, orgId),
    projectAssignments: projectsOf(key).map((projectId) => ({ projectId, roleNames: projectRolesOf(key, projectId) })),
  };
}

function requireId(property: string, value: unknown): void {
  const problem = objectIdProblem(property, value);
  if (problem) throw new Error(problem);
}

/** The process's one client (atlas/connection.ts), for the stack config and environment of the program. */
export function client(): AtlasApi {
  const config = new pulumi.Config("mongodbatlas");
  const settings = resolveSettings({ config: (key) => config.get(key.split(":")[1]), env: process.env });
  return connectionFor(settings).client;
}
