import type * as pulumi from "@pulumi/pulumi";
import { Failures } from "../../shared/check-failures";
import { checkClientId, checkProjectRoles } from "../../shared/service-accounts";
import { checkId } from "../../shared/validators";
import type { SaAssignmentInputs } from "./model";

/** Validates ServiceAccountProjectAssignment inputs: ids, and project roles only. */
export function checkSaAssignment(news: Partial<SaAssignmentInputs>): pulumi.dynamic.CheckResult<SaAssignmentInputs> {
  const failures = new Failures();
  const inputs: SaAssignmentInputs = {
    projectId: checkId(failures, "projectId", news.projectId),
    clientId: checkClientId(failures, "clientId", news.clientId),
    roles: checkProjectRoles(failures, news.roles),
  };
  return { inputs, failures: failures.list };
}
