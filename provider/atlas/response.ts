/**
 * Turns a final response into a value or an {@link AtlasApiError}. Only the
 * documented fields of the Atlas error envelope are copied; a body that is
 * not JSON (an HTML 502 from a proxy) still gives a clean error, without
 * echoing the page.
 */
import { STATUS_CODES } from "http";
import { AtlasApiError, ClientErrorCode } from "./errors";
import type { RetryResult } from "./retrying-sender";

/** The request a response belongs to, for the error message. */
export interface RequestLabel {
  method: string;
  target: string;
}

/**
 * Parses a 2xx body; an empty body (204) gives `undefined`.
 *
 * @throws AtlasApiError when the body is not JSON.
 */
export function parseSuccessBody<T>(result: RetryResult, request: RequestLabel): T {
  const body = result.response.body;
  if (body.trim() === "") return undefined as T;
  try {
    return JSON.parse(body) as T;
  } catch {
    throw new AtlasApiError({
      status: result.response.status,
      errorCode: ClientErrorCode.unexpectedResponse,
      detail: `The response body is not JSON (${describeBody(result)}).`,
      method: request.method,
      path: request.target,
      attempts: result.attempts,
    });
  }
}

/** Builds the error for a non-2xx (or ambiguous) final response. */
export function errorFromResponse(result: RetryResult, request: RequestLabel): AtlasApiError {
  const { status, headers } = result.response;
  const common = {
    status,
    method: request.method,
    path: request.target,
    ambiguous: result.ambiguous,
    attempts: result.attempts,
  };
  const envelope = parseEnvelope(result.response.body);
  if (envelope) {
    return new AtlasApiError({
      ...common,
      errorCode: envelope.errorCode ?? headers["x-error-code"] ?? `HTTP_${status}`,
      detail: envelope.detail,
      reason: envelope.reason ?? STATUS_CODES[status],
      parameters: envelope.parameters,
    });
  }
  return new AtlasApiError({
    ...common,
    errorCode: headers["x-error-code"] ?? ClientErrorCode.unexpectedResponse,
    detail: `The response is not an Atlas error document (${describeBody(result)}).`,
    reason: STATUS_CODES[status],
  });
}

interface Envelope {
  errorCode?: string;
  detail?: string;
  reason?: string;
  parameters?: unknown[];
}

/**
 * Reads the Atlas `ApiError` envelope (`{detail, error, errorCode, parameters,
 * reason}`), or the OAuth token endpoint's `{error, error_description}`.
 */
function parseEnvelope(body: string): Envelope | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return undefined;
  const o = parsed as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" && v.length > 0 ? v : undefined);
  const oauthCode = typeof o.error === "string" ? o.error : undefined;
  const errorCode = str(o.errorCode) ?? oauthCode;
  if (!errorCode && typeof o.error !== "number") return undefined;
  return {
    errorCode,
    detail: str(o.detail) ?? str(o.error_description),
    reason: str(o.reason),
    parameters: Array.isArray(o.parameters) ? o.parameters : undefined,
  };
}

function describeBody(result: RetryResult): string {
  const type = result.response.headers["content-type"] ?? "no content type";
  return `${type.split(";")[0]}, ${Buffer.byteLength(result.response.body)} bytes`;
}
