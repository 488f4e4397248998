import type { ApiKeyDetails } from "../../atlas/types";
import { GONE_WHEN, goneIf } from "../../atlas/not-found";
import { GONE, clean, type HandlerContext, type KindHandlers } from "../common/contract";
import { deleteRotating, readRotationFields, startRotation } from "../common/key-rotation";
import { keyMethods, keyToRead, withoutCurrentKey } from "../common/key-resource";
import { rotates } from "../../shared/rotation-record";
import { adoptedKeyIsCurrent } from "../../shared/adoption";
import { orgOf } from "../../shared/key-facts";
import {
  addAccessListEntries,
  assignToProject,
  explainFailedCreate,
  readAccessList,
  rightsHint,
  rollbackCreatedKey,
} from "../common/key-operations";
import { AppliedSteps, PartialFailure } from "../common/applied-steps";
import { updateProjectKey } from "./steps";
import { adoptProjectKey } from "./adopt";
import {
  assignmentsOfKey,
  createdProjectKeyId,
  diffProjectApiKey,
  projectKeyFacts,
  toProjectOutputs,
  type ProjectApiKeyInputs,
  type ProjectApiKeyOutputs,
  type ProjectKeyFacts,
} from "./model";
import { checkProjectApiKey } from "./validation";

/**
 * ProjectApiKey: a key created for projects (or adopted, adopt.ts) and owned by this resource.
 * Destroy deletes the key (it owns it: a live orphan key is worse than none).
 */
export const projectApiKeyHandlers: KindHandlers<ProjectApiKeyInputs, ProjectApiKeyOutputs> = {
  ...keyMethods({
    check: checkProjectApiKey,
    diff: diffProjectApiKey,
    create: createProjectKey,
    updateInPlace,
    adopt: adoptProjectKey,
    scope: (inputs) => inputs.projectAssignments[0].projectId,
  }),

  async read(ctx, id, props) {
    const recorded = { scope: props?.projectAssignments?.[0]?.projectId, apiKeyId: props?.apiKeyId };
    const [projectId, apiKeyId] = keyToRead("ProjectApiKey", "projectId", id, recorded);
    const orgId = props?.orgId || (await orgOfProjectOrUndefined(ctx, projectId));
    if (!orgId && props?.apiKeyId) throw keyWithoutOrganization("Refreshing", props.apiKeyId, projectId);
    if (!orgId) return GONE;
    const key = apiKeyId ? await ctx.reader.orgKey(orgId, apiKeyId) : undefined;
    const accessList = !key || props?.accessList === undefined ? undefined : await readAccessList(ctx, orgId, apiKeyId);
    const rotation = rotates(props, {}) ? await readRotationFields(ctx, orgId, props!) : undefined;
    if (!key || accessList === null) {
      return withoutCurrentKey(id, props, rotation, () => {
        const {
          description,
          projectAssignments,
          keepers,
          adoptApiKeyId,
          rotation: policy,
        } = props as ProjectApiKeyOutputs;
        const accessList = props!.accessList;
        return clean({ description, projectAssignments, accessList, keepers, adoptApiKeyId, rotation: policy });
      });
    }
    // The key belongs to this resource with all its assignments: every project it is in is
    // reported (one read of the key lists them), so an assignment left by a failed update, or
    // made outside Pulumi, shows as drift and the next `up` removes it.
    const assignments = assignmentsOfKey(key, props?.projectAssignments ?? []);
    const inputs: ProjectApiKeyInputs = clean({
      description: key.desc,
      projectAssignments: assignments,
      accessList,
      keepers: props?.keepers,
      adoptApiKeyId: props?.adoptApiKeyId,
      rotation: props?.rotation,
    });
    const facts = projectKeyFacts(key, orgId);
    const outs = toProjectOutputs(inputs, facts, assignments, props?.privateKey ?? "", accessList);
    return { id, props: clean({ ...outs, ...rotation }), inputs };
  },

  async delete(ctx, id, props) {
    const projectId = id.split("/")[0];
    const orgId = props.orgId || (await orgOfProjectOrUndefined(ctx, projectId));
    if (!orgId) throw keyWithoutOrganization("Deleting", props.apiKeyId, projectId);
    try {
      await deleteRotating(ctx, orgId, props);
    } catch (error) {
      const hint = rightsHint(error);
      if (!hint) throw error;
      throw new Error(
        `Deleting ProjectApiKey ${props.apiKeyId} failed${hint}: the key is still live in organization ${orgId} and stays in the Pulumi state. Delete it with an organization owner's credentials (Atlas UI: Access Manager > API Keys), or grant ORG_OWNER and run the command again. Cause: ${messageOf(error)}`,
      );
    }
  },
};

