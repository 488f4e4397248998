import type { ApiKeyDetails, UpdateApiKeyBody } from "../../atlas/types";
import { isNotFound } from "../../atlas/errors";
import { atlas, reader } from "../../runtime/context";
import { GONE, clean, diffResult, type ResourceHandlers } from "../common/contract";
import { splitResourceId } from "../../shared/resource-ids";
import { sameRoles } from "../../shared/roles";
import {
  addAccessListEntries,
  readAccessList,
  deleteOrgKey,
  explainFailedCreate,
  rollbackCreatedKey,
  syncAccessList,
} from "../common/key-operations";
import { apiKeyResourceId, diffApiKey, factsOf, toOutputs, type ApiKeyInputs, type ApiKeyOutputs } from "./model";
import { checkApiKey } from "./validation";

/** ApiKey: an organization API key. Orchestration only; the rules live in model.ts and validation.ts. */
export const apiKeyHandlers: ResourceHandlers<ApiKeyInputs, ApiKeyOutputs> = {
  async check(_olds, news) {
    return checkApiKey(news);
  },

  async diff(_id, olds, news) {
    return diffResult(diffApiKey(olds, news));
  },

  async create(inputs) {
    const outs = inputs.adoptApiKeyId ? await adopt(inputs, inputs.adoptApiKeyId) : await createKey(inputs);
    return { id: apiKeyResourceId(outs.orgId, outs.apiKeyId), outs: clean(outs) };
  },

  async read(id, props) {
    const [orgId, apiKeyId] = splitResourceId(id, ["orgId", "apiKeyId"], "ApiKey");
    const key = await reader().orgKey(orgId, apiKeyId);
    if (!key) return GONE;
    const accessList = props?.accessList === undefined ? undefined : await readAccessList(orgId, apiKeyId);
    if (accessList === null) return GONE;
    const facts = factsOf(key, orgId);
    const inputs: ApiKeyInputs = clean({
      orgId,
      description: facts.description,
      roleNames: facts.roleNames,
      accessList,
      keepers: props?.keepers,
      adoptApiKeyId: props?.adoptApiKeyId,
    });
    return { id, props: clean(toOutputs(inputs, facts, props?.privateKey ?? "", accessList)), inputs };
  },

  async update(_id, olds, news) {
    const { orgId, apiKeyId } = olds;
    const body: UpdateApiKeyBody = {};
    if (olds.description !== news.description) body.desc = news.description;
    if (!sameRoles(olds.roleNames, news.roleNames)) body.roles = news.roleNames;
    reader().invalidate();
    const facts =
      body.desc !== undefined || body.roles !== undefined
        ? factsOf(await atlas().updateOrgApiKey(orgId, apiKeyId, body), orgId)
        : { apiKeyId, publicKey: olds.publicKey, description: olds.description, roleNames: olds.roleNames };
    if (news.accessList !== undefined) await syncAccessList(orgId, apiKeyId, olds.accessList, news.accessList);
    const privateKey = news.adoptPrivateKey ?? olds.privateKey;
    return { outs: clean(toOutputs(news, facts, privateKey, news.accessList)) };
  },

  async delete(_id, props) {
    await deleteOrgKey(props.orgId, props.apiKeyId);
  },
};

/** Creates the key, then its access list; rolls the key back if the list fails. */
async function createKey(inputs: ApiKeyInputs): Promise<ApiKeyOutputs> {
  const { orgId, description, roleNames } = inputs;
  let key: ApiKeyDetails;
  try {
    key = await atlas().createOrgApiKey(orgId, { desc: description, roles: roleNames });
  } catch (error) {
    throw await explainFailedCreate(error, orgId, description);
  }
  reader().invalidate();
  try {
    await addAccessListEntries(orgId, key.id, inputs.accessList ?? [], true);
  } catch (error) {
    throw await rollbackCreatedKey(orgId, key, error, "Adding the access list");
  }
  return toOutputs(inputs, factsOf(key, orgId), key.privateKey, inputs.accessList);
}

/**
 * Takes over an existing key instead of creating one (what `pulumi import`
 * would do, which dynamic providers cannot): description, roles and access
 * list are brought to the declared values. Atlas never returns the private key
 * again, so it is whatever `adoptPrivateKey` says, or "".
 */
async function adopt(inputs: ApiKeyInputs, apiKeyId: string): Promise<ApiKeyOutputs> {
  const { orgId } = inputs;
  let key: ApiKeyDetails;
  try {
    key = await atlas().getOrgApiKey(orgId, apiKeyId);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    throw new Error(
      `adoptApiKeyId: organization ${orgId} has no API key ${apiKeyId}. Check the id (Access Manager > API Keys) and orgId, or remove adoptApiKeyId to create a new key.`,
    );
  }
  const facts = factsOf(key, orgId);
  const body: UpdateApiKeyBody = {};
  if (facts.description !== inputs.description) body.desc = inputs.description;
  if (!sameRoles(facts.roleNames, inputs.roleNames)) body.roles = inputs.roleNames;
  reader().invalidate();
  if (body.desc !== undefined || body.roles !== undefined) key = await atlas().updateOrgApiKey(orgId, apiKeyId, body);
  if (inputs.accessList !== undefined) await syncAccessList(orgId, apiKeyId, undefined, inputs.accessList);
  return toOutputs(inputs, factsOf(key, orgId), inputs.adoptPrivateKey ?? "", inputs.accessList);
}
