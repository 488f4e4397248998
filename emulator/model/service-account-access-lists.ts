import type { ModelContext } from "./context";
import { AtlasDomainError } from "./domain-error";
import { appendEntries, indexOfBlock, parseNewEntries, recordUseOn, refuseCallerRemoval } from "./entry-rules";
import type { ServiceAccountAccessListEntryRecord, ServiceAccountRecord } from "./types";

/*
 * Access lists of service accounts (shared/reference/atlas-service-accounts.md §5): they restrict
 * the use of tokens, not their creation. Same parsing and canonical form as API key lists; field
 * names `createdAt` / `requestCount` as the spec has them.
 */

/** "200 access-list entries per service account" (MongoDB limits page); also the most items per add. */
export const MAX_ENTRIES = 200;

/** createOrgServiceAccountAccessList: adds every item or none, returns the whole list. */
export function addEntries(
  ctx: ModelContext,
  sa: ServiceAccountRecord,
  input: Array<{ ipAddress?: string; cidrBlock?: string }>,
): ServiceAccountAccessListEntryRecord[] {
  const blocks = parseNewEntries(input, sa.accessList);
  if (sa.accessList.length + blocks.length > MAX_ENTRIES) {
    throw new AtlasDomainError(
      "SERVICE_ACCOUNT_ACCESS_LIST_LIMIT_EXCEEDED",
      `A service account may have at most ${MAX_ENTRIES} access-list entries.`,
      [MAX_ENTRIES],
    );
  }
  const createdAt = ctx.timestamp();
  return appendEntries(sa.accessList, blocks, (cidrBlock): ServiceAccountAccessListEntryRecord => ({
    cidrBlock,
    createdAt,
    requestCount: 0,
  }));
}

/**
 * deleteOrgServiceAccountAccessListEntry (`address` decoded from `%2F`). Refuses to remove the
 * calling account's own address with 400 `CANNOT_REMOVE_CALLER_FROM_ACCESS_LIST`, as for API keys.
 */
export function deleteEntry(
  sa: ServiceAccountRecord,
  address: string,
  caller?: { clientId?: string; ip?: string },
): void {
  const index = indexOfBlock(sa.accessList, address);
  if (index < 0) {
    throw new AtlasDomainError(
      "SERVICE_ACCOUNT_ACCESS_LIST_ENTRY_NOT_FOUND",
      `IP address ${address} not on access list for service account ${sa.clientId}.`,
      [address, sa.clientId],
    );
  }
  refuseCallerRemoval(sa.accessList[index].cidrBlock, caller?.clientId === sa.clientId ? caller.ip : undefined);
  sa.accessList.splice(index, 1);
}

/** Counts a token use from `ip` on the matching entries; false when none matches. */
export function recordUse(ctx: ModelContext, sa: ServiceAccountRecord, ip: string): boolean {
  return recordUseOn(sa.accessList, ip, (entry, address) => {
    entry.requestCount += 1;
    entry.lastUsedAt = ctx.timestamp();
    entry.lastUsedAddress = address;
  });
}
