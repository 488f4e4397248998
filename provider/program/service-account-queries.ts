import type {
  ServiceAccountApi,
  ServiceAccountDetails,
  ServiceAccountSecretDetails,
} from "../atlas/service-account-types";
import { normalizeRoles } from "../shared/roles";
import { clientIdProblem } from "../shared/service-accounts";
import { objectIdProblem } from "../shared/ids";
import { canonicalEntry, parseEntry } from "../shared/access-list";
import type { ServiceAccountAccessListEntryDetails } from "../atlas/service-account-types";
import type * as t from "./service-account-lookup-types";

/**
 * The service-account lookups over any client (the program's, or a fake in
 * tests), shaped as `@pulumi/mongodbatlas` returns them. Lists read every page.
 * No clear secret is ever returned: Atlas shows one only in a create answer.
 */

function requireValid(problem: string | undefined): void {
  if (problem) throw new Error(problem);
}

/** Throws the problem with an account's ids, before any request. */
function requireAccount(orgId: string, clientId: string): void {
  requireValid(objectIdProblem("orgId", orgId));
  requireValid(clientIdProblem("clientId", clientId));
}

/** An account as the lookups return it. */
function accountInfo(orgId: string, found: ServiceAccountDetails): t.ServiceAccountInfo {
  return {
    id: `${orgId}/${found.clientId}`,
    orgId,
    clientId: found.clientId,
    name: found.name,
    description: found.description,
    createdAt: found.createdAt,
    roles: normalizeRoles(found.roles ?? []),
    secrets: (found.secrets ?? []).map(secretInfo),
  };
}

function secretInfo(item: ServiceAccountSecretDetails): t.SecretInfo {
  const info: t.SecretInfo = { secretId: item.id, createdAt: item.createdAt, expiresAt: item.expiresAt };
  if (item.lastUsedAt) info.lastUsedAt = item.lastUsedAt;
  if (item.maskedSecretValue) info.maskedSecretValue = item.maskedSecretValue;
  return info;
}

/** The canonical form of a listed entry, whichever field Atlas filled; undefined if unreadable. */
function canonicalOf(item: ServiceAccountAccessListEntryDetails): string | undefined {
  const written = item.ipAddress ?? item.cidrBlock;
  if (typeof written !== "string" || typeof parseEntry("entry", written) === "string") return undefined;
  return canonicalEntry(written);
}

function entryInfo(
  args: { orgId: string; clientId: string },
  entry: string,
  item: ServiceAccountAccessListEntryDetails,
): t.ServiceAccountAccessListEntryInfo {
  const parsed = parseEntry("entry", entry);
  if (typeof parsed === "string") throw new Error(parsed);
  const info: t.ServiceAccountAccessListEntryInfo = {
    id: `${args.orgId}/${args.clientId}/${entry}`,
    orgId: args.orgId,
    clientId: args.clientId,
    cidrBlock: parsed.cidrBlock,
  };
  if (parsed.ipAddress !== undefined) info.ipAddress = parsed.ipAddress;
  if (item.createdAt) info.createdAt = item.createdAt;
  if (item.lastUsedAt) info.lastUsedAt = item.lastUsedAt;
  if (item.lastUsedAddress) info.lastUsedAddress = item.lastUsedAddress;
  if (typeof item.requestCount === "number") info.requestCount = item.requestCount;
  return info;
}

