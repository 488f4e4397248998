import type * as pulumi from "@pulumi/pulumi";
import { Failures } from "../../shared/check-failures";
import { orgRoleProblems } from "../../shared/roles";
import { checkAccessList, checkDescription, checkId, checkKeepers, checkRoles } from "../../shared/validators";
import { checkAdoption } from "../../shared/adoption";
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
    ...checkAdoption(failures, news),
    rotation: checkRotation(failures, news.rotation),
  };
  return { inputs: clean(inputs), failures: failures.list };
}
