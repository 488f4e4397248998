import type * as pulumi from "@pulumi/pulumi";
import { Failures, containsUnknown } from "../../shared/check-failures";
import { parseEntry } from "../../shared/access-list";
import { absent, checkId } from "../../shared/validators";
import { clean } from "../common/contract";
import type { AccessListInputs } from "./model";

/**
 * Validates AccessListApiKey inputs: ids, and exactly one valid entry. A single
 * address is normalised (`a.b.c.d/32` is the address `a.b.c.d`); a CIDR must be
 * a network address, and the message suggests it when host bits are set.
 */
export function checkAccessListEntry(news: Partial<AccessListInputs>): pulumi.dynamic.CheckResult<AccessListInputs> {
  const failures = new Failures();
  // `null` means "not set" (e.g. `ipAddress: isHost ? address : null`): it must not reach the
  // checked inputs, where the engine would show it in every diff.
  const inputs: AccessListInputs = {
    orgId: checkId(failures, "orgId", news.orgId),
    apiKeyId: checkId(failures, "apiKeyId", news.apiKeyId),
    ipAddress: absent(news.ipAddress) ? undefined : news.ipAddress,
    cidrBlock: absent(news.cidrBlock) ? undefined : news.cidrBlock,
  };
  const given = (["ipAddress", "cidrBlock"] as const).filter((field) => !absent(news[field]));
  if (given.length !== 1) {
    failures.add(
      given.length ? "cidrBlock" : "ipAddress",
      "Set exactly one of ipAddress (e.g. 203.0.113.7) or cidrBlock (e.g. 203.0.113.0/24).",
    );
  } else if (!containsUnknown(news[given[0]])) {
    const parsed = parseEntry(given[0], news[given[0]], true);
    if (typeof parsed === "string") failures.add(given[0], parsed);
    else if (given[0] === "ipAddress" && parsed.ipAddress === undefined) {
      failures.add("ipAddress", `ipAddress "${news.ipAddress}" is a network; set it as cidrBlock instead.`);
    } else {
      inputs[given[0]] = given[0] === "ipAddress" ? parsed.ipAddress : parsed.cidrBlock;
    }
  }
  return { inputs: clean(inputs), failures: failures.list };
}
