/**
 * The request target exactly as received, split at the first `?`. The path is never normalised:
 * `new URL()` would resolve `..`, `%2e%2e` and backslashes, and turn an Admin API path into a
 * control-plane path (`/api/atlas/v2/../../../__emulator/state` → `/__emulator/state`). Routes,
 * the control plane, faults and the request log all see this raw path.
 */
export interface RequestTarget {
  /** Raw path, still percent-encoded, e.g. `/api/atlas/v2/orgs/…/accessList/192.0.2.0%2F24`. */
  path: string;
  /** Raw query string without the leading `?` ("" when none). */
  search: string;
  /** The query string parsed. */
  query: URLSearchParams;
}

/** Splits a raw request target (`req.url`); anything but an origin-form target gets the path `""`. */
export function parseTarget(raw: string | undefined): RequestTarget {
  const text = raw ?? "";
  const mark = text.indexOf("?");
  const path = mark < 0 ? text : text.slice(0, mark);
  const search = mark < 0 ? "" : text.slice(mark + 1);
  return { path: path.startsWith("/") ? path : "", search, query: new URLSearchParams(search) };
}
