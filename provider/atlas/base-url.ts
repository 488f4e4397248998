/**
 * Validation of the `baseUrl` option. Credentials travel on every request
 * (the digest response, the bearer token), so plain HTTP is refused except to
 * the local machine, where the emulator runs.
 */
import { redactText } from "./redact";

/** Where Atlas lives. */
export const DEFAULT_BASE_URL = "https://cloud.mongodb.com";

/** A checked base URL. */
export interface BaseUrl {
  /** `scheme://host[:port]`, no trailing slash. */
  origin: string;
  /** Path prefix put before every request path (`""` for Atlas itself). */
  pathPrefix: string;
  /** True for 127.0.0.0/8, `localhost` and `[::1]`. */
  loopback: boolean;
}

/** True for host names that can only reach this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (host === "localhost" || host === "[::1]" || host === "::1") return true;
  const octets = host.split(".");
  return octets.length === 4 && octets[0] === "127" && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255);
}

/**
 * Checks and normalises a base URL (default {@link DEFAULT_BASE_URL}).
 *
 * @throws Error naming `baseUrl` and the fix when the URL has no scheme, is not
 * `https://` (except `http://` to a loopback host), or carries credentials,
 * a query or a fragment, or already contains the API path `/api/atlas`.
 */
export function parseBaseUrl(input: string | undefined): BaseUrl {
  const raw = (input ?? DEFAULT_BASE_URL).trim() || DEFAULT_BASE_URL;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) {
    throw new Error(
      `Invalid baseUrl ${shown(raw)}: it has no scheme. ` +
        `Write it in full, e.g. "https://cloud.mongodb.com" (or "http://127.0.0.1:<port>" for a local emulator).`,
    );
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`Invalid baseUrl ${shown(raw)}: not a URL. Use e.g. "https://cloud.mongodb.com".`);
  }
  if (url.username || url.password) {
    // The message must not repeat the URL: it holds a password.
    throw new Error(
      "Invalid baseUrl: it contains a user name or password. Remove them; credentials go in the provider's credential settings.",
    );
  }
  if (url.search || url.hash) {
    // Only the part before the query is shown: a query string is where tokens get pasted.
    throw new Error(`Invalid baseUrl ${shown(url.origin + url.pathname)}: remove the query string and fragment.`);
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol === "http:" && !loopback) {
    throw new Error(
      `Invalid baseUrl ${shown(raw)}: http:// is only allowed for the local machine ` +
        `(127.0.0.1, localhost, [::1]); use https:// for ${url.hostname}.`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`Invalid baseUrl ${shown(raw)}: the scheme must be https:// (e.g. "https://cloud.mongodb.com").`);
  }
  if (/\/api\/atlas(\/|$)/i.test(url.pathname)) {
    // Atlas's docs print the API root (…/api/atlas/v2); the client adds that part to every path, so
    // keeping it here would double it and every request would answer 404 (issue 10).
    throw new Error(
      `Invalid baseUrl ${shown(url.origin + url.pathname)}: its path already contains /api/atlas. ` +
        `mongodbatlas:baseUrl must be the host root, e.g. "https://cloud.mongodb.com" (or "${url.origin}" here): ` +
        "the client adds /api/atlas/v2 itself.",
    );
  }
  return { origin: url.origin, pathPrefix: url.pathname.replace(/\/+$/, ""), loopback };
}

/**
 * The URL as an error message may show it: a configuration value is never repeated verbatim
 * (a private key pasted into the wrong setting would be printed), so it goes through the
 * redactor, loses any "user:pass@" part and is cut to 200 characters.
 */
function shown(raw: string): string {
  const withoutUser = raw.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/]*@/i, "$1…@");
  return JSON.stringify(redactText(withoutUser).slice(0, 200));
}
