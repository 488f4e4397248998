import type * as pulumi from "@pulumi/pulumi";
import { isGone } from "../../atlas/not-found";
import type { ServiceAccountDetails, ServiceAccountSecretDetails } from "../../atlas/service-account-types";
import { recordAfterPlan, samePolicy } from "../../shared/rotation-record";
import { rotationTimes } from "../../shared/rotation-policy";
import { planActs, planRotation, type RotationPlan } from "../../shared/rotation-schedule";
import { MAX_SECRETS_PER_ACCOUNT, MAX_SECRET_OVERLAP_MS } from "../../shared/service-accounts";
import { PartialFailure } from "../common/applied-steps";
import { noneFoundSentence } from "../common/ambiguous-create";
import { isAmbiguous, messageOf, unlessGone, type ServiceAccountContext } from "../common/service-account-operations";
import {
  toSecretOutputs,
  type ServiceAccountSecretInputs as Inputs,
  type ServiceAccountSecretOutputs as Outputs,
} from "./model";
import {
  NO_SECRET_ROTATION_FIELDS,
  asPreviousSecret,
  previousExpiry,
  previousSecretOf,
  secretSituation,
  type SecretCredential,
} from "./rotation-model";

/**
 * Scheduled rotation of a ServiceAccountSecret (issue 15): the order of the
 * Atlas calls that carry out a plan of the shared schedule, and what the state
 * records when one fails. Atlas's rules shape it: two secrets per account at
 * most, so a rotation needs the second slot; and the new secret cuts the old
 * one to at most 7 days, so the previous secret's expiry is read back.
 */

/** The handler context the rotation uses: the Atlas client and the provider's clock. */
export type RotationContext = ServiceAccountContext & { now(): number };

/** Only Atlas's code naming the secret says it is already gone (expired secrets stay until deleted). */
const SECRET_GONE = ["SERVICE_ACCOUNT_SECRET_NOT_FOUND"];

/** The engine's diff with a policy (or losing one): lifetime and `keepers` rotate instead of replacing. */
export function diffRotatingSecret(
  ctx: RotationContext,
  olds: Outputs,
  news: Inputs,
  modelReplaces: string[],
): pulumi.dynamic.DiffResult {
  const rotatesNow = ["keepers", "secretExpiresAfterHours"];
  const replaces = news.rotation === undefined ? modelReplaces : modelReplaces.filter((f) => !rotatesNow.includes(f));
  const acts = replaces.length === 0 && planActs(planRotation(secretSituation(olds, news, ctx.now())));
  return {
    changes: replaces.length > 0 || acts || !samePolicy(olds.rotation, news.rotation),
    replaces,
    deleteBeforeReplace: false,
  };
}

/**
 * Update of a secret with a policy. Order, and what a failure leaves:
 * - no rotation: the expired previous secret is deleted; if that fails it stays
 *   in the state for the next run.
 * - rotation: first the previous secret a rotation displaces (normally expired:
 *   its slot is needed), then the new secret; the current one becomes previous,
 *   with the expiry Atlas now gives it. If the new secret cannot be made, the
 *   state is what was done before (nothing else changed, nothing left behind).
 */
