import { AtlasApiError, isAtlasApiError } from "../../atlas/errors";
import { isGone } from "../../atlas/not-found";
import type { ServiceAccountApi } from "../../atlas/service-account-types";

/**
 * The part of the handler context (`HandlerContext` in contract.ts) the service-account handlers use: the
 * process's Atlas client (or a fake in tests). The runtime's `bind` checks
 * that the context it passes fits.
 */
export interface ServiceAccountContext {
  readonly atlas: ServiceAccountApi;
}

/**
 * True when Atlas said the object, or the account, project or organization it
 * belongs to, does not exist: HTTP 404 with an error code naming one of them
 * (`SERVICE_ACCOUNT_NOT_FOUND`, `SERVICE_ACCOUNT_SECRET_NOT_FOUND`,
 * `GROUP_NOT_FOUND`, `ORG_NOT_FOUND`, …). Atlas's codes for service accounts
 * are not published, hence the pattern rather than a list. A 404 without such
 * a code (`RESOURCE_NOT_FOUND` for an unknown path, an HTML page from a wrong
 * base URL) is not "deleted outside Pulumi": it throws the not-found rule's
 * error that says the base URL looks wrong (atlas/not-found.ts).
 */
export function isServiceAccountGone(error: unknown): boolean {
  const code = isAtlasApiError(error) ? error.errorCode : "";
  return isGone(error, /^(SERVICE_ACCOUNT|GROUP|ORG)[A-Z_]*_NOT_FOUND$/.test(code) ? [code] : []);
}

/** Awaits a call, treating "gone" as success (for deletes). */
export async function ignoreGone(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (error) {
    if (!isServiceAccountGone(error)) throw error;
  }
}

/** Awaits a read; "gone" becomes undefined. */
export async function unlessGone<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (isServiceAccountGone(error)) return undefined;
    throw error;
  }
}

/** True when the request may have been carried out although no success came back (never retried). */
export function isAmbiguous(error: unknown): error is AtlasApiError {
  return error instanceof AtlasApiError && error.ambiguous;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
