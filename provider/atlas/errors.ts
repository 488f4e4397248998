/**
 * The one error type of the Atlas client. It is built from plain fields copied
 * out of a response (never the axios error, the request config or its
 * headers), so that printing, serialising or logging it cannot leak a
 * credential or a private key.
 */
import { redact, redactText } from "./redact";

/** Error codes the client itself assigns when Atlas gave none. */
export const ClientErrorCode = {
  /** The connection failed (refused, reset, DNS, TLS). */
  network: "NETWORK_ERROR",
  /** No complete answer within the connect or request timeout. */
  timeout: "TIMEOUT",
  /** A response that is not an Atlas error envelope (e.g. an HTML page from a proxy). */
  unexpectedResponse: "UNEXPECTED_RESPONSE",
  /** The server asked for an authentication scheme or algorithm this client cannot answer. */
  unsupportedAuth: "UNSUPPORTED_AUTHENTICATION",
} as const;

/** Fields of an {@link AtlasApiError}; everything except `status` is optional. */
export interface AtlasApiErrorOptions {
  /** HTTP status; 0 when no response was received. */
  status: number;
  /** Atlas `errorCode` (e.g. `API_KEY_NOT_FOUND`) or one of {@link ClientErrorCode}. */
  errorCode?: string;
  detail?: string;
  reason?: string;
  parameters?: unknown[];
  /** HTTP method of the failed request. */
  method?: string;
  /** Path and query of the failed request (no host, no credentials). */
  path?: string;
  /**
   * True when the request may have been carried out although no success was
   * seen (a key-creating POST that timed out or got a 5xx): it was not resent.
   */
  ambiguous?: boolean;
  /** How many HTTP attempts were made for this call. */
  attempts?: number;
}

/** A failed Atlas Administration API call. */
export class AtlasApiError extends Error {
  override readonly name: string;
  /** HTTP status; 0 when no response was received. */
  readonly status: number;
  /** Atlas `errorCode`, or a {@link ClientErrorCode}. */
  readonly errorCode: string;
  readonly detail?: string;
  readonly reason?: string;
  readonly parameters?: unknown[];
  readonly method?: string;
  readonly path?: string;
  /** See {@link AtlasApiErrorOptions.ambiguous}. */
  readonly ambiguous: boolean;
  /** Number of HTTP attempts made. */
  readonly attempts: number;

  constructor(options: AtlasApiErrorOptions) {
    const safe = sanitize(options);
    const message = formatMessage(safe);
    super(message);
    this.name = "AtlasApiError";
    this.status = safe.status;
    this.errorCode = safe.errorCode ?? ClientErrorCode.unexpectedResponse;
    this.detail = safe.detail;
    this.reason = safe.reason;
    this.parameters = safe.parameters;
    this.method = safe.method;
    this.path = safe.path;
    this.ambiguous = safe.ambiguous ?? false;
    this.attempts = safe.attempts ?? 1;
  }

  /** The safe fields only: what `JSON.stringify` shows. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      errorCode: this.errorCode,
      detail: this.detail,
      reason: this.reason,
      parameters: this.parameters,
      method: this.method,
      path: this.path,
      ambiguous: this.ambiguous,
      attempts: this.attempts,
    };
  }

  /** What `util.inspect` / `console.log` show: the stack and the safe fields. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    const { message: _message, name: _name, ...fields } = this.toJSON();
    return `${this.stack ?? `${this.name}: ${this.message}`}\n${JSON.stringify(fields, null, 2)}`;
  }
}

function sanitize(options: AtlasApiErrorOptions): AtlasApiErrorOptions {
  const text = (value: string | undefined) => (value === undefined ? undefined : redactText(String(value)));
  return {
    status: Number.isFinite(options.status) ? options.status : 0,
    errorCode: text(options.errorCode),
    detail: text(options.detail),
    reason: text(options.reason),
    parameters: Array.isArray(options.parameters) ? (redact(options.parameters) as unknown[]) : undefined,
    method: text(options.method),
    path: text(options.path),
    ambiguous: options.ambiguous === true,
    attempts: options.attempts,
  };
}

/**
 * `POST /api/atlas/v2/orgs/…/apiKeys: HTTP 404 (Error code: "ORG_NOT_FOUND") Detail: No
 * organization with ID … exists. Reason: Not Found.`: the shape Atlas's own
 * tools print, so users can search for it.
 */
function formatMessage(o: AtlasApiErrorOptions): string {
  const target = [o.method, o.path].filter(Boolean).join(" ");
  const parts = [`${target ? `${target}: ` : ""}${o.status ? `HTTP ${o.status}` : "no response"}`];
  if (o.errorCode) parts.push(`(Error code: "${o.errorCode}")`);
  if (o.detail) parts.push(`Detail: ${sentence(o.detail)}`);
  if (o.reason) parts.push(`Reason: ${sentence(o.reason)}`);
  if (o.ambiguous) {
    const created = createdObject(o.path);
    parts.push(
      "The request may have been carried out although no success was seen, so it was not resent: " +
        `${created.what} may have been created. Check for it (${created.check}) before trying again, ` +
        `to avoid ${created.duplicate}.`,
    );
  }
  return parts.join(" ");
}

/**
 * What an ambiguous create may have made, told from the request path: only creates are ever
 * ambiguous (see `retry.ts`), and the user must know which list to check.
 */
function createdObject(path: string | undefined): { what: string; check: string; duplicate: string } {
  const route = (path ?? "").split("?")[0];
  if (/\/serviceAccounts\/[^/]+\/secrets\/?$/.test(route)) {
    return { what: "a service account secret", check: "list the account's secrets", duplicate: "an extra live secret" };
  }
  if (/\/serviceAccounts\/?$/.test(route)) {
    return { what: "the service account", check: "list the service accounts", duplicate: "a second live account" };
  }
  return { what: "the API key", check: "list the keys", duplicate: "a second live key" };
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** True when `e` is an {@link AtlasApiError}. */
export function isAtlasApiError(e: unknown): e is AtlasApiError {
  return e instanceof AtlasApiError;
}

/** True when `e` is an {@link AtlasApiError} carrying the Atlas error code `code`. */
export function hasErrorCode(e: unknown, code: string): boolean {
  return isAtlasApiError(e) && e.errorCode === code;
}

/** True when the call failed because Atlas's rate limit was reached (HTTP 429). */
export function isRateLimited(e: unknown): boolean {
  return isAtlasApiError(e) && (e.status === 429 || e.errorCode.startsWith("RATE_LIMITED"));
}
