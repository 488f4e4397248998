import { hasErrorCode, isAtlasApiError } from "../../atlas/errors";
import { normalizeRoles } from "../../shared/roles";
import { splitServiceAccountResourceId } from "../../shared/service-accounts";
import { AppliedSteps } from "../common/applied-steps";
import { projectAssignmentResourceId } from "../common/project-assignment";
import { clean, GONE, modelCheckAndDiff } from "../common/contract";
import { ignoreGone, unlessGone, type ServiceAccountContext as Ctx } from "../common/service-account-operations";
import { diffSaAssignment, type SaAssignmentInputs as Inputs, type SaAssignmentOutputs as Outputs } from "./model";
import { checkSaAssignment } from "./validation";

/** ServiceAccountProjectAssignment: an account in a project. Destroy unassigns only; the account stays. */
export const serviceAccountAssignmentHandlers = {
  ...modelCheckAndDiff(checkSaAssignment, diffSaAssignment),

  /**
   * `:invite`. An account already in the project (assigned outside Pulumi, or
   * by a run interrupted before it saved state) is adopted with the declared roles.
   */
  async create(ctx: Ctx, inputs: Inputs) {
    const { projectId, clientId, roles } = inputs;
    try {
      await ctx.atlas.assignServiceAccountToProject(projectId, clientId, roles);
    } catch (error) {
      // Atlas's code is unpublished: the emulator's choice (400, after API_KEY_ALREADY_IN_GROUP), or a 409.
      const already =
        hasErrorCode(error, "SERVICE_ACCOUNT_ALREADY_IN_GROUP") || (isAtlasApiError(error) && error.status === 409);
      if (!already) throw error;
      await ctx.atlas.updateProjectServiceAccountRoles(projectId, clientId, roles);
    }
    return { id: projectAssignmentResourceId(projectId, clientId), outs: inputs };
  },

  /** A vanished assignment, account or project is dropped from state instead of failing the refresh. */
  async read(ctx: Ctx, id: string) {
    const [projectId, clientId] = splitServiceAccountResourceId(
      id,
      ["projectId", "clientId"],
      "ServiceAccountProjectAssignment",
    );
    const found = await unlessGone(ctx.atlas.getProjectServiceAccount(projectId, clientId));
    const roles = normalizeRoles(found?.roles ?? []);
    if (roles.length === 0) return GONE;
    const state: Outputs = { projectId, clientId, roles };
    return { id, props: state, inputs: state };
  },

  /** One call; when its outcome is unknown, the roles are recorded as unknown so the next `up` sets them again. */
  async update(ctx: Ctx, id: string, olds: Outputs, news: Inputs) {
    const steps = new AppliedSteps<Outputs>("ServiceAccountProjectAssignment", id, clean(olds), (state) => state);
    await steps.run({
      name: `setting the roles in project ${olds.projectId}`,
      run: async () => {
        await ctx.atlas.updateProjectServiceAccountRoles(olds.projectId, olds.clientId, news.roles);
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

  async delete(ctx: Ctx, _id: string, props: Outputs) {
    await ignoreGone(ctx.atlas.unassignServiceAccountFromProject(props.projectId, props.clientId));
  },
};
