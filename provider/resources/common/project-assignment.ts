import { sameRoles } from "../../shared/roles";
import { changedFields, type ModelDiff } from "./contract";

/**
 * The model ApiKeyProjectAssignment and ServiceAccountProjectAssignment share: a
 * member of a project (a key, named by `apiKeyId`, or a service account, by
 * `clientId`) and its project roles. The two kinds differ only in the name of the
 * member's id, so each model names it and takes the rest from here.
 */
export type ProjectAssignmentOf<MemberId extends string> = {
  projectId: string;
  /** Project roles, a set (compared without order or repetitions). */
  roles: string[];
} & Record<MemberId, string>;

/** Resource id: `projectId/<member id>` (unique, unlike the bare projectId other tools use). */
export function projectAssignmentResourceId(projectId: string, memberId: string): string {
  return `${projectId}/${memberId}`;
}

/** The diff of an assignment: project and member are identity (replace); roles update in place, as a set. */
export function projectAssignmentDiff<MemberId extends string>(memberId: MemberId) {
  return (olds: ProjectAssignmentOf<MemberId>, news: ProjectAssignmentOf<MemberId>): ModelDiff => {
    const replaces = changedFields(olds, news, ["projectId", memberId]);
    return { replaces, updates: sameRoles(olds.roles, news.roles) ? [] : ["roles"] };
  };
}
