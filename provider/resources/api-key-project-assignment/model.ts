import { sameRoles } from "../../shared/roles";
import { changedFields } from "../common/contract";

/** Checked inputs of ApiKeyProjectAssignment. */
export interface AssignmentInputs {
  projectId: string;
  apiKeyId: string;
  roles: string[];
}

/** Outputs: the inputs as Atlas holds them. */
export type AssignmentOutputs = AssignmentInputs;

/** Resource id: `projectId/apiKeyId` (unique, unlike the bare projectId other tools use). */
export function assignmentResourceId(projectId: string, apiKeyId: string): string {
  return `${projectId}/${apiKeyId}`;
}

/** Identity (project, key) replaces; roles update in place, compared as a set. */
export function diffAssignment(
  olds: AssignmentOutputs,
  news: AssignmentInputs,
): { replaces: string[]; updates: string[] } {
  const replaces = changedFields(olds, news, ["projectId", "apiKeyId"]);
  return { replaces, updates: sameRoles(olds.roles, news.roles) ? [] : ["roles"] };
}
