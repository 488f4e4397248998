import type * as pulumi from "@pulumi/pulumi";
import { Failures, containsUnknown } from "../../shared/check-failures";
import { projectRoleProblems } from "../../shared/roles";
import { checkAccessList, checkDescription, checkId, checkKeepers, checkRoles } from "../../shared/validators";
import { checkAdoption } from "../../shared/adoption";
import { clean } from "../common/contract";
import { checkRotation } from "../../shared/rotation-policy";
import type { ProjectApiKeyInputs, ProjectAssignment } from "./model";

/** Validates and normalizes ProjectApiKey inputs before any request is made. */
export function checkProjectApiKey(
  news: Partial<ProjectApiKeyInputs>,
): pulumi.dynamic.CheckResult<ProjectApiKeyInputs> {
  const failures = new Failures();
  const inputs: ProjectApiKeyInputs = {
    description: checkDescription(failures, news.description),
    projectAssignments: checkAssignments(failures, news.projectAssignments),
    accessList: checkAccessList(failures, news.accessList),
    keepers: checkKeepers(failures, news.keepers),
    ...checkAdoption(failures, news),
    rotation: checkRotation(failures, news.rotation),
  };
  return { inputs: clean(inputs), failures: failures.list };
}

function checkAssignments(failures: Failures, value: unknown): ProjectAssignment[] {
  if (containsUnknown(value)) return value as ProjectAssignment[];
  if (!Array.isArray(value) || value.length === 0) {
    failures.add(
      "projectAssignments",
      'projectAssignments must list at least one project: [{ projectId, roleNames: ["GROUP_READ_ONLY"] }]. The first one hosts the key\'s creation.',
    );
    return [];
  }
  const seen = new Set<string>();
  return value.map((item: Partial<ProjectAssignment>, i) => {
    const path = `projectAssignments[${i}]`;
    const projectId = checkId(failures, `${path}.projectId`, item?.projectId);
    if (typeof projectId === "string" && seen.has(projectId)) {
      failures.add(
        "projectAssignments",
        `${path}.projectId ${projectId} appears more than once; list each project once with all its roles.`,
      );
    }
    seen.add(projectId);
    return { projectId, roleNames: checkRoles(failures, `${path}.roleNames`, item?.roleNames, projectRoleProblems) };
  });
}
