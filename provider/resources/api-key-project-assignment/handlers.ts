import { GONE, clean, modelCheckAndDiff, type KindHandlers } from "../common/contract";
import { AppliedSteps } from "../common/applied-steps";
import { splitResourceId } from "../../shared/resource-ids";
import { GONE_WHEN, goneIf } from "../../atlas/not-found";
import { assignToProject } from "../common/key-operations";
import { projectRolesOf } from "../../shared/key-facts";
import { projectAssignmentResourceId } from "../common/project-assignment";
import { diffAssignment, type AssignmentInputs, type AssignmentOutputs } from "./model";
import { checkAssignment } from "./validation";

/** ApiKeyProjectAssignment: an existing key assigned to a project. Destroy unassigns only. */
export const assignmentHandlers: KindHandlers<AssignmentInputs, AssignmentOutputs> = {
  ...modelCheckAndDiff(checkAssignment, diffAssignment),

  async create(ctx, inputs) {
    await assignToProject(ctx, inputs.projectId, inputs.apiKeyId, inputs.roles);
    return { id: projectAssignmentResourceId(inputs.projectId, inputs.apiKeyId), outs: inputs };
  },

  /** A vanished assignment, key or project is dropped from state instead of failing the refresh. */
  async read(ctx, id) {
    const [projectId, apiKeyId] = splitResourceId(id, ["projectId", "apiKeyId"], "ApiKeyProjectAssignment");
    const key = await ctx.reader.projectKey(projectId, apiKeyId);
    const roles = key ? projectRolesOf(key, projectId) : [];
    if (roles.length === 0) return GONE;
    const state: AssignmentOutputs = { projectId, apiKeyId, roles };
    return { id, props: state, inputs: state };
  },

  /** One call; when its outcome is unknown, the roles are recorded as unknown so the next `up` sets them again. */
  async update(ctx, id, olds, news) {
    const steps = new AppliedSteps<AssignmentOutputs>("ApiKeyProjectAssignment", id, clean(olds), (state) => state);
    await steps.run({
      name: `setting the roles in project ${olds.projectId}`,
      run: async () => {
        await ctx.atlas.updateProjectApiKey(olds.projectId, olds.apiKeyId, { roles: news.roles });
      },
      applied: (state) => {
        state.roles = news.roles;
      },
      unsure: (state) => {
        state.roles = [];
      },
    });
    return { outs: news };
  },

  async delete(ctx, _id, props) {
    const unassign = ctx.atlas.unassignApiKeyFromProject(props.projectId, props.apiKeyId);
    await goneIf(unassign, GONE_WHEN.projectAssignment);
  },
};
