import type * as pulumi from "@pulumi/pulumi";
import { Failures } from "../../shared/check-failures";
import { orgRoleProblems } from "../../shared/roles";
import { checkAccessList, checkDescription, checkId, checkKeepers, checkRoles } from "../../shared/validators";
import { clean } from "../common/contract";
import type { ApiKeyInputs } from "./model";

/** Validates and normalizes ApiKey inputs before any request is made. */
export function checkApiKey(news: Partial<ApiKeyInputs>): pulumi.dynamic.CheckResult<ApiKeyInputs> {
  const failures = new Failures();
  const inputs: ApiKeyInputs = {
    orgId: checkId(failures, "orgId", news.orgId),
    description: checkDescription(failures, news.description),
    roleNames: checkRoles(failures, "roleNames", news.roleNames, orgRoleProblems),
    accessList: checkAccessList(failures, news.accessList),
    keepers: checkKeepers(failures, news.keepers),
    adoptApiKeyId:
      news.adoptApiKeyId === undefined ? undefined : checkId(failures, "adoptApiKeyId", news.adoptApiKeyId),
    adoptPrivateKey: news.adoptPrivateKey,
  };
  if (news.adoptPrivateKey !== undefined && news.adoptApiKeyId === undefined) {
    failures.add(
      "adoptPrivateKey",
      "adoptPrivateKey is only used with adoptApiKeyId: set adoptApiKeyId to the id of the key it belongs to.",
    );
  }
  return { inputs: clean(inputs), failures: failures.list };
}
