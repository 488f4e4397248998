import type * as pulumi from "@pulumi/pulumi";
import { Failures } from "../../shared/check-failures";
import { projectRoleProblems } from "../../shared/roles";
import { checkId, checkRoles } from "../../shared/validators";
import type { AssignmentInputs } from "./model";

/** Validates ApiKeyProjectAssignment inputs: ids, and project roles only (no organization role). */
export function checkAssignment(news: Partial<AssignmentInputs>): pulumi.dynamic.CheckResult<AssignmentInputs> {
  const failures = new Failures();
  const inputs: AssignmentInputs = {
    projectId: checkId(failures, "projectId", news.projectId),
    apiKeyId: checkId(failures, "apiKeyId", news.apiKeyId),
    roles: checkRoles(failures, "roles", news.roles, projectRoleProblems),
  };
  return { inputs, failures: failures.list };
}
