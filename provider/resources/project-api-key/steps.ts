import { normalizeRoles } from "../../shared/roles";
import type { AppliedSteps } from "../common/applied-steps";
import type { HandlerContext } from "../common/contract";
import { syncAccessListSteps } from "../common/access-list-steps";
import { GONE_WHEN, goneIf } from "../../atlas/not-found";
import { assignToProject } from "../common/key-operations";
import { assignmentDelta, type ProjectApiKeyInputs, type ProjectApiKeyOutputs, type ProjectAssignment } from "./model";

/**
 * The steps of a ProjectApiKey update, in this order: description, assignments added, roles
 * changed, assignments removed, access-list entries added, entries removed. Each is one Atlas
 * write, recorded once confirmed (applied-steps.ts). Adding before removing keeps the key usable
 * in at least one project throughout a move. Project endpoints are used wherever Atlas has one,
 * so credentials with GROUP_OWNER in the projects (and no organization role) can update the key;
 * only the access list needs the organization's ORG_OWNER.
 */
export async function updateProjectKey(
  ctx: HandlerContext,
  steps: AppliedSteps<ProjectApiKeyOutputs>,
  news: ProjectApiKeyInputs,
): Promise<void> {
  const { orgId, apiKeyId } = steps.state;
  if (steps.state.description !== news.description) {
    const project = assignedProject(steps.state.projectAssignments);
    await steps.run({
      name: "setting the description",
      run: async () => {
        if (project) await ctx.atlas.updateProjectApiKey(project, apiKeyId, { desc: news.description });
        else await ctx.atlas.updateOrgApiKey(orgId, apiKeyId, { desc: news.description });
      },
      applied: (state) => {
        state.description = news.description;
      },
      unsure: (state) => {
        // No valid description is empty: the next diff sets it again whatever Atlas holds.
        state.description = "";
      },
    });
  }
  const delta = assignmentDelta(steps.state.projectAssignments ?? [], news.projectAssignments);
  for (const assignment of [...delta.add, ...delta.update]) {
    const recorded = steps.state.projectAssignments?.find((a) => a.projectId === assignment.projectId);
    await steps.run({
      name: `${recorded ? "setting the roles in" : "assigning the key to"} project ${assignment.projectId}`,
      // A project recorded with no roles is one whose assignment is not known: assign (or adopt) it.
      run: () =>
        recorded?.roleNames.length
          ? ctx.atlas
              .updateProjectApiKey(assignment.projectId, apiKeyId, { roles: assignment.roleNames })
              .then(() => undefined)
          : assignToProject(ctx, assignment.projectId, apiKeyId, assignment.roleNames),
      applied: (state) => setRoles(state, assignment.projectId, assignment.roleNames),
      unsure: (state) => setRoles(state, assignment.projectId, []),
    });
  }
  for (const projectId of delta.remove) {
    await steps.run({
      name: `unassigning the key from project ${projectId}`,
      run: async () => {
        await goneIf(ctx.atlas.unassignApiKeyFromProject(projectId, apiKeyId), GONE_WHEN.projectAssignment);
      },
      applied: (state) => {
        state.projectAssignments = state.projectAssignments.filter((a) => a.projectId !== projectId);
      },
      unsure: (state) => setRoles(state, projectId, []),
    });
  }
  if (news.accessList !== undefined) await syncAccessListSteps(ctx, steps, orgId, apiKeyId, news.accessList);
}

/**
 * Records the roles the key holds in a project; `[]` means "not known" (the next update assigns
 * or unassigns it again). A new project goes last, so the first one, the host, stays first.
 */
function setRoles(state: ProjectApiKeyOutputs, projectId: string, roles: string[]): void {
  const others = state.projectAssignments.filter((a) => a.projectId !== projectId);
  const index = state.projectAssignments.findIndex((a) => a.projectId === projectId);
  const entry: ProjectAssignment = { projectId, roleNames: normalizeRoles(roles) };
  state.projectAssignments =
    index < 0 ? [...others, entry] : [...others.slice(0, index), entry, ...others.slice(index)];
}

/** A project the key is known to be assigned to: its project endpoints accept the key there. */
function assignedProject(assignments: ProjectAssignment[] | undefined): string | undefined {
  return assignments?.find((a) => a.roleNames.length > 0)?.projectId;
}