export async function updateRotatingSecret(ctx: RotationContext, id: string, olds: Outputs, news: Inputs) {
  const plan = planRotation(secretSituation(olds, news, ctx.now()));
  const recorded = previousSecretOf(olds);
  const settled = { ...olds, rotation: news.rotation, keepers: news.keepers };
  const withRotation = (outs: Outputs, previous: SecretCredential | undefined, expiresAt?: string): Outputs => ({
    ...outs,
    ...NO_SECRET_ROTATION_FIELDS,
    ...recordAfterPlan(asPreviousSecret, news.rotation, plan, previous, expiresAt),
  });

  if (plan.step === "none") {
    if (!plan.deletePrevious || !recorded) return withRotation(settled, recorded);
    try {
      await deletePrevious(ctx, olds, recorded);
    } catch (error) {
      const kept = withRotation(settled, recorded, olds.previousExpiresAt ?? "");
      throw new PartialFailure(
        `Deleting the previous secret ${recorded.secretId} of service account ${olds.clientId} failed; it stays in the state and the next \`pulumi up\` deletes it. Cause: ${messageOf(error)}`,
        id,
        kept,
      );
    }
    return withRotation(settled, undefined);
  }

  let applied: Outputs = olds;
  if (plan.deletePrevious && recorded) {
    try {
      await deletePrevious(ctx, olds, recorded);
    } catch (error) {
      throw new Error(
        `Rotation needs the slot of the previous secret ${recorded.secretId} of service account ${olds.clientId}, and deleting it failed, so nothing changed: the next \`pulumi up\` tries again. Cause: ${messageOf(error)}`,
      );
    }
    applied = { ...olds, ...asPreviousSecret(undefined), previousExpiresAt: "" };
  }
  const stopped = (message: string) =>
    applied === olds
      ? new Error(message)
      : new PartialFailure(`${message} The expired previous secret was deleted first.`, id, applied);

  const keep = plan.step === "rotate" ? currentOf(olds) : previousSecretOf(applied);
  const held = [olds.secretId, keep?.secretId].filter((s): s is string => Boolean(s));
  let account: ServiceAccountDetails;
  try {
    account = await ctx.atlas.getServiceAccount(olds.orgId, olds.clientId);
  } catch (error) {
    throw stopped(
      `Reading service account ${olds.clientId} before the rotation failed, so the current secret stays current. Cause: ${messageOf(error)}`,
    );
  }
  const blocking = (account.secrets ?? []).filter((s) => !held.includes(s.id));
  if ((account.secrets ?? []).length >= MAX_SECRETS_PER_ACCOUNT) {
    throw stopped(
      `Rotation needs a free secret slot on service account ${olds.clientId}, and Atlas keeps at most ${MAX_SECRETS_PER_ACCOUNT}: ${blocking.map((s) => s.id).join(", ")} ${blocking.length === 1 ? "is" : "are"} not held by this resource. Delete ${blocking.length === 1 ? "it" : "them"} in Atlas (Access Manager > Service Accounts), or give the rotating secret an account of its own (ServiceAccount with withoutInitialSecret: true), then run \`pulumi up\` again.`,
    );
  }

  let created: ServiceAccountSecretDetails;
  try {
    created = await ctx.atlas.createServiceAccountSecret(olds.orgId, olds.clientId, {
      secretExpiresAfterHours: news.secretExpiresAfterHours,
    });
  } catch (error) {
    const what = `Creating the new secret of service account ${olds.clientId} for the rotation failed, so the current secret stays current.`;
    if (!isAmbiguous(error)) throw stopped(`${what} Cause: ${messageOf(error)}`);
    const { message, currentExpiresAt } = await afterAmbiguousCreate(ctx, olds, account, error);
    // A secret made meanwhile cut the current one's expiry, even if it was deleted again: record Atlas's.
    if (currentExpiresAt && currentExpiresAt !== applied.expiresAt) {
      throw new PartialFailure(message, id, { ...applied, expiresAt: currentExpiresAt });
    }
    throw stopped(message);
  }

  // Atlas has just cut the older secrets' expiry: read it back rather than compute it.
  const after = await unlessGone(ctx.atlas.getServiceAccount(olds.orgId, olds.clientId)).catch(() => undefined);
  const listed = (secretId: string) => after?.secrets?.find((s) => s.id === secretId);
  const current = toSecretOutputs(news, listed(created.id) ?? created, created.secret ?? "");
  const scheduled = fallbackExpiry(plan, ctx.now());
  const atlasRules = plan.step === "rotate" && rotationTimes(news.rotation!).overlapMs >= MAX_SECRET_OVERLAP_MS;
  const expiresAt = keep ? previousExpiry(scheduled, listed(keep.secretId), atlasRules) : "";
  return withRotation(current, keep, expiresAt);
}

