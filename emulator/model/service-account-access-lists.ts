import type { ListKind } from "./entry-rules";
import type { ServiceAccountAccessListEntryRecord, ServiceAccountRecord } from "./types";

/*
 * Access lists of service accounts (shared/reference/atlas-service-accounts.md §5): they restrict
 * the use of tokens, not their creation. Same parsing, canonical form and operations as API key
 * lists (entry-rules.ts); field names `createdAt` / `requestCount` as the spec has them.
 */

/** "200 access-list entries per service account" (MongoDB limits page); also the most items per add. */
export const MAX_ENTRIES = 200;

/**
 * Service-account lists for the operations of entry-rules.ts. A delete of the calling account's own
 * address is refused with 400 `CANNOT_REMOVE_CALLER_FROM_ACCESS_LIST`, as for API keys.
 */
export const SERVICE_ACCOUNT_LISTS: ListKind<ServiceAccountRecord, ServiceAccountAccessListEntryRecord> = {
  ownerNoun: "service account",
  idOf: (sa) => sa.clientId,
  notFoundCode: "SERVICE_ACCOUNT_ACCESS_LIST_ENTRY_NOT_FOUND",
  limit: { max: MAX_ENTRIES, code: "SERVICE_ACCOUNT_ACCESS_LIST_LIMIT_EXCEEDED" },
  fresh: (cidrBlock, createdAt) => ({ cidrBlock, createdAt, requestCount: 0 }),
  touch: (entry, address, now) =>
    Object.assign(entry, { requestCount: entry.requestCount + 1, lastUsedAt: now, lastUsedAddress: address }),
};
