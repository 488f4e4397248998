import type * as pulumi from "@pulumi/pulumi";
import { Failures, containsUnknown } from "../../shared/check-failures";
import { parseEntry } from "../../shared/access-list";
import { checkAccountIds } from "../../shared/service-accounts";
import { clean } from "../common/contract";
import type { SaAccessListInputs } from "./model";

/** The entry fields: exactly one of them is set. */
type EntryFields = Pick<SaAccessListInputs, "ipAddress" | "cidrBlock">;

/**
 * Validates ServiceAccountAccessListEntry inputs: ids, and exactly one valid
 * entry in canonical form (`a.b.c.d/32` is the address `a.b.c.d`; a CIDR must
 * be a network address, and the message suggests it when host bits are set).
 */
export function checkSaAccessListEntry(
  news: Partial<SaAccessListInputs>,
): pulumi.dynamic.CheckResult<SaAccessListInputs> {
  const failures = new Failures();
  const inputs: SaAccessListInputs = { ...checkAccountIds(failures, news), ...checkOneEntry(failures, news) };
  return { inputs: clean(inputs), failures: failures.list };
}

/** Exactly one of `ipAddress` and `cidrBlock`, valid, the one given in canonical form. */
function checkOneEntry(failures: Failures, news: Partial<SaAccessListInputs>): EntryFields {
  const entry: EntryFields = { ipAddress: news.ipAddress, cidrBlock: news.cidrBlock };
  const given = (["ipAddress", "cidrBlock"] as const).filter(
    (field) => news[field] !== undefined && news[field] !== null,
  );
  if (given.length !== 1) {
    failures.add(
      given.length ? "cidrBlock" : "ipAddress",
      "Set exactly one of ipAddress (e.g. 203.0.113.7) or cidrBlock (e.g. 203.0.113.0/24).",
    );
  } else if (!containsUnknown(news[given[0]])) {
    const field = given[0];
    const parsed = parseEntry(field, news[field]);
    if (typeof parsed === "string") failures.add(field, parsed);
    else if (field === "ipAddress" && parsed.ipAddress === undefined) {
      failures.add("ipAddress", `ipAddress "${news.ipAddress}" is a network; set it as cidrBlock instead.`);
    } else {
      entry[field] = field === "ipAddress" ? parsed.ipAddress : parsed.cidrBlock;
    }
  }
  return entry;
}
