/**
 * The one rule for "deleted outside Pulumi" (issue 10). A 404 means the object
 * is gone only when Atlas says so with the error code that names it; any other
 * 404 (`RESOURCE_NOT_FOUND`, a body that is not an Atlas error, an HTML page)
 * comes from a request that did not reach the API it was meant for, most
 * often a wrong `mongodbatlas:baseUrl`. Taking that for "gone" would drop live
 * keys from the state on refresh and report a delete that never happened.
 */
import { isAtlasApiError } from "./errors";

/**
 * For each kind of object read, the Atlas error codes that say it does not
 * exist. An object inside a missing container is missing too (a key of a
 * deleted organization), so the container's code counts.
 */
export const GONE_WHEN = {
  /** An organization key (`/orgs/{orgId}/apiKeys/{id}`, its access list too). */
  orgKey: ["API_KEY_NOT_FOUND", "ORG_NOT_FOUND"],
  /** The key list of an organization. */
  orgKeys: ["ORG_NOT_FOUND"],
  /** A project (Atlas calls projects groups), or the key list of a project. */
  project: ["GROUP_NOT_FOUND"],
  /** A key's assignment to a project: Atlas answers API_KEY_NOT_FOUND for a key not assigned there. */
  projectAssignment: ["API_KEY_NOT_FOUND", "GROUP_NOT_FOUND"],
  /** One access-list entry of a key; the older code is the one Atlas's error table documents. */
  accessListEntry: [
    "API_KEY_ACCESS_LIST_NOT_FOUND",
    "API_KEY_WHITELIST_NOT_FOUND",
    "API_KEY_NOT_FOUND",
    "ORG_NOT_FOUND",
  ],
} as const satisfies Record<string, readonly string[]>;

/**
 * A 404 that does not say which object is missing. The message shows the
 * request (method and path, never a header) and the likely fix.
 */
export class MisdirectedRequestError extends Error {
  override readonly name = "MisdirectedRequestError";
  /** The Atlas error code of the 404, or the client's code for a body that is not an Atlas error. */
  readonly errorCode: string;

  constructor(method: string, path: string, errorCode: string) {
    // The path without its query: the client's queries are page numbers, and a query is where tokens get pasted.
    super(
      `${method} ${path.split("?")[0]} answered HTTP 404 with error code "${errorCode}", which does not say that the object asked for is gone: ` +
        "the base URL looks wrong, so nothing is taken as deleted. Set mongodbatlas:baseUrl (or MONGODB_ATLAS_BASE_URL) " +
        'to the host root, e.g. "https://cloud.mongodb.com": the client adds /api/atlas/v2 itself.',
    );
    this.errorCode = errorCode;
  }
}

/**
 * True when `error` is Atlas's 404 with one of `codes` (the object is gone);
 * false for an error that is not a 404 (the caller rethrows it). Throws a
 * {@link MisdirectedRequestError} for any other 404.
 */
export function isGone(error: unknown, codes: readonly string[]): boolean {
  if (!isAtlasApiError(error) || error.status !== 404) return false;
  if (codes.includes(error.errorCode)) return true;
  throw new MisdirectedRequestError(error.method ?? "", error.path ?? "", error.errorCode);
}

/**
 * Awaits `call`: its value, or `undefined` when Atlas says the object is gone
 * with one of `codes` (a list of {@link GONE_WHEN}). Every other failure, and
 * every other 404, rejects.
 */
export async function goneIf<T>(call: Promise<T>, codes: readonly string[]): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (isGone(error, codes)) return undefined;
    throw error;
  }
}
