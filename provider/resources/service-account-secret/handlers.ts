import type { ServiceAccountSecretDetails } from "../../atlas/service-account-types";
import { GONE, modelCheckAndDiff, replacesOnly } from "../common/contract";
import {
  ignoreGone,
  isAmbiguous,
  isServiceAccountGone,
  messageOf,
  unlessGone,
  type ServiceAccountContext as Ctx,
} from "../common/service-account-operations";
import { splitServiceAccountResourceId } from "../../shared/service-accounts";
import {
  diffSecret,
  secretLimitProblem,
  secretResourceId,
  toSecretOutputs,
  type ServiceAccountSecretInputs as Inputs,
  type ServiceAccountSecretOutputs as Outputs,
} from "./model";
import { checkServiceAccountSecret } from "./validation";

/**
 * ServiceAccountSecret: one secret of an account. It cannot change, only be
 * replaced (the new secret is made before the old one is deleted, so callers
 * are never left without one).
 */
export const serviceAccountSecretHandlers = {
  ...modelCheckAndDiff(checkServiceAccountSecret, replacesOnly(diffSecret)),

  /** Reads the account first: a missing account and a full one (2 secrets) are said before the POST. */
  async create(ctx: Ctx, inputs: Inputs) {
    const { orgId, clientId } = inputs;
    let account;
    try {
      account = await ctx.atlas.getServiceAccount(orgId, clientId);
    } catch (error) {
      if (!isServiceAccountGone(error)) throw error;
      throw new Error(
        `clientId: organization ${orgId} has no service account ${clientId}. Check clientId and orgId (Access Manager > Service Accounts).`,
      );
    }
    const full = secretLimitProblem(account, orgId);
    if (full) throw new Error(full);
    let created: ServiceAccountSecretDetails;
    try {
      created = await ctx.atlas.createServiceAccountSecret(orgId, clientId, {
        secretExpiresAfterHours: inputs.secretExpiresAfterHours,
      });
    } catch (error) {
      if (!isAmbiguous(error)) throw error;
      const before = new Set((account.secrets ?? []).map((s) => s.id));
      const now = await unlessGone(ctx.atlas.getServiceAccount(orgId, clientId)).catch(() => undefined);
      const extra = (now?.secrets ?? []).filter((s) => !before.has(s.id)).map((s) => s.id);
      throw new Error(
        `Creating a secret for service account ${clientId} may or may not have succeeded: ${messageOf(error)} It was not retried, because a second attempt could use up the account's last secret slot.${extra.length ? ` Secrets made since: ${extra.join(", ")}; their values cannot be shown again, so delete them in Atlas (Access Manager > Service Accounts).` : ""} Then run \`pulumi up\` again.`,
      );
    }
    const outs = toSecretOutputs(inputs, created, created.secret ?? "");
    return { id: secretResourceId(orgId, clientId, created.id), outs };
  },

  /** Drops a secret deleted outside Pulumi (or whose account is gone); keeps the clear value from creation. */
  async read(ctx: Ctx, id: string, props?: Partial<Outputs>) {
    const [orgId, clientId, secretId] = splitServiceAccountResourceId(
      id,
      ["orgId", "clientId", "secretId"],
      "ServiceAccountSecret",
    );
    const account = await unlessGone(ctx.atlas.getServiceAccount(orgId, clientId));
    const item = account?.secrets?.find((s) => s.id === secretId);
    if (!item) return GONE;
    const inputs: Inputs = {
      orgId,
      clientId,
      secretExpiresAfterHours: props?.secretExpiresAfterHours ?? lifetimeHours(item),
    };
    return { id, props: toSecretOutputs(inputs, item, props?.secret ?? ""), inputs };
  },

  async update(_ctx: Ctx, _id: string, olds: Outputs, news: Inputs) {
    // Unreachable: every change replaces. Kept so a code-only change never rewrites outputs.
    return { outs: { ...olds, ...news } };
  },

  async delete(ctx: Ctx, _id: string, props: Outputs) {
    await ignoreGone(ctx.atlas.deleteServiceAccountSecret(props.orgId, props.clientId, props.secretId));
  },
};

/** The lifetime a secret was made with, for a secret read without state (`get`). */
function lifetimeHours(item: ServiceAccountSecretDetails): number {
  return Math.round((Date.parse(item.expiresAt) - Date.parse(item.createdAt)) / 3_600_000);
}
