import type { ApiKeyDetails } from "../../atlas/types";
import { AtlasApiError, hasErrorCode, isAtlasApiError } from "../../atlas/errors";
import { GONE_WHEN, goneIf, isGone } from "../../atlas/not-found";
import { entriesOf, toRequestEntry } from "../../shared/access-list";
import { PartialFailure } from "./applied-steps";
import type { HandlerContext } from "./contract";
import { noneFoundSentence } from "./ambiguous-create";

/**
 * Operations on organization keys shared by ApiKey and ProjectApiKey: access-list
 * synchronisation, transactional rollback of a half-created key, and deletion.
 */

/** Delays (ms) between attempts to add entries to a key Atlas created a moment ago. */
const FRESH_KEY_RETRY_DELAYS_MS = [250, 1_000, 2_000];

/**
 * Adds access-list entries. Atlas adds a batch all or nothing: one entry already there (added
 * outside Pulumi, or by a resend whose first answer was lost) makes it refuse the whole batch
 * with 409. So on a 409 the list is read again and only what Atlas lacks is added.
 * Right after a key is created Atlas has been seen to answer API_KEY_NOT_FOUND for its access
 * list (terraform-provider-mongodbatlas #1075), so a fresh key gets a few short retries on that code.
 */
export async function addAccessListEntries(
  ctx: HandlerContext,
  orgId: string,
  apiKeyId: string,
  entries: string[],
  freshKey = false,
) {
  let missing = entries;
  const delays = freshKey ? FRESH_KEY_RETRY_DELAYS_MS : [];
  for (let attempt = 0, conflicts = 0; missing.length > 0; attempt++) {
    try {
      await ctx.atlas.createAccessListEntries(orgId, apiKeyId, missing.map(toRequestEntry));
      return;
    } catch (error) {
      if (isAtlasApiError(error) && error.status === 409 && conflicts++ < MAX_CONFLICT_ROUNDS) {
        const present = entriesOf(await ctx.atlas.listAccessListEntries(orgId, apiKeyId));
        const stillMissing = missing.filter((entry) => !present.includes(entry));
        // Nothing that was missing is there now: the 409 is about something else, so report it.
        if (stillMissing.length === missing.length) throw error;
        missing = stillMissing;
        continue;
      }
      if (attempt >= delays.length || !hasErrorCode(error, "API_KEY_NOT_FOUND")) throw error;
      await new Promise((resolve) => setTimeout(resolve, delays[attempt]));
    }
  }
}

/** Rounds of "409, read the list, add what is missing": another writer may race each one. */
const MAX_CONFLICT_ROUNDS = 3;

/** The key's access list, or null when the key itself is gone. */
export async function readAccessList(ctx: HandlerContext, orgId: string, apiKeyId: string): Promise<string[] | null> {
  const list = await goneIf(ctx.atlas.listAccessListEntries(orgId, apiKeyId), GONE_WHEN.orgKey);
  return list ? entriesOf(list) : null;
}

/**
 * Create is transactional: when a step after the key's creation fails, the key
 * is deleted before the error is reported, so no live key is left that Pulumi
 * does not know about. When the deletion fails too (e.g. the deployment's
 * credentials may create keys in a project but lack the organization's
 * ORG_OWNER role needed to delete one), the key is reported as a partial
 * result: the engine records it, private key included, so it stays visible
 * and `pulumi up` or `destroy` carries on from there. The error says what
 * happened to the key either way.
 */
export async function rollbackCreatedKey(
  ctx: HandlerContext,
  orgId: string,
  key: ApiKeyDetails,
  cause: unknown,
  step: string,
  created: { id: string; properties: object },
): Promise<Error> {
  const what = `key ${key.id} (public key ${key.publicKey}, "${key.desc}")`;
  try {
    await deleteOrgKey(ctx, orgId, key.id);
    return new Error(
      `${step} failed, so the new ${what} was deleted again; nothing was left behind. Cause: ${messageOf(cause)}`,
    );
  } catch (rollbackError) {
    return new PartialFailure(
      `${step} failed, and deleting the new ${what} failed too${rightsHint(rollbackError)}, so it is still live in organization ${orgId}. It is recorded in the Pulumi state as created so far: run \`pulumi up\` to finish it, or \`pulumi destroy\` with credentials that may delete it. Cause: ${messageOf(cause)}. Deletion error: ${messageOf(rollbackError)}`,
      created.id,
      created.properties,
    );
  }
}

