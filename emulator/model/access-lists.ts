import type { ModelContext } from "./context";
import { requireKeyInOrg } from "./api-keys";
import { addEntries, recordUse, removeEntry, requireEntry, type ListKind } from "./entry-rules";
import type { AccessListEntryRecord, ApiKeyRecord } from "./types";

/*
 * API key access lists. Error codes for this resource are partly unknown for live Atlas; the
 * ones below come from the Atlas error-code table, with "whitelist" renamed "access list" the
 * way Atlas renamed API_KEY_WHITELIST_ACCESS_DENIED to API_KEY_ACCESS_LIST_ACCESS_DENIED.
 */

/** One item of the createOrgApiKeyAccessListEntry body: exactly one of the two. */
export interface AccessListEntryInput {
  ipAddress?: string;
  cidrBlock?: string;
}

/**
 * API key lists: no limit on their length here; entries count their use in `count`, `lastUsed`
 * and `lastUsedAddress`. 404 after the documented API_KEY_WHITELIST_NOT_FOUND.
 */
const API_KEY_LISTS: ListKind<ApiKeyRecord, AccessListEntryRecord> = {
  ownerNoun: "API key",
  idOf: (key) => key.id,
  notFoundCode: "API_KEY_ACCESS_LIST_NOT_FOUND",
  fresh: (cidrBlock, created) => ({ cidrBlock, created, count: 0 }),
  touch: (entry, address, now) =>
    Object.assign(entry, { count: entry.count + 1, lastUsed: now, lastUsedAddress: address }),
};

/** listOrgApiKeyAccessListEntries: entries in insertion order. */
export function listAccessList(ctx: ModelContext, orgId: string, apiUserId: string): AccessListEntryRecord[] {
  return requireKeyInOrg(ctx, orgId, apiUserId).accessList;
}

/**
 * createOrgApiKeyAccessListEntry: validates every item first, then adds all of them (all or
 * nothing). `{ipAddress: "a.b.c.d"}` is stored as `cidrBlock: "a.b.c.d/32"` plus `ipAddress`,
 * with `count: 0` and no `lastUsed`, as live Atlas does. Returns the key's whole list.
 */
export function addAccessListEntries(
  ctx: ModelContext,
  orgId: string,
  apiUserId: string,
  input: AccessListEntryInput[],
): AccessListEntryRecord[] {
  return addEntries(ctx, API_KEY_LISTS, requireKeyInOrg(ctx, orgId, apiUserId), input);
}

/** getOrgApiKeyAccessListEntry: `address` may be `1.2.3.4` or `1.2.3.4/32` (path already decoded). */
export function getAccessListEntry(
  ctx: ModelContext,
  orgId: string,
  apiUserId: string,
  address: string,
): AccessListEntryRecord {
  return requireEntry(API_KEY_LISTS, requireKeyInOrg(ctx, orgId, apiUserId), address);
}

/**
 * deleteOrgApiKeyAccessListEntry. "You cannot remove the requesting IP address from the
 * requesting organization API key": when the caller is this key and its address falls in the
 * entry, the removal is refused (400, code after the documented CANNOT_REMOVE_CALLER_FROM_WHITELIST).
 */
export function deleteAccessListEntry(
  ctx: ModelContext,
  orgId: string,
  apiUserId: string,
  address: string,
  caller?: { apiKeyId?: string; ip?: string },
): void {
  const key = requireKeyInOrg(ctx, orgId, apiUserId);
  removeEntry(API_KEY_LISTS, key, address, caller?.apiKeyId === key.id ? caller.ip : undefined);
}

/** Counts a request from `ip` on every entry of the key that contains it (count, lastUsed, lastUsedAddress). */
export function recordAccessListUse(ctx: ModelContext, key: ApiKeyRecord, ip: string): boolean {
  return recordUse(ctx, API_KEY_LISTS, key, ip);
}
