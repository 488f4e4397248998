import { sameRoles } from "../../shared/roles";
import { changedFields } from "../common/contract";

/** Checked inputs of ServiceAccountProjectAssignment (names as `mongodbatlas.ServiceAccountProjectAssignment`). */
export interface SaAssignmentInputs {
  projectId: string;
  clientId: string;
  /** Project roles, a sorted set. */
  roles: string[];
}

/** Outputs: the inputs as Atlas holds them. */
export type SaAssignmentOutputs = SaAssignmentInputs;

/** Resource id: `projectId/clientId`. */
export function saAssignmentResourceId(projectId: string, clientId: string): string {
  return `${projectId}/${clientId}`;
}

/** Project and account are identity (replace); roles update in place, compared as a set. */
export function diffSaAssignment(
  olds: SaAssignmentOutputs,
  news: SaAssignmentInputs,
): { replaces: string[]; updates: string[] } {
  const replaces = changedFields(olds, news, ["projectId", "clientId"]);
  return { replaces, updates: sameRoles(olds.roles, news.roles) ? [] : ["roles"] };
}
