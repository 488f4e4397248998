import type { ApiKeyDetails } from "../../atlas/types";
import { GONE_WHEN, goneIf } from "../../atlas/not-found";
import { GONE, clean, diffResult, type HandlerContext, type KindHandlers } from "../common/contract";
import { splitResourceId } from "../../shared/resource-ids";
import {
  deleteRotating,
  diffRotating,
  readRotationFields,
  startRotation,
  updateRotating,
} from "../common/key-rotation";
import { isRotatingResourceId, rotates, rotatingResourceId } from "../../shared/rotation-record";
import { factsOf, orgOf, projectRolesOf, projectsOf } from "../../shared/key-facts";
import {
  addAccessListEntries,
  assignToProject,
  explainFailedCreate,
  readAccessList,
  rollbackCreatedKey,
  syncAccessList,
} from "../common/key-operations";
import {
  assignmentDelta,
  diffProjectApiKey,
  projectApiKeyResourceId,
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
export const projectApiKeyHandlers: KindHandlers<ProjectApiKeyInputs, ProjectApiKeyOutputs> = {
  async check(_ctx, _olds, news) {
    return checkProjectApiKey(news);
  },

  async diff(ctx, _id, olds, news) {
    const model = diffProjectApiKey(olds, news);
    return rotates(olds, news) ? diffRotating(ctx, olds, news, model) : diffResult(model);
  },

  async create(ctx, inputs) {
    const outs = await createProjectKey(ctx, inputs);
    const host = inputs.projectAssignments[0].projectId;
    if (inputs.rotation === undefined) return { id: projectApiKeyResourceId(host, outs.apiKeyId), outs: clean(outs) };
    const id = rotatingResourceId(host, outs.apiKeyId);
    return { id, outs: clean({ ...outs, ...startRotation(ctx, inputs.rotation) }) };
  },

  async read(ctx, id, props) {
    const [projectId, apiKeyId] = keyOf(id, props);
    const orgId = props?.orgId ?? (await orgOfProjectOrUndefined(ctx, projectId));
    if (!orgId) return GONE;
    const key = apiKeyId ? await ctx.reader.orgKey(orgId, apiKeyId) : undefined;
    const accessList = !key || props?.accessList === undefined ? undefined : await readAccessList(ctx, orgId, apiKeyId);
    const rotation = rotates(props, {}) ? await readRotationFields(ctx, orgId, props!) : undefined;
    if (!key || accessList === null) {
      // A rotating resource whose previous key still works stays, with no current key:
      // the next `up` makes a new one. Otherwise the key is gone and so is the resource.
      if (!rotation?.previousApiKeyId) return GONE;
      const { description, projectAssignments, keepers } = props as ProjectApiKeyOutputs;
      const inputs = clean({
        description,
        projectAssignments,
        accessList: props!.accessList,
        keepers,
        rotation: props!.rotation,
      });
      return { id, props: clean({ ...props, ...rotation, apiKeyId: "", publicKey: "", privateKey: "" }), inputs };
    }
    // Only the projects this resource lists are looked at: assignments made elsewhere are not drift.
    const listed = props?.projectAssignments?.map((a) => a.projectId) ?? projectsOf(key);
    const assignments: ProjectAssignment[] = listed
      .map((project) => ({ projectId: project, roleNames: projectRolesOf(key, project) }))
      .filter((assignment) => assignment.roleNames.length > 0);
    const inputs: ProjectApiKeyInputs = clean({
      description: key.desc,
      projectAssignments: assignments,
      accessList,
      keepers: props?.keepers,
      rotation: props?.rotation,
    });
    const facts: ProjectKeyFacts = { ...factsOf(key, orgId), orgId };
    const outs = toProjectOutputs(inputs, facts, assignments, props?.privateKey ?? "", accessList);
    return { id, props: clean({ ...outs, ...rotation }), inputs };
  },

  async update(ctx, id, olds, news) {
    if (!rotates(olds, news)) return { outs: clean(await updateInPlace(ctx, olds, news)) };
    const lifecycle = {
      create: (inputs: ProjectApiKeyInputs) => createProjectKey(ctx, inputs),
      update: (current: ProjectApiKeyOutputs, next: ProjectApiKeyInputs) => updateInPlace(ctx, current, next),
    };
    return { outs: clean(await updateRotating(ctx, id, olds, news, olds.orgId, lifecycle)) };
  },

  async delete(ctx, _id, props) {
    await deleteRotating(ctx, props.orgId, props);
  },
};

/**
 * The key a read looks at: the outputs' `apiKeyId` when there is state (the
 * current key, also after rotations), else the one the id names (`get`).
 */
function keyOf(id: string, props: Partial<ProjectApiKeyOutputs> | undefined): [string, string] {
  const host = props?.projectAssignments?.[0]?.projectId;
  if (host !== undefined && props?.apiKeyId !== undefined) return [host, props.apiKeyId];
  if (isRotatingResourceId(id)) {
    throw new Error(
      `ProjectApiKey id "${id}" names a key with a rotation policy, which is read from its state: to read its current key, use the id <projectId>/<apiKeyId> with the apiKeyId output.`,
    );
  }
  return splitResourceId(id, ["projectId", "apiKeyId"], "ProjectApiKey") as [string, string];
}

/** Creates the key in its first project, then its other projects and access list; rolls back on failure. */
async function createProjectKey(ctx: HandlerContext, inputs: ProjectApiKeyInputs): Promise<ProjectApiKeyOutputs> {
  const [host, ...others] = inputs.projectAssignments;
  let key: ApiKeyDetails;
  try {
    key = await ctx.atlas.createProjectApiKey(host.projectId, { desc: inputs.description, roles: host.roleNames });
  } catch (error) {
    throw await explainFailedCreate(ctx, error, () => orgOfProjectOrUndefined(ctx, host.projectId), inputs.description);
  }
  const orgId = orgOf(key) ?? (await ctx.atlas.getProject(host.projectId)).orgId;
  try {
    for (const assignment of others) await assignToProject(ctx, assignment.projectId, key.id, assignment.roleNames);
    await addAccessListEntries(ctx, orgId, key.id, inputs.accessList ?? [], true);
  } catch (error) {
    throw await rollbackCreatedKey(
      ctx,
      orgId,
      key,
      error,
      "Assigning the key to its other projects or adding its access list",
    );
  }
  const facts: ProjectKeyFacts = { ...factsOf(key, orgId), orgId };
  return toProjectOutputs(inputs, facts, inputs.projectAssignments, key.privateKey, inputs.accessList);
}

/** Description, projects and access list brought to the declared values on the current key. */
async function updateInPlace(
  ctx: HandlerContext,
  olds: ProjectApiKeyOutputs,
  news: ProjectApiKeyInputs,
): Promise<ProjectApiKeyOutputs> {
  const { orgId, apiKeyId } = olds;
  if (olds.description !== news.description) {
    await ctx.atlas.updateOrgApiKey(orgId, apiKeyId, { desc: news.description });
  }
  const delta = assignmentDelta(olds.projectAssignments ?? [], news.projectAssignments);
  for (const assignment of delta.add) await assignToProject(ctx, assignment.projectId, apiKeyId, assignment.roleNames);
  for (const assignment of delta.update) {
    await ctx.atlas.updateProjectApiKey(assignment.projectId, apiKeyId, { roles: assignment.roleNames });
  }
  for (const project of delta.remove) {
    await goneIf(ctx.atlas.unassignApiKeyFromProject(project, apiKeyId), GONE_WHEN.projectAssignment);
  }
  if (news.accessList !== undefined) await syncAccessList(ctx, orgId, apiKeyId, olds.accessList, news.accessList);
  const { publicKey, roleNames } = olds;
  const facts: ProjectKeyFacts = { orgId, apiKeyId, publicKey, roleNames, description: news.description };
  return toProjectOutputs(news, facts, news.projectAssignments, olds.privateKey, news.accessList);
}

/** The organization of a project, or undefined when the project does not exist. */
async function orgOfProjectOrUndefined(ctx: HandlerContext, projectId: string): Promise<string | undefined> {
  return (await goneIf(ctx.atlas.getProject(projectId), GONE_WHEN.project))?.orgId;
}