/**
 * A create that may or may not have been carried out: it is not resent (it could take the
 * last slot). A secret made by it is useless (its value was lost with the answer), so it is
 * deleted again; what could not be deleted is named. Also returns the current secret's
 * expiry as Atlas now lists it.
 */
async function afterAmbiguousCreate(
  ctx: RotationContext,
  olds: Outputs,
  before: ServiceAccountDetails,
  error: unknown,
): Promise<{ message: string; currentExpiresAt?: string }> {
  const known = new Set((before.secrets ?? []).map((s) => s.id));
  let made: string[] = [];
  const left: string[] = [];
  let currentExpiresAt: string | undefined;
  let listed = false;
  try {
    const now = await ctx.atlas.getServiceAccount(olds.orgId, olds.clientId);
    listed = true;
    currentExpiresAt = now.secrets?.find((s) => s.id === olds.secretId)?.expiresAt;
    made = (now.secrets ?? []).filter((s) => !known.has(s.id)).map((s) => s.id);
    for (const secretId of made) {
      await ctx.atlas.deleteServiceAccountSecret(olds.orgId, olds.clientId, secretId).catch(() => left.push(secretId));
    }
  } catch {
    // Reading the account is a courtesy: the message below says what could not be checked.
  }
  const deleted = made.filter((s) => !left.includes(s));
  const cleaned = deleted.length ? ` The secret it made (${deleted.join(", ")}) was deleted again.` : "";
  const named = left.length
    ? ` Secrets made by it that could not be deleted: ${left.join(", ")}; their values cannot be shown again, so delete them in Atlas (Access Manager > Service Accounts).`
    : made.length
      ? ""
      : !listed
        ? " Whether it made a secret could not be checked: list the account's secrets in Atlas (Access Manager > Service Accounts) and delete any the Pulumi state does not hold."
        : noneFoundSentence(
            error,
            `No new secret of service account ${olds.clientId} exists`,
            "list its secrets (delete any the Pulumi state does not hold)",
          );
  return {
    message: `Creating the new secret of service account ${olds.clientId} for the rotation may or may not have succeeded, so the current secret stays current: ${messageOf(error)} It was not retried, because a second attempt could take the account's last secret slot.${cleaned}${named} Then run \`pulumi up\` again.`,
    currentExpiresAt,
  };
}

/** The current secret the outputs hold, or undefined when refresh found it deleted outside Pulumi. */
function currentOf(outs: Outputs): SecretCredential | undefined {
  return outs.secretId ? { secretId: outs.secretId, secret: outs.secret } : undefined;
}

/**
 * Deletes the previous secret. It counts as deleted when Atlas reports it gone by the code
 * naming the secret, or when a delete whose answer was lost did go through: after a failure
 * the account's list says whether it is still there, so the state never keeps a secret that
 * is gone.
 */
async function deletePrevious(ctx: RotationContext, outs: Outputs, previous: SecretCredential): Promise<void> {
  try {
    await ctx.atlas.deleteServiceAccountSecret(outs.orgId, outs.clientId, previous.secretId);
  } catch (error) {
    if (isGone(error, SECRET_GONE)) return;
    const account = await unlessGone(ctx.atlas.getServiceAccount(outs.orgId, outs.clientId)).catch(() => null);
    const stillListed = account === null || (account?.secrets ?? []).some((s) => s.id === previous.secretId);
    if (stillListed) throw error;
  }
}

/**
 * The previous secret's expiry when Atlas's cannot be read back: the schedule's, cut to the
 * 7 days Atlas leaves it at most. The next refresh reads Atlas's own.
 */
function fallbackExpiry(plan: RotationPlan, now: number): string {
  const cap = now + MAX_SECRET_OVERLAP_MS;
  const planned = Date.parse(plan.previousExpiresAt);
  return new Date(Number.isNaN(planned) ? cap : Math.min(planned, cap)).toISOString();
}
