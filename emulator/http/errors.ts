import { STATUS_CODES } from "node:http";
import { AtlasDomainError } from "../model/domain-error";

/**
 * The one place mapping Atlas error codes to HTTP statuses.
 *
 * Sources, per code: "live" = recorded from live Atlas (shared/reference/atlas-admin-api.md or a
 * quoted issue); "table" = the Atlas Administration API error-code table
 * (mongodb.com/docs/atlas/reference/api-errors); "renamed" = a table code whose "whitelist" was
 * renamed "access list", as Atlas did for API_KEY_ACCESS_LIST_ACCESS_DENIED; "choice" = no
 * public source, picked for the emulator.
 */
export const ERROR_STATUS: Readonly<Record<string, number>> = {
  // 400
  PATH_PARAM_PARSE_ERROR: 400, // live (terraform-provider-mongodbatlas #2317)
  API_KEY_ALREADY_IN_GROUP: 400, // live (terraform-provider-mongodbatlas #2645)
  INVALID_QUERY_PARAMETER: 400, // table
  MALFORMED_JSON: 400, // table
  INVALID_JSON: 400, // table
  INVALID_JSON_ATTRIBUTE: 400, // table
  INVALID_ATTRIBUTE: 400, // table
  MISSING_ATTRIBUTE: 400, // table
  MISSING_ONE_OF_ATTRIBUTES: 400, // table
  INVALID_API_KEY_DESC: 400, // table
  MISSING_API_KEY_ROLES: 400, // table
  INVALID_ROLE_FOR_ORG: 400, // table (detail reworded to match /Invalid role/, see model/roles.ts)
  INVALID_ROLE_FOR_GROUP: 400, // table (idem)
  API_KEY_CAN_ONLY_BELONG_TO_ONE_ORG: 400, // table
  INVALID_IP_ADDRESS_OR_CIDR_NOTATION: 400, // table
  DUPLICATE_ADDRESSES_IN_INPUT: 400, // table
  BAD_ACCESS_LIST_ADD_REQUEST: 400, // renamed BAD_WHITELIST_ADD_REQUEST
  CANNOT_REMOVE_CALLER_FROM_ACCESS_LIST: 400, // renamed CANNOT_REMOVE_CALLER_FROM_WHITELIST
  // Service accounts: Atlas publishes no service-account code (shared/reference/atlas-service-accounts.md §7).
  VALIDATION_ERROR: 400, // spec example code of a 400
  SERVICE_ACCOUNT_MAX_SECRETS_EXCEEDED: 400, // choice (third secret; the limit of 2 is documented)
  SERVICE_ACCOUNT_LIMIT_EXCEEDED: 400, // choice (201st account; the limit of 200 is documented)
  SERVICE_ACCOUNT_ACCESS_LIST_LIMIT_EXCEEDED: 400, // choice (201st entry; the limit of 200 is documented)
  SERVICE_ACCOUNT_ALREADY_IN_GROUP: 400, // choice, after the live API_KEY_ALREADY_IN_GROUP
  // 401: Atlas answers authorization failures with 401, not 403 (table: USER_UNAUTHORIZED, NOT_ORG_OWNER, ...).
  USER_UNAUTHORIZED: 401, // table
  USER_CANNOT_ACCESS_ORG: 401, // table
  NOT_IN_GROUP: 401, // table
  API_KEY_ACCESS_LIST_ACCESS_DENIED: 401, // live (reference: reading an access list without rights)
  // 403
  IP_ADDRESS_NOT_ON_ACCESS_LIST: 403, // renamed IP_ADDRESS_NOT_ON_WHITELIST
  // 404
  ORG_NOT_FOUND: 404, // live / table
  GROUP_NOT_FOUND: 404, // live
  API_KEY_NOT_FOUND: 404, // live (the old table said 400; live answers 404)
  API_KEY_ACCESS_LIST_NOT_FOUND: 404, // renamed API_KEY_WHITELIST_NOT_FOUND
  RESOURCE_NOT_FOUND: 404, // table (unknown path)
  SERVICE_ACCOUNT_NOT_FOUND: 404, // choice (also a malformed client id and an account not in the project)
  SERVICE_ACCOUNT_SECRET_NOT_FOUND: 404, // choice
  SERVICE_ACCOUNT_ACCESS_LIST_ENTRY_NOT_FOUND: 404, // choice
  // 405
  METHOD_NOT_ALLOWED: 405, // choice
  // 409
  ADDRESS_ALREADY_IN_ACCESS_LIST: 409, // renamed ADDRESS_ALREADY_IN_WHITELIST; the spec declares 409 on this operation
  // 413
  PAYLOAD_TOO_LARGE: 413, // choice (body over 1 MiB; Atlas's code for it is not published)
  // 429
  RATE_LIMITED_TOKEN_BUCKET: 429, // live
  RATE_LIMITED: 429, // table (also the OAuth token endpoint, per the reference)
  // 5xx (injected faults)
  UNEXPECTED_ERROR: 500, // table
  BAD_GATEWAY: 502, // choice
  SERVICE_UNAVAILABLE: 503, // spec example
  GATEWAY_TIMEOUT: 504, // choice
};

/** The JSON error body Atlas sends (`ApiError`), keys as Atlas names them. */
export interface ApiErrorBody {
  detail: string;
  error: number;
  errorCode: string;
  parameters: unknown[];
  reason: string;
}

/** HTTP status of an error code; unknown codes are a 500, like any unexpected server error. */
export function statusOf(errorCode: string): number {
  return ERROR_STATUS[errorCode] ?? 500;
}

/** Standard reason phrase ("Not Found", "Too Many Requests", ...), as Atlas puts in `reason`. */
export function reasonOf(status: number): string {
  return STATUS_CODES[status] ?? "Unknown";
}

/** Builds the error body for a domain error. */
export function toApiError(err: AtlasDomainError, status = statusOf(err.errorCode)): ApiErrorBody {
  return {
    detail: err.detail,
    error: status,
    errorCode: err.errorCode,
    parameters: [...err.parameters],
    reason: reasonOf(status),
  };
}

/** Any thrown value as an Atlas error body; non-domain errors become a generic 500. */
export function toApiErrorFromUnknown(err: unknown): ApiErrorBody {
  if (err instanceof AtlasDomainError) return toApiError(err);
  return toApiError(new AtlasDomainError("UNEXPECTED_ERROR", "Unexpected error."), 500);
}

/**
 * The 401 body live Atlas sends for missing or wrong credentials, byte for byte (it is
 * pretty-printed by Atlas, in this key order, with `UNEXPECTED_ERROR` as the code).
 */
export const UNAUTHORIZED_BODY =
  '{"error" : 401, "reason" : "Unauthorized", "detail" : "You are not authorized for this resource.", "errorCode" : "UNEXPECTED_ERROR"}';
