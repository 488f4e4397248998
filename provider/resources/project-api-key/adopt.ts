import { GONE_WHEN, goneIf } from "../../atlas/not-found";
import { clean, type HandlerContext } from "../common/contract";
import { AppliedSteps } from "../common/applied-steps";
import { startRotation } from "../common/key-rotation";
import { keyToAdopt } from "../common/key-operations";
import { updateProjectKey } from "./steps";
import {
  assignmentsOfKey,
  createdProjectKeyId,
  projectKeyFacts,
  toProjectOutputs,
  type ProjectApiKeyInputs,
  type ProjectApiKeyOutputs,
} from "./model";

/**
 * Takes over an existing key instead of creating one (what `pulumi import` would do, which
 * dynamic providers cannot). The key is looked up in the organization of the first declared
 * project. What Atlas holds (description, every project the key is in, access list) is the
 * starting record, and the declared values are applied to it in recorded steps, as an update
 * (steps.ts): a failing step reports the key as created so far, so the state shows the key and
 * every assignment it has. The resource owns all the key's assignments, so a project the key is
 * in but the program does not list is unassigned. Atlas never returns the private key again: it
 * is whatever `adoptPrivateKey` says, or "".
 */
export async function adoptProjectKey(
  ctx: HandlerContext,
  inputs: ProjectApiKeyInputs,
  apiKeyId: string,
): Promise<ProjectApiKeyOutputs> {
  const orgId = await organizationOfHost(ctx, inputs);
  const host = inputs.projectAssignments[0].projectId;
  const organization = `${orgId} (the organization of project ${host})`;
  const key = await keyToAdopt(ctx, orgId, apiKeyId, organization, "the first project of projectAssignments");
  const facts = projectKeyFacts(key, orgId);
  const found = toProjectOutputs(
    { ...inputs, accessList: undefined },
    facts,
    assignmentsOfKey(key, inputs.projectAssignments),
    inputs.adoptPrivateKey ?? "",
    undefined,
  );
  const rotation = inputs.rotation === undefined ? {} : startRotation(ctx, inputs.rotation);
  const steps = new AppliedSteps<ProjectApiKeyOutputs>(
    "ProjectApiKey",
    createdProjectKeyId(inputs, apiKeyId),
    found,
    (state) => clean({ ...state, ...rotation }),
  );
  await updateProjectKey(ctx, steps, inputs);
  const adopted = { ...facts, description: steps.state.description };
  return toProjectOutputs(inputs, adopted, inputs.projectAssignments, steps.state.privateKey, inputs.accessList);
}

/** The organization of the first declared project, where the key is looked up. */
async function organizationOfHost(ctx: HandlerContext, inputs: ProjectApiKeyInputs): Promise<string> {
  const host = inputs.projectAssignments[0].projectId;
  const project = await goneIf(ctx.atlas.getProject(host), GONE_WHEN.project);
  if (project) return project.orgId;
  throw new Error(
    `projectAssignments[0].projectId: project ${host} does not exist, so the key named by adoptApiKeyId cannot be looked up in its organization. Check the project id.`,
  );
}
