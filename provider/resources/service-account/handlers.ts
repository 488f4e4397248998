import type { ServiceAccountDetails } from "../../atlas/service-account-types";
import { noneFoundSentence } from "../common/ambiguous-create";
import { AppliedSteps } from "../common/applied-steps";
import { clean, GONE, modelCheckAndDiff } from "../common/contract";
import {
  isAmbiguous,
  ignoreGone,
  isServiceAccountGone,
  messageOf,
  unlessGone,
  type ServiceAccountContext as Ctx,
} from "../common/service-account-operations";
import { splitServiceAccountResourceId } from "../../shared/service-accounts";
import {
  createBody,
  diffServiceAccount,
  serviceAccountResourceId,
  toServiceAccountOutputs,
  unknownFields,
  updateBody,
  type ServiceAccountInputs as Inputs,
  type ServiceAccountOutputs as Outputs,
} from "./model";
import { checkServiceAccount } from "./validation";

/** ServiceAccount: an organization service account. Orchestration only; rules in model.ts and validation.ts. */
export const serviceAccountHandlers = {
  ...modelCheckAndDiff(checkServiceAccount, diffServiceAccount),

  async create(ctx: Ctx, inputs: Inputs) {
    const outs = inputs.adoptClientId ? await adopt(ctx, inputs, inputs.adoptClientId) : await create(ctx, inputs);
    return { id: serviceAccountResourceId(outs.orgId, outs.clientId), outs: clean(outs) };
  },

  /** Drops an account deleted outside Pulumi; keeps the clear secret this resource was given at creation. */
  async read(ctx: Ctx, id: string, props?: Partial<Outputs>) {
    const [orgId, clientId] = splitServiceAccountResourceId(id, ["orgId", "clientId"], "ServiceAccount");
    const account = await unlessGone(ctx.atlas.getServiceAccount(orgId, clientId));
    if (!account) return GONE;
    const inputs: Inputs = clean({
      orgId,
      name: account.name,
      description: account.description,
      roles: account.roles,
      secretExpiresAfterHours: props?.secretExpiresAfterHours,
      withoutInitialSecret: props?.withoutInitialSecret,
      adoptClientId: props?.adoptClientId,
    });
    const outs = clean(toServiceAccountOutputs(inputs, account, props?.secrets));
    return { id, props: outs, inputs: clean({ ...inputs, roles: outs.roles }) };
  },

  /** One PATCH; when its outcome is unknown, what it sets is recorded as unknown so the next `up` sets it again. */
  async update(ctx: Ctx, id: string, olds: Outputs, news: Inputs) {
    const body = updateBody(olds, news);
    let account: ServiceAccountDetails = { ...olds, secrets: undefined };
    if (body) {
      const steps = new AppliedSteps<Outputs>("ServiceAccount", id, clean(olds), (state) => state);
      await steps.run({
        name: `setting the ${Object.keys(body).join(", ")} of service account ${olds.clientId}`,
        run: async () => {
          account = await ctx.atlas.updateServiceAccount(olds.orgId, olds.clientId, body);
        },
        applied: (state) => Object.assign(state, body),
        // No valid input is an empty name, description or role set: the next diff includes them.
        unsure: (state) => Object.assign(state, unknownFields(body)),
      });
    }
    // The PATCH answer may omit secrets: keep the last known list rather than emptying it.
    const outs = toServiceAccountOutputs(news, { ...account, secrets: account.secrets ?? [] }, olds.secrets);
    if (!account.secrets) outs.secrets = olds.secrets;
    return { outs: clean(outs) };
  },

  async delete(ctx: Ctx, _id: string, props: Outputs) {
    await ignoreGone(ctx.atlas.deleteServiceAccount(props.orgId, props.clientId));
  },
};

/** One POST; when its outcome is unknown it is not resent, and the message names what now exists. */
async function create(ctx: Ctx, inputs: Inputs): Promise<Outputs> {
  try {
    return toServiceAccountOutputs(inputs, await ctx.atlas.createServiceAccount(inputs.orgId, createBody(inputs)));
  } catch (error) {
    if (!isAmbiguous(error)) throw error;
    let found = "";
    try {
      const same = (await ctx.atlas.listServiceAccounts(inputs.orgId)).filter((a) => a.name === inputs.name);
      found = same.length
        ? ` Accounts named "${inputs.name}" now in organization ${inputs.orgId}: ${same.map((a) => a.clientId).join(", ")}.`
        : noneFoundSentence(
            error,
            `No account named "${inputs.name}" exists in organization ${inputs.orgId}`,
            "list the accounts",
          );
    } catch {
      // Listing is a courtesy; the message stands without it.
    }
    throw new Error(
      `Creating the service account "${inputs.name}" may or may not have succeeded: ${messageOf(error)} It was not retried, because a second attempt could create a second account with a live secret.${found} If such an account exists and is not in the Pulumi state, adopt it with adoptClientId (its secret cannot be shown again) or delete it in Atlas (Access Manager > Service Accounts), then run \`pulumi up\` again.`,
    );
  }
}

/**
 * Takes over an existing account by client id: name, description and roles
 * are brought to the declared values. Its secrets stay; Atlas never shows
 * them again, so none is known here (add a ServiceAccountSecret for one).
 */
async function adopt(ctx: Ctx, inputs: Inputs, clientId: string): Promise<Outputs> {
  let account: ServiceAccountDetails;
  try {
    account = await ctx.atlas.getServiceAccount(inputs.orgId, clientId);
  } catch (error) {
    if (!isServiceAccountGone(error)) throw error;
    throw new Error(
      `adoptClientId: organization ${inputs.orgId} has no service account ${clientId}. Check the client id (Access Manager > Service Accounts) and orgId, or remove adoptClientId to create a new account.`,
    );
  }
  const body = updateBody({ ...account, roles: account.roles ?? [] }, inputs);
  if (body) account = { ...account, ...(await ctx.atlas.updateServiceAccount(inputs.orgId, clientId, body)) };
  return toServiceAccountOutputs(inputs, account);
}
