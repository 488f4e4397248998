import { atlas, reader } from "../../runtime/context";
import { GONE, diffResult, type ResourceHandlers } from "../common/contract";
import { splitResourceId } from "../../shared/resource-ids";
import { assignToProject, ignoreNotFound } from "../common/key-operations";
import { projectRolesOf } from "../project-api-key/model";
import { assignmentResourceId, diffAssignment, type AssignmentInputs, type AssignmentOutputs } from "./model";
import { checkAssignment } from "./validation";

/** ApiKeyProjectAssignment: an existing key assigned to a project. Destroy unassigns only. */
export const assignmentHandlers: ResourceHandlers<AssignmentInputs, AssignmentOutputs> = {
  async check(_olds, news) {
    return checkAssignment(news);
  },

  async diff(_id, olds, news) {
    return diffResult(diffAssignment(olds, news));
  },

  async create(inputs) {
    await assignToProject(inputs.projectId, inputs.apiKeyId, inputs.roles);
    reader().invalidate();
    return { id: assignmentResourceId(inputs.projectId, inputs.apiKeyId), outs: inputs };
  },

  /** A vanished assignment, key or project is dropped from state instead of failing the refresh. */
  async read(id) {
    const [projectId, apiKeyId] = splitResourceId(id, ["projectId", "apiKeyId"], "ApiKeyProjectAssignment");
    const key = await reader().projectKey(projectId, apiKeyId);
    const roles = key ? projectRolesOf(key, projectId) : [];
    if (roles.length === 0) return GONE;
    const state: AssignmentOutputs = { projectId, apiKeyId, roles };
    return { id, props: state, inputs: state };
  },

  async update(_id, olds, news) {
    reader().invalidate();
    await atlas().updateProjectApiKey(olds.projectId, olds.apiKeyId, { roles: news.roles });
    return { outs: news };
  },

  async delete(_id, props) {
    reader().invalidate();
    await ignoreNotFound(atlas().unassignApiKeyFromProject(props.projectId, props.apiKeyId));
  },
};
