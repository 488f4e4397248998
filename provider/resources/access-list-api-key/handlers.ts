import { GONE_WHEN, goneIf } from "../../atlas/not-found";
import { GONE, modelCheckAndDiff, replacesOnly, type KindHandlers } from "../common/contract";
import { splitResourceId } from "../../shared/resource-ids";
import { addAccessListEntries } from "../common/key-operations";
import {
  accessListResourceId,
  diffAccessList,
  entryOf,
  toAccessListOutputs,
  type AccessListInputs,
  type AccessListOutputs,
} from "./model";
import { checkAccessListEntry } from "./validation";

/** AccessListApiKey: one access-list entry of an organization key. Every input is identity. */
export const accessListHandlers: KindHandlers<AccessListInputs, AccessListOutputs> = {
  ...modelCheckAndDiff(checkAccessListEntry, replacesOnly(diffAccessList)),

  /** An entry that already exists (409) is adopted. */
  async create(ctx, inputs) {
    const entry = entryOf(inputs);
    // A 409 whose entry is present counts as success in addAccessListEntries: that is the adoption.
    await addAccessListEntries(ctx, inputs.orgId, inputs.apiKeyId, [entry], true);
    return { id: accessListResourceId(inputs), outs: toAccessListOutputs(inputs.orgId, inputs.apiKeyId, entry) };
  },

  async read(ctx, id) {
    const [orgId, apiKeyId, entry] = splitResourceId(id, ["orgId", "apiKeyId", "entry"], "AccessListApiKey");
    const read = ctx.atlas.getAccessListEntry(orgId, apiKeyId, entryOf({ cidrBlock: entry }));
    const found = await goneIf(read, GONE_WHEN.accessListEntry);
    if (!found) return GONE;
    const outs = toAccessListOutputs(orgId, apiKeyId, found.ipAddress ?? found.cidrBlock);
    return {
      id,
      props: outs,
      inputs: outs.ipAddress
        ? { orgId, apiKeyId, ipAddress: outs.ipAddress }
        : { orgId, apiKeyId, cidrBlock: outs.cidrBlock },
    };
  },

  async update(_ctx, _id, _olds, news) {
    // Unreachable: every change is a replacement. Kept so a code-only change never rewrites outputs.
    return { outs: toAccessListOutputs(news.orgId, news.apiKeyId, entryOf(news)) };
  },

  async delete(ctx, _id, props) {
    const entry = entryOf(props);
    await goneIf(ctx.atlas.deleteAccessListEntry(props.orgId, props.apiKeyId, entry), GONE_WHEN.accessListEntry);
  },
};