/** Names the missing right when Atlas refused a key deletion for lack of it (401 USER_UNAUTHORIZED and friends). */
export function rightsHint(error: unknown): string {
  if (!isAtlasApiError(error) || (error.status !== 401 && error.status !== 403)) return "";
  if (error.errorCode === "INVALID_API_KEY" || error.errorCode === "UNEXPECTED_ERROR") return "";
  return " (deleting an API key needs the organization role ORG_OWNER, which the deployment's credentials lack)";
}

/**
 * A create whose outcome is unknown (the request was sent but no answer came)
 * cannot be retried safely: Atlas has no idempotency token. Say so, and name the
 * keys with this description that now exist, so the user can check them.
 */
export async function explainFailedCreate(
  ctx: HandlerContext,
  cause: unknown,
  organization: string | (() => Promise<string | undefined>),
  description: string,
  /** Keys the state already holds with this description (a rotating resource's current and previous keys). */
  known: readonly string[] = [],
): Promise<unknown> {
  if (!(cause instanceof AtlasApiError) || !cause.ambiguous) return cause;
  let candidates = "";
  try {
    const orgId = typeof organization === "string" ? organization : await organization();
    if (orgId) {
      const keys = (await ctx.atlas.listOrgApiKeys(orgId)).filter(
        (key) => key.desc === description && !known.includes(key.id),
      );
      candidates = keys.length
        ? ` Keys with this description now in organization ${orgId}: ${keys.map((k) => `${k.id} (public key ${k.publicKey})`).join(", ")}.`
        : noneFoundSentence(cause, `No key with this description exists in organization ${orgId}`, "list the keys");
    }
  } catch {
    // Listing is a courtesy; the message below stands without it.
  }
  return new Error(
    `Creating the API key "${description}" may or may not have succeeded: ${messageOf(cause)} It was not retried, because a second attempt could create a second live key.${candidates} If such a key exists and is not in the Pulumi state, delete it in Atlas (Access Manager > API Keys), then run \`pulumi up\` again.`,
  );
}

/**
 * Deletes an organization key; one Atlas says is gone counts as deleted. Any
 * other 404 fails: a delete must never report success for a key still live.
 */
export async function deleteOrgKey(ctx: HandlerContext, orgId: string, apiKeyId: string): Promise<void> {
  await goneIf(ctx.atlas.deleteOrgApiKey(orgId, apiKeyId), GONE_WHEN.orgKey);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Assigns a key to a project with exactly these roles. A key already in the
 * project (API_KEY_ALREADY_IN_GROUP, e.g. assigned outside Pulumi, or by a
 * previous run interrupted before it saved state) is adopted and given the
 * declared roles instead of failing (terraform-provider-mongodbatlas #2645).
 */
export async function assignToProject(
  ctx: HandlerContext,
  projectId: string,
  apiKeyId: string,
  roles: string[],
): Promise<void> {
  try {
    await ctx.atlas.assignApiKeyToProject(projectId, apiKeyId, roles);
  } catch (error) {
    if (!hasErrorCode(error, "API_KEY_ALREADY_IN_GROUP")) throw error;
    await ctx.atlas.updateProjectApiKey(projectId, apiKeyId, { roles });
  }
}

/**
 * The existing key `adoptApiKeyId` names. When the organization has no such key the error says
 * where it was looked for (`organization`, e.g. "5f… (the organization of project 5e…)") and
 * which inputs to check (`check`).
 */
export async function keyToAdopt(
  ctx: HandlerContext,
  orgId: string,
  apiKeyId: string,
  organization: string,
  check: string,
): Promise<ApiKeyDetails> {
  try {
    return await ctx.atlas.getOrgApiKey(orgId, apiKeyId);
  } catch (error) {
    if (!isGone(error, GONE_WHEN.orgKey)) throw error;
    throw new Error(
      `adoptApiKeyId: organization ${organization} has no API key ${apiKeyId}. Check the id (Access Manager > API Keys) and ${check}, or remove adoptApiKeyId to create a new key.`,
    );
  }
}
