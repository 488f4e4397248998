import type { ApiKeyDetails } from "../../atlas/types";
import { isNotFound } from "../../atlas/errors";
import { atlas, reader } from "../../runtime/context";
import { GONE, clean, diffResult, type ResourceHandlers } from "../common/contract";
import { splitResourceId } from "../../shared/resource-ids";
import { orgRolesOf } from "../api-key/model";
import {
  addAccessListEntries,
  assignToProject,
  deleteOrgKey,
  explainFailedCreate,
  ignoreNotFound,
  readAccessList,
  rollbackCreatedKey,
  syncAccessList,
} from "../common/key-operations";
import {
  assignmentDelta,
  diffProjectApiKey,
  projectApiKeyResourceId,
  projectRolesOf,
  projectsOf,
  toProjectOutputs,
  type ProjectApiKeyInputs,
  type ProjectApiKeyOutputs,
  type ProjectAssignment,
  type ProjectKeyFacts,
} from "./model";
import { checkProjectApiKey } from "./validation";

/**
 * ProjectApiKey: a key created for projects and owned by this resource.
 * Destroy deletes the key (it created it: a live orphan key is worse than none).
 */
export const projectApiKeyHandlers: ResourceHandlers<ProjectApiKeyInputs, ProjectApiKeyOutputs> = {
  async check(_olds, news) {
    return checkProjectApiKey(news);
  },

  async diff(_id, olds, news) {
    return diffResult(diffProjectApiKey(olds, news));
  },

  async create(inputs) {
    const [host, ...others] = inputs.projectAssignments;
    let key: ApiKeyDetails;
    try {
      key = await atlas().createProjectApiKey(host.projectId, { desc: inputs.description, roles: host.roleNames });
    } catch (error) {
      throw await explainFailedCreate(error, () => orgOfProjectOrUndefined(host.projectId), inputs.description);
    }
    const orgId = key.roles.find((role) => role.orgId)?.orgId ?? (await atlas().getProject(host.projectId)).orgId;
    reader().invalidate();
    try {
      for (const assignment of others) await assignToProject(assignment.projectId, key.id, assignment.roleNames);
      await addAccessListEntries(orgId, key.id, inputs.accessList ?? [], true);
    } catch (error) {
      throw await rollbackCreatedKey(
        orgId,
        key,
        error,
        "Assigning the key to its other projects or adding its access list",
      );
    }
    const facts = factsOf(key, orgId, inputs.description);
    const outs = toProjectOutputs(inputs, facts, inputs.projectAssignments, key.privateKey, inputs.accessList);
    return { id: projectApiKeyResourceId(host.projectId, key.id), outs: clean(outs) };
  },

  async read(id, props) {
    const [projectId, apiKeyId] = splitResourceId(id, ["projectId", "apiKeyId"], "ProjectApiKey");
    const orgId = props?.orgId ?? (await orgOfProjectOrUndefined(projectId));
    if (!orgId) return GONE;
    const key = await reader().orgKey(orgId, apiKeyId);
    if (!key) return GONE;
    // Only the projects this resource lists are looked at: assignments made elsewhere are not drift.
    const listed = props?.projectAssignments?.map((a) => a.projectId) ?? projectsOf(key);
    const assignments: ProjectAssignment[] = listed
      .map((project) => ({ projectId: project, roleNames: projectRolesOf(key, project) }))
      .filter((assignment) => assignment.roleNames.length > 0);
    const accessList = props?.accessList === undefined ? undefined : await readAccessList(orgId, apiKeyId);
    if (accessList === null) return GONE;
    const inputs: ProjectApiKeyInputs = clean({
      description: key.desc,
      projectAssignments: assignments,
      accessList,
      keepers: props?.keepers,
    });
    const outs = toProjectOutputs(
      inputs,
      factsOf(key, orgId, key.desc),
      assignments,
      props?.privateKey ?? "",
      accessList,
    );
    return { id, props: clean(outs), inputs };
  },

  async update(_id, olds, news) {
    const { orgId, apiKeyId } = olds;
    reader().invalidate();
    if (olds.description !== news.description) {
      await atlas().updateOrgApiKey(orgId, apiKeyId, { desc: news.description });
    }
    const delta = assignmentDelta(olds.projectAssignments ?? [], news.projectAssignments);
    for (const assignment of delta.add) await assignToProject(assignment.projectId, apiKeyId, assignment.roleNames);
    for (const assignment of delta.update) {
      await atlas().updateProjectApiKey(assignment.projectId, apiKeyId, { roles: assignment.roleNames });
    }
    for (const project of delta.remove) await ignoreNotFound(atlas().unassignApiKeyFromProject(project, apiKeyId));
    if (news.accessList !== undefined) await syncAccessList(orgId, apiKeyId, olds.accessList, news.accessList);
    const { publicKey, roleNames } = olds;
    const facts: ProjectKeyFacts = { orgId, apiKeyId, publicKey, roleNames, description: news.description };
    return { outs: clean(toProjectOutputs(news, facts, news.projectAssignments, olds.privateKey, news.accessList)) };
  },

  async delete(_id, props) {
    await deleteOrgKey(props.orgId, props.apiKeyId);
  },
};

function factsOf(key: ApiKeyDetails, orgId: string, description: string): ProjectKeyFacts {
  return { orgId, apiKeyId: key.id, publicKey: key.publicKey, description, roleNames: orgRolesOf(key, orgId) };
}

/** The organization of a project, or undefined when the project does not exist. */
async function orgOfProjectOrUndefined(projectId: string): Promise<string | undefined> {
  try {
    return (await atlas().getProject(projectId)).orgId;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}
