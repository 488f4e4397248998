import type { ServiceAccountSecretDetails } from "../../atlas/service-account-types";
import { noneFoundSentence } from "../common/ambiguous-create";
import { GONE, clean, diffResult } from "../common/contract";
import {
  ignoreGone,
  isAmbiguous,
  isServiceAccountGone,
  messageOf,
  unlessGone,
} from "../common/service-account-operations";
import { isRotatingResourceId, rotatingResourceId } from "../../shared/rotation-record";
import { splitServiceAccountResourceId } from "../../shared/service-accounts";
import {
  diffSecret,
  secretLimitProblem,
  secretResourceId,
  toSecretOutputs,
  type ServiceAccountSecretInputs as Inputs,
  type ServiceAccountSecretOutputs as Outputs,
} from "./model";
import { previousSecretOf, readSecretRotation, secretRotates, startedSecretRotation } from "./rotation-model";
import { diffRotatingSecret, updateRotatingSecret, type RotationContext as Ctx } from "./rotation";
import { checkServiceAccountSecret } from "./validation";

/**
 * ServiceAccountSecret: one secret of an account. Without a policy it cannot
 * change, only be replaced (the new secret is made before the old one is
 * deleted, so callers are never left without one). With a `rotation` policy
 * it is rotated in place on a schedule (rotation.ts, docs/rotation.md).
 */
export const serviceAccountSecretHandlers = {
  async check(_ctx: unknown, _olds: Partial<Inputs>, news: Partial<Inputs>) {
    return checkServiceAccountSecret(news);
  },

  async diff(ctx: Ctx, _id: string, olds: Outputs, news: Inputs) {
    const replaces = diffSecret(olds, news);
    if (secretRotates(olds, news)) return diffRotatingSecret(ctx, olds, news, replaces);
    return diffResult({ replaces, updates: [] });
  },

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
    const others = (account.secrets ?? []).map((s) => s.id);
    if (inputs.rotation && others.length > 0) {
      throw new Error(
        `rotation: service account ${clientId} already has secret ${others.join(", ")}, and a rotating secret needs the account's second secret slot free at every rotation (Atlas keeps at most 2). Give it an account of its own (ServiceAccount with withoutInitialSecret: true), or delete the other secret in Atlas (Access Manager > Service Accounts), then run \`pulumi up\` again.`,
      );
    }
    let created: ServiceAccountSecretDetails;
    try {
      created = await ctx.atlas.createServiceAccountSecret(orgId, clientId, {
        secretExpiresAfterHours: inputs.secretExpiresAfterHours,
      });
    } catch (error) {
      if (!isAmbiguous(error)) throw error;
      const before = new Set(others);
      const now = await unlessGone(ctx.atlas.getServiceAccount(orgId, clientId)).catch(() => null);
      const extra = (now?.secrets ?? []).filter((s) => !before.has(s.id)).map((s) => s.id);
      // Listing is a courtesy: when it failed (null), the message says nothing of what exists.
      const found = extra.length
        ? ` Secrets made since: ${extra.join(", ")}; their values cannot be shown again, so delete them in Atlas (Access Manager > Service Accounts).`
        : now === null
          ? ""
          : noneFoundSentence(
              error,
              `No new secret of service account ${clientId} exists`,
              "list its secrets (delete any the Pulumi state does not hold)",
            );
      throw new Error(
        `Creating a secret for service account ${clientId} may or may not have succeeded: ${messageOf(error)} It was not retried, because a second attempt could use up the account's last secret slot.${found} Then run \`pulumi up\` again.`,
      );
    }
    const outs = toSecretOutputs(inputs, created, created.secret ?? "");
    if (!inputs.rotation) return { id: secretResourceId(orgId, clientId, created.id), outs };
    return {
      id: rotatingResourceId(`${orgId}/${clientId}`, created.id),
      outs: clean({ ...outs, ...startedSecretRotation(inputs.rotation, ctx.now()) }),
    };
  },

  /**
   * Drops a secret deleted outside Pulumi (or whose account is gone); keeps the clear value
   * from creation. A rotating secret whose current secret is gone stays while its previous one
   * exists: the next `up` makes a new current one.
   */
  async read(ctx: Ctx, id: string, props?: Partial<Outputs>) {
    const [orgId, clientId, secretId] = secretToRead(id, props);
    const account = await unlessGone(ctx.atlas.getServiceAccount(orgId, clientId));
    if (!account) return GONE;
    const listed = account.secrets ?? [];
    const rotation = secretRotates(props, {}) ? readSecretRotation(listed, props!) : undefined;
    const item = listed.find((s) => s.id === secretId);
    if (!item) {
      if (!rotation?.previousSecretId) return GONE;
      const outs = clean({ ...props, ...rotation, secretId: "", secret: "", expiresAt: "" }) as Outputs;
      return { id, props: outs, inputs: inputsOf(outs) };
    }
    const inputs: Inputs = clean({
      orgId,
      clientId,
      secretExpiresAfterHours: props?.secretExpiresAfterHours ?? lifetimeHours(item),
      rotation: props?.rotation,
      keepers: props?.keepers,
    });
    return { id, props: clean({ ...toSecretOutputs(inputs, item, props?.secret ?? ""), ...rotation }), inputs };
  },

  async update(ctx: Ctx, id: string, olds: Outputs, news: Inputs) {
    // Without a policy every change replaces: kept so a code-only change never rewrites outputs.
    if (!secretRotates(olds, news)) return { outs: { ...olds, ...news } };
    return { outs: clean(await updateRotatingSecret(ctx, id, olds, news)) };
  },

  /** Deletes the previous secret of a rotating resource first, then the current one. */
  async delete(ctx: Ctx, _id: string, props: Outputs) {
    const previous = previousSecretOf(props);
    if (previous)
      await ignoreGone(ctx.atlas.deleteServiceAccountSecret(props.orgId, props.clientId, previous.secretId));
    if (props.secretId) {
      await ignoreGone(ctx.atlas.deleteServiceAccountSecret(props.orgId, props.clientId, props.secretId));
    }
  },
};

/**
 * The secret a read looks at: the outputs' `secretId` when there is state (the current
 * secret, also after rotations), else the one the id names (`get`).
 */
function secretToRead(id: string, props: Partial<Outputs> | undefined): [string, string, string] {
  if (props?.orgId !== undefined && props.clientId !== undefined && props.secretId !== undefined) {
    return [props.orgId, props.clientId, props.secretId];
  }
  if (isRotatingResourceId(id)) {
    throw new Error(
      `ServiceAccountSecret id "${id}" names a secret with a rotation policy, which is read from its state: to read its current secret, use the id <orgId>/<clientId>/<secretId> with the secretId output.`,
    );
  }
  return splitServiceAccountResourceId(id, ["orgId", "clientId", "secretId"], "ServiceAccountSecret") as [
    string,
    string,
    string,
  ];
}

/** The inputs recorded in the outputs, for a read that cannot see the current secret. */
function inputsOf(outs: Outputs): Inputs {
  const { orgId, clientId, secretExpiresAfterHours, rotation, keepers } = outs;
  return clean({ orgId, clientId, secretExpiresAfterHours, rotation, keepers });
}

/** The lifetime a secret was made with, for a secret read without state (`get`). */
function lifetimeHours(item: ServiceAccountSecretDetails): number {
  return Math.round((Date.parse(item.expiresAt) - Date.parse(item.createdAt)) / 3_600_000);
}
