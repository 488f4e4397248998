import { changedFields } from "../common/contract";
import type { ServiceAccountAccessListEntryDetails } from "../../atlas/service-account-types";
import { canonicalEntry, parseEntry } from "../../shared/access-list";

/** Checked inputs of ServiceAccountAccessListEntry: exactly one of `ipAddress` / `cidrBlock`. */
export interface SaAccessListInputs {
  orgId: string;
  clientId: string;
  ipAddress?: string;
  cidrBlock?: string;
}

/** Outputs: `cidrBlock` always (a single address as /32 or /128), `ipAddress` for a single address, usage facts. */
export interface SaAccessListOutputs extends SaAccessListInputs {
  cidrBlock: string;
  createdAt?: string;
  lastUsedAt?: string;
  lastUsedAddress?: string;
  requestCount?: number;
}

/** The canonical entry: the bare address for a single host (also written `a.b.c.d/32`), the network CIDR otherwise. */
export function saEntryOf(inputs: Pick<SaAccessListInputs, "ipAddress" | "cidrBlock">): string {
  return canonicalEntry((inputs.ipAddress ?? inputs.cidrBlock) as string);
}

/** Resource id: `orgId/clientId/entry`; the entry may contain `/`. */
export function saAccessListResourceId(inputs: SaAccessListInputs): string {
  return `${inputs.orgId}/${inputs.clientId}/${saEntryOf(inputs)}`;
}

/** The listed item that is this entry, whichever field Atlas filled. */
export function findEntry(
  list: ServiceAccountAccessListEntryDetails[],
  entry: string,
): ServiceAccountAccessListEntryDetails | undefined {
  return list.find((item) => {
    const value = item.ipAddress ?? item.cidrBlock;
    return (
      typeof value === "string" && typeof parseEntry("entry", value) !== "string" && canonicalEntry(value) === entry
    );
  });
}

/** Outputs for a canonical entry and what Atlas reports of it. */
export function toSaAccessListOutputs(
  orgId: string,
  clientId: string,
  entry: string,
  found?: ServiceAccountAccessListEntryDetails,
): SaAccessListOutputs {
  const parsed = parseEntry("entry", entry);
  if (typeof parsed === "string") throw new Error(parsed);
  const outs: SaAccessListOutputs = { orgId, clientId, cidrBlock: parsed.cidrBlock };
  if (parsed.ipAddress !== undefined) outs.ipAddress = parsed.ipAddress;
  if (found?.createdAt) outs.createdAt = found.createdAt;
  if (found?.lastUsedAt) outs.lastUsedAt = found.lastUsedAt;
  if (found?.lastUsedAddress) outs.lastUsedAddress = found.lastUsedAddress;
  if (typeof found?.requestCount === "number") outs.requestCount = found.requestCount;
  return outs;
}

/** Everything is identity: any change replaces; the same entry written another way is no change. */
export function diffSaAccessList(olds: SaAccessListOutputs, news: SaAccessListInputs): string[] {
  const replaces = changedFields(olds, news, ["orgId", "clientId"]);
  if (saEntryOf(olds) !== saEntryOf(news)) replaces.push(news.ipAddress !== undefined ? "ipAddress" : "cidrBlock");
  return replaces;
}
