import type { ApiKeyDetails, UpdateApiKeyBody } from "../../atlas/types";
import { clean, type HandlerContext, type KindHandlers } from "../common/contract";
import { sameRoles } from "../../shared/roles";
import {
  addAccessListEntries,
  readAccessList,
  explainFailedCreate,
  rollbackCreatedKey,
  keyToAdopt,
} from "../common/key-operations";
import { AppliedSteps } from "../common/applied-steps";
import { syncAccessListSteps } from "../common/access-list-steps";
import { deleteRotating, readRotationFields, startRotation } from "../common/key-rotation";
import { keyMethods, keyToRead, withoutCurrentKey } from "../common/key-resource";
import { rotates, rotatingResourceId } from "../../shared/rotation-record";
import { adoptedKeyIsCurrent } from "../../shared/adoption";
import { apiKeyResourceId, diffApiKey, toOutputs, type ApiKeyInputs, type ApiKeyOutputs } from "./model";
import { checkApiKey } from "./validation";
import { factsOf } from "../../shared/key-facts";

/** ApiKey: an organization API key. Orchestration only; the rules live in model.ts and validation.ts. */
export const apiKeyHandlers: KindHandlers<ApiKeyInputs, ApiKeyOutputs> = {
  ...keyMethods({
    check: checkApiKey,
    diff: diffApiKey,
    create: createKey,
    updateInPlace,
    adopt,
    scope: (_inputs, outs) => outs.orgId,
  }),

  async read(ctx, id, props) {
    const [orgId, apiKeyId] = keyToRead("ApiKey", "orgId", id, { scope: props?.orgId, apiKeyId: props?.apiKeyId });
    const key = apiKeyId ? await ctx.reader.orgKey(orgId, apiKeyId) : undefined;
    const accessList = !key || props?.accessList === undefined ? undefined : await readAccessList(ctx, orgId, apiKeyId);
    const rotation = rotates(props, {}) ? await readRotationFields(ctx, orgId, props!) : undefined;
    if (!key || accessList === null)
      return withoutCurrentKey(id, props, rotation, () => inputsOf(props as ApiKeyOutputs));
    const facts = factsOf(key, orgId);
    const inputs: ApiKeyInputs = clean({
      orgId,
      description: facts.description,
      roleNames: facts.roleNames,
      accessList,
      keepers: props?.keepers,
      adoptApiKeyId: props?.adoptApiKeyId,
      rotation: props?.rotation,
    });
    const outs = { ...toOutputs(inputs, facts, props?.privateKey ?? "", accessList), ...rotation };
    return { id, props: clean(outs), inputs };
  },

  async delete(ctx, _id, props) {
    await deleteRotating(ctx, props.orgId, props);
  },
};

/** The inputs recorded in the outputs, for a read that cannot see the current key. */
function inputsOf(outs: ApiKeyOutputs): ApiKeyInputs {
  const { orgId, description, roleNames, accessList, keepers, adoptApiKeyId, rotation } = outs;
  return clean({ orgId, description, roleNames, accessList, keepers, adoptApiKeyId, rotation });
}

/**
 * Description, roles and access list brought to the declared values on the current key, one
 * recorded step at a time: a failing step reports what was applied as a partial result
 * (applied-steps.ts; the order is in docs/recovery.md).
 */
async function updateInPlace(
  ctx: HandlerContext,
  id: string,
  olds: ApiKeyOutputs,
  news: ApiKeyInputs,
): Promise<ApiKeyOutputs> {
  const { orgId, apiKeyId } = olds;
  const steps = new AppliedSteps<ApiKeyOutputs>("ApiKey", id, { ...olds }, (state) => clean(state));
  if (adoptedKeyIsCurrent(olds, news)) steps.state.privateKey = news.adoptPrivateKey!;
  await updateKeySteps(ctx, steps, orgId, apiKeyId, news);
  return toOutputs(news, steps.state, steps.state.privateKey, news.accessList);
}