/**
 * Creates the key in its first project, then its other projects and access list. A failure of
 * any call after the key exists (the organization lookup included) rolls the key back; when it
 * cannot be deleted, it is reported as a partial result so the state holds it.
 */
async function createProjectKey(
  ctx: HandlerContext,
  inputs: ProjectApiKeyInputs,
  known: string[] = [],
): Promise<ProjectApiKeyOutputs> {
  const [host, ...others] = inputs.projectAssignments;
  let key: ApiKeyDetails;
  try {
    key = await ctx.atlas.createProjectApiKey(host.projectId, { desc: inputs.description, roles: host.roleNames });
  } catch (error) {
    const org = () => orgOfProjectOrUndefined(ctx, host.projectId);
    throw await explainFailedCreate(ctx, error, org, inputs.description, known);
  }
  const id = createdProjectKeyId(inputs, key.id);
  // What exists once the key is created, in case a later step fails and the key cannot be deleted.
  const created = (orgId: string) => {
    const outs = toProjectOutputs(inputs, projectKeyFacts(key, orgId), [host], key.privateKey, []);
    return clean({ ...outs, ...(inputs.rotation === undefined ? {} : startRotation(ctx, inputs.rotation)) });
  };
  let orgId = orgOf(key);
  try {
    orgId ??= (await ctx.atlas.getProject(host.projectId)).orgId;
    for (const assignment of others) await assignToProject(ctx, assignment.projectId, key.id, assignment.roleNames);
    await addAccessListEntries(ctx, orgId, key.id, inputs.accessList ?? [], true);
  } catch (error) {
    const step = "Looking up the organization, assigning the key to its other projects or adding its access list";
    // Without its organization the key cannot be deleted: record it (read and delete look the organization up).
    if (!orgId) throw new PartialFailure(`${step} failed: ${messageOf(error)}`, id, created(""));
    throw await rollbackCreatedKey(ctx, orgId, key, error, step, { id, properties: created(orgId) });
  }
  const facts = projectKeyFacts(key, orgId);
  return toProjectOutputs(inputs, facts, inputs.projectAssignments, key.privateKey, inputs.accessList);
}

/** Description, projects and access list brought to the declared values, in recorded steps (steps.ts). */
async function updateInPlace(
  ctx: HandlerContext,
  id: string,
  olds: ProjectApiKeyOutputs,
  news: ProjectApiKeyInputs,
): Promise<ProjectApiKeyOutputs> {
  const record: ProjectApiKeyOutputs = { ...olds, projectAssignments: [...(olds.projectAssignments ?? [])] };
  const steps = new AppliedSteps<ProjectApiKeyOutputs>("ProjectApiKey", id, record, (state) => clean(state));
  if (adoptedKeyIsCurrent(olds, news)) steps.state.privateKey = news.adoptPrivateKey!;
  await updateProjectKey(ctx, steps, news);
  const { orgId, apiKeyId, publicKey, roleNames } = olds;
  const facts: ProjectKeyFacts = { orgId, apiKeyId, publicKey, roleNames, description: news.description };
  return toProjectOutputs(news, facts, news.projectAssignments, steps.state.privateKey, news.accessList);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The organization of a project, or undefined when the project does not exist. */
/**
 * A key whose organization the state does not record (a create interrupted before the lookup) and
 * whose project is gone cannot be found: it may still be live, so neither refresh nor destroy may
 * drop it from the state as if it were deleted.
 */
function keyWithoutOrganization(action: string, apiKeyId: string, projectId: string): Error {
  return new Error(
    `${action} ProjectApiKey ${apiKeyId} failed: the state does not record its organization and project ${projectId} no longer exists, so whether the key is still live cannot be checked. Find key ${apiKeyId} in Atlas (Organization > Access Manager > API Keys) and delete it there if it exists, then remove the resource from the state with \`pulumi state delete <urn>\`.`,
  );
}

async function orgOfProjectOrUndefined(ctx: HandlerContext, projectId: string): Promise<string | undefined> {
  return (await goneIf(ctx.atlas.getProject(projectId), GONE_WHEN.project))?.orgId;
}
