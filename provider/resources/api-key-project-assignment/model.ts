import { projectAssignmentDiff, type ProjectAssignmentOf } from "../common/project-assignment";

/** Checked inputs of ApiKeyProjectAssignment: a key (`apiKeyId`) and its roles in a project. */
export type AssignmentInputs = ProjectAssignmentOf<"apiKeyId">;

/** Outputs: the inputs as Atlas holds them. */
export type AssignmentOutputs = AssignmentInputs;

/** Identity (project, key) replaces; roles update in place, compared as a set. */
export const diffAssignment = projectAssignmentDiff("apiKeyId");
