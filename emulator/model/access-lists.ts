import { AtlasDomainError } from "./domain-error";
import type { ModelContext } from "./context";
import { requireKeyInOrg } from "./api-keys";
import { appendEntries, indexOfBlock, parseNewEntries, recordUseOn, refuseCallerRemoval } from "./entry-rules";
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
  const key = requireKeyInOrg(ctx, orgId, apiUserId);
  const blocks = parseNewEntries(input, key.accessList);
  const created = ctx.timestamp();
  return appendEntries(key.accessList, blocks, (cidrBlock): AccessListEntryRecord => ({
    cidrBlock,
    created,
    count: 0,
  }));
}

/** getOrgApiKeyAccessListEntry: `address` may be `1.2.3.4` or `1.2.3.4/32` (path already decoded). */
export function getAccessListEntry(
  ctx: ModelContext,
  orgId: string,
  apiUserId: string,
  address: string,
): AccessListEntryRecord {
  const key = requireKeyInOrg(ctx, orgId, apiUserId);
  return key.accessList[indexOfEntry(key, address)];
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
  const index = indexOfEntry(key, address);
  refuseCallerRemoval(key.accessList[index].cidrBlock, caller?.apiKeyId === key.id ? caller.ip : undefined);
  key.accessList.splice(index, 1);
}

/** Counts a request from `ip` on every entry of the key that contains it (count, lastUsed, lastUsedAddress). */
export function recordAccessListUse(ctx: ModelContext, key: ApiKeyRecord, ip: string): boolean {
  return recordUseOn(key.accessList, ip, (entry, address) => {
    entry.count += 1;
    entry.lastUsed = ctx.timestamp();
    entry.lastUsedAddress = address;
  });
}

function indexOfEntry(key: ApiKeyRecord, address: string): number {
  const index = indexOfBlock(key.accessList, address);
  if (index < 0) {
    // After the documented API_KEY_WHITELIST_NOT_FOUND (404).
    throw new AtlasDomainError(
      "API_KEY_ACCESS_LIST_NOT_FOUND",
      `IP address ${address} not on access list for API key ${key.id}.`,
      [address, key.id],
    );
  }
  return index;
}