/** The lookups over `api`; every argument is checked before any request. */
export function serviceAccountQueries(api: ServiceAccountApi) {
  const account = async (orgId: string, clientId: string): Promise<t.ServiceAccountInfo> => {
    requireAccount(orgId, clientId);
    return accountInfo(orgId, await api.getServiceAccount(orgId, clientId));
  };
  return {
    getServiceAccount: (args: t.GetServiceAccountArgs): Promise<t.ServiceAccountInfo> =>
      account(args.orgId, args.clientId),

    async getServiceAccounts(args: t.GetServiceAccountsArgs): Promise<t.ServiceAccountsResult> {
      requireValid(objectIdProblem("orgId", args.orgId));
      const all = await api.listServiceAccounts(args.orgId);
      return { orgId: args.orgId, results: all.map((found) => accountInfo(args.orgId, found)) };
    },

    async getServiceAccountSecret(args: t.GetServiceAccountSecretArgs): Promise<t.ServiceAccountSecretLookupInfo> {
      requireValid(objectIdProblem("secretId", args.secretId));
      const found = (await account(args.orgId, args.clientId)).secrets.find((s) => s.secretId === args.secretId);
      if (!found) {
        throw new Error(
          `Service account ${args.clientId} has no secret ${args.secretId} (deleted, or never made): list its secrets with getServiceAccount.`,
        );
      }
      return {
        id: `${args.orgId}/${args.clientId}/${found.secretId}`,
        orgId: args.orgId,
        clientId: args.clientId,
        ...found,
      };
    },

    async getServiceAccountProjectAssignment(
      args: t.GetServiceAccountProjectAssignmentArgs,
    ): Promise<t.ServiceAccountProjectAssignmentInfo> {
      requireValid(objectIdProblem("projectId", args.projectId));
      requireValid(clientIdProblem("clientId", args.clientId));
      const found = await api.getProjectServiceAccount(args.projectId, args.clientId);
      const roles = normalizeRoles(found.roles ?? []);
      return { id: `${args.projectId}/${args.clientId}`, projectId: args.projectId, clientId: args.clientId, roles };
    },

    async getServiceAccountProjectAssignments(
      args: t.GetServiceAccountChildrenArgs,
    ): Promise<t.ServiceAccountProjectAssignmentsResult> {
      requireAccount(args.orgId, args.clientId);
      const projects = await api.listServiceAccountProjects(args.orgId, args.clientId);
      const results = projects.map((p) => ({
        id: `${p.groupId}/${args.clientId}`,
        projectId: p.groupId,
        clientId: args.clientId,
        roles: normalizeRoles(p.roles ?? []),
      }));
      return { orgId: args.orgId, clientId: args.clientId, results };
    },

    async getServiceAccountAccessListEntries(
      args: t.GetServiceAccountChildrenArgs,
    ): Promise<t.ServiceAccountAccessListEntriesResult> {
      requireAccount(args.orgId, args.clientId);
      const list = await api.listServiceAccountAccessList(args.orgId, args.clientId);
      const results: t.ServiceAccountAccessListEntryInfo[] = [];
      for (const item of list) {
        const entry = canonicalOf(item);
        if (entry === undefined) continue;
        results.push(entryInfo(args, entry, item));
      }
      return { orgId: args.orgId, clientId: args.clientId, results };
    },

    async getServiceAccountAccessListEntry(
      args: t.GetServiceAccountAccessListEntryArgs,
    ): Promise<t.ServiceAccountAccessListEntryInfo> {
      const written = args.ipAddress ?? args.cidrBlock;
      const parsed = parseEntry(args.ipAddress !== undefined ? "ipAddress" : "cidrBlock", written);
      if (typeof parsed === "string" || (args.ipAddress !== undefined && args.cidrBlock !== undefined)) {
        throw new Error(typeof parsed === "string" ? parsed : "Give exactly one of ipAddress and cidrBlock.");
      }
      requireAccount(args.orgId, args.clientId);
      const list = await api.listServiceAccountAccessList(args.orgId, args.clientId);
      const found = list.find((item) => canonicalOf(item) === parsed.entry);
      if (!found) throw new Error(`Service account ${args.clientId} has no access-list entry ${parsed.entry}.`);
      return entryInfo(args, parsed.entry, found);
    },
  };
}

/** The result types of the lookups. */
export type ServiceAccountQueries = ReturnType<typeof serviceAccountQueries>;
