import { isAtlasApiError } from "../../atlas/errors";
import { toRequestEntry } from "../../shared/access-list";
import { splitServiceAccountResourceId } from "../../shared/service-accounts";
import { GONE, modelCheckAndDiff, replacesOnly } from "../common/contract";
import { ignoreGone, unlessGone, type ServiceAccountContext as Ctx } from "../common/service-account-operations";
import {
  diffSaAccessList,
  findEntry,
  saAccessListResourceId,
  saEntryOf,
  toSaAccessListOutputs,
  type SaAccessListInputs as Inputs,
  type SaAccessListOutputs as Outputs,
} from "./model";
import { checkSaAccessListEntry } from "./validation";

/** ServiceAccountAccessListEntry: one address or CIDR block allowed to use an account. Every input is identity. */
export const serviceAccountAccessListHandlers = {
  ...modelCheckAndDiff(checkSaAccessListEntry, replacesOnly(diffSaAccessList)),

  /** An entry that already exists (409, e.g. added outside Pulumi or by a resent request) is adopted. */
  async create(ctx: Ctx, inputs: Inputs) {
    const { orgId, clientId } = inputs;
    const entry = saEntryOf(inputs);
    let list;
    try {
      list = await ctx.atlas.createServiceAccountAccessListEntries(orgId, clientId, [toRequestEntry(entry)]);
    } catch (error) {
      if (!(isAtlasApiError(error) && error.status === 409)) throw error;
      list = await ctx.atlas.listServiceAccountAccessList(orgId, clientId);
      if (!findEntry(list, entry)) throw error;
    }
    const outs = toSaAccessListOutputs(orgId, clientId, entry, findEntry(list, entry));
    return { id: saAccessListResourceId(inputs), outs };
  },

  /** Drops an entry (or account) deleted outside Pulumi. */
  async read(ctx: Ctx, id: string) {
    const [orgId, clientId, written] = splitServiceAccountResourceId(
      id,
      ["orgId", "clientId", "entry"],
      "ServiceAccountAccessListEntry",
    );
    const entry = saEntryOf({ cidrBlock: written });
    const list = await unlessGone(ctx.atlas.listServiceAccountAccessList(orgId, clientId));
    const found = list && findEntry(list, entry);
    if (!found) return GONE;
    const outs = toSaAccessListOutputs(orgId, clientId, entry, found);
    const inputs: Inputs = outs.ipAddress
      ? { orgId, clientId, ipAddress: outs.ipAddress }
      : { orgId, clientId, cidrBlock: outs.cidrBlock };
    return { id, props: outs, inputs };
  },

  async update(_ctx: Ctx, _id: string, olds: Outputs) {
    // Unreachable: every change replaces. Kept so a code-only change never rewrites outputs.
    return { outs: olds };
  },

  /** A CIDR block goes in the path as `a.b.c.d%2Fn` (the client encodes each segment). */
  async delete(ctx: Ctx, _id: string, props: Outputs) {
    await ignoreGone(ctx.atlas.deleteServiceAccountAccessListEntry(props.orgId, props.clientId, saEntryOf(props)));
  },
};
