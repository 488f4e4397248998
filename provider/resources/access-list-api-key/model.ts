import { changedFields } from "../common/contract";
import { parseEntry } from "../../shared/access-list";

/** Checked inputs of AccessListApiKey: exactly one of `ipAddress` / `cidrBlock`. */
export interface AccessListInputs {
  orgId: string;
  apiKeyId: string;
  ipAddress?: string;
  cidrBlock?: string;
}

/** Outputs: `cidrBlock` always (Atlas reports a single address as /32), `ipAddress` for a single address. */
export interface AccessListOutputs extends AccessListInputs {
  cidrBlock: string;
}

/** The canonical entry: `a.b.c.d` for a single address (also when written `a.b.c.d/32`), the network CIDR otherwise. */
export function entryOf(inputs: Pick<AccessListInputs, "ipAddress" | "cidrBlock">): string {
  const parsed = parseEntry("entry", inputs.ipAddress ?? inputs.cidrBlock);
  if (typeof parsed === "string") throw new Error(parsed);
  return parsed.entry;
}

/** Resource id: `orgId/apiKeyId/entry`; the entry may contain `/`. */
export function accessListResourceId(inputs: AccessListInputs): string {
  return `${inputs.orgId}/${inputs.apiKeyId}/${entryOf(inputs)}`;
}

/** Outputs for an entry. */
export function toAccessListOutputs(orgId: string, apiKeyId: string, entry: string): AccessListOutputs {
  const parsed = parseEntry("entry", entry);
  if (typeof parsed === "string") throw new Error(parsed);
  return parsed.ipAddress === undefined
    ? { orgId, apiKeyId, cidrBlock: parsed.cidrBlock }
    : { orgId, apiKeyId, ipAddress: parsed.ipAddress, cidrBlock: parsed.cidrBlock };
}

/** Everything is identity here: any change replaces; writing the same entry another way is no change. */
export function diffAccessList(olds: AccessListOutputs, news: AccessListInputs): string[] {
  const replaces = changedFields(olds, news, ["orgId", "apiKeyId"]);
  if (entryOf(olds) !== entryOf(news)) replaces.push(news.ipAddress !== undefined ? "ipAddress" : "cidrBlock");
  return replaces;
}
