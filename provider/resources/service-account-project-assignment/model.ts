import { projectAssignmentDiff, type ProjectAssignmentOf } from "../common/project-assignment";

/**
 * Checked inputs of ServiceAccountProjectAssignment (names as `mongodbatlas.ServiceAccountProjectAssignment`):
 * an account (`clientId`) and its roles in a project, a sorted set.
 */
export type SaAssignmentInputs = ProjectAssignmentOf<"clientId">;

/** Outputs: the inputs as Atlas holds them. */
export type SaAssignmentOutputs = SaAssignmentInputs;

/** Project and account are identity (replace); roles update in place, compared as a set. */
export const diffSaAssignment = projectAssignmentDiff("clientId");
