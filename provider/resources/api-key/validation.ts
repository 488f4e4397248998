import type * as pulumi from "@pulumi/pulumi";
import { Failures } from "../../shared/check-failures";
import { orgRoleProblems } from "../../shared/roles";
import {
  absent,
  checkAccessList,
  checkDescription,
  checkId,
  checkKeepers,
  checkPrivateKey,
  checkRoles,
} from "../../shared/validators";
import { clean } from "../common/contract";
import { checkRotation } from "../../shared/rotation-policy";
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
    adoptApiKeyId: absent(news.adoptApiKeyId) ? undefined : checkId(failures, "adoptApiKeyId", news.adoptApiKeyId),
    adoptPrivateKey: absent(news.adoptPrivateKey) ? undefined : news.adoptPrivateKey,
    rotation: checkRotation(failures, news.rotation),
  };
  if (!absent(news.adoptPrivateKey) && absent(news.adoptApiKeyId)) {
    failures.add(
      "adoptPrivateKey",
      "adoptPrivateKey is only used with adoptApiKeyId: set adoptApiKeyId to the id of the key it belongs to.",
    );
  } else if (!absent(news.adoptPrivateKey)) {
    checkPrivateKey(failures, news.adoptPrivateKey);
  }
  return { inputs: clean(inputs), failures: failures.list };
}
