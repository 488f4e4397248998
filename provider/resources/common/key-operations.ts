import type { ApiKeyDetails } from "../../atlas/types";
import { AtlasApiError, hasErrorCode, isAtlasApiError } from "../../atlas/errors";
import { GONE_WHEN, goneIf } from "../../atlas/not-found";
import { entriesOf, setDelta, toRequestEntry } from "../../shared/access-list";
import type { HandlerContext } from "./contract";

/**
 * Operations on organization keys shared by ApiKey and ProjectApiKey: access-list
 * synchronisation, transactional rollback of a half-created key, and deletion.
 */

/** Delays (ms) between attempts to add entries to a key Atlas created a moment ago. */
const FRESH_KEY_RETRY_DELAYS_MS = [250, 1_000, 2_000];

/**
 * Adds access-list entries. Right after a key is created Atlas has been seen to
 * answer API_KEY_NOT_FOUND for its access list (terraform-provider-mongodbatlas
 * #1075), so a fresh key gets a few short retries on that code.
 */
export async function addAccessListEntries(
  ctx: HandlerContext,
  orgId: string,
  apiKeyId: string,
  entries: string[],
  freshKey = false,
) {
  if (entries.length === 0) return;
  const delays = freshKey ? FRESH_KEY_RETRY_DELAYS_MS : [];
  for (let attempt = 0; ; attempt++) {
    try {
      await ctx.atlas.createAccessListEntries(orgId, apiKeyId, entries.map(toRequestEntry));
      return;
    } catch (error) {
      // A resend after a lost answer finds its own entries (409): if all are there, it succeeded.
      if (isAtlasApiError(error) && error.status === 409 && (await allPresent(ctx, orgId, apiKeyId, entries))) return;
      if (attempt >= delays.length || !hasErrorCode(error, "API_KEY_NOT_FOUND")) throw error;
      await new Promise((resolve) => setTimeout(resolve, delays[attempt]));
    }
  }
}

async function allPresent(ctx: HandlerContext, orgId: string, apiKeyId: string, entries: string[]): Promise<boolean> {
  const present = entriesOf(await ctx.atlas.listAccessListEntries(orgId, apiKeyId));
  return entries.every((entry) => present.includes(entry));
}

/** The key's access list, or null when the key itself is gone. */
export async function readAccessList(ctx: HandlerContext, orgId: string, apiKeyId: string): Promise<string[] | null> {
  const list = await goneIf(ctx.atlas.listAccessListEntries(orgId, apiKeyId), GONE_WHEN.orgKey);
  return list ? entriesOf(list) : null;
}

/**
 * Makes the key's access list equal `desired` (canonical entries). `known` is
 * the list as last recorded; when absent (the list was not managed before), it
 * is read from Atlas so that entries made elsewhere are removed too.
 */
export async function syncAccessList(
  ctx: HandlerContext,
  orgId: string,
  apiKeyId: string,
  known: string[] | undefined,
  desired: string[],
) {
  const current = known ?? entriesOf(await ctx.atlas.listAccessListEntries(orgId, apiKeyId));
  const { add, remove } = setDelta(current, desired);
  await addAccessListEntries(ctx, orgId, apiKeyId, add);
  for (const entry of remove) {
    await goneIf(ctx.atlas.deleteAccessListEntry(orgId, apiKeyId, entry), GONE_WHEN.accessListEntry);
  }
}

/**
 * Create is transactional: when a step after the key's creation fails, the key
 * is deleted before the error is reported, so no live key is left that Pulumi
 * does not know about. The error says what happened to the key either way.
 */
export async function rollbackCreatedKey(
  ctx: HandlerContext,
  orgId: string,
  key: ApiKeyDetails,
  cause: unknown,
  step: string,
): Promise<Error> {
  const what = `key ${key.id} (public key ${key.publicKey}, "${key.desc}")`;
  try {
    await deleteOrgKey(ctx, orgId, key.id);
    return new Error(
      `${step} failed, so the new ${what} was deleted again; nothing was left behind. Cause: ${messageOf(cause)}`,
    );
  } catch (rollbackError) {
    return new Error(
      `${step} failed, and deleting the new ${what} failed too, so it is still live in organization ${orgId} and not in the Pulumi state: delete it in Atlas (Access Manager > API Keys). Cause: ${messageOf(cause)}. Deletion error: ${messageOf(rollbackError)}`,
    );
  }
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
): Promise<unknown> {
  if (!(cause instanceof AtlasApiError) || !cause.ambiguous) return cause;
  let candidates = "";
  try {
    const orgId = typeof organization === "string" ? organization : await organization();
    if (orgId) {
      const keys = (await ctx.atlas.listOrgApiKeys(orgId)).filter((key) => key.desc === description);
      candidates = keys.length
        ? ` Keys with this description now in organization ${orgId}: ${keys.map((k) => `${k.id} (public key ${k.publicKey})`).join(", ")}.`
        : cause.errorCode === "TIMEOUT"
          ? ` No key with this description exists in organization ${orgId} yet, but Atlas may still carry out the timed-out request: list the keys again in a few minutes.`
          : ` No key with this description exists in organization ${orgId} now.`;
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