/** The steps of an update (or adoption): description and roles in one call, then the access list. */
async function updateKeySteps(
  ctx: HandlerContext,
  steps: AppliedSteps<ApiKeyOutputs>,
  orgId: string,
  apiKeyId: string,
  news: ApiKeyInputs,
): Promise<void> {
  const body: UpdateApiKeyBody = {};
  if (steps.state.description !== news.description) body.desc = news.description;
  if (!sameRoles(steps.state.roleNames, news.roleNames)) body.roles = news.roleNames;
  if (body.desc !== undefined || body.roles !== undefined) {
    let updated: ApiKeyDetails | undefined;
    const fields = [body.desc !== undefined && "the description", body.roles && "the roles"].filter(Boolean);
    await steps.run({
      name: `setting ${fields.join(" and ")}`,
      run: async () => {
        updated = await ctx.atlas.updateOrgApiKey(orgId, apiKeyId, body);
      },
      applied: (state) => {
        const facts = factsOf(updated!, orgId);
        state.description = facts.description;
        state.roleNames = facts.roleNames;
      },
      unsure: (state) => {
        // Values no valid input has, so the next diff sets them again whatever Atlas holds.
        if (body.desc !== undefined) state.description = "";
        if (body.roles !== undefined) state.roleNames = [];
      },
    });
  }
  if (news.accessList !== undefined) await syncAccessListSteps(ctx, steps, orgId, apiKeyId, news.accessList);
}

/**
 * Creates the key, then its access list; rolls the key back if the list fails. If the rollback
 * fails too, the key is reported as a partial result, so the state holds it and its private key.
 */
async function createKey(ctx: HandlerContext, inputs: ApiKeyInputs, known: string[] = []): Promise<ApiKeyOutputs> {
  const { orgId, description, roleNames } = inputs;
  let key: ApiKeyDetails;
  try {
    key = await ctx.atlas.createOrgApiKey(orgId, { desc: description, roles: roleNames });
  } catch (error) {
    throw await explainFailedCreate(ctx, error, orgId, description, known);
  }
  try {
    await addAccessListEntries(ctx, orgId, key.id, inputs.accessList ?? [], true);
  } catch (error) {
    const created = toOutputs(inputs, factsOf(key, orgId), key.privateKey, []);
    throw await rollbackCreatedKey(ctx, orgId, key, error, "Adding the access list", {
      id: createdId(inputs, key.id),
      properties: clean({ ...created, ...startedRotation(ctx, inputs) }),
    });
  }
  return toOutputs(inputs, factsOf(key, orgId), key.privateKey, inputs.accessList);
}

/**
 * Takes over an existing key instead of creating one (what `pulumi import`
 * would do, which dynamic providers cannot): description, roles and access
 * list are brought to the declared values, in recorded steps as an update, so
 * a failed step leaves the key in the state as far as it got. Atlas never
 * returns the private key again, so it is whatever `adoptPrivateKey` says, or "".
 */
async function adopt(ctx: HandlerContext, inputs: ApiKeyInputs, apiKeyId: string): Promise<ApiKeyOutputs> {
  const { orgId } = inputs;
  const key = await keyToAdopt(ctx, orgId, apiKeyId, orgId, "orgId");
  const found = toOutputs(
    { ...inputs, accessList: undefined },
    factsOf(key, orgId),
    inputs.adoptPrivateKey ?? "",
    undefined,
  );
  const steps = new AppliedSteps<ApiKeyOutputs>("ApiKey", createdId(inputs, apiKeyId), found, (state) =>
    clean({ ...state, ...startedRotation(ctx, inputs) }),
  );
  await updateKeySteps(ctx, steps, orgId, apiKeyId, inputs);
  return toOutputs(inputs, steps.state, steps.state.privateKey, inputs.accessList);
}

/** The id `create` gives a key: a rotating resource has its own form (see rotation-record.ts). */
function createdId(inputs: ApiKeyInputs, apiKeyId: string): string {
  return inputs.rotation === undefined
    ? apiKeyResourceId(inputs.orgId, apiKeyId)
    : rotatingResourceId(inputs.orgId, apiKeyId);
}

/** The rotation fields a key created under a policy starts with; none without a policy. */
function startedRotation(ctx: HandlerContext, inputs: ApiKeyInputs): object {
  return inputs.rotation === undefined ? {} : startRotation(ctx, inputs.rotation);
}
